package advice_test

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"

	"github.com/groupwork/groupwork/dynamics/advice"
	"github.com/groupwork/groupwork/dynamics/stage"
	"github.com/groupwork/groupwork/group"
	sc "github.com/groupwork/groupwork/internal/testkit/script"
	"github.com/groupwork/groupwork/session"
)

// live is a monitor fed a script as it is written, so that a test can
// check between events as a live app does.
type live struct {
	t   *testing.T
	m   *advice.Monitor
	s   *script
	fed int
}

func newLive(t *testing.T, spec advice.MonitorSpec) *live {
	t.Helper()
	spec.Members, spec.Facilitators = sixMembers, twoLeaders
	if spec.Modality == "" {
		spec.Modality = group.ModalityProcess
	}
	m, err := advice.NewMonitor(spec)
	require.NoError(t, err)
	return &live{t: t, m: m, s: newScript()}
}

// feed gives the monitor the events written since the last feed.
func (l *live) feed() {
	l.t.Helper()
	for ; l.fed < len(l.s.events); l.fed++ {
		require.NoError(l.t, l.m.Observe(l.s.events[l.fed]))
	}
}

// detect feeds the script and checks at its current time.
func (l *live) detect() map[advice.Situation][]group.MemberID {
	l.feed()
	return situations(l.m.Detect(l.s.now))
}

func (l *live) segment(k session.SegmentKind) {
	l.s.add(session.Event{Type: session.EventSegmentBegan, Segment: k})
}

// wait lets time pass with no turns.
func (l *live) wait(d time.Duration) { l.s.now = l.s.now.Add(d) }

// TestSilenceSettles: a member who never speaks is not silent the moment
// the threshold is reached, but once past it for the hold across checks or
// past it by the margin; then the silence holds.
func TestSilenceSettles(t *testing.T) {
	cfg := advice.DefaultConfig()
	cfg.Margin = 0.5 // so that the hold, not the margin, decides below
	l := newLive(t, advice.MonitorSpec{Config: cfg})
	l.s.balancedWithout("fay", 3) // 16.5 minutes
	l.wait(3*time.Minute + 30*time.Second)
	require.NotContains(t, l.detect(), advice.SituationSilence, "at 20 minutes: just past, not yet held")
	l.wait(time.Minute)
	require.NotContains(t, l.detect(), advice.SituationSilence, "held for a minute")
	l.wait(time.Minute)
	require.Contains(t, l.detect(), advice.SituationSilence, "held for the two minutes of Config.Hold")

	one := newLive(t, advice.MonitorSpec{Config: cfg})
	one.s.balancedWithout("fay", 3)
	one.wait(14 * time.Minute) // 30.5 minutes: past by more than the margin
	ds := func() []advice.Detection { one.feed(); return one.m.Detect(one.s.now) }()
	hit := find(ds, advice.SituationSilence)
	require.NotNil(t, hit, "one check, past by the margin")
	require.InDelta(t, 0.525, hit.Evidence[0].Margin, 1e-9, "the evidence shows the margin: 30.5 minutes over 20")
}

// TestShareHysteresis: a talk share that hovers at the monopolizing limit
// fires once and does not flap; it clears only when it falls the margin
// short of the limit.
func TestShareHysteresis(t *testing.T) {
	l := newLive(t, advice.MonitorSpec{})
	l.s.balanced(2)
	for range 4 {
		l.s.turn(sc.Mem("ann"), session.WholeGroup(), 4*time.Minute, session.ActGivesOpinion)
	}
	require.Contains(t, l.detect(), advice.SituationMonopolizing)
	recs := l.m.Advise(l.s.now, stage.Working)
	require.Len(t, recs, 1)
	require.Greater(t, recs[0].Evidence[0].Margin, 0.1)
	// The others talk until ann's share, as it stood before her latest
	// turn (14 of 44 minutes), is just under the limit of a third: one
	// episode, still open.
	settled := func(want bool, why string) {
		t.Helper()
		got := l.detect()
		_, open := got[advice.SituationMonopolizing]
		require.Equal(t, want, open, why)
	}
	for range 4 {
		for _, id := range []string{"bo", "cy", "dee", "ed", "fay"} {
			l.s.turn(sc.Mem(id), session.WholeGroup(), time.Minute, session.ActGivesOpinion)
		}
	}
	l.feed()
	snap := l.m.Tracker().SnapshotAt(l.s.now)
	ann, _ := snap.Member("ann")
	x := ann.Expected
	share := float64(x.Talk-x.LastTurn) / float64(snap.ExpectedMemberTalk-x.LastTurn)
	limit := 2 * x.FairShare
	require.Less(t, share, limit, "just under the limit")
	require.Greater(t, share, 0.9*limit, "within the margin")
	settled(true, "within the margin under the limit: still open")
	require.Empty(t, l.m.Advise(l.s.now, stage.Working), "and not raised again")
	for range 2 {
		for _, id := range []string{"bo", "cy", "dee", "ed", "fay"} {
			l.s.turn(sc.Mem(id), session.WholeGroup(), time.Minute, session.ActGivesOpinion)
		}
	}
	settled(false, "14 of 54 minutes, the margin short of the limit: cleared")
}

