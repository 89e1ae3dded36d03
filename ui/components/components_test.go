package components

import (
	"fmt"
	"math"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/equitylandscape/equity/ui/theme"
)

func mono() *theme.Theme { return theme.New(theme.Mono, true) }

func press(k string) tea.KeyPressMsg {
	switch k {
	case "up":
		return tea.KeyPressMsg{Code: tea.KeyUp}
	case "down":
		return tea.KeyPressMsg{Code: tea.KeyDown}
	case "left":
		return tea.KeyPressMsg{Code: tea.KeyLeft}
	case "right":
		return tea.KeyPressMsg{Code: tea.KeyRight}
	case "pgup":
		return tea.KeyPressMsg{Code: tea.KeyPgUp}
	case "pgdown":
		return tea.KeyPressMsg{Code: tea.KeyPgDown}
	case "home":
		return tea.KeyPressMsg{Code: tea.KeyHome}
	case "end":
		return tea.KeyPressMsg{Code: tea.KeyEnd}
	}
	r := []rune(k)[0]
	return tea.KeyPressMsg{Code: r, Text: k}
}

// checkFrame fails unless view is exactly h lines of exactly w cells.
func checkFrame(t *testing.T, view string, w, h int) {
	t.Helper()
	lines := strings.Split(view, "\n")
	if len(lines) != h {
		t.Errorf("%dx%d: %d lines, want %d", w, h, len(lines), h)
	}
	for i, l := range lines {
		if got := ansi.StringWidth(l); got != w {
			t.Errorf("%dx%d: line %d is %d cells, want %d: %q", w, h, i, got, w, ansi.Strip(l))
		}
	}
}

// --- Bar ---------------------------------------------------------------

func TestBar(t *testing.T) {
	th := mono()
	// units = round(score/100 × width × 8): whole cells, then one partial
	// block of eighths, then the track.
	for _, c := range []struct {
		score float64
		width int
		want  string
	}{
		{0, 10, "··········"},
		{50, 10, "█████·····"},
		{100, 10, "██████████"},
		{-20, 4, "····"}, // clamped to 0
		{250, 4, "████"}, // clamped to 100
		{math.NaN(), 6, "      "},
		{12.5, 1, "▏"}, // 1 eighth
		{25, 1, "▎"},
		{37.5, 1, "▍"},
		{50, 1, "▌"},
		{62.5, 1, "▋"},
		{75, 1, "▊"},
		{87.5, 1, "▉"},
		{25, 2, "▌·"},
		{45, 5, "██▎··"}, // 18 eighths: two cells and two eighths
		{74.5, 5, "███▊·"},
		{99, 5, "█████"}, // 39.6 eighths round to a full bar
		{1, 5, "·····"},  // 0.4 eighths round to nothing
		{5, 100, strings.Repeat("█", 5) + strings.Repeat("·", 95)},
	} {
		if got := ansi.Strip(Bar(th, c.score, c.width)); got != c.want {
			t.Errorf("Bar(%v, %d) = %q, want %q", c.score, c.width, got, c.want)
		}
	}
	for _, w := range []int{0, -3} {
		if got := Bar(th, 50, w); got != "" {
			t.Errorf("Bar(50, %d) = %q, want nothing", w, got)
		}
	}
}

// Every bar is exactly its width in cells, in every theme, and grows with
// the score.
func TestBarWidthAndMonotony(t *testing.T) {
	for _, name := range []string{theme.Dark, theme.Light, theme.HighContrast, theme.Mono} {
		th := theme.New(name, true)
		for w := 1; w <= 12; w++ {
			prev := -1
			for score := -10.0; score <= 110; score += 0.25 {
				bar := Bar(th, score, w)
				if got := ansi.StringWidth(bar); got != w {
					t.Fatalf("%s: Bar(%v, %d) is %d cells: %q", name, score, w, got, ansi.Strip(bar))
				}
				units := 0
				for _, r := range ansi.Strip(bar) {
					if r == '█' {
						units += 8
					} else if i := strings.IndexRune(eighths, r); i > 0 {
						units += len([]rune(eighths[:i]))
					}
				}
				if units < prev {
					t.Fatalf("%s: Bar(%v, %d) = %q is shorter than at a lower score", name, score, w, ansi.Strip(bar))
				}
				prev = units
			}
		}
	}
}

// --- Sparkline and Arrow -------------------------------------------------

