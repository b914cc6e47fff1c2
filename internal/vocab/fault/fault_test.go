package fault_test

import (
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/groupwork/groupwork/internal/vocab/fault"
)

var errSpecific = errors.New("paint: too bright")

func TestFieldError(t *testing.T) {
	tests := []struct {
		name string
		err  *fault.FieldError
		text string
		is   []error
	}{
		{"path and sentinel", &fault.FieldError{Pkg: "paint", Path: "colours[2]", Problem: "must be set", Err: errSpecific},
			"paint: colours[2]: must be set", []error{fault.ErrInvalid, errSpecific}},
		{"no path", &fault.FieldError{Pkg: "paint", Problem: "no colours"}, "paint: no colours", []error{fault.ErrInvalid}},
		{"no package", &fault.FieldError{Problem: "x"}, "groupwork: x", []error{fault.ErrInvalid}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := tc.err.Error(); got != tc.text {
				t.Errorf("Error() = %q, want %q", got, tc.text)
			}
			for _, s := range tc.is {
				if !errors.Is(tc.err, s) {
					t.Errorf("errors.Is(%v, %v) = false", tc.err, s)
				}
			}
		})
	}
	pe := &fault.ParseError{Pkg: "paint", Type: "Colour", Text: "teal"}
	if !errors.Is(pe, fault.ErrUnknownValue) || pe.Error() != `paint: unknown Colour "teal"` {
		t.Errorf("ParseError = %q, is ErrUnknownValue %v", pe.Error(), errors.Is(pe, fault.ErrUnknownValue))
	}
}

func TestListReportsEveryProblem(t *testing.T) {
	l := fault.List{Pkg: "paint"}
	if l.Err() != nil {
		t.Fatal("an empty list is no error")
	}
	l.Add("a", "first", nil)
	l.Append(nil)
	l.Append(errSpecific)
	inner := fault.List{Pkg: "brush"}
	inner.Add("[1].size", "too big", errSpecific)
	inner.Add("", "no handle", nil)
	l.AddAll("brushes", inner.Err())
	l.AddAll("other", errors.New("plain"))
	var got []string
	for _, e := range fault.Unjoin(l.Err()) {
		got = append(got, e.Error())
	}
	want := []string{
		"paint: a: first",
		"paint: too bright",
		"paint: brushes[1].size: too big",
		"paint: brushes: no handle",
		"paint: other: plain",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("problems (-want +got):\n%s", diff)
	}
	if !errors.Is(l.Err(), errSpecific) || l.Len() != 5 {
		t.Errorf("joined errors lose their sentinels or count: %d", l.Len())
	}
}

func TestTrimAndPaths(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"session: line 3: bad", "line 3: bad"},
		{"no prefix here", "no prefix here"},
		{`a "quoted: thing"`, `a "quoted: thing"`},
	} {
		if got := fault.Trim(errors.New(tc.in)); got != tc.want {
			t.Errorf("Trim(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	for _, tc := range []struct{ prefix, path, want string }{
		{"", "a", "a"}, {"a", "", "a"}, {"a", "b", "a.b"}, {"a", "[2]", "a[2]"},
	} {
		if got := fault.Join(tc.prefix, tc.path); got != tc.want {
			t.Errorf("Join(%q, %q) = %q, want %q", tc.prefix, tc.path, got, tc.want)
		}
	}
	if got := fault.Index("rules", 3); got != "rules[3]" {
		t.Errorf("Index = %q", got)
	}
}
