// Package enum holds the text machinery shared by groupwork's typed enums.
//
// Every enum in the library is a small unsigned integer whose zero value
// means "unspecified". A Table maps each value to its stable text form, so
// that String, MarshalText and Parse behave the same way in every package,
// and unknown text is the shared *fault.ParseError. The package is
// internal: the enums themselves are the API.
package enum

import (
	"strconv"

	"github.com/groupwork/groupwork/internal/vocab/fault"
)

// Table is the text form of an enum type T. Names[i] is the text of T(i);
// Names[0] is the text of the zero value (conventionally "unspecified").
// A Table is read-only after construction.
type Table[T ~uint8] struct {
	// Pkg is the package that owns the enum, the prefix of its errors.
	Pkg string
	// Type is the enum's Go name, used for out-of-range values ("Modality(9)").
	Type string
	// Names lists the text form of every value, indexed by value.
	Names []string
}

// Valid reports whether v is a named, non-zero value.
func (t Table[T]) Valid(v T) bool { return v > 0 && int(v) < len(t.Names) }

// Known reports whether v has a name (the zero value included).
func (t Table[T]) Known(v T) bool { return int(v) < len(t.Names) }

// String returns the text form of v, or "Type(n)" when v has no name.
// It never panics.
func (t Table[T]) String(v T) string {
	if t.Known(v) {
		return t.Names[v]
	}
	return t.Type + "(" + strconv.Itoa(int(v)) + ")"
}

// Lookup returns the value whose text form is s. Matching is exact.
func (t Table[T]) Lookup(s string) (T, bool) {
	for i, n := range t.Names {
		if n == s {
			return T(i), true
		}
	}
	return 0, false
}

// Values returns every named non-zero value in order.
func (t Table[T]) Values() []T {
	out := make([]T, 0, len(t.Names)-1)
	for i := 1; i < len(t.Names); i++ {
		out = append(out, T(i))
	}
	return out
}

// Marshal returns v's text form for encoding.TextMarshaler, or a
// *fault.ParseError when v has no name.
func (t Table[T]) Marshal(v T) ([]byte, error) {
	if !t.Known(v) {
		return nil, t.Error(t.String(v))
	}
	return []byte(t.Names[v]), nil
}

// Parse returns the value whose text form is s, or a *fault.ParseError.
func (t Table[T]) Parse(s string) (T, error) {
	v, ok := t.Lookup(s)
	if !ok {
		return 0, t.Error(s)
	}
	return v, nil
}

// Unmarshal parses b into *v for encoding.TextUnmarshaler, leaving *v
// unchanged on error.
func (t Table[T]) Unmarshal(v *T, b []byte) error {
	x, err := t.Parse(string(b))
	if err != nil {
		return err
	}
	*v = x
	return nil
}

// Error returns the *fault.ParseError for text that names no value.
func (t Table[T]) Error(text string) error {
	return &fault.ParseError{Pkg: t.Pkg, Type: t.Type, Text: text}
}
