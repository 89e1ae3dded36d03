package report_test

import (
	"testing"

	"github.com/equitylandscape/equity/ui/report"
)

func TestNumber(t *testing.T) {
	tests := []struct {
		v    float64
		want string
	}{
		{0, "0"},
		{7, "7"},
		{0.4, "0.4"},
		{12.345, "12.3"}, // small non-integers keep one decimal
		{99.5, "99.5"},
		{150.7, "151"}, // from 100 on, whole numbers
		{999, "999"},
		{1000, "1,000"},
		{1234, "1,234"},
		{1234.5, "1,235"},
		{9999, "9,999"},
		{10000, "10 k"},
		{12345, "12.3 k"},
		{26012, "26 k"},
		{388900, "388.9 k"},
		{999949, "999.9 k"},
		{1e6, "1 M"},
		{4.56e6, "4.56 M"},
		{31165654, "31.17 M"},
		{236747000, "236.75 M"},
		{1.41e9, "1.41 B"},
		{8.1e9, "8.1 B"},
		// at the edge of a unit, what rounds up to the next one is shown in it
		{9999.6, "10 k"},
		{999960, "1 M"},
		{999_999_999, "1 B"},
		// negatives mirror positives
		{-7, "-7"},
		{-0.4, "-0.4"},
		{-1234, "-1,234"},
		{-26012, "-26 k"},
		{-1234567, "-1.23 M"},
		{-236747000, "-236.75 M"},
		{-1.41e9, "-1.41 B"},
	}
	for _, tt := range tests {
		if got := report.Number(tt.v); got != tt.want {
			t.Errorf("Number(%v) = %q, want %q", tt.v, got, tt.want)
		}
	}
}

func TestPercent(t *testing.T) {
	tests := []struct {
		v    float64
		want string
	}{
		{0, "0.0%"},
		{43, "43.0%"},
		{19.21, "19.2%"},
		{4.66, "4.7%"},
		{100, "100.0%"},
		{-3.04, "-3.0%"},
	}
	for _, tt := range tests {
		if got := report.Percent(tt.v); got != tt.want {
			t.Errorf("Percent(%v) = %q, want %q", tt.v, got, tt.want)
		}
	}
}

func TestScore(t *testing.T) {
	tests := []struct {
		v    float64
		want string
	}{
		{0, "0.0"},
		{50, "50.0"},
		{61.54, "61.5"},
		{97.56, "97.6"},
		{100, "100.0"},
		{200.0 / 3, "66.7"},
	}
	for _, tt := range tests {
		if got := report.Score(tt.v); got != tt.want {
			t.Errorf("Score(%v) = %q, want %q", tt.v, got, tt.want)
		}
	}
}

func TestMoney(t *testing.T) {
	tests := []struct {
		v    float64
		want string
	}{
		{0, "$0"},
		{12, "$12"},
		{999.6, "$1,000"},
		{5800, "$5,800"},
		{12300, "$12,300"},
		{449500, "$449,500"},
		{999999, "$999,999"},
		{1e6, "$1 M"},
		{1.2e6, "$1.2 M"},
		{2.5e6, "$2.5 M"},
		{12345678, "$12.35 M"},
	}
	for _, tt := range tests {
		if got := report.Money(tt.v); got != tt.want {
			t.Errorf("Money(%v) = %q, want %q", tt.v, got, tt.want)
		}
	}
}

func TestSigned(t *testing.T) {
	tests := []struct {
		v    float64
		want string
	}{
		{4.2, "+4.2%"},
		{6.84, "+6.8%"},
		{150, "+150.0%"},
		{-3, "−3.0%"}, // a true minus sign, U+2212
		{-0.44, "−0.4%"},
		{-100, "−100.0%"},
		{0, "+0.0%"},
		{-0.04, "+0.0%"}, // rounds to nothing: no minus on a zero
	}
	for _, tt := range tests {
		if got := report.Signed(tt.v); got != tt.want {
			t.Errorf("Signed(%v) = %q, want %q", tt.v, got, tt.want)
		}
	}
}

func TestCount(t *testing.T) {
	tests := []struct {
		n    int
		want string
	}{
		{0, "0"},
		{7, "7"},
		{999, "999"},
		{1000, "1,000"},
		{26012, "26,012"},
		{100000, "100,000"},
		{1234567, "1,234,567"},
		{-1234, "-1,234"},
		{-999, "-999"},
	}
	for _, tt := range tests {
		if got := report.Count(tt.n); got != tt.want {
			t.Errorf("Count(%d) = %q, want %q", tt.n, got, tt.want)
		}
	}
}
