package model

import (
	"errors"
	"strings"
	"testing"
	"unicode/utf8"
)

// What people type reaches these parsers unchecked (the filter bar, the
// amount prompt, a country on the command line): none may panic, and an
// error must be one line that points inside the text.

func FuzzParseFilter(f *testing.F) {
	for _, s := range []string{
		`region:"South Asia" editorship<40`, `readership.growth>60 population>10m`, `-protected:yes class:emerging`,
		`lang:ha`, `"côte`, `editorship<`, `population>1.5b internet>=50`, `region:"`, `a:b:c`, `-`, `""`, "\x1b[31m",
	} {
		f.Add(s)
	}
	d := filterDataset(f)
	f.Fuzz(func(t *testing.T, s string) {
		flt, err := ParseFilter(s)
		if err != nil {
			var fe *FilterError
			if !errors.As(err, &fe) {
				t.Fatalf("ParseFilter(%q): %T %v, want a *FilterError", s, err, err)
			}
			if fe.Pos < 0 || fe.Pos > len(s) || fe.End < fe.Pos || fe.End > len(s) {
				t.Fatalf("ParseFilter(%q): error at %d–%d, outside the text", s, fe.Pos, fe.End)
			}
			if msg := err.Error(); msg == "" || strings.ContainsAny(msg, "\n\r") {
				t.Fatalf("ParseFilter(%q): error %q, want one line", s, msg)
			}
			return
		}
		for _, c := range d.Countries {
			flt.Match(d, c, 2024)
			flt.Match(nil, c, 2024)
		}
	})
}

func FuzzParseAmount(f *testing.F) {
	for _, s := range []string{"50000", "50,000", "$50k", "1.2m", "1,5", "-3", "0", "1e308k", "NaN", "Inf", "$", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, err := ParseAmount(s)
		if err != nil {
			return
		}
		if !(v > 0) || v > 1e300*10 {
			t.Fatalf("ParseAmount(%q) = %v, want a positive finite amount or an error", s, v)
		}
	})
}

func FuzzFindCountry(f *testing.F) {
	for _, s := range []string{"ng", "NGA", "nigeria", "cote d'ivoire", "atlantis", "", "  ", "ñ", "\xff"} {
		f.Add(s)
	}
	d := filterDataset(f)
	f.Fuzz(func(t *testing.T, s string) {
		c, err := d.FindCountry(s)
		if err == nil {
			if c.ISO2 == "" {
				t.Fatalf("FindCountry(%q) found a country with no code", s)
			}
			return
		}
		if msg := err.Error(); !utf8.ValidString(msg) && utf8.ValidString(s) {
			t.Fatalf("FindCountry(%q): error %q is not UTF-8", s, msg)
		}
		d.FindRegion(s)
	})
}
