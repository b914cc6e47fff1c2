package group_test

import (
	"encoding"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/groupwork/groupwork/group"
	"github.com/groupwork/groupwork/internal/testkit/budget"
)

// textBound is the allocation bound of decoding one text as every enum of
// the package and as a Modality, in bytes per input byte plus a fixed
// allowance (see budget.Linear): each copies the text at most twice (the
// string looked up, the *ParseError). The package's JSON decoders are held
// to allocFixed and allocPerByte by their own fuzz targets.
var textBound = budget.Linear{PerByte: 64, Fixed: 8 << 10}

// FuzzTextBounds feeds arbitrary text to UnmarshalText of every enum and
// of Modality: each either fails with a *ParseError wrapping
// ErrUnknownValue or writes the text back, and decoding allocates within
// textBound.
func FuzzTextBounds(f *testing.F) {
	for _, s := range []string{"cbt", "licensed-clinician", "open", "grief-circle", "Hypnosis!", "", "\xff"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, in []byte) {
		fresh := []func() encoding.TextUnmarshaler{func() encoding.TextUnmarshaler { return new(group.Modality) }}
		for _, ec := range allEnums() {
			fresh = append(fresh, ec.fresh)
		}
		textBound.Check(t, "UnmarshalText", len(in), func() {
			for _, f := range fresh {
				_ = f().UnmarshalText(in)
			}
		})
		for _, f := range fresh {
			u := f()
			if err := u.UnmarshalText(in); err != nil {
				require.ErrorIs(t, err, group.ErrUnknownValue)
				continue
			}
			out, err := u.(encoding.TextMarshaler).MarshalText()
			require.NoError(t, err)
			require.Equal(t, string(in), string(out), "%T", u)
		}
	})
}
