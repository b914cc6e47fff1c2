package dynamics_test

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"

	sc "github.com/groupwork/groupwork/internal/testkit/script"

	"github.com/groupwork/groupwork/dynamics"
	"github.com/groupwork/groupwork/group"
	"github.com/groupwork/groupwork/session"
)

func segment(sec int, k session.SegmentKind) session.Event {
	return session.Event{Type: session.EventSegmentBegan, At: sc.At(sec), Segment: k}
}

// TestParticipationCountsTalkExpectedTime plays an art therapy session by
// the minute: a 10-minute check-in round (guided), 30 minutes of art-making
// (quiet), 20 minutes of processing the images (open). Mia says nothing
// throughout; Bo leaves during art-making and comes back for processing;
// Ann answers the leader during art-making, which the talk-expected figures
// do not count.
func TestParticipationCountsTalkExpectedTime(t *testing.T) {
	min := func(m int) int { return 60 * m }
	tr := sc.Run(t, sc.IDs("ann", "bo", "mia"), sc.FacIDs("lee"),
		sc.Started(0, sc.IDs("ann", "bo", "mia"), sc.FacIDs("lee")),
		segment(0, session.SegmentCheckIn),
		sc.Turn(min(1), sc.Mem("ann"), sc.Fac("lee"), 60, session.ActGivesOpinion),
		sc.Turn(min(2), sc.Mem("bo"), sc.Everyone, 60, session.ActGivesOpinion),
		segment(min(10), session.SegmentArtMaking),
		sc.Turn(min(12), sc.Mem("ann"), sc.Fac("lee"), 30, session.ActAsksOrientation),
		sc.Departed(min(20), "bo"),
		sc.Arrived(min(38), "bo"),
		segment(min(40), session.SegmentProcessing),
		sc.Turn(min(41), sc.Mem("ann"), sc.Mem("bo"), 120, session.ActGivesOrientation),
		sc.Turn(min(43), sc.Mem("bo"), sc.Fac("lee"), 60, session.ActAsksOpinion),
		sc.Turn(min(44), sc.Mem("bo"), sc.Fac("lee"), 60, session.ActDisagrees),
	)
	s := tr.SnapshotAt(sc.At(min(60)))
	require.Equal(t, session.TalkOpen, s.SegmentTalk)
	require.Equal(t, 30*time.Minute, s.ExpectedTime, "10 minutes of check-in, 20 of processing")
	require.Equal(t, 6*time.Minute, s.ExpectedMemberTalk)
	got := map[group.MemberID]dynamics.Participation{}
	for _, m := range s.Members {
		got[m.ID] = m.Expected
	}
	want := map[group.MemberID]dynamics.Participation{
		"mia": {Present: 30 * time.Minute, FairShare: 30.0 / 90, Silent: 30 * time.Minute},
	}
	want["ann"] = dynamics.Participation{Present: 30 * time.Minute, Turns: 2, Talk: 3 * time.Minute, LastTurn: 2 * time.Minute, TalkShare: 3.0 / 6, TurnShare: 2.0 / 5,
		FairShare: 30.0 / 90, Silent: 17 * time.Minute, OpenTurns: 1}
	want["bo"] = dynamics.Participation{Present: 30 * time.Minute, Turns: 3, Talk: 3 * time.Minute, LastTurn: time.Minute, TalkShare: 3.0 / 6, TurnShare: 3.0 / 5,
		FairShare: 30.0 / 90, Silent: 15 * time.Minute, OpenTurns: 2, OpenToLeaders: 1}
	if diff := cmp.Diff(want, got, approx); diff != "" {
		t.Errorf("talk-expected participation (-want +got):\n%s", diff)
	}
	mia, _ := s.Member("mia")
	require.Equal(t, 60*time.Minute, mia.SinceSpoke, "the raw figure counts every minute")
	bo, _ := s.Member("bo")
	require.Equal(t, 1, bo.Departures)
	require.True(t, bo.Present)
	require.True(t, tr.Present(sc.Mem("bo")))
	require.False(t, tr.Present(sc.Mem("zed")))
}

// TestSetTalkPlan: a modality's plan changes how segments are read (inquiry
// in a mindfulness class is a dialogue with the teacher, not open
// discussion), and it is set before the session's first event.
func TestSetTalkPlan(t *testing.T) {
	plan, err := session.BuiltinTalk().Plan(group.ModalityMindfulness)
	require.NoError(t, err)
	tr, err := dynamics.NewTracker(sc.IDs("ann", "bo"), sc.FacIDs("lee"))
	require.NoError(t, err)
	require.Equal(t, session.DefaultTalkPlan(), tr.TalkPlan())
	require.NoError(t, tr.SetTalkPlan(plan))
	for _, e := range []session.Event{
		sc.Started(0, sc.IDs("ann", "bo"), sc.FacIDs("lee")),
		segment(0, session.SegmentMeditation),
		segment(1200, session.SegmentProcessing),
		sc.Turn(1210, sc.Mem("ann"), sc.Fac("lee"), 60, session.ActGivesOrientation),
	} {
		require.NoError(t, tr.Observe(e))
	}
	s := tr.SnapshotAt(sc.At(1500))
	require.Equal(t, session.TalkGuided, s.SegmentTalk)
	require.Equal(t, 5*time.Minute, s.ExpectedTime, "the 20-minute practice is quiet")
	ann, _ := s.Member("ann")
	require.Equal(t, 1, ann.Expected.Turns)
	require.Zero(t, ann.Expected.OpenTurns, "inquiry is guided: no open turns, so no dependency")
	err = tr.SetTalkPlan(session.DefaultTalkPlan())
	require.ErrorIs(t, err, session.ErrAlreadyStarted)
	require.ErrorIs(t, err, dynamics.ErrInvalid)
}

// TestSubgroupsAmongThoseInTheRoom: a member who has left is in no
// subgroup for that time, and is again once back.
func TestSubgroupsAmongThoseInTheRoom(t *testing.T) {
	events := []session.Event{sc.Started(0, sc.IDs("a", "b", "c", "d"), nil)}
	for i, p := range [][2]string{{"a", "b"}, {"b", "a"}, {"c", "d"}, {"d", "c"}, {"a", "b"}, {"c", "d"}} {
		events = append(events, sc.Turn(10*(i+1), sc.Mem(p[0]), sc.Mem(p[1]), 5, session.ActGivesOpinion))
	}
	tr := sc.Run(t, sc.IDs("a", "b", "c", "d"), nil, events...)
	groups := func() [][]group.MemberID {
		var out [][]group.MemberID
		for _, g := range tr.Snapshot().Subgroups {
			out = append(out, g.Members)
		}
		return out
	}
	require.Equal(t, [][]group.MemberID{sc.IDs("a", "b"), sc.IDs("c", "d")}, groups())
	require.NoError(t, tr.Observe(sc.Departed(100, "d")))
	require.Equal(t, [][]group.MemberID{sc.IDs("a", "b")}, groups(), "d has left: c and d are no subgroup now")
	require.NoError(t, tr.Observe(sc.Arrived(200, "d")))
	require.Equal(t, [][]group.MemberID{sc.IDs("a", "b"), sc.IDs("c", "d")}, groups())
}
