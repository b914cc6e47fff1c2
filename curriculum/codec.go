package curriculum

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"time"

	"github.com/groupwork/groupwork/internal/vocab/fault"
)

// programPlain and extraPlain are Program and ExtraDay without their
// methods, so that the JSON wrappers below can embed them.
type (
	programPlain Program
	extraPlain   ExtraDay
)

// MarshalJSON implements json.Marshaler: the session length is Go duration
// text ("1h30m0s").
func (p Program) MarshalJSON() ([]byte, error) {
	return json.Marshal(struct {
		programPlain
		SessionLength string `json:"sessionLength"`
	}{programPlain(p), p.SessionLength.String()})
}

// UnmarshalJSON implements json.Unmarshaler. Unknown fields are an error,
// so that a misspelt field is never silently dropped. It decodes without
// validating; ParseProgram decodes and validates.
func (p *Program) UnmarshalJSON(b []byte) error {
	var out Program
	w := struct {
		*programPlain
		SessionLength string `json:"sessionLength"`
	}{programPlain: (*programPlain)(&out)}
	if err := strictUnmarshal(b, &w); err != nil {
		return err
	}
	d, err := parseDuration("sessionLength", w.SessionLength)
	if err != nil {
		return err
	}
	out.SessionLength = d
	*p = out
	return nil
}

// MarshalJSON implements json.Marshaler: the length is Go duration text.
func (x ExtraDay) MarshalJSON() ([]byte, error) {
	return json.Marshal(struct {
		extraPlain
		Length string `json:"length"`
	}{extraPlain(x), x.Length.String()})
}

// UnmarshalJSON implements json.Unmarshaler.
func (x *ExtraDay) UnmarshalJSON(b []byte) error {
	var out ExtraDay
	w := struct {
		*extraPlain
		Length string `json:"length"`
	}{extraPlain: (*extraPlain)(&out)}
	if err := strictUnmarshal(b, &w); err != nil {
		return err
	}
	d, err := parseDuration("length", w.Length)
	if err != nil {
		return err
	}
	out.Length = d
	*x = out
	return nil
}

// parseDuration reads Go duration text; empty text is zero (validation then
// reports the missing length).
func parseDuration(field, s string) (time.Duration, error) {
	if s == "" {
		return 0, nil
	}
	d, err := time.ParseDuration(s)
	if err != nil {
		return 0, &FieldError{Pkg: "curriculum", Path: field, Problem: "not a duration: " + s, Err: ErrDecode}
	}
	return d, nil
}

// ParseProgram decodes a program from JSON (the form Program.MarshalJSON
// writes) and validates it exactly as a built-in program is validated.
// Unknown fields, trailing data and malformed JSON are errors wrapping
// ErrDecode; a program that decodes but breaks an invariant returns
// Validate's joined *FieldError values. The program is returned only when
// there is no error.
func ParseProgram(data []byte) (Program, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var p Program
	if err := dec.Decode(&p); err != nil {
		return Program{}, fmt.Errorf("%w: %w", ErrDecode, err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return Program{}, fmt.Errorf("%w: trailing data after the program", ErrDecode)
	}
	if err := p.Validate(); err != nil {
		return Program{}, err
	}
	return p, nil
}

// strictUnmarshal decodes one JSON value into v, rejecting unknown fields.
func strictUnmarshal(b []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	return dec.Decode(v)
}

type specPlain Spec

// UnmarshalJSON implements json.Unmarshaler. It decodes a whole spec:
// fields the JSON leaves out are zero, except Location, which JSON does not
// carry and which keeps its value. Every date the spec holds must be given:
// a slot or a cancellation without its date, or null among the skipped
// dates, would decode as the zero Date, which names no day and cannot be
// written back; each is a *FieldError (wrapping ErrInvalid). The rest is
// Schedule's to check against the program. s is unchanged on error.
func (s *Spec) UnmarshalJSON(b []byte) error {
	p := specPlain{Location: s.Location}
	if err := json.Unmarshal(b, &p); err != nil {
		return err
	}
	x := Spec(p)
	if err := x.checkDates(); err != nil {
		return err
	}
	*s = x
	return nil
}

// checkDates reports every date of s that names no day.
func (s Spec) checkDates() error {
	f := fault.List{Pkg: "curriculum"}
	check := func(path string, d Date) {
		if !d.IsValid() {
			f.Add(path, "missing or not a date", nil)
		}
	}
	check("first.date", s.First.Date)
	for i, d := range s.Skip {
		check(fault.Index("skip", i), d)
	}
	for i, c := range s.Cancelled {
		p := fault.Index("cancelled", i)
		check(p+".date", c.Date)
		if c.MakeUp != nil {
			check(p+".makeUp.date", c.MakeUp.Date)
		}
	}
	for i, x := range s.ExtraDays {
		check(fault.Index("extraDays", i)+".date", x.Date)
	}
	return f.Err()
}
