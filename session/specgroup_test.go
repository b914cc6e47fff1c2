package session_test

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"

	"github.com/groupwork/groupwork/group"
	"github.com/groupwork/groupwork/internal/testkit/fixture"
	"github.com/groupwork/groupwork/session"
)

// TestSpecFromGroup builds a session spec from a real group: the active
// members with their names and current recording consent, the group's
// facilitators and profile; and the spec starts a session.
func TestSpecFromGroup(t *testing.T) {
	g := fixture.Group(t, fixture.CBTSpec(), 3)
	require.NoError(t, g.GiveRecordingConsent(fixture.MemberID(2), fixture.Week(-1)))
	require.NoError(t, g.Withdraw(fixture.MemberID(3), fixture.Week(0), "moved away"))

	agenda, err := session.Template(g.Profile(), 90*time.Minute, 2)
	require.NoError(t, err)
	spec := session.SpecFromGroup(g, agenda, fixture.Week(1), 90*time.Minute, 5*time.Minute)

	want := []session.Participant{
		{ID: fixture.MemberID(1), Name: fixture.Member(1).Name},
		{ID: fixture.MemberID(2), Name: fixture.Member(2).Name, RecordingConsent: true},
	}
	if diff := cmp.Diff(want, spec.Roster); diff != "" {
		t.Errorf("roster: only active members, with their consent (-want +got):\n%s", diff)
	}
	require.Equal(t, g.Facilitators(), spec.Facilitators)
	require.Equal(t, g.Profile(), spec.Profile)
	require.Equal(t, 5*time.Minute, spec.LateGrace)

	s, err := session.New(spec)
	require.NoError(t, err)
	leads := []group.FacilitatorID{spec.Facilitators[0].ID}
	// Recording needs every present member's consent: member 1 gave none.
	err = s.Start(fixture.Week(1), leads, []group.MemberID{fixture.MemberID(1), fixture.MemberID(2)}, true)
	require.ErrorIs(t, err, session.ErrNoRecordingConsent)
	require.NoError(t, s.Start(fixture.Week(1), leads, []group.MemberID{fixture.MemberID(2)}, true))
}
