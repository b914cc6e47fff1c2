package curriculum_test

import (
	"bytes"
	"encoding"
	"encoding/json"
	"errors"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"

	"github.com/groupwork/groupwork/curriculum"
	"github.com/groupwork/groupwork/internal/testkit/budget"
)

// curriculumDecoders lists every decoder of the package. The bounds are
// bytes per input byte plus a fixed allowance: encoding/json grows a slice
// by half again as it fills, so a list costs up to about five times its
// element's size for each element over its growth, and each per-byte
// number is that for the largest element the shortest text makes ("{},"
// is three bytes), with room to spare. The fixed allowances cover a
// decoder's own state, an error, and the built-in profiles validation
// reads.
func curriculumDecoders() []budget.Row {
	return []budget.Row{
		// Every enum, Date and Clock, one text: each copies it at most
		// twice, and a Date or Clock quotes at most 64 bytes of it.
		{Name: "UnmarshalText", Bound: budget.Linear{PerByte: 32, Fixed: 4 << 10}, Check: checkTexts},
		// A module is about 60 bytes for "{},", a plan about 150.
		budget.JSONRow[curriculum.Program]("Program", budget.Linear{PerByte: 512, Fixed: 16 << 10}, nil),
		// ParseProgram validates: every problem is an error with its path.
		{Name: "ParseProgram", Bound: budget.Linear{PerByte: 2 << 10, Fixed: 64 << 10}, Check: checkParseProgram},
		budget.JSONRow[curriculum.ExtraDay]("ExtraDay", budget.Linear{PerByte: 40, Fixed: 4 << 10}, nil), // encoding/json's scanner keeps an int per level of nesting in a slice grown by doubling: up to 32 bytes per input byte for a text of nothing but '['
		// A cancellation is 24 bytes for "{}," and a slot 40; a missing
		// date is an error with its path.
		budget.JSONRow[curriculum.Spec]("Spec", budget.Linear{PerByte: 256, Fixed: 16 << 10}, nil),
		// A session record is about 60 bytes for "{},".
		budget.JSONRow[curriculum.Record]("Record", budget.Linear{PerByte: 128, Fixed: 4 << 10}, nil),
	}
}

// FuzzDecodeBounds feeds arbitrary input to each decoder of the package
// (the first argument picks the row): decoding never panics, allocates at
// most linearly in the input (the row's bound), and whatever decodes
// encodes and decodes to the same value; what ParseProgram returns passes
// Validate. A Spec once decoded without its first date and could then not
// be written.
func FuzzDecodeBounds(f *testing.F) {
	rows := curriculumDecoders()
	at := func(name string) uint8 { return budget.Index(f, rows, name) }
	prog, err := json.Marshal(curriculum.DBTSkills())
	require.NoError(f, err)
	f.Add(at("Program"), prog)
	f.Add(at("ParseProgram"), prog)
	f.Add(at("ParseProgram"), []byte(`{"name":"x","modules":[{},{"plans":[{},{}]}]}`))
	f.Add(at("ExtraDay"), []byte(`{"kind":"orientation","length":"1h30m","at":"09:30"}`))
	f.Add(at("Spec"), []byte(`{"first":{"date":"2025-03-04","at":"18:00"},"skip":["2025-03-18"],"cancelled":[{"date":"2025-03-11","makeUp":{"date":"2025-03-13","at":"17:30"}}]}`))
	f.Add(at("Spec"), []byte(`{"first":{}}`))
	f.Add(at("Spec"), []byte(`{"first":{"date":"2025-03-04"},"skip":[null]}`))
	f.Add(at("Record"), []byte(`{"member":"m1","sessions":[{"plan":1,"attendance":"present","measures":["phq-9"]}]}`))
	for _, s := range []string{"weekly", "2025-02-29", "24:00", "18:30", "\xff"} {
		f.Add(at("UnmarshalText"), []byte(s))
	}
	f.Fuzz(func(t *testing.T, which uint8, in []byte) {
		budget.Run(t, rows, which, in)
	})
}

