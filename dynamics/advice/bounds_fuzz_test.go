package advice_test

import (
	"encoding"
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/groupwork/groupwork/dynamics/advice"
	"github.com/groupwork/groupwork/group"
	"github.com/groupwork/groupwork/internal/testkit/budget"
)

// validConfig is Config.Validate, except that the zero Config, which a
// MonitorSpec reads as DefaultConfig, is accepted too.
func validConfig(c advice.Config) error {
	if c == (advice.Config{}) {
		return nil
	}
	return c.Validate()
}

// adviceDecoders lists every decoder of the package that an app feeds
// (texts, the configuration, its own rules and situations, the specs that
// hold them). The bounds are bytes per input byte plus a fixed allowance:
// encoding/json grows a slice by half again as it fills, so a list costs
// up to about five times its element's size for each element over its
// growth, and each per-byte number is that for the largest element the
// shortest text makes ("{}," is three bytes), with room to spare.
func adviceDecoders() []budget.Row {
	return []budget.Row{
		// Every enum, one text: each copies it at most twice.
		{Name: "UnmarshalText", Bound: budget.Linear{PerByte: 16, Fixed: 4 << 10}, Check: checkTexts},
		// The configuration holds no list; three durations are parsed.
		budget.JSONRow[advice.Config]("Config", budget.Linear{PerByte: 40, Fixed: 16 << 10}, validConfig), // encoding/json's scanner keeps an int per level of nesting in a slice grown by doubling: up to 32 bytes per input byte for a text of nothing but '['
		// A rule is about 150 bytes for "{},"; a one-byte enum a byte for
		// a two-byte name.
		budget.JSONRow[advice.Rule]("Rule", budget.Linear{PerByte: 64, Fixed: 8 << 10}, nil),
		budget.JSONRow[[]advice.Rule]("Rules", budget.Linear{PerByte: 512, Fixed: 8 << 10}, nil),
		// A situation's row is about 200 bytes for "{},".
		budget.JSONRow[advice.Definitions]("Definitions", budget.Linear{PerByte: 512, Fixed: 8 << 10}, nil),
		budget.JSONRow[advice.MonitorSpec]("MonitorSpec", budget.Linear{PerByte: 512, Fixed: 16 << 10}, nil),
		// A room's spec holds a session's, which validates what it decodes.
		budget.JSONRow[advice.RoomSpec]("RoomSpec", budget.Linear{PerByte: 1 << 10, Fixed: 64 << 10}, nil),
	}
}

// FuzzDecodeBounds feeds arbitrary input to each decoder an app feeds (the
// first argument picks the row): decoding never panics, allocates at most
// linearly in the input (the row's bound), and whatever decodes encodes
// and decodes to the same value; a decoded Config validates (or is the
// zero Config, which means the default). A rule once decoded its lists of
// stages, skills and steps from base64 strings, holding values that have
// no name and that it could then not write.
func FuzzDecodeBounds(f *testing.F) {
	rows := adviceDecoders()
	at := func(name string) uint8 { return budget.Index(f, rows, name) }
	add := func(name string, v any) {
		b, err := json.Marshal(v)
		require.NoError(f, err)
		f.Add(at(name), b)
	}
	add("Config", advice.DefaultConfig())
	add("Config", advice.Config{})
	add("Rule", advice.BuiltinRules()[0])
	add("Rules", advice.BuiltinRules()[:4])
	add("Definitions", advice.BuiltinDefinitions()[:4])
	add("MonitorSpec", advice.MonitorSpec{Members: []group.MemberID{"m1"}, Modality: "cbt", Rules: advice.BuiltinRules()[:1]})
	f.Add(at("Rule"), []byte(`{"id":"x","situation":"monopolizing","urgency":"soon","stages":"/w==","interventions":"AQID","steps":"/w=="}`))
	f.Add(at("Definitions"), []byte(`[{"situation":"x","interventions":"/w==","incidents":"AQID"}]`))
	for _, s := range []string{"soon", "competing", "monopolizing", "safety", "\xff"} {
		f.Add(at("UnmarshalText"), []byte(s))
	}
	f.Fuzz(func(t *testing.T, which uint8, in []byte) {
		budget.Run(t, rows, which, in)
	})
}

