package group_test

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"

	"github.com/groupwork/groupwork/group"
	"github.com/groupwork/groupwork/internal/testkit/fixture"
)

// storyGroup builds a group with every kind of command in its history.
func storyGroup(t *testing.T) *group.Group {
	t.Helper()
	spec := fixture.CBTSpec()
	spec.Capacity = 3
	g := fixture.Group(t, spec, 3)
	for i := 4; i <= 5; i++ {
		m := fixture.Member(i)
		require.NoError(t, g.Refer(m, fixture.Week(-1)))
		require.NoError(t, fixture.Screen(g, m.ID, fixture.Week(-1)))
		require.NoError(t, g.SignAgreement(m.ID, 1, fixture.Week(-1)))
		require.NoError(t, g.Waitlist(m.ID, fixture.Week(-1), "group full"))
	}
	require.NoError(t, g.Refer(fixture.Member(6), fixture.Week(-1)))
	require.NoError(t, fixture.Screen(g, "m06", fixture.Week(-1)))
	require.NoError(t, g.Decline("m06", fixture.Week(-1), "refer to individual therapy"))
	require.NoError(t, g.GiveRecordingConsent("m01", fixture.Week(0)))
	require.NoError(t, g.WithdrawRecordingConsent("m01", fixture.Week(1)))
	require.NoError(t, g.DropOut("m02", fixture.Week(1), "stopped coming")) // promotes m04
	require.NoError(t, g.ReviseAgreement(group.StandardAgreement(2), fixture.Week(2)))
	require.NoError(t, g.SignAgreement("m01", 2, fixture.Week(2)))
	require.NoError(t, g.Discharge("m03", fixture.Week(4), "repeated breaches"))
	require.NoError(t, g.Transfer("m04", fixture.Week(5), "moved"))
	require.NoError(t, g.Withdraw("m05", fixture.Week(5), "changed mind"))
	require.NoError(t, g.Complete("m01", fixture.Week(12), "finished"))
	require.NoError(t, g.Refer(fixture.Member(2), fixture.Week(13)))
	return g
}

func TestGroupJSONRoundTrip(t *testing.T) {
	for name, g := range map[string]*group.Group{
		"empty":   fixture.Group(t, fixture.SupportSpec(), 0),
		"story":   storyGroup(t),
		"skills":  fixture.Group(t, fixture.SkillsSpec(), 8),
		"process": fixture.Group(t, fixture.ProcessSpec(), 6),
	} {
		t.Run(name, func(t *testing.T) {
			b, err := json.Marshal(g)
			require.NoError(t, err)
			var got group.Group
			require.NoError(t, json.Unmarshal(b, &got))
			if diff := cmp.Diff(snapshot(t, g), snapshot(t, &got)); diff != "" {
				t.Errorf("decoded group differs (-built +decoded):\n%s", diff)
			}
		})
	}
}

func TestGroupJSONStory(t *testing.T) {
	g := storyGroup(t)
	require.Equal(t, []group.MembershipStatus{group.StatusReferred, group.StatusScreening, group.StatusWaitlisted,
		group.StatusActive, group.StatusTransferred}, statuses(g.Episodes("m04")[0]), "m04 promoted when m02 dropped out")
	require.Equal(t, group.StatusWaitlisted, g.Episodes("m05")[0].Transitions[2].Status)
	require.Empty(t, g.ActiveMembers())
	require.Len(t, g.Episodes("m02"), 2)
}

