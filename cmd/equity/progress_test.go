package main

import (
	"bytes"
	"strings"
	"testing"
	"time"
)

// The bar shows the file at hand and the share of all the files read; it
// waits a second before it shows, draws nothing off a terminal, and clears
// its line when done.
func TestProgressBar(t *testing.T) {
	var buf bytes.Buffer
	p := &progressBar{on: true, w: &buf, start: time.Now().Add(-2 * time.Second),
		sizes: map[string]int64{"a.tsv": 100, "b.tsv": 300}, total: 400, files: 2}
	p.update("a.tsv", 100, 100)
	p.update("b.tsv", 100, 300)
	p.last = time.Time{} // past the redraw interval
	p.update("b.tsv", 300, 300)
	p.finish()
	out := buf.String()
	for _, want := range []string{"a.tsv", "file 1 of 2", " 25% in all", "b.tsv", "file 2 of 2", "100% in all", "\r\x1b[2K"} {
		if !strings.Contains(out, want) {
			t.Errorf("bar lacks %q:\n%q", want, out)
		}
	}

	buf.Reset()
	quick := &progressBar{on: true, w: &buf, start: time.Now(), sizes: map[string]int64{"a.tsv": 100}, total: 100, files: 1}
	quick.update("a.tsv", 50, 100)
	quick.finish()
	if buf.Len() != 0 {
		t.Errorf("a quick import drew %q", buf.String())
	}
	off := &progressBar{on: false, w: &buf, start: time.Now().Add(-time.Minute)}
	off.update("a.tsv", 50, 100)
	off.finish()
	if buf.Len() != 0 {
		t.Errorf("a bar in a pipe drew %q", buf.String())
	}
}
