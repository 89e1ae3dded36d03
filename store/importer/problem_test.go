package importer

import "testing"

func TestProblemString(t *testing.T) {
	for _, tc := range []struct {
		p    Problem
		want string
	}{
		{Problem{File: "a.csv", Line: 12, Msg: "bad"}, "a.csv:12: bad"},
		{Problem{File: "a.csv", Msg: "bad"}, "a.csv: bad"},
		{Problem{Msg: "bad"}, "bad"},
		{Problem{File: "a\x1b[31m.csv", Line: 1, Msg: "x\ny\x07"}, "a[31m.csv:1: x y"},
	} {
		if got := tc.p.String(); got != tc.want {
			t.Errorf("%+v.String() = %q, want %q", tc.p, got, tc.want)
		}
	}
	ps := Problems{{File: "a", Line: 1, Msg: "one"}, {File: "b", Msg: "two"}}
	if ps.Fatal() || Problems(nil).Fatal() {
		t.Error("fatal without a fatal problem")
	}
	if got := ps.String(); got != "a:1: one\nb: two" {
		t.Errorf("String() = %q", got)
	}
	ps = append(ps, Problem{File: "c", Msg: "three", Fatal: true})
	if !ps.Fatal() {
		t.Error("not fatal")
	}
}

func TestQuote(t *testing.T) {
	long := ""
	for range 100 {
		long += "é"
	}
	want := `"`
	for range maxQuoted - 1 {
		want += "é"
	}
	want += `…"`
	if got := quote(long); got != want {
		t.Errorf("quote(100 é) = %q", got)
	}
	if got := quote("\x1b]0;title\x07ok"); got != `"]0;titleok"` {
		t.Errorf("quote = %q", got)
	}
}
