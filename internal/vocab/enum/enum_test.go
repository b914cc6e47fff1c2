package enum_test

import (
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/groupwork/groupwork/internal/vocab/enum"
	"github.com/groupwork/groupwork/internal/vocab/fault"
)

type colour uint8

var colours = enum.Table[colour]{Pkg: "paint", Type: "colour", Names: []string{"unspecified", "red", "green"}}

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
				got, ok := colours.Lookup(tc.text)
				if !ok || got != tc.v {
					t.Errorf("Parse(%q) = %d, %v; want %d, true", tc.text, got, ok, tc.v)
				}
			}
		})
	}
	if _, ok := colours.Lookup("Red"); ok {
		t.Error(`Parse("Red") matched; matching must be exact`)
	}
	if diff := cmp.Diff([]colour{1, 2}, colours.Values()); diff != "" {
		t.Errorf("Values() mismatch (-want +got):\n%s", diff)
	}
}

func TestTableText(t *testing.T) {
	b, err := colours.Marshal(2)
	if err != nil || string(b) != "green" {
		t.Fatalf("Marshal(2) = %q, %v; want green", b, err)
	}
	var pe *fault.ParseError
	if _, err := colours.Marshal(9); !errors.As(err, &pe) || pe.Text != "colour(9)" || pe.Pkg != "paint" {
		t.Fatalf("Marshal(9) error = %v, want the package's ParseError naming colour(9)", err)
	}
	v, err := colours.Parse("red")
	if err != nil || v != 1 {
		t.Fatalf("Parse(red) = %d, %v", v, err)
	}
	if _, err := colours.Parse("blue"); !errors.Is(err, fault.ErrUnknownValue) || !errors.As(err, &pe) || pe.Type != "colour" {
		t.Fatalf("Parse(blue) error = %v, want a ParseError for type colour wrapping ErrUnknownValue", err)
	}
	if got, want := colours.Error("x").Error(), `paint: unknown colour "x"`; got != want {
		t.Errorf("message = %q, want %q", got, want)
	}
	c := colour(1)
	if err := colours.Unmarshal(&c, []byte("teal")); err == nil || c != 1 {
		t.Fatalf("Unmarshal(teal) = %v and changed the value to %d; want an error and no change", err, c)
	}
	if err := colours.Unmarshal(&c, []byte("green")); err != nil || c != 2 {
		t.Fatalf("Unmarshal(green) = %v, value %d; want 2", err, c)
	}
}
