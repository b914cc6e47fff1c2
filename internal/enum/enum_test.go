package enum_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/groupwork/groupwork/internal/enum"
)

type colour uint8

var colours = enum.Table[colour]{Type: "colour", Names: []string{"unspecified", "red", "green"}}

func TestTable(t *testing.T) {
	tests := []struct {
		name  string
		v     colour
		text  string
		valid bool
		known bool
	}{
		{"zero is known but not valid", 0, "unspecified", false, true},
		{"first", 1, "red", true, true},
		{"last", 2, "green", true, true},
		{"out of range prints its number", 7, "colour(7)", false, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := colours.String(tc.v); got != tc.text {
				t.Errorf("String(%d) = %q, want %q", tc.v, got, tc.text)
			}
			if got := colours.Valid(tc.v); got != tc.valid {
				t.Errorf("Valid(%d) = %v, want %v", tc.v, got, tc.valid)
			}
			if got := colours.Known(tc.v); got != tc.known {
				t.Errorf("Known(%d) = %v, want %v", tc.v, got, tc.known)
			}
			if tc.known {
				got, ok := colours.Parse(tc.text)
				if !ok || got != tc.v {
					t.Errorf("Parse(%q) = %d, %v; want %d, true", tc.text, got, ok, tc.v)
				}
			}
		})
	}
	if _, ok := colours.Parse("Red"); ok {
		t.Error(`Parse("Red") matched; matching must be exact`)
	}
	if diff := cmp.Diff([]colour{1, 2}, colours.Values()); diff != "" {
		t.Errorf("Values() mismatch (-want +got):\n%s", diff)
	}
}

type badText struct{ typ, text string }

func (e *badText) Error() string { return e.typ + ": " + e.text }

func bad(typ, text string) error { return &badText{typ, text} }

func TestTableText(t *testing.T) {
	b, err := colours.Marshal(2, bad)
	if err != nil || string(b) != "green" {
		t.Fatalf("Marshal(2) = %q, %v; want green", b, err)
	}
	if _, err := colours.Marshal(9, bad); err == nil || err.(*badText).text != "colour(9)" {
		t.Fatalf("Marshal(9) error = %v, want the caller's error naming colour(9)", err)
	}
	v, err := colours.ParseOr("red", bad)
	if err != nil || v != 1 {
		t.Fatalf("ParseOr(red) = %d, %v", v, err)
	}
	if _, err := colours.ParseOr("blue", bad); err == nil || err.(*badText).typ != "colour" {
		t.Fatalf("ParseOr(blue) error = %v, want the caller's error for type colour", err)
	}
	c := colour(1)
	if err := colours.Unmarshal(&c, []byte("teal"), bad); err == nil || c != 1 {
		t.Fatalf("Unmarshal(teal) = %v and changed the value to %d; want an error and no change", err, c)
	}
	if err := colours.Unmarshal(&c, []byte("green"), bad); err != nil || c != 2 {
		t.Fatalf("Unmarshal(green) = %v, value %d; want 2", err, c)
	}
}
