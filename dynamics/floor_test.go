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
