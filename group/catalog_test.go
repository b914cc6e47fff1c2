package group_test

import (
	"encoding/json"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/stretchr/testify/require"

	"github.com/groupwork/groupwork/group"
)

func TestBuiltinCatalog(t *testing.T) {
	c := group.BuiltinCatalog()
	require.Equal(t, 7, c.Len())
	if diff := cmp.Diff(group.BuiltinProfiles(), c.Profiles()); diff != "" {
		t.Errorf("catalogue differs from BuiltinProfiles (-want +got):\n%s", diff)
	}
	// Each call is a fresh value.
	c.Remove("cbt")
	require.Equal(t, 7, group.BuiltinCatalog().Len())
	var zero group.Catalog
	require.Equal(t, 0, zero.Len())
	_, ok := zero.Lookup("cbt")
	require.False(t, ok)
}

func TestCatalogCustomProfiles(t *testing.T) {
	c := group.BuiltinCatalog()

	// An app's own modality on top of support: a 12-step meeting.
	twelve, ok := c.Derive("support", "12-step")
	require.True(t, ok)
	twelve.Aims = []string{"abstinence", "fellowship"}
	twelve.Sources = []string{"app: our 12-step meeting format"}
	require.NoError(t, c.Add(twelve))

	// Overriding a built-in number: CBT groups of up to 14 in this clinic.
	cbt, _ := c.Lookup("cbt")
	cbt.Size.Max = 14
	require.NoError(t, c.Set(cbt))

	got, ok := c.Lookup("12-step")
	require.True(t, ok)
	require.Equal(t, group.ModalitySupport, got.Modality)
	require.Equal(t, []string{"abstinence", "fellowship"}, got.Aims)
	got, _ = c.Lookup("cbt")
	require.Equal(t, 14, got.Size.Max)

	// Profiles are ordered by modality, then name.
	var names []string
	for _, p := range c.Profiles() {
		names = append(names, p.Name)
	}
	require.Equal(t, []string{"12-step", "support", "psychoeducational", "cbt", "mindfulness", "art-therapy", "process", "skills"}, names)

	// Lookups are copies.
	got.Policies[0] = group.PolicyOpen
	again, _ := c.Lookup("cbt")
	require.Equal(t, group.PolicyClosed, again.Policies[0])

	tests := []struct {
		name string
		op   func() error
		is   error
	}{
		{"add a taken name", func() error { return c.Add(twelve) }, group.ErrDuplicateID},
		{"add an invalid profile", func() error { p := twelve; p.Name = "grief"; p.Kind = 0; return c.Add(p) }, group.ErrInvalid},
		{"set an invalid profile", func() error { p := cbt; p.SessionMinutes.Min = 0; return c.Set(p) }, group.ErrInvalid},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			before := c.Profiles()
			require.ErrorIs(t, tc.op(), tc.is)
			require.Equal(t, before, c.Profiles(), "catalogue unchanged")
		})
	}
	_, ok = c.Derive("no-such", "x")
	require.False(t, ok)
	require.True(t, c.Remove("12-step"))
	require.False(t, c.Remove("12-step"))
}

func TestCatalogJSON(t *testing.T) {
	c := group.BuiltinCatalog()
	grief, _ := c.Derive("support", "grief")
	require.NoError(t, c.Add(grief))
	b, err := json.Marshal(c)
	require.NoError(t, err)
	var got group.Catalog
	require.NoError(t, json.Unmarshal(b, &got))
	if diff := cmp.Diff(c.Profiles(), got.Profiles()); diff != "" {
		t.Errorf("round trip (-want +got):\n%s", diff)
	}

	tests := []struct {
		name  string
		json  string
		paths []string
		is    error
	}{
		{"duplicate names", `[{"name":"a","modality":"cbt","kind":"therapy","specialization":"psychotherapy","structure":"high","sessionMinutes":{"min":90},"policies":["closed"]},` +
			`{"name":"a","modality":"cbt","kind":"therapy","specialization":"psychotherapy","structure":"high","sessionMinutes":{"min":90},"policies":["closed"]}]`,
			[]string{"[1].name"}, group.ErrDuplicateID},
		{"invalid profile", `[{"name":"","modality":"cbt","kind":"therapy","specialization":"psychotherapy","structure":"high","sessionMinutes":{"min":90},"policies":["closed"]}]`,
			[]string{"[0].name"}, group.ErrInvalid},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c := group.BuiltinCatalog()
			err := json.Unmarshal([]byte(tc.json), c)
			require.ErrorIs(t, err, tc.is)
			require.Equal(t, tc.paths, fieldPaths(t, err))
			require.Equal(t, 7, c.Len(), "catalogue unchanged on error")
		})
	}
	require.Error(t, json.Unmarshal([]byte(`[{"modality":"family therapy"}]`), &got))
}

// FuzzCatalogJSON decodes arbitrary JSON into a Catalog: it never panics,
// allocates at most linearly in the input, and a catalogue that decodes
// holds only valid profiles and round-trips.
func FuzzCatalogJSON(f *testing.F) {
	b, err := json.Marshal(group.BuiltinCatalog())
	require.NoError(f, err)
	f.Add(b)
	f.Add([]byte(`[]`))
	f.Add([]byte(`[{"name":"x"}]`))
	f.Fuzz(func(t *testing.T, b []byte) {
		var c group.Catalog
		if boundedAlloc(t, b, func() error { return json.Unmarshal(b, &c) }) != nil {
			return
		}
		out, err := json.Marshal(&c)
		require.NoError(t, err)
		var again group.Catalog
		require.NoError(t, json.Unmarshal(out, &again))
		if diff := cmp.Diff(c.Profiles(), again.Profiles(), cmpopts.EquateEmpty()); diff != "" {
			t.Fatalf("round trip (-first +second):\n%s", diff)
		}
		for _, p := range again.Profiles() {
			require.NoError(t, p.Validate())
		}
	})
}
