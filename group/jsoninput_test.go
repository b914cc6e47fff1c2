package group_test

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/stretchr/testify/require"

	"github.com/groupwork/groupwork/group"
	"github.com/groupwork/groupwork/internal/testkit/fixture"
)

// TestEnumListsRejectBase64 checks that a list of enum values decodes only
// from a JSON array of text forms. encoding/json reads a JSON string into a
// slice of a one-byte type as base64, which would fill the list with values
// out of range ("AQID" is the bytes 1, 2, 3; "/w==" is 255); every such
// list must refuse it, and an array holding an unknown name or
// "unspecified" too.
func TestEnumListsRejectBase64(t *testing.T) {
	type target struct {
		name string
		new  func() any
		wrap func(list string) string
	}
	targets := []target{
		{"facilitator credentials", func() any { return new(group.Facilitator) },
			func(l string) string { return `{"id":"f","name":"F","role":"lead","credentials":` + l + `}` }},
		{"profile lead credentials", func() any { return new(group.Profile) },
			func(l string) string { return profileJSON(`"leadCredentials":` + l) }},
		{"profile required credentials", func() any { return new(group.Profile) },
			func(l string) string { return profileJSON(`"requiredCredentials":` + l) }},
		{"profile recommended credentials", func() any { return new(group.Profile) },
			func(l string) string { return profileJSON(`"recommendedCredentials":` + l) }},
		{"profile policies", func() any { return new(group.Profile) },
			func(l string) string { return `{"name":"p","modality":"cbt","policies":` + l + `}` }},
		{"agreement limits", func() any { return new(group.Agreement) },
			func(l string) string { return `{"version":1,"limits":` + l + `}` }},
		{"screening indicators", func() any { return new(group.ScreeningInput) },
			func(l string) string { return `{"indicators":` + l + `}` }},
		{"spec facilitator credentials", func() any { return new(group.Spec) },
			func(l string) string {
				return specJSON(t, func(m map[string]any) {
					m["facilitators"] = []json.RawMessage{json.RawMessage(`{"id":"f","name":"F","role":"lead","credentials":` + l + `}`)}
				})
			}},
	}
	bad := []struct{ name, list string }{
		{"base64 of in-range bytes", `"AQID"`},
		{"base64 of an out-of-range byte", `"/w=="`},
		{"empty string", `""`},
		{"unknown name", `["licensed-clinician","x"]`},
		{"unspecified", `["unspecified"]`},
		{"number", `[1]`},
		{"object", `{}`},
	}
	for _, tg := range targets {
		for _, b := range bad {
			t.Run(tg.name+"/"+b.name, func(t *testing.T) {
				require.Error(t, json.Unmarshal([]byte(tg.wrap(b.list)), tg.new()))
			})
		}
	}
}

// profileJSON returns a valid CBT profile in JSON with one more member
// (which replaces the field of the same name).
func profileJSON(field string) string {
	return `{"name":"p","modality":"cbt","kind":"therapy","specialization":"psychotherapy","structure":"high",` +
		`"size":{"min":6,"idealMin":8,"idealMax":8,"max":12},"sessionMinutes":{"min":90,"max":120},` +
		`"sessions":{"min":8,"max":16},"policies":["closed"],` + field + `}`
}

// specJSON returns the CBT fixture's spec as JSON, changed by edit.
func specJSON(t *testing.T, edit func(map[string]any)) string {
	t.Helper()
	b, err := json.Marshal(fixture.CBTSpec())
	require.NoError(t, err)
	var m map[string]any
	require.NoError(t, json.Unmarshal(b, &m))
	edit(m)
	b, err = json.Marshal(m)
	require.NoError(t, err)
	return string(b)
}

// TestSpecJSONKeepsTimeZone checks that a group restored from JSON meets at
// the same local wall-clock time after a daylight-saving change: the spec
// keeps its start's time zone by its IANA name, not only the UTC offset of
// the first session. In 2025 US daylight saving time began on 9 March
// (15 U.S.C. 260a), so a group starting Monday 3 March at 18:00 in New York
// meets at 18:00 EDT on 10 March.
func TestSpecJSONKeepsTimeZone(t *testing.T) {
	ny := newYork(t)
	spec := fixture.CBTSpec()
	spec.Start = time.Date(2025, time.March, 3, 18, 0, 0, 0, ny)
	g, err := group.New(spec)
	require.NoError(t, err)
	b, err := json.Marshal(g)
	require.NoError(t, err)

	var back group.Group
	require.NoError(t, json.Unmarshal(b, &back))
	want := time.Date(2025, time.March, 10, 18, 0, 0, 0, ny)
	got := back.SessionStart(2)
	require.True(t, want.Equal(got), "the second session is %v, want %v", got, want)
	require.Equal(t, "America/New_York", back.Spec().Start.Location().String())

	// The spec alone round-trips its zone too.
	sb, err := json.Marshal(spec)
	require.NoError(t, err)
	var s group.Spec
	require.NoError(t, json.Unmarshal(sb, &s))
	require.Equal(t, "America/New_York", s.Start.Location().String())
	require.Equal(t, 18, s.Start.Hour())
}