func TestSparkline(t *testing.T) {
	for _, c := range []struct {
		in   []float64
		want string
	}{
		{nil, ""},
		{[]float64{0, 100}, "▁█"},
		{[]float64{0, 100.0 / 7, 200.0 / 7, 300.0 / 7, 400.0 / 7, 500.0 / 7, 600.0 / 7, 100}, "▁▂▃▄▅▆▇█"},
		{[]float64{50}, "▅"}, // 3.5 steps round up
		{[]float64{-5, 150}, "▁█"},
		{[]float64{10, math.NaN(), 90}, "▂ ▇"},
		{[]float64{math.NaN(), math.NaN()}, "  "},
	} {
		got := Sparkline(c.in)
		if got != c.want {
			t.Errorf("Sparkline(%v) = %q, want %q", c.in, got, c.want)
		}
		if n := ansi.StringWidth(got); n != len(c.in) {
			t.Errorf("Sparkline(%v) is %d cells, want one per value", c.in, n)
		}
	}
}

func TestArrow(t *testing.T) {
	for _, name := range []string{theme.Dark, theme.Mono} {
		th := theme.New(name, true)
		for _, c := range []struct {
			signal int
			ok     bool
			want   string
		}{
			{1, true, "▲"},
			{5, true, "▲"},
			{-1, true, "▼"},
			{0, true, "•"},
			{1, false, " "},
			{0, false, " "},
		} {
			got := Arrow(th, c.signal, c.ok)
			if ansi.Strip(got) != c.want {
				t.Errorf("%s: Arrow(%d, %v) = %q, want %q", name, c.signal, c.ok, ansi.Strip(got), c.want)
			}
			if ansi.StringWidth(got) != 1 {
				t.Errorf("%s: Arrow(%d, %v) is %d cells", name, c.signal, c.ok, ansi.StringWidth(got))
			}
		}
	}
}

// --- Histogram -------------------------------------------------------------

func histogram(values []float64, mark float64, bins, height int) []string {
	lines := Histogram(mono(), values, mark, bins, height)
	for i, l := range lines {
		lines[i] = ansi.Strip(l)
	}
	return lines
}

