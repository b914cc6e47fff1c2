package dynamics

import (
	"github.com/groupwork/groupwork/group"
	"github.com/groupwork/groupwork/session"
)

// Act sets the detectors look for beyond the package's Bales areas (Bales
// 1950; DOMAIN.md section 8).
const (
	suggestionActs ActSet = 1 << session.ActGivesSuggestion                         // IPA 4
	opposingActs   ActSet = 1<<session.ActDisagrees | 1<<session.ActShowsAntagonism // IPA 10 and 12
)

// Detector finds problem behaviours and group patterns in a Snapshot, by
// the signs DOMAIN.md section 5 lists (Corey, Corey & Corey; Jacobs et al.;
// Clark 2002 on scapegoating) measured against a Config's thresholds. The
// thresholds are heuristics, not validated cut-offs: each detection says
// what it rests on and how sure it is, for a facilitator to weigh.
//
// Acting superior and outside socializing have no detector: nothing in the
// event stream shows them reliably. Apps pass a facilitator's observation
// of them to an Advisor as a Detection.
//
// Detector is a small immutable value, safe for concurrent use.
type Detector struct{ cfg Config }

// NewDetector returns a detector with the given thresholds, or the
// Config's validation errors.
func NewDetector(c Config) (Detector, error) {
	if err := c.Validate(); err != nil {
		return Detector{}, err
	}
	return Detector{cfg: c}, nil
}

// Config returns the detector's thresholds.
func (d Detector) Config() Config { return d.cfg }

// Detect returns what the snapshot shows, in situation order and, within a
// situation, member order. It allocates only for what it finds: a balanced,
// friendly session costs no allocation.
func (d Detector) Detect(s *Snapshot) []Detection {
	var out []Detection
	c := d.cfg
	ix := &s.Interactions
	memberTurns := 0
	for i := range s.Members {
		memberTurns += s.Members[i].Turns
	}
	talked := s.MemberTalk >= c.MinMemberTalk && memberTurns >= c.MinMemberTurns
	for i := range s.Members {
		m := &s.Members[i]
		if !m.Attended {
			continue
		}
		me := session.MemberParty(m.ID)
		out = d.silence(out, s, m, talked)
		if talked {
			out = d.monopolizing(out, s, m)
		}
		// The member's own IPA profile bounds the directed counts, so the
		// who-to-whom record is read only when a detector could fire.
		if count(m.IPA, QuestionActs) >= c.QuestionActs {
			if n := ix.ActsFrom(me, session.PartyMember, QuestionActs); n >= c.QuestionActs {
				out = appendCount(out, SituationQuestioning, m.ID, "questions-to-members", n, c.QuestionActs)
			}
		}
		if advice := m.Tags.Count(session.TagAdvice); advice >= c.AdviceActs || count(m.IPA, suggestionActs) >= c.AdviceActs {
			advice = max(advice, ix.ActsFrom(me, session.PartyMember, suggestionActs))
			if advice >= c.AdviceActs {
				out = appendCount(out, SituationAdviceGiving, m.ID, "advice-to-members", advice, c.AdviceActs)
			}
		}
		if m.BandAids >= c.BandAids {
			out = appendCount(out, SituationBandAiding, m.ID, "band-aids", m.BandAids, c.BandAids)
		}
		if n := m.IPA.Count(session.ActShowsAntagonism); n >= c.HostileActs {
			out = appendCount(out, SituationHostility, m.ID, "antagonism-acts", n, c.HostileActs)
		}
		out = d.dependency(out, s, m)
		out = d.tagged(out, s, m)
	}
	// Scapegoating, challenges to the leader and conflict all need negative
	// acts from members; a group that has shown too few is spared the scans.
	if count(s.IPA, NegativeActs) >= min(c.ScapegoatSenders, c.LeaderChallengeActs, 2*c.ConflictActs) {
		out = d.scapegoating(out, s)
		out = d.leaderChallenge(out, s)
		out = d.conflict(out, s)
	}
	out = d.subgrouping(out, s)
	sortDetections(out)
	return out
}