// TestGroupJSONRejectsBadLogs: a decoded log is replayed through the
// commands, so a log breaking any invariant is rejected with the index of the
// offending entry, and the target is left unchanged.
func TestGroupJSONRejectsBadLogs(t *testing.T) {
	spec, err := json.Marshal(fixture.CBTSpec())
	require.NoError(t, err)
	suitable := func(id string) string {
		return `{"op":"record-screening","at":"2025-01-01T00:00:00Z","member":"` + id + `","screening":{"outcome":"suitable"}}`
	}
	refer := func(id string) string {
		return `{"op":"refer","at":"2025-01-01T00:00:00Z","member":"` + id + `","details":{"id":"` + id + `","name":"N"}}`
	}
	tests := []struct {
		name  string
		log   string
		index int
		is    error
	}{
		{"admit unknown member", `[{"op":"admit","at":"2025-01-01T00:00:00Z","member":"m1"}]`, 0, group.ErrUnknownMember},
		{"admit without consent", `[` + refer("m1") + `,{"op":"screen","at":"2025-01-01T00:00:00Z","member":"m1"},` + suitable("m1") + `,` +
			`{"op":"admit","at":"2025-01-01T00:00:00Z","member":"m1"}]`, 3, group.ErrNoConsent},
		{"admit without screening", `[` + refer("m1") + `,{"op":"screen","at":"2025-01-01T00:00:00Z","member":"m1"},` +
			`{"op":"admit","at":"2025-01-01T00:00:00Z","member":"m1"}]`, 2, group.ErrNotScreened},
		{"admit against a screening", `[` + refer("m1") + `,{"op":"screen","at":"2025-01-01T00:00:00Z","member":"m1"},` +
			`{"op":"record-screening","at":"2025-01-01T00:00:00Z","member":"m1","screening":{"outcome":"urgent-handoff",` +
			`"reasons":[{"outcome":"urgent-handoff","code":"acute-suicidality","message":"m","source":"s"}]}},` +
			`{"op":"admit","at":"2025-01-01T00:00:00Z","member":"m1"}]`, 3, group.ErrScreeningNotSuitable},
		{"incoherent screening", `[` + refer("m1") + `,{"op":"screen","at":"2025-01-01T00:00:00Z","member":"m1"},` +
			`{"op":"record-screening","at":"2025-01-01T00:00:00Z","member":"m1","screening":{"outcome":"suitable",` +
			`"reasons":[{"outcome":"unsuitable","code":"antisocial","message":"m","source":"s"}]}}]`, 2, group.ErrInvalid},
		{"screening record without the screening", `[` + refer("m1") + `,{"op":"screen","at":"2025-01-01T00:00:00Z","member":"m1"},` +
			`{"op":"record-screening","at":"2025-01-01T00:00:00Z","member":"m1"}]`, 2, group.ErrInvalid},
		{"decision by a stranger", `[` + refer("m1") + `,{"op":"screen","at":"2025-01-01T00:00:00Z","member":"m1"},` +
			`{"op":"clinician-decision","at":"2025-01-01T00:00:00Z","member":"m1","by":"f-nobody","reason":"r"}]`, 2, group.ErrUnknownFacilitator},
		{"skip screening", `[` + refer("m1") + `,{"op":"admit","at":"2025-01-01T00:00:00Z","member":"m1"}]`, 1, group.ErrInvalidTransition},
		{"times out of order", `[` + refer("m1") + `,{"op":"screen","at":"2024-01-01T00:00:00Z","member":"m1"}]`, 1, group.ErrTimeOrder},
		{"duplicate referral", `[` + refer("m1") + `,` + refer("m1") + `]`, 1, group.ErrInvalidTransition},
		{"unknown op", `[{"op":"teleport","at":"2025-01-01T00:00:00Z"}]`, 0, group.ErrInvalid},
		{"referral without details", `[{"op":"refer","at":"2025-01-01T00:00:00Z","member":"m1"}]`, 0, group.ErrInvalid},
		{"referral with mismatched id", `[{"op":"refer","at":"2025-01-01T00:00:00Z","member":"m1","details":{"id":"m2","name":"N"}}]`, 0, group.ErrInvalid},
		{"missing time", `[{"op":"promote"}]`, 0, group.ErrInvalid},
		{"revision without agreement", `[{"op":"revise-agreement","at":"2025-01-01T00:00:00Z"}]`, 0, group.ErrInvalid},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			g := storyGroup(t)
			before := snapshot(t, g)
			err := json.Unmarshal([]byte(`{"spec":`+string(spec)+`,"log":`+tc.log+`}`), g)
			var re *group.ReplayError
			require.ErrorAs(t, err, &re)
			require.Equal(t, tc.index, re.Index)
			require.ErrorIs(t, err, tc.is)
			if diff := cmp.Diff(before, snapshot(t, g)); diff != "" {
				t.Errorf("failed decode changed the group (-before +after):\n%s", diff)
			}
		})
	}
	var g group.Group
	require.ErrorIs(t, json.Unmarshal([]byte(`{"spec":{"name":""},"log":[]}`), &g), group.ErrInvalid, "spec validated like New")
	require.Error(t, json.Unmarshal([]byte(`{"spec":[]}`), &g))
}

// FuzzGroupJSON decodes arbitrary JSON into a Group. Decoding never panics
// and allocates at most linearly in the input; a group that decodes
// re-encodes to JSON that decodes to the same group, and the decoded group
// passes the same validation as a built one (its spec validates and its
// commands were all accepted on replay).
func FuzzGroupJSON(f *testing.F) {
	seed := func(g *group.Group) {
		b, err := json.Marshal(g)
		require.NoError(f, err)
		f.Add(b)
	}
	spec := fixture.CBTSpec()
	g, err := group.New(spec)
	require.NoError(f, err)
	seed(g)
	for _, m := range fixture.Members(3) {
		require.NoError(f, fixture.Enrol(g, m, fixture.Week(-1)))
	}
	require.NoError(f, g.Withdraw("m02", fixture.Week(1), "moved"))
	require.NoError(f, g.Refer(fixture.Member(7), fixture.Week(1)))
	require.NoError(f, g.StartScreening("m07", fixture.Week(1)))
	s, err := g.Screen(item9(1, group.IndicatorViolenceRisk))
	require.NoError(f, err)
	require.NoError(f, g.RecordScreening("m07", s, fixture.Week(1)))
	require.NoError(f, g.RecordClinicianDecision("m07", "f-lead", fixture.Week(1), "reviewed"))
	require.NoError(f, g.GiveRecordingConsent("m01", fixture.Week(1)))
	seed(g)
	sg, err := group.New(fixture.SupportSpec())
	require.NoError(f, err)
	require.NoError(f, fixture.Enrol(sg, fixture.Member(1), fixture.Week(0)))
	seed(sg)
	f.Add([]byte(`{"spec":{},"log":[{"op":"admit"}]}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		var g group.Group
		if boundedAlloc(t, b, func() error { return json.Unmarshal(b, &g) }) != nil {
			return
		}
		require.NoError(t, g.Spec().Validate())
		out, err := json.Marshal(&g)
		require.NoError(t, err)
		var again group.Group
		require.NoError(t, json.Unmarshal(out, &again))
		if diff := cmp.Diff(snapshot(t, &g), snapshot(t, &again)); diff != "" {
			t.Fatalf("round trip (-first +second):\n%s", diff)
		}
		// The decoded group accepts commands like a built one.
		_ = g.Refer(group.Member{ID: "fuzz", Name: "Fuzz"}, time.Date(2100, 1, 1, 0, 0, 0, 0, time.UTC))
	})
}