// checkTexts decodes in as every enum: each either fails with
// ErrUnknownValue or writes in back.
func checkTexts(t *testing.T, bound budget.Linear, in []byte) {
	fresh := []func() encoding.TextUnmarshaler{
		func() encoding.TextUnmarshaler { return new(advice.Urgency) },
		func() encoding.TextUnmarshaler { return new(advice.ConflictMode) },
		func() encoding.TextUnmarshaler { return new(advice.Situation) },
		func() encoding.TextUnmarshaler { return new(advice.Class) },
	}
	bound.Check(t, "UnmarshalText", len(in), func() {
		for _, f := range fresh {
			_ = f().UnmarshalText(in)
		}
	})
	for _, f := range fresh {
		u := f()
		if err := u.UnmarshalText(in); err != nil {
			require.ErrorIs(t, err, advice.ErrUnknownValue)
			continue
		}
		b, err := u.(encoding.TextMarshaler).MarshalText()
		require.NoError(t, err)
		require.Equal(t, string(in), string(b), "%T", u)
	}
}

// TestRowsRejectBase64: a rule's and a situation row's lists of enum
// values decode only from JSON arrays of names. encoding/json reads a JSON
// string into a list of a one-byte type as base64 ("/w==" is 255, "AQID"
// the bytes 1, 2 and 3), which filled a rule with values that have no name
// and that it could then not write.
func TestRowsRejectBase64(t *testing.T) {
	rule := `{"id":"x","situation":"monopolizing","urgency":"soon","interventions":["linking"]`
	row := `{"situation":"x","class":"behaviour","signs":"s","advice":"a","urgency":"soon","citation":"c","source":"s"`
	tests := []struct {
		name, in string
		into     any
		want     error
	}{
		{"rule stages of an unnamed value", rule + `,"stages":"/w=="}`, new(advice.Rule), advice.ErrInvalidRule},
		{"rule interventions of named values", rule[:len(rule)-len(`,"interventions":["linking"]`)] + `,"interventions":"AQID"}`, new(advice.Rule), advice.ErrInvalidRule},
		{"rule steps", rule + `,"steps":"AQ=="}`, new(advice.Rule), advice.ErrInvalidRule},
		{"row interventions", row + `,"interventions":"AQID"}`, new(advice.Definition), advice.ErrInvalidSituation},
		{"row steps", row + `,"steps":"/w=="}`, new(advice.Definition), advice.ErrInvalidSituation},
		{"row incidents", row + `,"incidents":"AQID"}`, new(advice.Definition), advice.ErrInvalidSituation},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			require.ErrorIs(t, json.Unmarshal([]byte(tc.in), tc.into), tc.want)
		})
	}
	var r advice.Rule
	require.NoError(t, json.Unmarshal([]byte(rule+`,"stages":null,"steps":[]}`), &r), "arrays and null still decode")
}

// TestConfigJSONValidates: a Config validates what it decodes, so that a
// file setting a threshold out of range is refused when it is read rather
// than when a monitor is built; the zero Config, which a MonitorSpec reads
// as the default, still round-trips.
func TestConfigJSONValidates(t *testing.T) {
	c := advice.DefaultConfig()
	for _, in := range []string{`{"silentFor":"-5m"}`, `{"silenceFactor":1.5}`, `{"monopolyFactor":1}`} {
		require.ErrorIs(t, json.Unmarshal([]byte(in), &c), advice.ErrInvalidConfig, in)
		require.Equal(t, advice.DefaultConfig(), c, "unchanged on error")
	}
	b, err := json.Marshal(advice.MonitorSpec{Modality: "cbt"})
	require.NoError(t, err)
	var spec advice.MonitorSpec
	require.NoError(t, json.Unmarshal(b, &spec))
	require.Equal(t, advice.Config{}, spec.Config)
}
