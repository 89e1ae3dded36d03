package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/equitylandscape/equity/model"
)

// progressAfter is how long an import runs before it shows a bar: a quick
// one says nothing.
const progressAfter = time.Second

// progressBar draws, on a terminal's standard error, how far an import has
// read: the file at hand and all of them. In a pipe or a log it draws
// nothing, so that a script's output is only what it asked for.
type progressBar struct {
	on      bool
	w       interface{ Write([]byte) (int, error) }
	start   time.Time
	total   int64            // bytes of every file
	sizes   map[string]int64 // by the name the importer reports
	done    int64            // bytes of the files finished
	current string
	files   int
	index   int
	drawn   bool
	last    time.Time
}

func newProgressBar(e env, paths []string) *progressBar {
	tty, _ := isTerminal(e.stderr)
	p := &progressBar{on: tty, w: e.stderr, start: time.Now(), sizes: map[string]int64{}, files: len(paths)}
	for _, path := range paths {
		if st, err := os.Stat(path); err == nil && st.Mode().IsRegular() {
			p.total += st.Size()
			p.sizes[model.CleanText(filepath.Base(path))] = st.Size()
		}
	}
	return p
}

// update is the importer's Progress.
func (p *progressBar) update(file string, read, size int64) {
	if !p.on {
		return
	}
	if file != p.current {
		if p.current != "" {
			p.done += p.sizes[p.current]
		}
		p.current = file
		p.index++
	}
	now := time.Now()
	if now.Sub(p.start) < progressAfter || now.Sub(p.last) < 100*time.Millisecond && read < size {
		return
	}
	p.last = now
	overall := 0.0
	if p.total > 0 {
		overall = float64(p.done+read) / float64(p.total)
	}
	fileShare := 0.0
	if size > 0 {
		fileShare = float64(read) / float64(size)
	}
	name := file
	if len([]rune(name)) > 28 {
		name = string([]rune(name)[:27]) + "…"
	}
	fmt.Fprintf(p.w, "\r%-28s %s %3.0f%%  file %d of %d  %s %3.0f%% in all", name, bar(fileShare, 12), 100*fileShare, p.index, p.files, bar(overall, 12), 100*overall)
	p.drawn = true
}

// finish clears the bar, so that what follows starts on a clean line.
func (p *progressBar) finish() {
	if p.drawn {
		fmt.Fprint(p.w, "\r\x1b[2K")
	}
}

func bar(share float64, width int) string {
	n := int(share*float64(width) + 0.5)
	n = min(max(n, 0), width)
	return "[" + strings.Repeat("█", n) + strings.Repeat("·", width-n) + "]"
}
