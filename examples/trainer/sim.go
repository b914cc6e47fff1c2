package main

import (
	"math/rand/v2"
	"slices"
	"time"

	"github.com/groupwork/groupwork/dynamics/advice"
	"github.com/groupwork/groupwork/group"
	"github.com/groupwork/groupwork/session"
)

// sim is the seeded simulated group. Each tick one person takes a turn:
// a member invited by the leader, a member reacting to the turn before
// (soothing a tension act, answering an attack), or whoever the profiles'
// weights draw. Every turn goes through the Room's commands at the
// simulation's clock, so the session and its monitor see exactly what a
// live app would send them.
type sim struct {
	rng     *rand.Rand
	room    *advice.Room
	lead    group.FacilitatorID
	members []simMember
	at      time.Time

	turns   int          // turns so far
	last    session.Turn // the previous turn; zero before the first
	invited int          // member index who speaks next, or -1
}

// simMember is one member in the running simulation.
type simMember struct {
	castMember
	easedFor int // ticks left in the eased profile
}

// current returns the profile the member follows now.
func (m *simMember) current() *profile {
	if m.easedFor > 0 && m.Profile.Eased != nil {
		return m.Profile.Eased
	}
	return m.Profile
}

const step = 15 * time.Second // turn lengths come in steps of this

func newSim(seed uint64, room *advice.Room, lead group.FacilitatorID, at time.Time) *sim {
	s := &sim{
		// The second PCG word is fixed so that -seed alone picks the stream.
		rng:  rand.New(rand.NewPCG(seed, 0x9e3779b97f4a7c15)),
		room: room, lead: lead, at: at, invited: -1,
	}
	for _, c := range cast {
		s.members = append(s.members, simMember{castMember: c})
	}
	return s
}

// tick plays one turn, capped so the session does not run past limit, and
// reports false when no time is left.
func (s *sim) tick(limit time.Time) (bool, error) {
	left := limit.Sub(s.at).Truncate(step)
	if left <= 0 {
		return false, nil
	}
	t := s.next()
	t.Duration = min(t.Duration, left)
	if err := s.say(t); err != nil {
		return false, err
	}
	for i := range s.members {
		if s.members[i].easedFor > 0 {
			s.members[i].easedFor--
		}
	}
	return true, nil
}

// say records one turn and moves the clock past it.
func (s *sim) say(t session.Turn) error {
	if err := s.room.Speak(s.at, t); err != nil {
		return err
	}
	s.at = s.at.Add(t.Duration)
	s.last = t
	s.turns++
	return nil
}

// next decides the next turn.
func (s *sim) next() session.Turn {
	if i := s.invited; i >= 0 {
		s.invited = -1
		t := s.compose(s.members[i].current(), s.party(i))
		t.Addressee = session.FacilitatorParty(s.lead) // answering the leader's invitation
		return t
	}
	if t, ok := s.react(); ok {
		return t
	}
	// A weighted draw over the members and the leader; nobody speaks twice
	// running.
	weights := make([]float64, len(s.members)+1)
	total := 0.0
	for i := range s.members {
		if s.party(i) != s.last.Speaker {
			weights[i] = s.members[i].current().Speak
		}
		total += weights[i]
	}
	if s.last.Speaker != session.FacilitatorParty(s.lead) {
		weights[len(s.members)] = leader.Speak
		total += leader.Speak
	}
	r := s.rng.Float64() * total
	for i, w := range weights[:len(s.members)] {
		if r < w {
			return s.compose(s.members[i].current(), s.party(i))
		}
		r -= w
	}
	return s.compose(&leader, session.FacilitatorParty(s.lead))
}

// react returns a member's immediate reaction to the previous turn, if
// any: a rescuer soothing another member's tension act (band-aiding), or
// a member answering a negative act aimed at them.
func (s *sim) react() (session.Turn, bool) {
	prev, ok := s.last.Speaker.Member()
	if !ok {
		return session.Turn{}, false
	}
	if s.last.Act == session.ActShowsTension {
		for i := range s.members {
			p := s.members[i].current()
			if s.members[i].ID != prev && p.Rescue > 0 && s.rng.Float64() < p.Rescue {
				return s.reaction(i, p, session.ActShowsSolidarity), true
			}
		}
	}
	if to, ok := s.last.Addressee.Member(); ok && s.last.Act.IsNegative() && to != prev {
		if i, ok := s.index(to); ok {
			if p := s.members[i].current(); p.Retort > 0 && s.rng.Float64() < p.Retort {
				return s.reaction(i, p, session.ActDisagrees), true
			}
		}
	}
	return session.Turn{}, false
}

// reaction is member i's turn with the given act, aimed back at the last speaker.
func (s *sim) reaction(i int, p *profile, act session.Act) session.Turn {
	t := s.compose(p, s.party(i))
	t.Act, t.Addressee, t.Tags = act, s.last.Speaker, 0
	if act == session.ActShowsSolidarity {
		t.Duration = min(t.Duration, time.Minute) // a quick reassurance
	}
	return t
}