func TestHistogram(t *testing.T) {
	// Bins of 10 across 0–100: 5 → bin 0, 15 and 19 → bin 1, 95 and 100
	// (the top edge) → bin 9; NaN is left out, below 0 counts in bin 0.
	got := histogram([]float64{5, 15, 19, 95, 100, math.NaN(), -3}, 15, 10, 4)
	want := []string{
		"██       █",
		"██       █",
		"██       █",
		"██       █",
		"─▲────────",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("histogram:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}

	// Counts are scaled to the peak: bin 0 holds 4 (the peak) and fills
	// both lines, bin 2 holds 2 and fills the bottom one, bin 4 holds 1 and
	// is half a line: a partial block of about four eighths.
	got = histogram([]float64{10, 10, 10, 10, 50, 50, 90}, 90, 5, 2)
	if len(got) != 3 {
		t.Fatalf("height 2 gives %d lines, want 3", len(got))
	}
	if got[0] != "█    " || got[2] != "────▲" {
		t.Errorf("histogram:\n%s", strings.Join(got, "\n"))
	}
	bottom := []rune(got[1])
	if string(bottom[:4]) != "█ █ " {
		t.Errorf("bottom line %q: bins 0 and 2 should be full, 1 and 3 empty", got[1])
	}
	if !strings.ContainsRune("▃▄▅", bottom[4]) {
		t.Errorf("bottom line %q: bin 4 (half a line) should be a half block, not %q", got[1], bottom[4])
	}

	// The mark goes under the bin holding it, even an empty one; without a
	// mark the axis is plain.
	for _, c := range []struct {
		mark float64
		at   int
	}{{0, 0}, {9.99, 0}, {10, 1}, {49.5, 4}, {99.9, 9}, {100, 9}, {120, 9}, {-1, 0}, {math.NaN(), -1}} {
		axis := []rune(histogram([]float64{50}, c.mark, 10, 1)[1])
		for i, r := range axis {
			if (i == c.at) != (r == '▲') {
				t.Errorf("mark %v: axis %q, want ▲ at %d only", c.mark, string(axis), c.at)
				break
			}
		}
	}

	// Every line is bins cells wide; height+1 lines; nothing for no room.
	for _, bins := range []int{1, 7, 20, 50} {
		for _, h := range []int{1, 3, 8} {
			lines := Histogram(theme.New(theme.Dark, true), []float64{1, 2, 3, 50, 50, 77, 100}, 50, bins, h)
			if len(lines) != h+1 {
				t.Errorf("bins %d height %d: %d lines", bins, h, len(lines))
			}
			for i, l := range lines {
				if ansi.StringWidth(l) != bins {
					t.Errorf("bins %d height %d: line %d is %d cells", bins, h, i, ansi.StringWidth(l))
				}
			}
		}
	}
	if Histogram(mono(), []float64{1}, 1, 0, 4) != nil || Histogram(mono(), []float64{1}, 1, 10, 0) != nil {
		t.Error("a histogram without bins or height should draw nothing")
	}
	// No values: an empty chart over the axis.
	empty := histogram(nil, 50, 4, 2)
	if empty[0] != "    " || empty[1] != "    " || empty[2] != "──▲─" {
		t.Errorf("empty histogram: %q", empty)
	}
}

// --- Fit -------------------------------------------------------------------

func TestFit(t *testing.T) {
	for _, c := range []struct {
		in    string
		w     int
		left  string
		right string
	}{
		{"hello", 5, "hello", "hello"},
		{"hello", 8, "hello   ", "   hello"},
		{"hello", 3, "he…", "he…"},
		{"hello", 1, "…", "…"},
		{"hello", 0, "", ""},
		{"hello", -2, "", ""},
		{"", 3, "   ", "   "},
		{"日本語", 6, "日本語", "日本語"},
		{"日本語", 5, "日本…", "日本…"},
		{"日本語", 4, "日… ", " 日…"}, // the cut leaves a cell the wide rune cannot fill
		{"Åland", 7, "Åland  ", "  Åland"},
		{"São Tomé and Príncipe", 10, "São Tomé …", "São Tomé …"},
	} {
		if got := Fit(c.in, c.w); got != c.left {
			t.Errorf("Fit(%q, %d) = %q, want %q", c.in, c.w, got, c.left)
		}
		if got := FitRight(c.in, c.w); got != c.right {
			t.Errorf("FitRight(%q, %d) = %q, want %q", c.in, c.w, got, c.right)
		}
	}
	// Styles survive and do not count.
	styled := mono().Strong.Render("Nigeria") + " and more"
	for w := 1; w <= 20; w++ {
		if got := ansi.StringWidth(Fit(styled, w)); got != w {
			t.Errorf("Fit(styled, %d) is %d cells", w, got)
		}
		if got := ansi.StringWidth(FitRight(styled, w)); got != w {
			t.Errorf("FitRight(styled, %d) is %d cells", w, got)
		}
	}
}

// --- Table -----------------------------------------------------------------

type fakeRows struct {
	n      int
	marked map[int]bool
}

func (f fakeRows) Len() int { return f.n }
func (f fakeRows) Cell(r, c int) string {
	if c == 0 {
		return fmt.Sprintf("row%02d", r)
	}
	return fmt.Sprintf("c%d-%02d", c, r)
}
func (f fakeRows) Marked(r int) bool { return f.marked[r] }

func newTable(n, w, h int) *Table {
	t := NewTable(mono())
	t.Columns = []Column{{Title: "Name", Width: 8}, {Title: "A", Width: 6}, {Title: "B", Width: 6}, {Title: "C", Width: 6}, {Title: "D", Width: 6, Right: true}}
	t.SetSize(w, h)
	t.SetRows(fakeRows{n: n})
	return &t
}

func tableLines(t *Table) []string { return strings.Split(ansi.Strip(t.View()), "\n") }

func TestTableCursor(t *testing.T) {
	tb := newTable(20, 60, 6) // a page of 5 rows under the header
	if tb.Cursor() != 0 {
		t.Fatalf("cursor starts at %d", tb.Cursor())
	}
	steps := []struct {
		key  string
		want int
	}{
		{"up", 0}, // clamped at the top
		{"down", 1},
		{"j", 2},
		{"k", 1},
		{"pgdown", 6},
		{"pgdown", 11},
		{"pgup", 6},
		{"G", 19},
		{"down", 19}, // clamped at the bottom
		{"pgdown", 19},
		{"g", 0},
		{"pgup", 0},
		{"end", 19},
		{"home", 0},
	}
	for _, s := range steps {
		if !tb.Update(press(s.key)) {
			t.Errorf("%s: not used", s.key)
		}
		if tb.Cursor() != s.want {
			t.Fatalf("after %s the cursor is on %d, want %d", s.key, tb.Cursor(), s.want)
		}
		// The cursor's row is always drawn, marked ▶.
		found := false
		for _, l := range tableLines(tb)[1:] {
			if strings.HasPrefix(l, "▶") {
				found = strings.Contains(l, fmt.Sprintf("row%02d", s.want))
			}
		}
		if !found {
			t.Fatalf("after %s row %d is not drawn with ▶:\n%s", s.key, s.want, strings.Join(tableLines(tb), "\n"))
		}
	}
	if tb.Update(press("x")) {
		t.Error("an unbound key was used")
	}

	for _, c := range []struct{ set, want int }{{-5, 0}, {7, 7}, {100, 19}} {
		tb.SetCursor(c.set)
		if tb.Cursor() != c.want {
			t.Errorf("SetCursor(%d): cursor %d, want %d", c.set, tb.Cursor(), c.want)
		}
	}
	// Fewer rows pull the cursor in; none leave no cursor.
	tb.SetRows(fakeRows{n: 3})
	if tb.Cursor() != 2 {
		t.Errorf("3 rows: cursor %d, want 2", tb.Cursor())
	}
	tb.SetRows(fakeRows{n: 0})
	if tb.Cursor() != -1 {
		t.Errorf("no rows: cursor %d, want -1", tb.Cursor())
	}
	tb.Update(press("down"))
	if tb.Cursor() != -1 {
		t.Errorf("no rows, after down: cursor %d, want -1", tb.Cursor())
	}
	checkFrame(t, tb.View(), 60, 6)
	empty := NewTable(mono())
	if empty.Cursor() != -1 {
		t.Errorf("a table without rows has cursor %d", empty.Cursor())
	}
}

func TestTableWheelAndClick(t *testing.T) {
	tb := newTable(20, 60, 6)
	tb.Update(tea.MouseWheelMsg{Button: tea.MouseWheelDown})
	if tb.Cursor() != 3 {
		t.Errorf("wheel down: cursor %d, want 3", tb.Cursor())
	}
	tb.Update(tea.MouseWheelMsg{Button: tea.MouseWheelUp})
	tb.Update(tea.MouseWheelMsg{Button: tea.MouseWheelUp})
	if tb.Cursor() != 0 {
		t.Errorf("wheel up twice: cursor %d, want 0", tb.Cursor())
	}

	// RowAt: line 0 is the header; lines 1–5 are rows top..top+4.
	for _, c := range []struct {
		y   int
		row int
		ok  bool
	}{{-1, 0, false}, {0, 0, false}, {1, 0, true}, {5, 4, true}, {6, 0, false}} {
		row, ok := tb.RowAt(c.y)
		if ok != c.ok || ok && row != c.row {
			t.Errorf("RowAt(%d) = %d, %v; want %d, %v", c.y, row, ok, c.row, c.ok)
		}
	}
	tb.Update(press("G")) // top is now 15
	for _, c := range []struct {
		y   int
		row int
	}{{1, 15}, {5, 19}} {
		if row, ok := tb.RowAt(c.y); !ok || row != c.row {
			t.Errorf("scrolled: RowAt(%d) = %d, %v; want %d", c.y, row, ok, c.row)
		}
	}
	if !tb.Update(tea.MouseClickMsg{X: 4, Y: 2, Button: tea.MouseLeft}) || tb.Cursor() != 16 {
		t.Errorf("click on line 2: cursor %d, want 16", tb.Cursor())
	}
	if tb.Update(tea.MouseClickMsg{X: 4, Y: 0, Button: tea.MouseLeft}) || tb.Cursor() != 16 {
		t.Errorf("a click on the header moved the cursor to %d", tb.Cursor())
	}
	if tb.Update(tea.MouseClickMsg{X: 4, Y: 3, Button: tea.MouseRight}) || tb.Cursor() != 16 {
		t.Errorf("a right click moved the cursor to %d", tb.Cursor())
	}
	// Past the last row of a short table.
	short := newTable(2, 60, 6)
	if _, ok := short.RowAt(3); ok {
		t.Error("RowAt finds a row under the last one")
	}
	if short.Update(tea.MouseClickMsg{X: 4, Y: 4, Button: tea.MouseLeft}) {
		t.Error("a click under the last row was used")
	}
}

// The first column stays put while the others scroll sideways; the header
// shows ‹ and › where columns are hidden.
func TestTableFrozenColumn(t *testing.T) {
	// 30 cells: gutter 2, Name 8+1, A 6+1, B 6+1 = 25; C would need 31.
	tb := newTable(5, 30, 4)
	type want struct {
		shown, hidden []string
		left, right   bool
	}
	check := func(step string, w want) {
		t.Helper()
		lines := tableLines(tb)
		head, row := lines[0], lines[1]
		if !strings.Contains(row, "row00") {
			t.Errorf("%s: the name column is gone: %q", step, row)
		}
		for _, c := range w.shown {
			title := string(rune('A' + c[0] - '1'))
			if !strings.Contains(row, fmt.Sprintf("c%s-00", c)) || !strings.Contains(head, " "+title+" ") && !strings.HasSuffix(strings.TrimRight(head, " ›"), " "+title) {
				t.Errorf("%s: column %s is not shown: %q / %q", step, c, head, row)
			}
		}
		for _, c := range w.hidden {
			if strings.Contains(row, fmt.Sprintf("c%s-00", c)) {
				t.Errorf("%s: column %s is shown: %q", step, c, row)
			}
		}
		if got := strings.HasPrefix(head, "‹"); got != w.left {
			t.Errorf("%s: header %q: ‹ shown %v, want %v", step, head, got, w.left)
		}
		if got := strings.HasSuffix(head, "›"); got != w.right {
			t.Errorf("%s: header %q: › shown %v, want %v", step, head, got, w.right)
		}
		if tb.HasMoreRight() != w.right {
			t.Errorf("%s: HasMoreRight %v", step, tb.HasMoreRight())
		}
		checkFrame(t, tb.View(), 30, 4)
	}
	check("start", want{shown: []string{"1", "2"}, hidden: []string{"3", "4"}, right: true})
	tb.Update(press("right"))
	check("right", want{shown: []string{"2", "3"}, hidden: []string{"1", "4"}, left: true, right: true})
	tb.Update(press("l"))
	check("right twice", want{shown: []string{"3", "4"}, hidden: []string{"1", "2"}, left: true})
	tb.Update(press("right"))
	tb.Update(tea.MouseWheelMsg{Button: tea.MouseWheelRight})
	check("right at the end", want{shown: []string{"3", "4"}, hidden: []string{"1", "2"}, left: true})
	if tb.HOffset() != 2 {
		t.Errorf("HOffset %d, want 2", tb.HOffset())
	}
	tb.Update(press("h"))
	tb.Update(tea.MouseWheelMsg{Button: tea.MouseWheelLeft})
	tb.Update(press("left"))
	check("back", want{shown: []string{"1", "2"}, hidden: []string{"3", "4"}, right: true})

	// Wide enough for everything: no arrows, and right does nothing.
	wide := newTable(5, 80, 4)
	wide.Update(press("right"))
	if wide.HOffset() != 0 || wide.HasMoreRight() {
		t.Errorf("wide table scrolled: offset %d", wide.HOffset())
	}
	if head := tableLines(wide)[0]; strings.Contains(head, "‹") || strings.Contains(head, "›") {
		t.Errorf("wide table header has arrows: %q", head)
	}
	// A right-aligned column puts its text at the right.
	if row := tableLines(wide)[1]; !strings.Contains(row, " c4-00") {
		t.Errorf("right-aligned column: %q", row)
	}

	// A window that grows after scrolling hides nothing it has room for.
	tb.Update(press("right"))
	tb.Update(press("right"))
	tb.SetSize(80, 4)
	if tb.HOffset() != 0 || strings.HasPrefix(tableLines(tb)[0], "‹") {
		t.Errorf("after growing to 80 the table is still scrolled by %d", tb.HOffset())
	}
}

func TestTableGutter(t *testing.T) {
	tb := NewTable(mono())
	tb.Columns = []Column{{Title: "Name", Width: 8}}
	tb.SetSize(20, 5)
	tb.SetRows(fakeRows{n: 3, marked: map[int]bool{1: true, 2: true}})
	tb.SetCursor(2)
	lines := tableLines(&tb)
	for i, want := range []string{"  row00", " ●row01", "▶●row02"} {
		if !strings.HasPrefix(lines[i+1], want) {
			t.Errorf("row %d: %q, want it to start %q", i, lines[i+1], want)
		}
	}
}

// Whatever the size, the table draws exactly width × height.
func TestTableViewSize(t *testing.T) {
	for _, n := range []int{0, 1, 4, 100} {
		for _, w := range []int{0, 1, 5, 12, 30, 45, 80, 200} {
			for _, h := range []int{2, 3, 6, 30} {
				tb := newTable(n, w, h)
				checkFrame(t, tb.View(), w, h)
				tb.Update(press("right"))
				tb.Update(press("G"))
				checkFrame(t, tb.View(), w, h)
				// A styled cell is cut to its column too.
				tb.Columns[0].Width = 3
				checkFrame(t, tb.View(), w, h)
			}
		}
	}
	// Resizing keeps the cursor on the page.
	tb := newTable(50, 40, 30)
	tb.SetCursor(40)
	tb.SetSize(40, 4)
	if row, ok := tb.RowAt(3); !ok || row != 40 {
		t.Errorf("after shrinking, the cursor's row 40 is not on the page (line 3 holds %d)", row)
	}
}

// --- Scroller --------------------------------------------------------------

// page builds n lines of text with items at the given lines.
func page(n int, itemAt ...int) []Line {
	lines := make([]Line, n)
	for i := range lines {
		lines[i] = Text(fmt.Sprintf("text %02d", i))
	}
	for item, at := range itemAt {
		lines[at] = Item(fmt.Sprintf("item %d", item), item)
	}
	return lines
}

func newScroller(lines []Line, w, h int) *Scroller {
	s := NewScroller(mono())
	s.SetSize(w, h)
	s.SetLines(lines)
	return &s
}

func selected(t *testing.T, s *Scroller) int {
	t.Helper()
	i, ok := s.Selected()
	if !ok {
		t.Fatal("nothing selected")
	}
	return i
}

func TestScrollerItems(t *testing.T) {
	// Items at lines 1, 2 and 8 of 12; a page of 4.
	s := newScroller(page(12, 1, 2, 8), 20, 4)
	if selected(t, s) != 0 || !s.SelectedInView() || !s.AtTop() || s.AtBottom() {
		t.Fatalf("start: item %d, in view %v", selected(t, s), s.SelectedInView())
	}
	s.Update(press("down"))
	if selected(t, s) != 1 || s.top != 0 {
		t.Errorf("down: item %d, top %d; want item 1, top 0", selected(t, s), s.top)
	}
	s.Update(press("j"))
	// Item 2 is at line 8: the page follows it to the bottom.
	if selected(t, s) != 2 || s.top != 5 || !s.SelectedInView() {
		t.Errorf("down: item %d, top %d; want item 2 at the bottom of the page (top 5)", selected(t, s), s.top)
	}
	s.Update(press("up"))
	if selected(t, s) != 1 || s.top != 2 {
		t.Errorf("up: item %d, top %d; want item 1 at the top of the page (top 2)", selected(t, s), s.top)
	}
	// G selects the last item and shows it, not the page's end (lines 9
	// to 11 are text, a ↓ further).
	s.Update(press("G"))
	if selected(t, s) != 2 || !s.SelectedInView() || s.AtBottom() {
		t.Errorf("G: item %d, in view %v, at bottom %v", selected(t, s), s.SelectedInView(), s.AtBottom())
	}
	s.Update(press("down"))
	s.Update(press("down"))
	s.Update(press("down"))
	if !s.AtBottom() {
		t.Error("↓ after G does not reach the text below the last item")
	}
	s.Update(press("g"))
	if selected(t, s) != 0 || !s.AtTop() {
		t.Errorf("g: item %d, at top %v", selected(t, s), s.AtTop())
	}
	s.Select(2)
	if selected(t, s) != 2 || !s.SelectedInView() {
		t.Errorf("Select(2): item %d, in view %v", selected(t, s), s.SelectedInView())
	}
	s.Select(99)
	if selected(t, s) != 2 {
		t.Errorf("Select(99): item %d, want the last", selected(t, s))
	}

	// The selected line is drawn ▶, the other items indented one cell.
	view := strings.Split(ansi.Strip(s.View()), "\n")
	if view[3] != "▶item 2"+strings.Repeat(" ", 13) {
		t.Errorf("selected line %q", view[3])
	}
	s.Select(1) // line 2: item 2 (line 8) is now off the page
	view = strings.Split(ansi.Strip(s.View()), "\n")
	if view[0] != "▶item 1"+strings.Repeat(" ", 13) {
		t.Errorf("Select(1): first line %q", view[0])
	}
	s.Select(0)
	view = strings.Split(ansi.Strip(s.View()), "\n")
	if view[1] != " item 1"+strings.Repeat(" ", 13) || view[0] != "▶item 0"+strings.Repeat(" ", 13) {
		t.Errorf("Select(0): %q", view)
	}

	// No items at all.
	plain := newScroller(page(3), 10, 5)
	if _, ok := plain.Selected(); ok || plain.SelectedInView() {
		t.Error("a page without items has a selection")
	}
	plain.Update(press("down"))
	plain.Update(press("G"))
	checkFrame(t, plain.View(), 10, 5)
}

// Down from a page where the selection is off-screen scrolls one line at a
// time, and the cursor lands on the first item that comes into view.
func TestScrollerDownReachesItems(t *testing.T) {
	// Items at 0, 20 and 21 of 30 lines; a page of 5.
	s := newScroller(page(30, 0, 20, 21), 20, 5)
	s.Update(press("pgdown")) // top 4: item 0 is off the page, nothing else on it
	if s.top != 4 || selected(t, s) != 0 || s.SelectedInView() {
		t.Fatalf("pgdown: top %d, item %d, in view %v", s.top, selected(t, s), s.SelectedInView())
	}
	for top := 5; top <= 16; top++ {
		s.Update(press("down"))
		if s.top != top {
			t.Fatalf("down: top %d, want %d (one line at a time)", s.top, top)
		}
		want := 0
		if top >= 16 { // line 20 comes into view
			want = 1
		}
		if got := selected(t, s); got != want {
			t.Fatalf("top %d: item %d, want %d", top, got, want)
		}
	}
	if !s.SelectedInView() {
		t.Error("item 1 is selected but not in view")
	}
	// Now in view, down moves between items again.
	s.Update(press("down"))
	if selected(t, s) != 2 || s.top != 17 {
		t.Errorf("down: item %d, top %d; want item 2, top 17", selected(t, s), s.top)
	}
}

// Up likewise, landing on the lowest item that comes into view.
func TestScrollerUpReachesItems(t *testing.T) {
	// Items at 2, 3 and 28 of 30 lines; a page of 5.
	s := newScroller(page(30, 2, 3, 28), 20, 5)
	s.Select(2)
	if s.top != 24 {
		t.Fatalf("Select(2): top %d, want 24", s.top)
	}
	s.Update(press("pgup")) // top 20: nothing selectable on the page
	if s.top != 20 || selected(t, s) != 2 || s.SelectedInView() {
		t.Fatalf("pgup: top %d, item %d, in view %v", s.top, selected(t, s), s.SelectedInView())
	}
	for top := 19; top >= 3; top-- {
		s.Update(press("up"))
		if s.top != top {
			t.Fatalf("up: top %d, want %d", s.top, top)
		}
		want := 2
		if top <= 3 { // line 3 (item 1) comes into view; line 2 not yet
			want = 1
		}
		if got := selected(t, s); got != want {
			t.Fatalf("top %d: item %d, want %d", top, got, want)
		}
	}
	s.Update(press("k"))
	if selected(t, s) != 0 || s.top != 2 {
		t.Errorf("up: item %d, top %d; want item 0, top 2", selected(t, s), s.top)
	}
	// At the first item, up scrolls the text above it into view.
	s.Update(press("up"))
	s.Update(press("up"))
	if selected(t, s) != 0 || s.top != 0 {
		t.Errorf("up at the first item: item %d, top %d; want item 0, top 0", selected(t, s), s.top)
	}
}

func TestScrollerWheelAndClick(t *testing.T) {
	s := newScroller(page(30, 1, 10, 25), 20, 6)
	s.Update(tea.MouseWheelMsg{Button: tea.MouseWheelDown})
	if s.top != 3 {
		t.Errorf("wheel down: top %d, want 3", s.top)
	}
	// Item 0 scrolled off; item 1 (line 10) is not on the page [3, 9)
	// either, so the selection stays.
	if selected(t, s) != 0 || s.SelectedInView() {
		t.Errorf("wheel down: item %d, in view %v", selected(t, s), s.SelectedInView())
	}
	s.Update(tea.MouseWheelMsg{Button: tea.MouseWheelDown})
	if s.top != 6 || selected(t, s) != 1 {
		t.Errorf("wheel down twice: top %d, item %d; want 6 and item 1 (in view)", s.top, selected(t, s))
	}
	s.Update(tea.MouseWheelMsg{Button: tea.MouseWheelUp})
	s.Update(tea.MouseWheelMsg{Button: tea.MouseWheelUp})
	s.Update(tea.MouseWheelMsg{Button: tea.MouseWheelUp})
	if s.top != 0 || !s.AtTop() {
		t.Errorf("wheel up: top %d", s.top)
	}
	if selected(t, s) != 0 {
		t.Errorf("wheel up to the top: item %d, want 0 (the lowest in view)", selected(t, s))
	}

	// Clicks: on an item selects it; on text does nothing.
	if !s.Update(tea.MouseClickMsg{X: 3, Y: 1, Button: tea.MouseLeft}) || selected(t, s) != 0 {
		t.Errorf("click on item 0: item %d", selected(t, s))
	}
	s.ScrollBy(5) // top 5: item 1 is at page line 5
	if it, ok := s.ItemAt(5); !ok || it != 1 {
		t.Errorf("ItemAt(5) = %d, %v; want item 1", it, ok)
	}
	if !s.Update(tea.MouseClickMsg{X: 3, Y: 5, Button: tea.MouseLeft}) || selected(t, s) != 1 {
		t.Errorf("click on item 1: item %d", selected(t, s))
	}
	if s.Update(tea.MouseClickMsg{X: 3, Y: 2, Button: tea.MouseLeft}) || selected(t, s) != 1 {
		t.Errorf("click on text moved the selection to %d", selected(t, s))
	}
	if s.Update(tea.MouseClickMsg{X: 3, Y: 5, Button: tea.MouseRight}) {
		t.Error("a right click was used")
	}
	// Line 25 holds item 2 but is below the page [5, 11): a click there is
	// not on it.
	if s.Update(tea.MouseClickMsg{X: 3, Y: 20, Button: tea.MouseLeft}) || selected(t, s) != 1 {
		t.Errorf("a click below the page selected item %d", selected(t, s))
	}
	for _, y := range []int{-1, 6, 40} {
		if _, ok := s.ItemAt(y); ok {
			t.Errorf("ItemAt(%d) found an item off the page", y)
		}
	}
}

func TestScrollerViewSize(t *testing.T) {
	long := page(40, 3, 4, 30)
	long[4].Text = "an item whose text is much longer than the page is wide, and wider still"
	long[5].Text = "日本語のテキスト" + strings.Repeat("x", 50)
	for _, w := range []int{1, 2, 10, 33, 80} {
		for _, h := range []int{1, 3, 10, 50} {
			s := newScroller(long, w, h)
			for _, k := range []string{"", "down", "down", "pgdown", "G", "up", "g"} {
				if k != "" {
					s.Update(press(k))
				}
				checkFrame(t, s.View(), w, h)
			}
		}
	}
	// Shrinking the page keeps the top in range.
	s := newScroller(long, 20, 10)
	s.Update(press("G"))
	s.SetSize(20, 50)
	if !s.AtTop() {
		t.Errorf("a page taller than the text should not scroll: top %d", s.top)
	}
	checkFrame(t, s.View(), 20, 50)
}

// On a short page whatever moves the cursor shows it: g and G select the
// first and last item and scroll to them, even with text above the first
// (a country's identity above its domains); and whenever any item is on the
// page, the selected one is.
func TestScrollerSelectionStaysInView(t *testing.T) {
	// Items at lines 16 to 21 of 40; a page of 12, as a country's domains
	// at 60x16.
	s := newScroller(page(40, 16, 17, 18, 19, 20, 21), 60, 12)
	s.Update(press("g"))
	if selected(t, s) != 0 || !s.SelectedInView() {
		t.Errorf("g: item %d, in view %v", selected(t, s), s.SelectedInView())
	}
	s.Update(press("G"))
	if selected(t, s) != 5 || !s.SelectedInView() {
		t.Errorf("G: item %d, in view %v", selected(t, s), s.SelectedInView())
	}
	keys := []string{"down", "up", "pgdown", "pgup", "g", "G", "j", "k"}
	for i := range 500 {
		s.Update(press(keys[(i*7+i/3)%len(keys)]))
		if !s.SelectedInView() && anyItemInView(s) {
			t.Fatalf("step %d (%s): an item is on the page but the selected item %d (line %d) is not (top %d)",
				i, keys[(i*7+i/3)%len(keys)], s.cursor, s.items[s.cursor], s.top)
		}
		checkFrame(t, s.View(), 60, 12)
	}
}

func anyItemInView(s *Scroller) bool {
	for _, l := range s.items {
		if l >= s.top && l < s.top+s.height {
			return true
		}
	}
	return false
}
