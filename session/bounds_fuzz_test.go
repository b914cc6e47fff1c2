package session_test

import (
	"bytes"
	"encoding"
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/stretchr/testify/require"

	"github.com/groupwork/groupwork/group"
	"github.com/groupwork/groupwork/internal/testkit/budget"
	"github.com/groupwork/groupwork/session"
)

// sessionDecoders lists every decoder of the package. The bounds are bytes
// per input byte plus a fixed allowance. encoding/json grows a slice by
// half again as it fills, so a list costs up to about five times its
// element's size for each element over its growth; each per-byte number is
// that for the largest element the shortest text can make ("{}," is three
// bytes), with room to spare. The fixed allowances cover a decoder's own
// state, an error, and a built-in shape or profile validation reads.
func sessionDecoders() []budget.Row {
	return []budget.Row{
		// Every enum and Party, one text: each copies it once or twice.
		{Name: "UnmarshalText", Bound: budget.Linear{PerByte: 64, Fixed: 8 << 10}, Check: checkTexts},
		// A segment is three durations and a kind.
		budget.JSONRow[session.Segment]("Segment", budget.Linear{PerByte: 40, Fixed: 4 << 10}, nil), // encoding/json's scanner keeps an int per level of nesting in a slice grown by doubling: up to 32 bytes per input byte for a text of nothing but '['
		budget.JSONRow[session.Agenda]("Agenda", budget.Linear{PerByte: 128, Fixed: 4 << 10}, nil),
		// A shape segment is about 100 bytes for "{},"; a rule about 80.
		budget.JSONRow[session.Shape]("Shape", budget.Linear{PerByte: 256, Fixed: 8 << 10}, nil),
		budget.JSONRow[session.SkillSet]("SkillSet", budget.Linear{PerByte: 64, Fixed: 4 << 10}, nil),
		budget.JSONRow[session.Tags]("Tags", budget.Linear{PerByte: 64, Fixed: 4 << 10}, nil),
		// A spec validates what it decodes: a participant is about 80 bytes
		// for "{},", a facilitator about 90, and every problem is an error
		// with its path.
		budget.JSONRow[session.Spec]("Spec", budget.Linear{PerByte: 1 << 10, Fixed: 64 << 10}, session.Spec.Validate),
		// Rules validate what they decode: an inflection row is about 100
		// bytes for "{},".
		budget.JSONRow[session.RedactionRules]("RedactionRules", budget.Linear{PerByte: 1 << 10, Fixed: 16 << 10}, session.RedactionRules.Validate),
		// One log line: the event and its payload.
		{Name: "Event", Bound: budget.Linear{PerByte: 40, Fixed: 4 << 10}, Check: checkEvent}, // encoding/json's scanner keeps an int per level of nesting in a slice grown by doubling: up to 32 bytes per input byte for a text of nothing but '['
		// A log: an event is 152 bytes for a line of about 60; Decode
		// allocates nothing per blank line.
		{Name: "Decode", Bound: budget.Linear{PerByte: 32, Fixed: 64 << 10}, Check: checkDecode},
	}
}