// checkTexts decodes in as every enum, a Date and a Clock: each either
// fails with ErrUnknownValue or writes in back.
func checkTexts(t *testing.T, bound budget.Linear, in []byte) {
	fresh := []func() encoding.TextUnmarshaler{
		func() encoding.TextUnmarshaler { return new(curriculum.Cadence) },
		func() encoding.TextUnmarshaler { return new(curriculum.EntryPolicy) },
		func() encoding.TextUnmarshaler { return new(curriculum.Order) },
		func() encoding.TextUnmarshaler { return new(curriculum.HomeworkKind) },
		func() encoding.TextUnmarshaler { return new(curriculum.ExtraKind) },
		func() encoding.TextUnmarshaler { return new(curriculum.HomeworkReturn) },
		func() encoding.TextUnmarshaler { return new(curriculum.ProgressStatus) },
		func() encoding.TextUnmarshaler { return new(curriculum.OccurrenceKind) },
		func() encoding.TextUnmarshaler { return new(curriculum.Date) },
		func() encoding.TextUnmarshaler { return new(curriculum.Clock) },
	}
	bound.Check(t, "UnmarshalText", len(in), func() {
		for _, f := range fresh {
			_ = f().UnmarshalText(in)
		}
	})
	for _, f := range fresh {
		u := f()
		if err := u.UnmarshalText(in); err != nil {
			require.ErrorIs(t, err, curriculum.ErrUnknownValue)
			continue
		}
		b, err := u.(encoding.TextMarshaler).MarshalText()
		require.NoError(t, err)
		require.Equal(t, string(in), string(b), "%T", u)
	}
}

// checkParseProgram: ParseProgram returns a program that validates and
// round-trips, or an error wrapping ErrDecode or ErrInvalid.
func checkParseProgram(t *testing.T, bound budget.Linear, in []byte) {
	var p curriculum.Program
	var err error
	bound.Check(t, "ParseProgram", len(in), func() { p, err = curriculum.ParseProgram(in) })
	if err != nil {
		require.True(t, errors.Is(err, curriculum.ErrDecode) || errors.Is(err, curriculum.ErrInvalid), "untyped error %v", err)
		return
	}
	require.NoError(t, p.Validate())
	out, err := json.Marshal(p)
	require.NoError(t, err)
	back, err := curriculum.ParseProgram(out)
	require.NoError(t, err)
	require.Empty(t, cmp.Diff(p, back))
}

// TestSpecJSONNeedsItsDates: a spec decodes only with every date it holds,
// since the zero Date names no day and cannot be written back; the paths
// say which is missing. Location, which JSON does not carry, is kept.
func TestSpecJSONNeedsItsDates(t *testing.T) {
	tests := []struct {
		name, in string
		paths    []string
	}{
		{"no first session", `{}`, []string{"first.date"}},
		{"a first slot without its date", `{"first":{"at":"18:00"}}`, []string{"first.date"}},
		{"null among the skipped dates", `{"first":{"date":"2025-03-04"},"skip":["2025-03-18",null]}`, []string{"skip[1]"}},
		{"a cancellation without its date", `{"first":{"date":"2025-03-04"},"cancelled":[{}]}`, []string{"cancelled[0].date"}},
		{"a make-up without its date", `{"first":{"date":"2025-03-04"},"cancelled":[{"date":"2025-03-11","makeUp":{"at":"10:00"}}]}`,
			[]string{"cancelled[0].makeUp.date"}},
		{"an extra day without its date", `{"first":{"date":"2025-03-04"},"extraDays":[{"at":"09:00"}]}`, []string{"extraDays[0].date"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := curriculum.Spec{Location: time.UTC, Cycles: 2}
			err := json.Unmarshal([]byte(tc.in), &s)
			require.ErrorIs(t, err, curriculum.ErrInvalid)
			require.Equal(t, tc.paths, paths(t, err))
			require.Equal(t, curriculum.Spec{Location: time.UTC, Cycles: 2}, s, "unchanged on error")
		})
	}
	s := curriculum.Spec{Location: time.UTC}
	require.NoError(t, json.Unmarshal([]byte(`{"first":{"date":"2025-03-04","at":"18:00"}}`), &s))
	require.Same(t, time.UTC, s.Location)
	out, err := json.Marshal(s)
	require.NoError(t, err)
	require.True(t, bytes.Contains(out, []byte(`"2025-03-04"`)))
}
