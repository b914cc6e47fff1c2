package factor_test

import (
	"encoding"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/groupwork/groupwork/dynamics/factor"
	"github.com/groupwork/groupwork/internal/testkit/budget"
	"github.com/groupwork/groupwork/internal/vocab/fault"
)

// textBound is the allocation bound of decoding one text as both enums,
// in bytes per input byte plus a fixed allowance (see budget.Linear): each
// copies the text at most twice (the string looked up, the *ParseError).
var textBound = budget.Linear{PerByte: 8, Fixed: 2 << 10}

// FuzzTextBounds feeds arbitrary text to UnmarshalText of Factor and
// Benefit: each either fails with ErrUnknownValue, leaving the value
// alone, or writes the text back, and decoding allocates within textBound.
func FuzzTextBounds(f *testing.F) {
	for _, s := range []string{"cohesiveness", "peer-support", "", "unspecified", "\xff"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, in []byte) {
		fresh := []func() encoding.TextUnmarshaler{
			func() encoding.TextUnmarshaler { return new(factor.Factor) },
			func() encoding.TextUnmarshaler { return new(factor.Benefit) },
		}
		textBound.Check(t, "UnmarshalText", len(in), func() {
			for _, f := range fresh {
				_ = f().UnmarshalText(in)
			}
		})
		for _, f := range fresh {
			u := f()
			if err := u.UnmarshalText(in); err != nil {
				require.ErrorIs(t, err, fault.ErrUnknownValue)
				continue
			}
			out, err := u.(encoding.TextMarshaler).MarshalText()
			require.NoError(t, err)
			require.Equal(t, string(in), string(out), "%T", u)
		}
	})
}
