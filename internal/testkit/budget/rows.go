package budget

import (
	"encoding/json"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/stretchr/testify/require"
)

// Row is one decoder of a package in its FuzzDecodeBounds table: its name,
// its allocation bound, and Check, which decodes in (allocating within
// the bound) and, when it decodes, checks what must hold of the value.
type Row struct {
	Name  string
	Bound Linear
	Check func(t *testing.T, bound Linear, in []byte)
}

// JSONRow is the row of a JSON decoder of T: whatever decodes passes valid
// (when set: the configuration types validate what they decode), encodes,
// and decodes to the same value (an empty list and none alike).
func JSONRow[T any](name string, bound Linear, valid func(T) error) Row {
	return Row{name, bound, func(t *testing.T, bound Linear, in []byte) {
		var v T
		var err error
		bound.Check(t, name, len(in), func() {
			v = *new(T)
			err = json.Unmarshal(in, &v)
		})
		if err != nil {
			return
		}
		if valid != nil {
			require.NoError(t, valid(v), "%s decoded but does not validate", name)
		}
		out, err := json.Marshal(v)
		require.NoError(t, err, "what %s decodes, it encodes", name)
		var back T
		require.NoError(t, json.Unmarshal(out, &back))
		if diff := cmp.Diff(v, back, cmpopts.EquateEmpty()); diff != "" {
			t.Fatalf("%s round trip (-first +second):\n%s", name, diff)
		}
	}}
}

// Index returns the place of the row named name, for seeding the fuzz
// corpus; a name not in rows fails tb.
func Index(tb TB, rows []Row, name string) uint8 {
	for i, r := range rows {
		if r.Name == name {
			return uint8(i)
		}
	}
	tb.Fatalf("no row %s", name)
	return 0
}

// Run runs the row the fuzzer's which picks on in.
func Run(t *testing.T, rows []Row, which uint8, in []byte) {
	r := rows[int(which)%len(rows)]
	r.Check(t, r.Bound, in)
}
