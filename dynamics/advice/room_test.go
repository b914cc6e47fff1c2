package advice_test

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"

	"github.com/groupwork/groupwork/dynamics"
	"github.com/groupwork/groupwork/dynamics/advice"
	"github.com/groupwork/groupwork/dynamics/stage"
	"github.com/groupwork/groupwork/group"
	"github.com/groupwork/groupwork/internal/testkit/fixture"
	"github.com/groupwork/groupwork/session"
)

// roomOf builds the room of a CBT group's first session from the group
// itself: the members admitted there, with no ID retyped.
func roomOf(t *testing.T) (*advice.Room, time.Time) {
	t.Helper()
	g := fixture.Group(t, fixture.CBTSpec(), 6)
	agenda, err := session.Template(g.Profile(), 90*time.Minute, 6)
	require.NoError(t, err)
	spec := session.SpecFromGroup(g, agenda, fixture.Start(), 90*time.Minute, 5*time.Minute)
	spec.ID = "cbt-1"
	r, err := advice.NewRoom(advice.RoomSpec{Session: spec})
	require.NoError(t, err)
	return r, fixture.Start()
}

// TestRoomRecordsInBothOrNeither: an event the session accepts reaches the
// monitor too, with the session's sequence number; one it refuses reaches
// neither, with the session's error.
func TestRoomRecordsInBothOrNeither(t *testing.T) {
	r, start := roomOf(t)
	ids := []group.MemberID{fixture.MemberID(1), fixture.MemberID(2), fixture.MemberID(3)}
	require.NoError(t, r.Start(start, []group.FacilitatorID{"f-lead", "f-colead"}, ids, false))
	require.NoError(t, r.Speak(start.Add(time.Minute), session.Turn{Speaker: session.MemberParty(ids[0]), Addressee: session.WholeGroup(), Duration: 30 * time.Second}))

	before := r.Tracker().SnapshotAt(start.Add(time.Hour))
	for _, bad := range []session.Event{
		{Type: session.EventTurn, At: start.Add(2 * time.Minute), Turn: session.Turn{Speaker: session.MemberParty("stranger"), Addressee: session.WholeGroup()}},
		{Type: session.EventTurn, At: start, Turn: session.Turn{Speaker: session.MemberParty(ids[1]), Addressee: session.WholeGroup()}},
		{Type: session.EventArrived, At: start.Add(3 * time.Minute), Member: ids[0]}, // already here
		{Type: session.EventTurn, At: start.Add(3 * time.Minute), Member: ids[0], Turn: session.Turn{Speaker: session.MemberParty(ids[1]), Addressee: session.WholeGroup()}},
	} {
		err := r.Apply(bad)
		var ee *session.EventError
		require.ErrorAs(t, err, &ee, "the session's error")
		require.Equal(t, 2, ee.Index)
		require.Equal(t, 2, r.Session().Len(), "the session did not take it")
		if diff := cmp.Diff(before, r.Tracker().SnapshotAt(start.Add(time.Hour)), cmp.AllowUnexported(dynamics.Interactions{})); diff != "" {
			t.Fatalf("the monitor took an event the session refused:\n%s", diff)
		}
	}
	_, err := r.RaiseIncident(start.Add(4*time.Minute), session.IncidentRiskToSelf, ids[2], "says she has thought about dying")
	require.NoError(t, err)
	recs := r.Advise(start.Add(5*time.Minute), stage.Initial)
	require.NotEmpty(t, recs)
	require.Equal(t, advice.SituationRiskToSelf, recs[0].Situation, "the command reached the monitor")
	require.Equal(t, []int{3}, recs[0].Evidence[0].Events, "cited by the session's sequence number")
	last, _ := r.Session().Last()
	require.Equal(t, 3, last.Seq)
}

// TestRestoreRoom: a room rebuilt from its session's log advises as the
// live one did; a log of another session is refused.
func TestRestoreRoom(t *testing.T) {
	r, start := roomOf(t)
	ids := []group.MemberID{fixture.MemberID(1), fixture.MemberID(2), fixture.MemberID(3), fixture.MemberID(4)}
	require.NoError(t, r.Start(start, []group.FacilitatorID{"f-lead", "f-colead"}, ids, false))
	at := start
	for range 6 {
		at = at.Add(5 * time.Minute)
		require.NoError(t, r.Speak(at, session.Turn{Speaker: session.MemberParty(ids[0]), Addressee: session.WholeGroup(), Duration: 5 * time.Minute, Act: session.ActGivesOpinion}))
	}
	data, err := session.Encode(r.Session().Log())
	require.NoError(t, err)
	log, err := session.Decode(data)
	require.NoError(t, err)
	spec := r.Session().Spec()
	back, err := advice.RestoreRoom(advice.RoomSpec{Session: spec}, log)
	require.NoError(t, err)
	live := r.Advise(at, stage.Initial)
	require.NotEmpty(t, live)
	if diff := cmp.Diff(live, back.Advise(at, stage.Initial)); diff != "" {
		t.Errorf("restored room advises otherwise (-live +restored):\n%s", diff)
	}
	spec.ID = "another"
	_, err = advice.RestoreRoom(advice.RoomSpec{Session: spec}, log)
	require.ErrorIs(t, err, session.ErrSequence)
}

// TestRoomSpecJSON: a room's spec round-trips through JSON (an app keeps it
// with the log, to restore the room).
func TestRoomSpecJSON(t *testing.T) {
	r, _ := roomOf(t)
	spec := advice.RoomSpec{Session: r.Session().Spec(), Config: advice.DefaultConfig(), Leadership: group.LeadershipPeerLed,
		NextSession: fixture.Start().AddDate(0, 0, 7)}
	b, err := json.Marshal(spec)
	require.NoError(t, err)
	var back advice.RoomSpec
	require.NoError(t, json.Unmarshal(b, &back))
	if diff := cmp.Diff(spec, back); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	// An older file's "peerLed": true reads as the peer-led override.
	spec.Leadership, spec.NextSession = 0, time.Time{}
	b, err = json.Marshal(spec)
	require.NoError(t, err)
	old := strings.Replace(string(b), `{"session":`, `{"peerLed":true,"session":`, 1)
	back = advice.RoomSpec{}
	require.NoError(t, json.Unmarshal([]byte(old), &back))
	require.Equal(t, group.LeadershipPeerLed, back.Leadership)
	require.Error(t, json.Unmarshal([]byte(`{"leadership":"chaired"}`), &back))
}