// count returns the acts of p in set.
func count(p IPAProfile, set ActSet) int {
	n := 0
	for a := range p.Counts {
		if set.Has(session.Act(a)) {
			n += p.Counts[a]
		}
	}
	return n
}

// confidence grows from 0.5 at the threshold to 1 at twice the threshold.
func confidence(value, threshold float64) float64 {
	if threshold <= 0 {
		return 1
	}
	c := 0.5 + 0.5*(value-threshold)/threshold
	return min(1, max(0.5, c))
}

func appendCount(out []Detection, s Situation, id group.MemberID, metric string, n, threshold int) []Detection {
	return append(out, Detection{
		Situation: s, Members: []group.MemberID{id},
		Confidence: confidence(float64(n), float64(threshold)),
		Evidence:   []Evidence{{Metric: metric, Value: float64(n), Threshold: float64(threshold)}},
	})
}

func (d Detector) silence(out []Detection, s *Snapshot, m *MemberStats, talked bool) []Detection {
	c := d.cfg
	switch {
	case m.Present && !m.Spoke && m.SinceSpoke >= c.SilentFor:
		return append(out, Detection{
			Situation: SituationSilence, Members: []group.MemberID{m.ID},
			Confidence: confidence(m.SinceSpoke.Minutes(), c.SilentFor.Minutes()),
			Evidence:   []Evidence{{Metric: "minutes-without-a-turn", Value: m.SinceSpoke.Minutes(), Threshold: c.SilentFor.Minutes()}},
		})
	case talked && m.Present && m.Spoke && m.PresentFor >= c.SilentFor && s.FairShare > 0:
		// Members who have not spoken yet are the first case's: a share
		// of nothing early in a session is not silence.
		limit := c.SilenceFactor * s.FairShare
		if m.TalkShare < limit {
			// Confidence rises as the share falls toward nothing.
			return append(out, Detection{
				Situation: SituationSilence, Members: []group.MemberID{m.ID},
				Confidence: confidence(2*limit-m.TalkShare, limit),
				Evidence:   []Evidence{{Metric: "talk-share", Value: m.TalkShare, Threshold: limit}},
			})
		}
	}
	return out
}

func (d Detector) monopolizing(out []Detection, s *Snapshot, m *MemberStats) []Detection {
	c := d.cfg
	limit := c.MonopolyFactor * s.FairShare
	byTalk := m.TalkShare >= limit
	// Many short turns count too, but only with a talk share well above
	// fair (halfway to the limit): quick agreements are not holding the floor.
	byTurns := m.TurnShare >= limit && m.TalkShare >= (1+c.MonopolyFactor)/2*s.FairShare
	if s.FairShare == 0 || s.Attending < 2 || (!byTalk && !byTurns) {
		return out
	}
	ev := []Evidence{
		{Metric: "talk-share", Value: m.TalkShare, Threshold: limit},
		{Metric: "turn-share", Value: m.TurnShare, Threshold: limit},
	}
	if m.Longest >= c.LongTurn {
		ev = append(ev, Evidence{Metric: "longest-turn-minutes", Value: m.Longest.Minutes(), Threshold: c.LongTurn.Minutes()})
	}
	return append(out, Detection{
		Situation: SituationMonopolizing, Members: []group.MemberID{m.ID},
		Confidence: confidence(max(m.TalkShare, m.TurnShare), limit),
		Evidence:   ev,
	})
}

func (d Detector) dependency(out []Detection, s *Snapshot, m *MemberStats) []Detection {
	c := d.cfg
	if m.Turns < c.DependencyTurns || m.ToFacilitators < c.DependencyShare {
		return out
	}
	leaning := s.Interactions.ActsFrom(session.MemberParty(m.ID), session.PartyFacilitator, AllTurns&^opposingActs)
	share := float64(leaning) / float64(m.Turns)
	if share < c.DependencyShare {
		return out
	}
	return append(out, Detection{
		Situation: SituationDependency, Members: []group.MemberID{m.ID},
		Confidence: confidence(share, c.DependencyShare),
		Evidence: []Evidence{
			{Metric: "share-to-facilitators", Value: share, Threshold: c.DependencyShare},
			{Metric: "turns", Value: float64(m.Turns), Threshold: float64(c.DependencyTurns)},
		},
	})
}