// TestMonopolizingOnTalkTime: a member who holds nearly all the talk in a
// few long turns monopolizes once enough time has passed, however few the
// turns (Config.MinElapsed).
func TestMonopolizingOnTalkTime(t *testing.T) {
	l := newLive(t, advice.MonitorSpec{})
	l.s.turn(sc.Fac("lee"), session.WholeGroup(), time.Minute, session.ActGivesOrientation)
	l.s.turn(sc.Mem("bo"), session.WholeGroup(), 30*time.Second, session.ActGivesOpinion)
	for range 3 {
		l.s.turn(sc.Mem("ann"), session.WholeGroup(), 6*time.Minute, session.ActGivesOpinion, session.TagThereAndThen)
	}
	l.s.turn(sc.Mem("cy"), session.WholeGroup(), 20*time.Second, session.ActAgrees)
	got := l.detect()
	require.Equal(t, []group.MemberID{"ann"}, got[advice.SituationMonopolizing], "95%% of the talk in 5 member turns, 20 minutes in")
}

// TestQuietSegmentsRaiseNothing: 40 minutes of body scan in a mindfulness
// class, or 35 of art-making, raise nothing; the talk before and after is
// balanced.
func TestQuietSegmentsRaiseNothing(t *testing.T) {
	for _, tc := range []struct {
		modality group.Modality
		quiet    session.SegmentKind
		length   time.Duration
		after    session.SegmentKind
	}{
		{group.ModalityMindfulness, session.SegmentMeditation, 40 * time.Minute, session.SegmentProcessing},
		{group.ModalityArtTherapy, session.SegmentArtMaking, 35 * time.Minute, session.SegmentProcessing},
	} {
		t.Run(tc.quiet.String(), func(t *testing.T) {
			l := newLive(t, advice.MonitorSpec{Modality: tc.modality, Session: 3})
			l.segment(session.SegmentCheckIn)
			l.s.balanced(1)
			l.segment(tc.quiet)
			l.s.turn(sc.Fac("lee"), session.WholeGroup(), 2*time.Minute, session.ActGivesOrientation)
			for range int(tc.length / (5 * time.Minute)) {
				l.wait(5 * time.Minute)
				require.Empty(t, l.detect())
				require.Empty(t, l.m.Advise(l.s.now, stage.Unspecified))
			}
			l.segment(tc.after)
			l.s.balanced(2)
			require.Empty(t, l.detect())
			require.Empty(t, l.m.Advise(l.s.now, stage.Unspecified))
		})
	}
}

// TestAwayMembersAreNotAdvised: a member who has left is neither advised
// about nor placed in a subgroup while away; a member who has not yet
// arrived is not silent.
func TestAwayMembersAreNotAdvised(t *testing.T) {
	l := newLive(t, advice.MonitorSpec{})
	l.s.add(session.Event{Type: session.EventDeparted, Member: "fay"}) // not arrived yet: gone from the start
	l.s.balancedWithout("fay", 2)
	for range 3 {
		l.s.turn(sc.Mem("ann"), session.WholeGroup(), 5*time.Minute, session.ActGivesOpinion)
	}
	require.Contains(t, l.detect(), advice.SituationMonopolizing)
	l.s.add(session.Event{Type: session.EventDeparted, Member: "ann"})
	l.s.balancedWithout("ann", 3)
	got := l.detect()
	require.NotContains(t, got, advice.SituationMonopolizing, "ann has left")
	require.NotContains(t, got, advice.SituationSilence, "fay has not arrived; ann has left")
	for _, g := range l.m.Tracker().SnapshotAt(l.s.now).Subgroups {
		require.NotContains(t, g.Members, group.MemberID("ann"))
	}
}

