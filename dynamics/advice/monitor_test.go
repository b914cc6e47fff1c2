package advice_test

import (
	"testing"
	"time"

	"github.com/groupwork/groupwork/dynamics/advice"
	"github.com/groupwork/groupwork/dynamics/stage"
	sc "github.com/groupwork/groupwork/internal/testkit/script"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"

	"github.com/groupwork/groupwork/group"
	"github.com/groupwork/groupwork/session"
)

func find(ds []advice.Detection, s advice.Situation) *advice.Detection {
	for i := range ds {
		if ds[i].Situation == s {
			return &ds[i]
		}
	}
	return nil
}

// TestCitationsShowTheSituation checks that a detection cites the acts the
// detector counted: opposing acts at the facilitator for a challenge (not a
// member's tension act aimed at the leader), and for a conflict only the
// acts between the two members.
func TestCitationsShowTheSituation(t *testing.T) {
	s := newScript()
	s.balanced(6)
	first := len(s.events)
	s.turn(sc.Mem("cy"), sc.Fac("lee"), 20*time.Second, session.ActShowsTension) // asks for help: not a challenge
	s.turn(sc.Mem("ann"), sc.Fac("lee"), 20*time.Second, session.ActDisagrees)
	s.turn(sc.Mem("dee"), sc.Mem("bo"), 20*time.Second, session.ActDisagrees) // dee at bo: not the ann-bo conflict
	s.turn(sc.Mem("bo"), sc.Fac("lee"), 20*time.Second, session.ActShowsAntagonism)
	for range 2 {
		s.turn(sc.Mem("ann"), sc.Mem("bo"), 20*time.Second, session.ActDisagrees)
		s.turn(sc.Mem("bo"), sc.Mem("ann"), 20*time.Second, session.ActShowsAntagonism)
	}
	m := s.monitor(t, group.ModalityProcess)
	ds := m.Detect(s.now)

	ch := find(ds, advice.SituationLeaderChallenge)
	require.NotNil(t, ch)
	if diff := cmp.Diff([]int{first + 2, first + 4}, ch.Evidence[0].Events); diff != "" {
		t.Errorf("challenge cites (-want +got):\n%s", diff)
	}
	conf := find(ds, advice.SituationMemberConflict)
	require.NotNil(t, conf)
	if diff := cmp.Diff([]int{first + 5, first + 6, first + 7, first + 8}, conf.Evidence[0].Events); diff != "" {
		t.Errorf("conflict cites (-want +got):\n%s", diff)
	}
}

// TestEpisodeRestartsAfterIntervention: counts of hostile acts only grow in
// a session, so after the facilitator intervenes with the member the episode
// closes, and fires again only when the behaviour comes back as strongly.
func TestEpisodeRestartsAfterIntervention(t *testing.T) {
	s := newScript()
	s.balanced(6)
	hostile := func() {
		s.turn(sc.Mem("bo"), session.WholeGroup(), 20*time.Second, session.ActShowsAntagonism)
		s.turn(sc.Mem("bo"), session.WholeGroup(), 20*time.Second, session.ActShowsAntagonism)
	}
	hostile()
	m := s.monitor(t, group.ModalityCBT)
	fired := func() []advice.Situation {
		var out []advice.Situation
		for _, r := range m.Advise(s.now, stage.Working) {
			out = append(out, r.Situation)
		}
		return out
	}
	play := func(from int) {
		for _, e := range s.events[from:] {
			require.NoError(t, m.Observe(e))
		}
	}
	require.Equal(t, []advice.Situation{advice.SituationHostility}, fired())

	n := len(s.events)
	s.add(session.Event{Type: session.EventIntervention, Intervention: &session.Intervention{
		Facilitator: "lee", Skill: session.SkillConfronting, Target: sc.Mem("bo")}})
	play(n)
	require.Empty(t, fired(), "the episode closed with the intervention")

	n = len(s.events)
	s.turn(sc.Mem("bo"), session.WholeGroup(), 20*time.Second, session.ActShowsAntagonism) // one more: below the threshold
	play(n)
	require.Empty(t, fired())

	n = len(s.events)
	s.turn(sc.Mem("bo"), session.WholeGroup(), 20*time.Second, session.ActShowsAntagonism)
	play(n)
	recs := m.Advise(s.now, stage.Working)
	require.Len(t, recs, 1, "two new hostile acts: it comes back")
	require.Equal(t, 2.0, recs[0].Evidence[0].Value, "counted since the intervention")
}

// TestNoNoiseEarlyInASession: a member who has not spoken yet is not
// silent by share, and many short interjections with a modest talk share
// are not monopolizing.
func TestNoNoiseEarlyInASession(t *testing.T) {
	s := newScript()
	for range 2 {
		for _, id := range []string{"ann", "bo", "cy", "dee", "ed"} { // fay has not spoken yet
			s.turn(sc.Mem(id), session.WholeGroup(), time.Minute, session.ActGivesOpinion)
		}
	}
	for range 4 {
		s.turn(sc.Mem("ann"), session.WholeGroup(), 5*time.Second, session.ActAgrees) // quick agreements
	}
	m := s.monitor(t, group.ModalityCBT)
	ds := m.Detect(s.now)
	require.Nil(t, find(ds, advice.SituationSilence), "fay has been present 10 minutes: not yet silent")
	require.Nil(t, find(ds, advice.SituationMonopolizing), "ann's turns are many but short")
}

// TestAttacksAreNotDependency: a member who keeps challenging the leader
// talks mostly to the leader but is not dependent (Corey, Corey & Corey:
// dependency looks to the leader to solve problems).
func TestAttacksAreNotDependency(t *testing.T) {
	s := newScript()
	s.balanced(6)
	for range 8 {
		s.turn(sc.Mem("bo"), sc.Fac("lee"), 20*time.Second, session.ActDisagrees)
	}
	ds := s.monitor(t, group.ModalityCBT).Detect(s.now)
	require.Nil(t, find(ds, advice.SituationDependency))
	require.NotNil(t, find(ds, advice.SituationLeaderChallenge))
}
