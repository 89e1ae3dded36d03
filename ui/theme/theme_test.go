package theme

import (
	"reflect"
	"strconv"
	"strings"
	"testing"
)

func TestCheck(t *testing.T) {
	names := Names()
	if want := []string{Auto, Dark, Light, HighContrast, Mono}; !reflect.DeepEqual(names, want) {
		t.Errorf("Names() = %q, want %q", names, want)
	}
	for _, n := range names {
		if err := Check(n); err != nil {
			t.Errorf("Check(%q): %v", n, err)
		}
	}
	for _, bad := range []string{"", "Dark", "DARK", " dark", "dark ", "highcontrast", "high_contrast", "no-color", "solarized", "mono\n"} {
		err := Check(bad)
		if err == nil {
			t.Errorf("Check(%q) accepted it", bad)
			continue
		}
		msg := err.Error()
		for _, n := range names {
			if !strings.Contains(msg, n) {
				t.Errorf("Check(%q) = %q does not list %q", bad, msg, n)
			}
		}
		if !strings.Contains(msg, "unknown theme") {
			t.Errorf("Check(%q) = %q does not say the theme is unknown", bad, msg)
		}
		if strings.Contains(msg, "\n") {
			t.Errorf("Check(%q) = %q is more than one line", bad, msg)
		}
	}
}

func TestNewName(t *testing.T) {
	for _, c := range []struct {
		name string
		dark bool
		want string
	}{
		{Auto, true, Dark},
		{Auto, false, Light},
		{Dark, true, Dark},
		{Dark, false, Dark}, // an explicit choice ignores the background
		{Light, true, Light},
		{Light, false, Light},
		{HighContrast, true, HighContrast},
		{HighContrast, false, HighContrast},
		{Mono, true, Mono},
		{Mono, false, Mono},
	} {
		th := New(c.name, c.dark)
		if th == nil {
			t.Fatalf("New(%q, %v) is nil", c.name, c.dark)
		}
		if th.Name != c.want {
			t.Errorf("New(%q, %v).Name = %q, want %q", c.name, c.dark, th.Name, c.want)
		}
	}
}

// sgr lists the attributes the SGR sequences of s set, one number each;
// a colour counts once, as 30 (foreground), 40 (background) or 58
// (underline colour), whatever its form: basic, bright, 256 or true colour.
func sgr(s string) []int {
	var out []int
	for {
		i := strings.Index(s, "\x1b[")
		if i < 0 {
			return out
		}
		s = s[i+2:]
		end := strings.IndexFunc(s, func(r rune) bool { return r >= 0x40 && r <= 0x7e })
		if end < 0 {
			return out
		}
		if s[end] == 'm' {
			var params []int
			for _, p := range strings.Split(s[:end], ";") {
				p, _, sub := strings.Cut(p, ":")
				n, _ := strconv.Atoi(p)
				params = append(params, n)
				if sub { // 38:2::r:g:b carries its colour in one parameter
					params = append(params, -1)
				}
			}
			for j := 0; j < len(params); j++ {
				n := params[j]
				switch {
				case n >= 30 && n <= 37, n >= 90 && n <= 97:
					out = append(out, 30)
				case n >= 40 && n <= 47, n >= 100 && n <= 107:
					out = append(out, 40)
				case n == 38 || n == 48 || n == 58:
					out = append(out, map[int]int{38: 30, 48: 40, 58: 58}[n])
					switch {
					case j+1 < len(params) && params[j+1] == -1:
						j++
					case j+1 < len(params) && params[j+1] == 5:
						j += 2
					case j+1 < len(params) && params[j+1] == 2:
						j += 4
					}
				default:
					out = append(out, n)
				}
			}
		}
		s = s[end+1:]
	}
}

// sgrColour reports whether s sets a colour.
func sgrColour(s string) bool {
	for _, a := range sgr(s) {
		if a == 30 || a == 40 || a == 58 {
			return true
		}
	}
	return false
}

// nonColour reports whether s sets bold, italic, underline or reverse: an
// attribute that survives without colour.
func nonColour(s string) bool {
	for _, a := range sgr(s) {
		if a == 1 || a == 3 || a == 4 || a == 7 {
			return true
		}
	}
	return false
}

func TestSgrColour(t *testing.T) {
	if nonColour("\x1b[38;2;1;4;7mx") || nonColour("\x1b[38;5;1mx") {
		t.Error("the numbers of a colour were read as attributes")
	}
	if !nonColour("\x1b[38;5;200;1mx") || !nonColour("\x1b[7mx") {
		t.Error("an attribute after a colour was missed")
	}
	for s, want := range map[string]bool{
		"plain":                        false,
		"\x1b[1mbold\x1b[m":            false,
		"\x1b[7;1;4;2mx\x1b[0m":        false,
		"\x1b[31mred":                  true,
		"\x1b[1;38;2;1;2;3mx":          true,
		"\x1b[48;5;200mx":              true,
		"\x1b[97mx":                    true,
		"\x1b[4:3;58:2::1:2:3mx\x1b[m": true,
		"\x1b[38;2;1;4;7mx":            true,
	} {
		if got := sgrColour(s); got != want {
			t.Errorf("sgrColour(%q) = %v", s, got)
		}
	}
}

// styles lists every style of a theme with its field name.
func styles(th *Theme) map[string]string {
	out := map[string]string{}
	v := reflect.ValueOf(th).Elem()
	for i := range v.NumField() {
		f := v.Field(i)
		name := v.Type().Field(i).Name
		switch x := f.Interface().(type) {
		case interface{ Render(...string) string }:
			out[name] = x.Render("x")
		default:
			if f.Kind() == reflect.Struct { // help.Styles
				for j := range f.NumField() {
					if r, ok := f.Field(j).Interface().(interface{ Render(...string) string }); ok {
						out[name+"."+f.Type().Field(j).Name] = r.Render("x")
					}
				}
			}
		}
	}
	return out
}

// Mono has no colour at all; the others have colour; and in every theme
// the cursor row, the search match and the active tab differ from plain
// text by more than colour.
func TestColourAndMeaning(t *testing.T) {
	for _, name := range []string{Dark, Light, HighContrast, Mono} {
		th := New(name, true)
		all := styles(th)
		if len(all) < 30 {
			t.Fatalf("%s: found only %d styles", name, len(all))
		}
		coloured := 0
		for field, out := range all {
			if sgrColour(out) {
				coloured++
				if name == Mono {
					t.Errorf("mono: %s sets a colour: %q", field, out)
				}
			}
		}
		if name != Mono && coloured == 0 {
			t.Errorf("%s has no colour", name)
		}
		for _, field := range []string{"Selected", "Match", "TabActive", "Badge", "Header", "Error"} {
			if !nonColour(all[field]) {
				t.Errorf("%s: %s = %q is told apart by colour alone", name, field, all[field])
			}
		}
	}
}