// tagged finds the behaviours shown by turn tags: storytelling,
// intellectualizing and emotionality as defense.
func (d Detector) tagged(out []Detection, s *Snapshot, m *MemberStats) []Detection {
	c := d.cfg
	story := m.Tags.Count(session.TagThereAndThen) + m.Tags.Count(session.TagAboutAbsent)
	if story >= c.TagTurns && m.Longest >= c.LongTurn {
		out = append(out, Detection{
			Situation: SituationStorytelling, Members: []group.MemberID{m.ID},
			Confidence: confidence(float64(story), float64(c.TagTurns)),
			Evidence: []Evidence{
				{Metric: "there-and-then-turns", Value: float64(story), Threshold: float64(c.TagTurns)},
				{Metric: "longest-turn-minutes", Value: m.Longest.Minutes(), Threshold: c.LongTurn.Minutes()},
			},
		})
	}
	abstract, feeling := m.Tags.Count(session.TagAbstract), m.Tags.Count(session.TagFeeling)
	if abstract >= c.TagTurns && feeling*3 < abstract {
		out = append(out, Detection{
			Situation: SituationIntellectualizing, Members: []group.MemberID{m.ID},
			Confidence: confidence(float64(abstract), float64(c.TagTurns)),
			Evidence: []Evidence{
				{Metric: "abstract-turns", Value: float64(abstract), Threshold: float64(c.TagTurns)},
				{Metric: "feeling-turns", Value: float64(feeling), Note: "fewer than a third of the abstract turns"},
			},
		})
	}
	intense := m.Tags.Count(session.TagIntenseAffect)
	if intense >= c.TagTurns && s.FairShare > 0 && m.TalkShare > 1.5*s.FairShare {
		out = append(out, Detection{
			Situation: SituationEmotionality, Members: []group.MemberID{m.ID},
			Confidence: confidence(float64(intense), float64(c.TagTurns)),
			Evidence: []Evidence{
				{Metric: "intense-affect-turns", Value: float64(intense), Threshold: float64(c.TagTurns)},
				{Metric: "talk-share", Value: m.TalkShare, Threshold: 1.5 * s.FairShare, Note: "affect holding the group's time"},
			},
		})
	}
	return out
}

// scapegoating: negative acts from several members converge on one
// (Clark 2002).
func (d Detector) scapegoating(out []Detection, s *Snapshot) []Detection {
	for i := range s.Members {
		m := &s.Members[i]
		target := session.MemberParty(m.ID)
		n := s.Interactions.Senders(target, session.PartyMember, NegativeActs)
		if n < d.cfg.ScapegoatSenders {
			continue
		}
		acts := s.Interactions.ActsAt(target, session.PartyMember, NegativeActs)
		out = append(out, Detection{
			Situation: SituationScapegoating, Members: []group.MemberID{m.ID},
			Confidence: confidence(float64(n), float64(d.cfg.ScapegoatSenders)),
			Evidence: []Evidence{
				{Metric: "members-sending-negative-acts", Value: float64(n), Threshold: float64(d.cfg.ScapegoatSenders)},
				{Metric: "negative-acts-received", Value: float64(acts)},
			},
		})
	}
	return out
}