// TestFirstSession: in a first session, members who address the leader in
// the check-in round and the lecture are not dependent; one who talks only
// to the leader in open discussion is, as expected at this stage: routine,
// and the recommendation says so.
func TestFirstSession(t *testing.T) {
	l := newLive(t, advice.MonitorSpec{Modality: group.ModalityCBT, Session: 1})
	l.segment(session.SegmentCheckIn)
	for _, id := range sixMembers {
		l.s.turn(sc.Mem(string(id)), sc.Fac("lee"), time.Minute, session.ActGivesOrientation)
	}
	l.segment(session.SegmentNewMaterial)
	for range 4 {
		l.s.turn(sc.Fac("lee"), session.WholeGroup(), 5*time.Minute, session.ActGivesOrientation)
		for _, id := range sixMembers[:3] {
			l.s.turn(sc.Mem(string(id)), sc.Fac("lee"), 20*time.Second, session.ActAsksOrientation)
		}
	}
	require.Empty(t, l.detect())
	require.Empty(t, l.m.Advise(l.s.now, stage.Unspecified), "40 minutes into a first session")

	l.segment(session.SegmentSkillPractice)
	for range 6 {
		l.s.balancedWithout("cy", 1)
		l.s.turn(sc.Mem("cy"), sc.Fac("lee"), time.Minute, session.ActAsksSuggestion)
	}
	l.feed()
	recs := l.m.Advise(l.s.now, stage.Unspecified)
	require.Len(t, recs, 1)
	r := recs[0]
	require.Equal(t, advice.SituationDependency, r.Situation)
	require.Equal(t, "dependency-forming", r.RuleID, "session 1 is read as forming")
	require.True(t, r.Expected)
	require.Equal(t, advice.UrgencyRoutine, r.Urgency)
	require.Contains(t, r.Rationale, "expected at this stage")
}

// TestExpectedRulesValidate: a rule either says a situation is expected or
// suppresses it; a suppressing rule needs no interventions or urgency; the
// flags round-trip through JSON.
func TestExpectedRulesValidate(t *testing.T) {
	_, err := advice.NewAdvisor(nil, advice.Rule{ID: "both", Situation: advice.SituationSilence, Expected: true, Suppress: true,
		Interventions: []session.Skill{session.SkillRounds}, Urgency: advice.UrgencyRoutine, Source: "x"})
	require.ErrorIs(t, err, advice.ErrInvalidRule)
	quiet := advice.Rule{ID: "quiet", Situation: advice.SituationSilence, Modalities: []group.Modality{group.ModalityArtTherapy},
		Suppress: true, Source: "our studio works in silence"}
	adv, err := advice.NewAdvisor(nil, quiet)
	require.NoError(t, err)
	d := advice.Detection{Situation: advice.SituationSilence, Members: []group.MemberID{"ann"}, Confidence: 1}
	require.Empty(t, adv.Advise(advice.Context{Modality: group.ModalityArtTherapy, Stage: stage.Working}, []advice.Detection{d}))
	_, ok := adv.Recommend(advice.Context{Modality: group.ModalityArtTherapy}, d)
	require.False(t, ok)
	_, ok = adv.Recommend(advice.Context{Modality: group.ModalityCBT}, d)
	require.True(t, ok, "other modalities are not suppressed")

	b, err := json.Marshal(quiet)
	require.NoError(t, err)
	var back advice.Rule
	require.NoError(t, json.Unmarshal(b, &back))
	if diff := cmp.Diff(quiet, back); diff != "" {
		t.Errorf("round trip (-want +got):\n%s", diff)
	}
}
