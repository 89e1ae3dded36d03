package common

import (
	"reflect"
	"testing"

	"github.com/equitylandscape/equity/model"
)

func TestNextYear(t *testing.T) {
	for _, tc := range []struct {
		years      []int
		from, want int
	}{
		{[]int{2018, 2019, 2020}, 2018, 2019},
		{[]int{2018, 2019, 2020}, 2020, 2018}, // from the last back to the first
		{[]int{2018, 2019, 2020}, 2031, 2020}, // a year not held goes to the latest
		{[]int{2024}, 2024, 2024},
		{nil, 2024, 2024},
	} {
		c := Context{Data: &model.Dataset{Years: tc.years}, Year: tc.from}
		c.NextYear()
		if c.Year != tc.want {
			t.Errorf("years %v: next of %d is %d, want %d", tc.years, tc.from, c.Year, tc.want)
		}
	}
}

func TestMarks(t *testing.T) {
	var c Context
	for _, iso2 := range []string{"BR", "IN", "NG", "IN"} {
		c.ToggleMark(iso2)
	}
	if want := []string{"BR", "NG"}; !reflect.DeepEqual(c.Marks, want) {
		t.Errorf("marks %v, want %v: marked in order, IN unmarked", c.Marks, want)
	}
	if !c.Marked("NG") || c.Marked("IN") {
		t.Errorf("Marked: NG %v, IN %v; want true, false", c.Marked("NG"), c.Marked("IN"))
	}
}