// subgrouping: a community that keeps its talk to itself, or side
// conversations.
func (d Detector) subgrouping(out []Detection, s *Snapshot) []Detection {
	c := d.cfg
	// One pass over the members totals each subgroup's turns and side
	// conversations. Every turn its members take counts toward the total:
	// talk to the whole group or to a facilitator includes the others.
	var all, side [MaxMembers/2 + 1]int
	for i := range s.Members {
		if g := s.Members[i].Subgroup; g > 0 && g < len(all) {
			all[g] += s.Members[i].Turns
			side[g] += s.Members[i].Tags.Count(session.TagSideConversation)
		}
	}
	for gi, g := range s.Subgroups {
		if len(g.Members) == s.Attending || gi+1 >= len(all) {
			continue // the whole group is not a subgroup
		}
		inside := 0.0
		if a := all[gi+1]; a > 0 {
			inside = float64(g.Turns) / float64(a)
		}
		side := side[gi+1]
		closed := g.Turns >= c.SubgroupTurns && inside >= c.SubgroupInside
		if !closed && side < c.SideConversations {
			continue
		}
		out = append(out, Detection{
			Situation: SituationSubgrouping, Members: append([]group.MemberID(nil), g.Members...),
			Confidence: max(confidence(inside, c.SubgroupInside), confidence(float64(side), float64(c.SideConversations))),
			Evidence: []Evidence{
				{Metric: "share-of-turns-inside", Value: inside, Threshold: c.SubgroupInside},
				{Metric: "side-conversation-turns", Value: float64(side), Threshold: float64(c.SideConversations)},
			},
		})
	}
	return out
}

// leaderChallenge: disagreement or antagonism from members aimed at a facilitator.
func (d Detector) leaderChallenge(out []Detection, s *Snapshot) []Detection {
	for _, f := range s.Facilitators {
		target := session.FacilitatorParty(f.ID)
		n := s.Interactions.ActsAt(target, session.PartyMember, opposingActs)
		if n < d.cfg.LeaderChallengeActs {
			continue
		}
		var who []group.MemberID
		for _, m := range s.Members {
			if s.Interactions.Acts(session.MemberParty(m.ID), target, opposingActs) > 0 {
				who = append(who, m.ID)
			}
		}
		out = append(out, Detection{
			Situation: SituationLeaderChallenge, Members: who, Facilitators: []group.FacilitatorID{f.ID},
			Confidence: confidence(float64(n), float64(d.cfg.LeaderChallengeActs)),
			Evidence:   []Evidence{{Metric: "opposing-acts-at-facilitator", Value: float64(n), Threshold: float64(d.cfg.LeaderChallengeActs)}},
		})
	}
	return out
}

// conflict: reciprocated disagreement or antagonism between two members.
func (d Detector) conflict(out []Detection, s *Snapshot) []Detection {
	k := d.cfg.ConflictActs
	for i := range s.Members {
		if count(s.Members[i].IPA, opposingActs) < k {
			continue
		}
		a := session.MemberParty(s.Members[i].ID)
		for j := i + 1; j < len(s.Members); j++ {
			if count(s.Members[j].IPA, opposingActs) < k {
				continue
			}
			b := session.MemberParty(s.Members[j].ID)
			ab := s.Interactions.Acts(a, b, opposingActs)
			if ab < k {
				continue
			}
			ba := s.Interactions.Acts(b, a, opposingActs)
			if ba < k {
				continue
			}
			out = append(out, Detection{
				Situation: SituationMemberConflict, Members: []group.MemberID{s.Members[i].ID, s.Members[j].ID},
				Confidence: confidence(float64(min(ab, ba)), float64(k)),
				Evidence: []Evidence{
					{Metric: "opposing-acts-first-to-second", Value: float64(ab), Threshold: float64(k)},
					{Metric: "opposing-acts-second-to-first", Value: float64(ba), Threshold: float64(k)},
				},
			})
		}
	}
	return out
}

// sortDetections orders detections by situation, then members; the
// detectors already emit members in order, so a stable insertion sort keeps
// this allocation-free.
func sortDetections(ds []Detection) {
	for i := 1; i < len(ds); i++ {
		for j := i; j > 0 && ds[j].Situation < ds[j-1].Situation; j-- {
			ds[j], ds[j-1] = ds[j-1], ds[j]
		}
	}
}
