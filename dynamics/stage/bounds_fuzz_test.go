package stage_test

import (
	"encoding"
	"encoding/json"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"

	"github.com/groupwork/groupwork/dynamics/stage"
	"github.com/groupwork/groupwork/internal/testkit/budget"
)

// Allocation bounds, in bytes per input byte plus a fixed allowance (see
// budget.Linear): the three enums copy a text at most twice each (the
// string looked up, the *ParseError); an Entry holds no list, so decoding
// one copies its strings once or twice.
var (
	textBound  = budget.Linear{PerByte: 16, Fixed: 2 << 10}
	entryBound = budget.Linear{PerByte: 40, Fixed: 4 << 10} // encoding/json's scanner keeps an int per level of nesting in a slice grown by doubling: up to 32 bytes per input byte for a text of nothing but '['
)

// FuzzDecodeBounds feeds arbitrary text to the package's decoders: every
// enum's UnmarshalText either fails with ErrUnknownValue or writes the text
// back, and a history Entry that decodes from JSON encodes and decodes to
// the same value; neither panics, and each allocates within its bound.
func FuzzDecodeBounds(f *testing.F) {
	for _, s := range []string{"tuckman", "storming", "corey-transition", "facilitator", "unspecified", "", "\xff"} {
		f.Add([]byte(s))
	}
	e := stage.Entry{Session: 3, At: time.Date(2025, 3, 4, 18, 0, 0, 0, time.UTC), Stage: stage.Storming,
		SetBy: stage.SetByFacilitator, Facilitator: "f1", Reason: "open conflict", Confidence: 1, Overrides: stage.Norming}
	b, err := json.Marshal(e)
	require.NoError(f, err)
	f.Add(b)
	f.Fuzz(func(t *testing.T, in []byte) {
		fresh := []func() encoding.TextUnmarshaler{
			func() encoding.TextUnmarshaler { return new(stage.Model) },
			func() encoding.TextUnmarshaler { return new(stage.Stage) },
			func() encoding.TextUnmarshaler { return new(stage.SetBy) },
		}
		textBound.Check(t, "UnmarshalText", len(in), func() {
			for _, f := range fresh {
				_ = f().UnmarshalText(in)
			}
		})
		for _, f := range fresh {
			u := f()
			if err := u.UnmarshalText(in); err != nil {
				require.ErrorIs(t, err, stage.ErrUnknownValue)
				continue
			}
			out, err := u.(encoding.TextMarshaler).MarshalText()
			require.NoError(t, err)
			require.Equal(t, string(in), string(out), "%T", u)
		}

		var e stage.Entry
		var err error
		entryBound.Check(t, "Entry", len(in), func() {
			e = stage.Entry{}
			err = json.Unmarshal(in, &e)
		})
		if err != nil {
			return
		}
		out, err := json.Marshal(e)
		require.NoError(t, err, "what decodes, encodes")
		var back stage.Entry
		require.NoError(t, json.Unmarshal(out, &back))
		require.Empty(t, cmp.Diff(e, back, cmp.Comparer(func(a, b time.Time) bool { return a.Equal(b) })))
	})
}