// FuzzDecodeBounds feeds arbitrary input to each decoder of the package
// (the fuzzer's first argument picks the row): decoding never panics,
// allocates at most linearly in the input (the row's bound), and whatever
// decodes encodes and decodes to the same value, passing validation where
// the type validates what it decodes.
func FuzzDecodeBounds(f *testing.F) {
	rows := sessionDecoders()
	seed := func(name string, v any) {
		b, err := json.Marshal(v)
		require.NoError(f, err)
		f.Add(budget.Index(f, rows, name), b)
	}
	spec := specFor(f, group.ModalityCBT, 90*time.Minute, 4)
	spec.Roster[0].Aliases = []string{"Ally"}
	shape, _ := session.BuiltinShape(group.ModalitySkills)
	seed("Segment", spec.Agenda.Segments[0])
	seed("Agenda", spec.Agenda)
	seed("Shape", shape)
	seed("SkillSet", session.SkillSet(0).With(session.SkillLinking))
	seed("Tags", session.Tags(session.TagFeeling))
	seed("Spec", spec)
	seed("RedactionRules", session.DefaultRedactionRules())
	log, err := session.Encode(randomSession(f, rand.New(rand.NewPCG(5, 6))).Log())
	require.NoError(f, err)
	for i, r := range rows {
		switch r.Name {
		case "UnmarshalText":
			for _, s := range []string{"turn", "member:m1", "gives-opinion", "requires", "\xff"} {
				f.Add(uint8(i), []byte(s))
			}
		case "Event":
			f.Add(uint8(i), bytes.SplitN(log, []byte("\n"), 2)[0])
		case "Decode":
			f.Add(uint8(i), log)
		}
		f.Add(uint8(i), []byte(`{"roster":[{},{}],"facilitators":[{}],"segments":[{},{}],"inflections":[{},{}]}`))
	}
	f.Fuzz(func(t *testing.T, which uint8, in []byte) {
		budget.Run(t, rows, which, in)
	})
}

// checkTexts decodes in as every enum and as a Party: each either fails
// with ErrUnknownValue or writes in back.
func checkTexts(t *testing.T, bound budget.Linear, in []byte) {
	fresh := []func() encoding.TextUnmarshaler{
		func() encoding.TextUnmarshaler { return new(session.AgendaRuleKind) },
		func() encoding.TextUnmarshaler { return new(session.Party) },
	}
	for _, e := range enums() {
		fresh = append(fresh, e.fresh)
	}
	bound.Check(t, "UnmarshalText", len(in), func() {
		for _, f := range fresh {
			_ = f().UnmarshalText(in)
		}
	})
	for _, f := range fresh {
		u := f()
		if err := u.UnmarshalText(in); err != nil {
			require.ErrorIs(t, err, session.ErrUnknownValue)
			continue
		}
		b, err := u.(encoding.TextMarshaler).MarshalText()
		require.NoError(t, err)
		require.Equal(t, string(in), string(b), "%T", u)
	}
}

// checkEvent decodes in as one log line; what decodes writes as a line
// that decodes to the same event.
func checkEvent(t *testing.T, bound budget.Linear, in []byte) {
	var e session.Event
	var err error
	bound.Check(t, "Event", len(in), func() {
		e = session.Event{}
		err = json.Unmarshal(in, &e)
	})
	if err != nil {
		return
	}
	out, err := json.Marshal(e)
	if errors.Is(err, session.ErrInvalid) && e.Type == session.EventUnspecified {
		return // JSON null leaves the zero event, which has no line
	}
	require.NoError(t, err, "what decodes as a line, writes as one")
	var back session.Event
	require.NoError(t, json.Unmarshal(out, &back))
	if diff := cmp.Diff(e, back, cmp.Comparer(func(a, b time.Time) bool { return a.Equal(b) })); diff != "" {
		t.Fatalf("round trip (-first +second):\n%s", diff)
	}
}

// checkDecode decodes in as a log; what decodes encodes and decodes to the
// same log.
func checkDecode(t *testing.T, bound budget.Linear, in []byte) {
	var l session.Log
	var err error
	bound.Check(t, "Decode", len(in), func() { l, err = session.Decode(in) })
	if err != nil {
		var de *session.DecodeError
		require.ErrorAs(t, err, &de)
		return
	}
	out, err := session.Encode(l)
	require.NoError(t, err)
	back, err := session.Decode(out)
	require.NoError(t, err)
	if diff := cmp.Diff(l, back, equateEmpty, cmp.Comparer(func(a, b time.Time) bool { return a.Equal(b) })); diff != "" {
		t.Fatalf("round trip (-first +second):\n%s", diff)
	}
}