// FuzzProfileJSON decodes arbitrary JSON into a Profile. Decoding never
// panics and allocates at most linearly in the input; every list of enum
// values decoded holds only named values; what decodes encodes and decodes
// to the same profile, which validates the same way.
func FuzzProfileJSON(f *testing.F) {
	for _, p := range group.BuiltinProfiles() {
		b, err := json.Marshal(p)
		require.NoError(f, err)
		f.Add(b)
	}
	withRule := group.BuiltinProfiles()[3]
	withRule.ScreeningRules = []group.ScreeningRule{{Indicator: group.IndicatorDissociation, Structures: []group.Structure{group.StructureHigh},
		Outcome: group.OutcomeNeedsClinicianReview, Message: "review", Source: "clinic policy"}}
	b, err := json.Marshal(withRule)
	require.NoError(f, err)
	f.Add(b)
	f.Add([]byte(profileJSON(`"leadCredentials":"/w=="`)))
	f.Fuzz(func(t *testing.T, b []byte) {
		var p group.Profile
		if boundedAlloc(t, b, func() error { return json.Unmarshal(b, &p) }) != nil {
			return
		}
		for _, cs := range [][]group.Credential{p.LeadCredentials, p.RequiredCredentials, p.RecommendedCredentials} {
			for _, c := range cs {
				require.True(t, c.IsValid(), "decoded credential %d", c)
			}
		}
		for _, pol := range p.Policies {
			require.True(t, pol.IsValid(), "decoded policy %d", pol)
		}
		out, err := json.Marshal(p)
		require.NoError(t, err, "a decoded profile encodes")
		var again group.Profile
		require.NoError(t, json.Unmarshal(out, &again))
		if diff := cmp.Diff(p, again, cmpopts.EquateEmpty()); diff != "" {
			t.Fatalf("round trip (-first +second):\n%s", diff)
		}
		require.Equal(t, p.Validate() == nil, again.Validate() == nil)
	})
}

// FuzzValuesJSON decodes arbitrary JSON into each value that carries a list
// of enum values (Facilitator, Agreement, ScreeningInput, ScreeningRule).
// Decoding never panics and allocates at most linearly in the input; a
// decoded list holds only named values; what decodes encodes and decodes
// to the same value; and a decoded screening input screens without
// panicking.
func FuzzValuesJSON(f *testing.F) {
	for _, v := range []any{
		fixture.Lead(), group.StandardAgreement(1), known(group.IndicatorSubstanceUse), group.ScreeningRules()[2],
	} {
		b, err := json.Marshal(v)
		require.NoError(f, err)
		f.Add(b)
	}
	f.Add([]byte(`{"credentials":"AQID","limits":"AQID","indicators":"AQID","structures":"AQID"}`))
	f.Add([]byte(`{"phq9Item9":null,"indicators":["acute-suicidality"],"riskAssessed":true}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		var fac group.Facilitator
		if boundedAlloc(t, b, func() error { return json.Unmarshal(b, &fac) }) == nil {
			for _, c := range fac.Credentials {
				require.True(t, c.IsValid())
			}
			roundTrip(t, fac, new(group.Facilitator))
		}
		var a group.Agreement
		if boundedAlloc(t, b, func() error { return json.Unmarshal(b, &a) }) == nil {
			for _, l := range a.Limits {
				require.True(t, l.IsValid())
			}
			roundTrip(t, a, new(group.Agreement))
		}
		var in group.ScreeningInput
		if boundedAlloc(t, b, func() error { return json.Unmarshal(b, &in) }) == nil {
			for _, i := range in.Indicators {
				require.True(t, i.IsValid())
			}
			for _, p := range group.BuiltinProfiles() {
				if s, err := group.Screen(p, nil, in); err == nil {
					require.True(t, s.Outcome.IsValid())
				}
			}
			roundTrip(t, in, new(group.ScreeningInput))
		}
		var r group.ScreeningRule
		if boundedAlloc(t, b, func() error { return json.Unmarshal(b, &r) }) == nil {
			for _, s := range r.Structures {
				require.True(t, s.IsValid())
			}
			roundTrip(t, r, new(group.ScreeningRule))
		}
	})
}

// roundTrip encodes v, decodes it into fresh (a pointer to a zero value of
// v's type) and checks that the two agree.
func roundTrip[T any](t *testing.T, v T, fresh *T) {
	t.Helper()
	b, err := json.Marshal(v)
	require.NoError(t, err)
	require.NoError(t, json.Unmarshal(b, fresh))
	if diff := cmp.Diff(v, *fresh, cmpopts.EquateEmpty()); diff != "" {
		t.Fatalf("round trip (-first +second):\n%s", diff)
	}
}