// compose draws a turn for speaker from profile p.
func (s *sim) compose(p *profile, speaker session.Party) session.Turn {
	steps := int((p.TurnMax - p.TurnMin) / step)
	t := session.Turn{
		Speaker:  speaker,
		Duration: p.TurnMin + time.Duration(s.rng.IntN(steps+1))*step,
		Act:      s.act(p.Acts),
	}
	switch r := s.rng.Float64(); {
	case speaker.Kind == session.PartyFacilitator:
		t.Addressee = session.WholeGroup()
	case r < p.ToLeader:
		t.Addressee = session.FacilitatorParty(s.lead)
	case r < p.ToLeader+p.ToMember:
		t.Addressee = s.otherMember(speaker)
	default:
		t.Addressee = session.WholeGroup()
	}
	for _, tc := range p.Tags {
		if s.rng.Float64() < tc.P {
			t.Tags = t.Tags.With(tc.Tag)
		}
	}
	return t
}

// act draws an IPA category by weight.
func (s *sim) act(acts []weightedAct) session.Act {
	total := 0.0
	for _, a := range acts {
		total += a.W
	}
	r := s.rng.Float64() * total
	for _, a := range acts {
		if r < a.W {
			return a.Act
		}
		r -= a.W
	}
	return acts[len(acts)-1].Act
}

// otherMember is whom a member addresses: the last member who spoke, when
// that is someone else, or else another member at random.
func (s *sim) otherMember(self session.Party) session.Party {
	if s.last.Speaker.Kind == session.PartyMember && s.last.Speaker != self {
		return s.last.Speaker
	}
	for {
		if p := s.party(s.rng.IntN(len(s.members))); p != self {
			return p
		}
	}
}

// response says how one member took the trainee's intervention.
type response struct {
	Name    string
	Yielded bool
	Eased   *profile // the profile the member follows for a while, if Yielded
	Ticks   int
	Missed  string // the behaviour that carried on, if not
	Answers bool   // an ordinary member, addressed, takes the next turn
}

// intervene records the trainee's intervention and the leader's short turn
// that carries it, and lets the members involved respond: a member whose
// profile yields to the skill follows its eased profile for a while.
func (s *sim) intervene(skill session.Skill, members []group.MemberID) ([]response, error) {
	target := session.WholeGroup()
	if len(members) == 1 {
		target = session.MemberParty(members[0])
	}
	if err := s.room.Intervene(s.at, session.Intervention{Facilitator: s.lead, Skill: skill, Target: target}); err != nil {
		return nil, err
	}
	if err := s.say(session.Turn{
		Speaker: session.FacilitatorParty(s.lead), Addressee: target, Duration: 45 * time.Second,
		Act: leaderAct(skill), Tags: session.TagsOf(session.TagHereAndNow),
	}); err != nil {
		return nil, err
	}
	var out []response
	for _, id := range members {
		i, ok := s.index(id)
		if !ok {
			continue // the monitor follows only the cast
		}
		m := &s.members[i]
		if m.Profile.Eased == nil {
			// An ordinary member has no behaviour to change; addressed
			// alone, they answer.
			if len(members) == 1 {
				s.invited = i
				out = append(out, response{Name: m.Name, Answers: true})
			}
			continue
		}
		if !slices.Contains(m.Profile.Responds, skill) {
			out = append(out, response{Name: m.Name, Missed: m.Profile.Sketch})
			continue
		}
		m.easedFor = m.Profile.EasedTicks
		if m.Profile.Answers && s.invited < 0 {
			s.invited = i
		}
		out = append(out, response{Name: m.Name, Yielded: true, Eased: m.Profile.Eased, Ticks: m.Profile.EasedTicks})
	}
	return out, nil
}

// leaderAct is the IPA category of the leader's turn that carries a skill.
func leaderAct(k session.Skill) session.Act {
	switch k {
	case session.SkillQuestioning, session.SkillDrawingOut, session.SkillReflectingFeelings,
		session.SkillClarifying, session.SkillRounds, session.SkillFacilitating:
		return session.ActAsksOpinion
	case session.SkillCuttingOff, session.SkillBlocking, session.SkillShiftingFocus,
		session.SkillHoldingFocus, session.SkillSuggesting, session.SkillInitiating, session.SkillDyads:
		return session.ActGivesSuggestion
	case session.SkillSupporting, session.SkillEmpathizing, session.SkillProtecting:
		return session.ActShowsSolidarity
	}
	return session.ActGivesOpinion
}

func (s *sim) party(i int) session.Party { return session.MemberParty(s.members[i].ID) }

// index returns the position of member id in the cast.
func (s *sim) index(id group.MemberID) (int, bool) {
	i := slices.IndexFunc(s.members, func(m simMember) bool { return m.ID == id })
	return max(i, 0), i >= 0
}
