package dynamics_test

import (
	"math"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"

	sc "github.com/groupwork/groupwork/internal/testkit/script"

	"github.com/groupwork/groupwork/dynamics"
	"github.com/groupwork/groupwork/group"
	"github.com/groupwork/groupwork/session"
)

// overlapCounts is what the overlap counters say: the tracker's total, and
// each member's Overlapped and CutInto.
type overlapCounts struct {
	Total      int
	Overlapped map[group.MemberID]int
	CutInto    map[group.MemberID]int
}

func countsOf(tr *dynamics.Tracker) overlapCounts {
	s := tr.Snapshot()
	c := overlapCounts{Total: tr.Overlaps(), Overlapped: map[group.MemberID]int{}, CutInto: map[group.MemberID]int{}}
	for _, m := range s.Members {
		if m.Overlapped > 0 {
			c.Overlapped[m.ID] = m.Overlapped
		}
		if m.CutInto > 0 {
			c.CutInto[m.ID] = m.CutInto
		}
	}
	return c
}

// TestOverlapsAsDocumented checks the overlap counters on sessions worked by
// hand: everyone whose turn is still running when a turn starts is cut into,
// once however many of their turns run; a speaker's own running turn is no
// overlap.
func TestOverlapsAsDocumented(t *testing.T) {
	members := sc.IDs("a", "b", "c", "d")
	tests := []struct {
		name  string
		turns []session.Event
		want  overlapCounts
	}{
		{
			// a 0-60, b 10-70, c 20-30: c cuts into a and b.
			name: "three simultaneous speakers",
			turns: []session.Event{sc.Turn(0, sc.Mem("a"), sc.Everyone, 60, session.ActGivesOpinion),
				sc.Turn(10, sc.Mem("b"), sc.Everyone, 60, session.ActGivesOpinion),
				sc.Turn(20, sc.Mem("c"), sc.Everyone, 10, session.ActGivesOpinion)},
			want: overlapCounts{Total: 2, Overlapped: map[group.MemberID]int{"b": 1, "c": 1},
				CutInto: map[group.MemberID]int{"a": 2, "b": 1}},
		},
		{
			// a 0-100 and a 10-50 (a's own: no overlap), then b at 40 cuts
			// into a once, though two of a's turns run.
			name: "a speaker with two overlapping turns",
			turns: []session.Event{sc.Turn(0, sc.Mem("a"), sc.Everyone, 100, session.ActGivesOpinion),
				sc.Turn(10, sc.Mem("a"), sc.Mem("b"), 40, session.ActGivesOpinion),
				sc.Turn(40, sc.Mem("b"), sc.Mem("a"), 5, session.ActAgrees)},
			want: overlapCounts{Total: 1, Overlapped: map[group.MemberID]int{"b": 1}, CutInto: map[group.MemberID]int{"a": 1}},
		},
		{
			// b 0-100, a 10-120: a's own later-ending turn does not hide
			// b's, still running when a starts again at 30.
			name: "an own running turn ends last",
			turns: []session.Event{sc.Turn(0, sc.Mem("b"), sc.Everyone, 100, session.ActGivesOpinion),
				sc.Turn(10, sc.Mem("a"), sc.Everyone, 110, session.ActGivesOpinion),
				sc.Turn(30, sc.Mem("a"), sc.Mem("b"), 5, session.ActAgrees)},
			want: overlapCounts{Total: 2, Overlapped: map[group.MemberID]int{"a": 2}, CutInto: map[group.MemberID]int{"b": 2}},
		},
		{
			name: "turns that follow one another",
			turns: []session.Event{sc.Turn(0, sc.Mem("a"), sc.Everyone, 10, session.ActGivesOpinion),
				sc.Turn(10, sc.Mem("b"), sc.Everyone, 10, session.ActGivesOpinion)},
			want: overlapCounts{Overlapped: map[group.MemberID]int{}, CutInto: map[group.MemberID]int{}},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			tr := sc.Run(t, members, nil, tc.turns...)
			if diff := cmp.Diff(tc.want, countsOf(tr)); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

// recount computes the overlap counters from the turns directly, pair by
// pair, as the documentation defines them.
func recount(turns []session.Event) overlapCounts {
	c := overlapCounts{Overlapped: map[group.MemberID]int{}, CutInto: map[group.MemberID]int{}}
	for j, u := range turns {
		cut := map[group.MemberID]bool{}
		for _, v := range turns[:j] {
			if v.Turn.Speaker != u.Turn.Speaker && v.At.Add(v.Turn.Duration).After(u.At) {
				cut[group.MemberID(v.Turn.Speaker.ID)] = true
			}
		}
		if len(cut) > 0 {
			c.Total++
			c.Overlapped[group.MemberID(u.Turn.Speaker.ID)]++
		}
		for id := range cut {
			c.CutInto[id]++
		}
	}
	return c
}

// TestOverlapsMatchARecount plays 120 random sessions of six members who
// often talk at once and checks the tracker's counters against a recount
// from the same turns.
func TestOverlapsMatchARecount(t *testing.T) {
	members := sc.IDs("a", "b", "c", "d", "e", "f")
	rng := rand.New(rand.NewPCG(15, 120))
	for range 120 {
		var turns []session.Event
		at := 0
		for range 60 {
			at += rng.IntN(8)
			from := members[rng.IntN(len(members))]
			turns = append(turns, sc.Turn(at, sc.Mem(string(from)), sc.Everyone, 1+rng.IntN(20), session.ActGivesOpinion))
		}
		tr := sc.Run(t, members, nil, turns...)
		if diff := cmp.Diff(recount(turns), countsOf(tr)); diff != "" {
			t.Fatalf("tracker and recount disagree (-recount +tracker):\n%s", diff)
		}
	}
}

// TestDurationsSaturate: talk times add up without overflowing, however
// long the turns or far apart the times; no figure goes negative and the
// Gini coefficients stay within 0 to 1.
func TestDurationsSaturate(t *testing.T) {
	members := sc.IDs("a", "b")
	t.Run("many day-long turns at once", func(t *testing.T) {
		tr, err := dynamics.NewTracker(members, nil)
		require.NoError(t, err)
		e := sc.Turn(0, sc.Mem("a"), sc.Mem("b"), 0, session.ActGivesOpinion)
		e.Turn.Duration = session.MaxTurn
		n := int(math.MaxInt64/int64(session.MaxTurn)) + 2 // enough to pass the largest duration
		for range n {
			require.NoError(t, tr.Observe(e))
		}
		require.NoError(t, tr.Observe(sc.Turn(0, sc.Mem("b"), sc.Mem("a"), 60, session.ActAgrees)))
		s := tr.Snapshot()
		a, _ := s.Member("a")
		require.Equal(t, time.Duration(math.MaxInt64), a.Talk)
		require.Equal(t, time.Duration(math.MaxInt64), a.Expected.Talk)
		require.Equal(t, time.Duration(math.MaxInt64), s.Talk)
		require.Equal(t, time.Duration(math.MaxInt64), s.MemberTalk)
		require.Equal(t, time.Duration(math.MaxInt64), s.Interactions.Talk(sc.Mem("a"), sc.Mem("b")))
		require.True(t, s.TalkGini >= 0 && s.TalkGini <= 1, "talk Gini %v", s.TalkGini)
		require.True(t, a.TalkShare >= 0 && a.TalkShare <= 1)
	})
	t.Run("times centuries apart", func(t *testing.T) {
		early := time.Date(1, 1, 1, 0, 0, 0, 0, time.UTC)
		late := time.Date(9999, 12, 31, 0, 0, 0, 0, time.UTC)
		tr, err := dynamics.NewTracker(members, nil)
		require.NoError(t, err)
		require.NoError(t, tr.Observe(session.Event{Type: session.EventStarted, At: early, Start: &session.Start{Members: members}}))
		for _, at := range []time.Time{late, late} {
			require.NoError(t, tr.Observe(session.Event{Type: session.EventTurn, At: at,
				Turn: session.Turn{Speaker: sc.Mem("a"), Addressee: sc.Mem("b"), Duration: session.MaxTurn}}))
		}
		s := tr.SnapshotAt(late.Add(time.Hour))
		for _, m := range s.Members {
			require.GreaterOrEqual(t, m.Talk, time.Duration(0))
			require.GreaterOrEqual(t, m.SinceSpoke, time.Duration(0))
			require.GreaterOrEqual(t, m.PresentFor, time.Duration(0))
			require.GreaterOrEqual(t, m.Expected.Silent, time.Duration(0))
		}
		require.GreaterOrEqual(t, s.Elapsed, time.Duration(0))
		require.True(t, s.TalkGini >= 0 && s.TalkGini <= 1, "talk Gini %v", s.TalkGini)
		require.True(t, s.TurnGini >= 0 && s.TurnGini <= 1, "turn Gini %v", s.TurnGini)
	})
}

// TestOffsetsAgreeWithSub: the tracker reads offsets from the wall clock
// itself; they agree with time.Time.Sub wherever Sub does not saturate.
func TestOffsetsAgreeWithSub(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	base := time.Date(2025, 3, 4, 18, 0, 0, 123456789, time.UTC)
	for range 2000 {
		d := time.Duration(rng.Int64N(int64(200*365*24*time.Hour))) - 100*365*24*time.Hour
		at := base.Add(d)
		tr, err := dynamics.NewTracker(sc.IDs("a", "b"), nil)
		require.NoError(t, err)
		require.NoError(t, tr.Observe(session.Event{Type: session.EventStarted, At: base, Start: &session.Start{Members: sc.IDs("a", "b")}}))
		want := at.Sub(base)
		if want < 0 {
			continue // events do not go back in time
		}
		require.NoError(t, tr.Observe(session.Event{Type: session.EventTurn, At: at, Turn: session.Turn{Speaker: sc.Mem("a"), Addressee: sc.Mem("b")}}))
		got := tr.Snapshot().Elapsed
		require.Equal(t, want, got)
	}
}

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
