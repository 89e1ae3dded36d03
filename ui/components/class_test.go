package components_test

import (
	"testing"

	"github.com/equitylandscape/equity/model"
	"github.com/equitylandscape/equity/ui/components"
)

func TestClassShare(t *testing.T) {
	tests := []struct {
		name string
		t    model.YearFigures
		want string
	}{
		{"none", model.YearFigures{}, ""},
		{"all real", model.YearFigures{Real: 214}, "real 100%"},
		{"marks for the others", model.YearFigures{Real: 1, Estimated: 150, Modeled: 849}, "real <1% · ~est. 15% · *modeled 85%"},
		{"never rounded to a whole", model.YearFigures{Estimated: 999, Modeled: 1}, "~est. >99% · *modeled <1%"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := components.ClassShare(tt.t); got != tt.want {
				t.Errorf("ClassShare(%+v) = %q, want %q", tt.t, got, tt.want)
			}
		})
	}
}
