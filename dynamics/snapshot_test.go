package dynamics_test

import (
	"testing"
	"time"

	"github.com/groupwork/groupwork/dynamics/stage"
	sc "github.com/groupwork/groupwork/internal/testkit/script"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/stretchr/testify/require"

	"github.com/groupwork/groupwork/dynamics"
	"github.com/groupwork/groupwork/group"
	"github.com/groupwork/groupwork/session"
)

var approx = cmpopts.EquateApprox(0, 1e-9)

// TestSnapshotHandWorked checks the metrics on a small session worked by
// hand. Members a, b, c, d and facilitator f, all present from 0:
//
//	a->b 60s (IPA 5), b->a 30s (5), a->c 30s (3), c->f 10s (7), f->group 20s (6); d is silent.
//
// Member talk 90, 30, 10, 0 (130 s); turns 2, 1, 1, 0 (4).
// Talk Gini = sum|xi-xj| over ordered pairs / (2 n sum) = 580 / 1040.
// Turn Gini = 12 / 32. Facilitator share of talk 20/150, of turns 1/5.
// Member turns to members 3/4, to the facilitator 1/4; ratio 3/(3+1).
// Ties a->b, b->a, a->c: reciprocity 2/3, density 3/(4*3).
// Undirected weights a-b 2, a-c 1: putting a, b, c together gives
// Q = (6 - 36/6)/6 = 0, better than {a,b},{c} (Q = -1/18) or singletons.
func TestSnapshotHandWorked(t *testing.T) {
	tr := sc.Run(t, sc.IDs("a", "b", "c", "d"), sc.FacIDs("f"),
		sc.Started(0, sc.IDs("a", "b", "c", "d"), sc.FacIDs("f")),
		sc.Turn(0, sc.Fac("f"), sc.Everyone, 20, session.ActGivesOrientation),
		sc.Turn(20, sc.Mem("a"), sc.Mem("b"), 60, session.ActGivesOpinion),
		sc.Turn(80, sc.Mem("b"), sc.Mem("a"), 30, session.ActGivesOpinion),
		sc.Turn(110, sc.Mem("a"), sc.Mem("c"), 30, session.ActAgrees),
		sc.Turn(140, sc.Mem("c"), sc.Fac("f"), 10, session.ActAsksOrientation),
	)
	s := tr.SnapshotAt(sc.At(200))
	got := map[string]float64{
		"talk gini":              s.TalkGini,
		"turn gini":              s.TurnGini,
		"facilitator share":      s.FacilitatorShare,
		"facilitator turn share": s.FacilitatorTurnShare,
		"member to member":       s.MemberToMember,
		"member to facilitator":  s.MemberToFacilitator,
		"member to group":        s.MemberToGroup,
		"m2m ratio":              s.MemberToMemberRatio,
		"reciprocity":            s.Reciprocity,
		"density":                s.Density,
		"modularity":             s.Modularity,
		"fair share":             s.FairShare,
		"a talk share":           s.Members[0].TalkShare,
		"a turn share":           s.Members[0].TurnShare,
		"a to members":           s.Members[0].ToMembers,
		"c to facilitators":      s.Members[2].ToFacilitators,
		"group positive":         s.IPA.Positive,
		"group answers":          s.IPA.Answers,
		"group questions":        s.IPA.Questions,
		"group negative":         s.IPA.Negative,
		"group task":             s.IPA.Task,
		"group social-emotional": s.IPA.SocialEmotional,
	}
	want := map[string]float64{
		"talk gini":              580.0 / 1040,
		"turn gini":              12.0 / 32,
		"facilitator share":      20.0 / 150,
		"facilitator turn share": 1.0 / 5,
		"member to member":       3.0 / 4,
		"member to facilitator":  1.0 / 4,
		"member to group":        0,
		"m2m ratio":              3.0 / 4,
		"reciprocity":            2.0 / 3,
		"density":                3.0 / 12,
		"modularity":             0,
		"fair share":             1.0 / 4,
		"a talk share":           90.0 / 130,
		"a turn share":           2.0 / 4,
		"a to members":           1,
		"c to facilitators":      1,
		"group positive":         1.0 / 4,
		"group answers":          2.0 / 4,
		"group questions":        1.0 / 4,
		"group negative":         0,
		"group task":             3.0 / 4,
		"group social-emotional": 1.0 / 4,
	}
	if diff := cmp.Diff(want, got, approx); diff != "" {
		t.Errorf("metrics (-want +got):\n%s", diff)
	}
	type deg struct{ Out, In, Subgroup int }
	var degs []deg
	for _, m := range s.Members {
		degs = append(degs, deg{m.OutDegree, m.InDegree, m.Subgroup})
	}
	if diff := cmp.Diff([]deg{{2, 1, 1}, {1, 1, 1}, {0, 1, 1}, {0, 0, 0}}, degs); diff != "" {
		t.Errorf("degrees (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]dynamics.Subgroup{{Members: sc.IDs("a", "b", "c"), Turns: 3}}, s.Subgroups); diff != "" {
		t.Errorf("subgroups (-want +got):\n%s", diff)
	}
	d, ok := s.Member("d")
	require.True(t, ok)
	if diff := cmp.Diff(dynamics.MemberStats{
		ID: "d", Attended: true, Present: true, PresentFor: 200 * time.Second, SinceSpoke: 200 * time.Second,
		// No segment began: all the time expected talk.
		Expected: dynamics.Participation{Present: 200 * time.Second, FairShare: 0.25, Silent: 200 * time.Second},
	}, d); diff != "" {
		t.Errorf("silent member (-want +got):\n%s", diff)
	}
	_, ok = s.Member("zed")
	require.False(t, ok)
	require.Equal(t, 200*time.Second, s.Elapsed)
	require.Equal(t, 5, s.Turns)
	require.Equal(t, 150*time.Second, s.Talk)
	require.Equal(t, 130*time.Second, s.MemberTalk)
	require.Equal(t, 4, s.Attending)
	require.Equal(t, 1, s.IPA.Count(session.ActAsksOrientation))
	require.Equal(t, 0, s.IPA.Count(session.Act(99)))
}

// TestSnapshotCommunities checks subgroup detection on graphs worked by hand.
func TestSnapshotCommunities(t *testing.T) {
	tests := []struct {
		name       string
		members    []group.MemberID
		turns      [][2]string
		want       [][]group.MemberID
		modularity float64
	}{
		{
			// Two triangles joined by one edge, weight 1 each, m = 7.
			// Each triangle: 3 internal edges, degree sum 7:
			// Q = 2 * (3/7 - (7/14)^2) = 6/7 - 1/2.
			name:       "two triangles and a bridge",
			members:    sc.IDs("a", "b", "c", "d", "e", "f"),
			turns:      [][2]string{{"a", "b"}, {"b", "c"}, {"c", "a"}, {"d", "e"}, {"e", "f"}, {"f", "d"}, {"c", "d"}},
			want:       [][]group.MemberID{sc.IDs("a", "b", "c"), sc.IDs("d", "e", "f")},
			modularity: 6.0/7 - 0.5,
		},
		{
			// Two separate pairs, m = 2: Q = 2 * (1/2 - (2/4)^2) = 1/2.
			name:       "two pairs",
			members:    sc.IDs("a", "b", "c", "d"),
			turns:      [][2]string{{"a", "b"}, {"d", "c"}},
			want:       [][]group.MemberID{sc.IDs("a", "b"), sc.IDs("c", "d")},
			modularity: 0.5,
		},
		{
			name:       "nobody spoke to anyone",
			members:    sc.IDs("a", "b"),
			want:       nil,
			modularity: 0,
		},
		{
			// A star: sc.Everyone talks only with a. One community; Q = 0.
			name:       "a star",
			members:    sc.IDs("a", "b", "c", "d"),
			turns:      [][2]string{{"b", "a"}, {"c", "a"}, {"d", "a"}},
			want:       [][]group.MemberID{sc.IDs("a", "b", "c", "d")},
			modularity: 0,
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var events []session.Event
			for i, p := range tc.turns {
				events = append(events, sc.Turn(10*i, sc.Mem(p[0]), sc.Mem(p[1]), 5, session.ActGivesOpinion))
			}
			s := sc.Run(t, tc.members, nil, events...).Snapshot()
			var got [][]group.MemberID
			for _, g := range s.Subgroups {
				got = append(got, g.Members)
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("subgroups (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tc.modularity, s.Modularity, approx); diff != "" {
				t.Errorf("modularity (-want +got):\n%s", diff)
			}
		})
	}
}

func TestSnapshotStory(t *testing.T) {
	s := sc.Story(t).SnapshotAt(sc.At(200))
	ana, _ := s.Member("ana")
	ben, _ := s.Member("ben")
	cy, _ := s.Member("cy")
	type view struct {
		Late                               bool
		LateBy                             time.Duration
		BandAids, Soothed                  int
		Overlapped, CutInto                int
		InterventionsAt, Incidents         int
		Longest                            time.Duration
		Reassurance, ThereAndThen, Intense int
	}
	v := func(m dynamics.MemberStats) view {
		return view{m.Late, m.LateBy, m.BandAids, m.Soothed, m.Overlapped, m.CutInto, m.InterventionsAt, m.Incidents, m.Longest,
			m.Tags.Count(session.TagReassurance), m.Tags.Count(session.TagThereAndThen), m.Tags.Count(session.TagIntenseAffect)}
	}
	want := []view{
		{BandAids: 1, CutInto: 1, Longest: 20 * time.Second, Reassurance: 1, ThereAndThen: 1},
		{Soothed: 1, Longest: 30 * time.Second, Intense: 1},
		{Late: true, LateBy: 60 * time.Second, Overlapped: 1, InterventionsAt: 1, Incidents: 1, Longest: 10 * time.Second},
	}
	if diff := cmp.Diff(want, []view{v(ana), v(ben), v(cy)}); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	require.Equal(t, session.SegmentCheckIn, s.Segment)
	require.Equal(t, 195*time.Second, s.SegmentFor)
	require.Equal(t, 0, ana.Tags.Count(session.Tag(1<<13)), "not a defined tag")
	require.Equal(t, 1, s.Overlaps)
	ev := s.Evidence()
	if diff := cmp.Diff(stage.InteractionEvidence{
		MemberTurns: 7, MemberToMember: 4.0 / 7, MemberToFacilitator: 2.0 / 7,
		Negative: 4.0 / 7, Questions: 1.0 / 7, LeaderChallenges: 1, DisclosureFeedback: 0, // negative: IPA 11, 12, 10, 12
	}, ev, approx); diff != "" {
		t.Errorf("evidence (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(stage.AttendanceEvidence{Expected: 3, Present: 3, Late: 1}, s.Attendance()); diff != "" {
		t.Errorf("attendance (-want +got):\n%s", diff)
	}
}

func TestSnapshotPresenceAndEnd(t *testing.T) {
	tr := sc.Run(t, sc.IDs("ana", "ben"), sc.FacIDs("lee"),
		sc.Started(0, sc.IDs("ana"), sc.FacIDs("lee")),
		sc.Arrived(60, "ben"),
		sc.Turn(70, sc.Mem("ben"), sc.Fac("lee"), 10, session.ActAgrees),
		sc.Departed(100, "ben"),
		sc.Arrived(120, "ben"),
		sc.Ended(200),
	)
	s := tr.SnapshotAt(sc.At(500)) // after the end: the end bounds silence and presence
	ben, _ := s.Member("ben")
	require.True(t, ben.Present, "there when the session ended")
	require.Equal(t, 1, ben.Departures)
	require.Zero(t, ben.AwayFor)
	require.Equal(t, 40*time.Second+80*time.Second, ben.PresentFor)
	require.Equal(t, 40*time.Second+80*time.Second, ben.Expected.Present)
	require.Equal(t, 80*time.Second, ben.Expected.Silent, "silence counts from the return")
	require.Equal(t, 120*time.Second, ben.SinceSpoke)
	require.True(t, ben.Late)
	require.True(t, s.Ended)
	require.Equal(t, 500*time.Second, s.Elapsed)
	ana, _ := s.Member("ana")
	require.Equal(t, 200*time.Second, ana.PresentFor)
	require.False(t, ana.Spoke)
	require.InDelta(t, 0.5, s.TalkGini, 1e-9, "one of two attending members has all the talk")
}

// TestSnapshotsAreValues: two snapshots of one tracker share no memory, and
// the tracker never writes to a snapshot it returned, so keeping one and
// taking the next never changes it; the tracker's working space, reused
// between snapshots, is not in them.
func TestSnapshotsAreValues(t *testing.T) {
	big := sc.Run(t, sc.IDs("a", "b", "c", "d", "e", "f"), sc.FacIDs("x", "y"),
		sc.Turn(0, sc.Mem("a"), sc.Mem("b"), 5, 5), sc.Turn(10, sc.Mem("b"), sc.Mem("a"), 5, 5), sc.Turn(20, sc.Mem("e"), sc.Mem("f"), 5, 5))
	first := big.SnapshotAt(sc.At(100))
	kept := first
	fresh := big.SnapshotAt(sc.At(100))
	require.NoError(t, big.Observe(sc.Turn(120, sc.Mem("c"), sc.Mem("d"), 5, 5)))
	second := big.SnapshotAt(sc.At(200))
	if diff := cmp.Diff(fresh, first, snapshotCmp); diff != "" {
		t.Errorf("a later snapshot changed an earlier one (-fresh +kept):\n%s", diff)
	}
	if diff := cmp.Diff(fresh, kept, snapshotCmp); diff != "" {
		t.Errorf("a copy taken before changed (-fresh +copy):\n%s", diff)
	}
	fresh.Members[0].Turns = 99
	fresh.Subgroups[0].Members[0] = "changed"
	require.NotEqual(t, 99, first.Members[0].Turns, "snapshots share no memory")
	require.NotEqual(t, 99, second.Members[0].Turns)
	require.NotEqual(t, "changed", string(second.Subgroups[0].Members[0]))
	require.Len(t, first.Subgroups, 2)
}

func TestSnapshotIsIndependent(t *testing.T) {
	tr := sc.Story(t)
	s := tr.Snapshot()
	before := s.Interactions.Acts(sc.Mem("ana"), sc.Mem("ben"), dynamics.AllTurns)
	require.NoError(t, tr.Observe(sc.Turn(300, sc.Mem("ana"), sc.Mem("ben"), 5, session.ActAgrees)))
	require.Equal(t, before, s.Interactions.Acts(sc.Mem("ana"), sc.Mem("ben"), dynamics.AllTurns))
	require.Equal(t, before+1, tr.Interactions().Acts(sc.Mem("ana"), sc.Mem("ben"), dynamics.AllTurns))
}

func TestActSet(t *testing.T) {
	tests := []struct {
		name string
		set  dynamics.ActSet
		want []session.Act
	}{
		// Bales' areas (Bales 1950).
		{"positive reactions", dynamics.PositiveActs, []session.Act{1, 2, 3}},
		{"attempted answers", dynamics.AnswerActs, []session.Act{4, 5, 6}},
		{"questions", dynamics.QuestionActs, []session.Act{7, 8, 9}},
		{"negative reactions", dynamics.NegativeActs, []session.Act{10, 11, 12}},
		{"task", dynamics.TaskActs, []session.Act{4, 5, 6, 7, 8, 9}},
		{"social-emotional", dynamics.SocialEmotionalActs, []session.Act{1, 2, 3, 10, 11, 12}},
		{"coded", dynamics.CodedActs, []session.Act{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}},
		{"built from acts, 13 ignored", dynamics.ActsOf(session.ActAgrees, session.Act(13)), []session.Act{3}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var got []session.Act
			for a := session.Act(0); a < 16; a++ {
				if tc.set.Has(a) {
					got = append(got, a)
				}
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
			for _, a := range tc.want {
				// each set agrees with session's own classification
				switch tc.set {
				case dynamics.PositiveActs:
					require.True(t, a.IsPositive())
				case dynamics.NegativeActs:
					require.True(t, a.IsNegative())
				case dynamics.QuestionActs:
					require.True(t, a.IsQuestion())
				case dynamics.TaskActs:
					require.True(t, a.IsTask())
				}
			}
		})
	}
}