// TestDecodersLinear holds each decoder to work that grows linearly with
// input built to be costly: the longest list of the largest elements the
// fewest bytes make, and one long string of escapes. Eight times the input
// may cost at most about eight times the memory (sixteen, for slices that
// grow in steps), where a decoder quadratic in its input would cost
// sixty-four.
func TestDecodersLinear(t *testing.T) {
	rep := func(pre, unit, post string, n int) []byte {
		return []byte(pre + string(bytes.TrimSuffix(bytes.Repeat([]byte(unit), n), []byte(","))) + post)
	}
	tests := []struct {
		name   string
		build  func(n int) []byte
		decode func([]byte) error
	}{
		{"Spec roster", func(n int) []byte { return rep(`{"roster":[`, `{},`, `]}`, n) }, decodeAs[session.Spec]},
		{"Spec aliases", func(n int) []byte { return rep(`{"roster":[{"aliases":[`, `"",`, `]}]}`, n) }, decodeAs[session.Spec]},
		{"Spec facilitators", func(n int) []byte { return rep(`{"facilitators":[`, `{},`, `]}`, n) }, decodeAs[session.Spec]},
		{"Shape segments", func(n int) []byte { return rep(`{"segments":[`, `{},`, `]}`, n) }, decodeAs[session.Shape]},
		{"RedactionRules rows", func(n int) []byte { return rep(`{"inflections":[`, `{},`, `]}`, n) }, decodeAs[session.RedactionRules]},
		{"RedactionRules affixes", func(n int) []byte { return rep(`{"inflections":[{"suffixes":[`, `"",`, `]}]}`, n) }, decodeAs[session.RedactionRules]},
		{"Event escapes", func(n int) []byte {
			return rep(`{"v":2,"type":"intervention","at":"2025-01-06T18:00:00Z","intervention":{"facilitator":"f","skill":"linking","text":"`, `\u00e9`, `"}}`, n)
		}, decodeAs[session.Event]},
		{"Decode lines", func(n int) []byte {
			var b bytes.Buffer
			for i := range n {
				fmt.Fprintf(&b, `{"v":2,"seq":%d,"type":"arrived","at":"2025-01-06T18:00:00+05:45","member":"m1"}`+"\n", i+1)
			}
			return b.Bytes()
		}, func(b []byte) error { _, err := session.Decode(b); return err }},
		{"Decode blank lines", func(n int) []byte { return bytes.Repeat([]byte("\n \r\n"), n) },
			func(b []byte) error { _, err := session.Decode(b); return err }},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			small, large := tc.build(500), tc.build(4000)
			a, _ := budget.Allocated(func() { _ = tc.decode(small) })
			b, _ := budget.Allocated(func() { _ = tc.decode(large) })
			require.LessOrEqual(t, b, 16*a+64<<10, "%d bytes cost %d, %d bytes cost %d", len(small), a, len(large), b)
		})
	}
}

func decodeAs[T any](b []byte) error {
	var v T
	return json.Unmarshal(b, &v)
}

// TestConfigJSONValidates: a Spec and RedactionRules validate what they
// decode, so that whatever JSON they accept builds a session or a
// redactor; they once accepted an empty roster or a row for no script, and
// the app found out only at New. On error the value is unchanged.
func TestConfigJSONValidates(t *testing.T) {
	spec := specFor(t, group.ModalityCBT, 90*time.Minute, 3)
	good, err := json.Marshal(spec)
	require.NoError(t, err)
	var s session.Spec
	require.NoError(t, json.Unmarshal(good, &s))
	_, err = session.New(s)
	require.NoError(t, err)
	for _, in := range []string{`{}`, `{"roster":[{}],"facilitators":[{}]}`, `{"lateGrace":"-5m"}`} {
		before := s
		require.ErrorIs(t, json.Unmarshal([]byte(in), &s), session.ErrInvalid, in)
		require.Empty(t, cmp.Diff(before, s, cmpopts.EquateEmpty()), "unchanged on error")
	}

	rules := session.DefaultRedactionRules()
	for _, in := range []string{`{"inflections":[{}]}`, `{"respellings":[{"from":"","to":"x"}]}`} {
		require.ErrorIs(t, json.Unmarshal([]byte(in), &rules), session.ErrInvalid, in)
	}
	require.Equal(t, session.DefaultRedactionRules(), rules, "unchanged on error")
}
