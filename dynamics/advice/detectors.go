package advice

import (
	"github.com/groupwork/groupwork/dynamics"
	"github.com/groupwork/groupwork/group"
	"github.com/groupwork/groupwork/session"
)

// The built-in detectors, one per situation that the event stream shows.
// Each reads a snapshot against the Config's thresholds, the library's own
// heuristics (see Config), and says what it rests on in the evidence.

// count returns the acts of p in set.
func count(p dynamics.IPAProfile, set dynamics.ActSet) int {
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

// talked reports whether enough member talk has happened for the
// share-based detectors to speak: early shares are noise.
func talked(s *dynamics.Snapshot, c Config) bool {
	turns := 0
	for i := range s.Members {
		turns += s.Members[i].Turns
	}
	return s.MemberTalk >= c.MinMemberTalk && turns >= c.MinMemberTurns
}

func detectSilence(s *dynamics.Snapshot, c Config, out []Detection) []Detection {
	enough := talked(s, c)
	for i := range s.Members {
		m := &s.Members[i]
		switch {
		case !m.Attended || !m.Present:
		case !m.Spoke && m.SinceSpoke >= c.SilentFor:
			out = append(out, Detection{
				Situation: SituationSilence, Members: []group.MemberID{m.ID},
				Confidence: confidence(m.SinceSpoke.Minutes(), c.SilentFor.Minutes()),
				Evidence:   []Evidence{{Metric: "minutes-without-a-turn", Value: m.SinceSpoke.Minutes(), Threshold: c.SilentFor.Minutes()}},
			})
		case enough && m.Spoke && m.PresentFor >= c.SilentFor && s.FairShare > 0:
			// Members who have not spoken yet are the first case's: a share
			// of nothing early in a session is not silence.
			limit := c.SilenceFactor * s.FairShare
			if m.TalkShare < limit {
				out = append(out, Detection{
					Situation: SituationSilence, Members: []group.MemberID{m.ID},
					Confidence: confidence(2*limit-m.TalkShare, limit),
					Evidence:   []Evidence{{Metric: "talk-share", Value: m.TalkShare, Threshold: limit}},
				})
			}
		}
	}
	return out
}

func detectMonopolizing(s *dynamics.Snapshot, c Config, out []Detection) []Detection {
	if s.FairShare == 0 || s.Attending < 2 || !talked(s, c) {
		return out
	}
	limit := c.MonopolyFactor * s.FairShare
	for i := range s.Members {
		m := &s.Members[i]
		byTalk := m.TalkShare >= limit
		// Many short turns count too, but only with a talk share well above
		// fair (halfway to the limit): quick agreements are not holding the floor.
		byTurns := m.TurnShare >= limit && m.TalkShare >= (1+c.MonopolyFactor)/2*s.FairShare
		if !m.Attended || !byTalk && !byTurns {
			continue
		}
		ev := []Evidence{
			{Metric: "talk-share", Value: m.TalkShare, Threshold: limit},
			{Metric: "turn-share", Value: m.TurnShare, Threshold: limit},
		}
		if m.Longest >= c.LongTurn {
			ev = append(ev, Evidence{Metric: "longest-turn-minutes", Value: m.Longest.Minutes(), Threshold: c.LongTurn.Minutes()})
		}
		out = append(out, Detection{
			Situation: SituationMonopolizing, Members: []group.MemberID{m.ID},
			Confidence: confidence(max(m.TalkShare, m.TurnShare), limit),
			Evidence:   ev,
		})
	}
	return out
}

func detectQuestioning(s *dynamics.Snapshot, c Config, out []Detection) []Detection {
	for i := range s.Members {
		m := &s.Members[i]
		// The member's own IPA profile bounds the directed count, so the
		// who-to-whom record is read only when the detector could fire.
		if !m.Attended || count(m.IPA, dynamics.QuestionActs) < c.QuestionActs {
			continue
		}
		if n := s.Interactions.ActsFrom(session.MemberParty(m.ID), session.PartyMember, dynamics.QuestionActs); n >= c.QuestionActs {
			out = appendCount(out, SituationQuestioning, m.ID, "questions-to-members", n, c.QuestionActs)
		}
	}
	return out
}

func detectAdviceGiving(s *dynamics.Snapshot, c Config, out []Detection) []Detection {
	for i := range s.Members {
		m := &s.Members[i]
		advice := m.Tags.Count(session.TagAdvice)
		if !m.Attended || advice < c.AdviceActs && count(m.IPA, suggestionActs) < c.AdviceActs {
			continue
		}
		advice = max(advice, s.Interactions.ActsFrom(session.MemberParty(m.ID), session.PartyMember, suggestionActs))
		if advice >= c.AdviceActs {
			out = appendCount(out, SituationAdviceGiving, m.ID, "advice-to-members", advice, c.AdviceActs)
		}
	}
	return out
}

func detectBandAiding(s *dynamics.Snapshot, c Config, out []Detection) []Detection {
	for i := range s.Members {
		if m := &s.Members[i]; m.Attended && m.BandAids >= c.BandAids {
			out = appendCount(out, SituationBandAiding, m.ID, "band-aids", m.BandAids, c.BandAids)
		}
	}
	return out
}

func detectHostility(s *dynamics.Snapshot, c Config, out []Detection) []Detection {
	for i := range s.Members {
		m := &s.Members[i]
		if n := m.IPA.Count(session.ActShowsAntagonism); m.Attended && n >= c.HostileActs {
			out = appendCount(out, SituationHostility, m.ID, "antagonism-acts", n, c.HostileActs)
		}
	}
	return out
}

func detectDependency(s *dynamics.Snapshot, c Config, out []Detection) []Detection {
	for i := range s.Members {
		m := &s.Members[i]
		if !m.Attended || m.Turns < c.DependencyTurns || m.ToFacilitators < c.DependencyShare {
			continue
		}
		leaning := s.Interactions.ActsFrom(session.MemberParty(m.ID), session.PartyFacilitator, dynamics.AllTurns&^opposingActs)
		share := float64(leaning) / float64(m.Turns)
		if share < c.DependencyShare {
			continue
		}
		out = append(out, Detection{
			Situation: SituationDependency, Members: []group.MemberID{m.ID},
			Confidence: confidence(share, c.DependencyShare),
			Evidence: []Evidence{
				{Metric: "share-to-facilitators", Value: share, Threshold: c.DependencyShare},
				{Metric: "turns", Value: float64(m.Turns), Threshold: float64(c.DependencyTurns)},
			},
		})
	}
	return out
}

func detectStorytelling(s *dynamics.Snapshot, c Config, out []Detection) []Detection {
	for i := range s.Members {
		m := &s.Members[i]
		story := m.Tags.Count(session.TagThereAndThen) + m.Tags.Count(session.TagAboutAbsent)
		if !m.Attended || story < c.TagTurns || m.Longest < c.LongTurn {
			continue
		}
		out = append(out, Detection{
			Situation: SituationStorytelling, Members: []group.MemberID{m.ID},
			Confidence: confidence(float64(story), float64(c.TagTurns)),
			Evidence: []Evidence{
				{Metric: "there-and-then-turns", Value: float64(story), Threshold: float64(c.TagTurns)},
				{Metric: "longest-turn-minutes", Value: m.Longest.Minutes(), Threshold: c.LongTurn.Minutes()},
			},
		})
	}
	return out
}

func detectIntellectualizing(s *dynamics.Snapshot, c Config, out []Detection) []Detection {
	for i := range s.Members {
		m := &s.Members[i]
		abstract, feeling := m.Tags.Count(session.TagAbstract), m.Tags.Count(session.TagFeeling)
		if !m.Attended || abstract < c.TagTurns || feeling*3 >= abstract {
			continue
		}
		out = append(out, Detection{
			Situation: SituationIntellectualizing, Members: []group.MemberID{m.ID},
			Confidence: confidence(float64(abstract), float64(c.TagTurns)),
			Evidence: []Evidence{
				{Metric: "abstract-turns", Value: float64(abstract), Threshold: float64(c.TagTurns)},
				{Metric: "feeling-turns", Value: float64(feeling), Note: "fewer than a third of the abstract turns"},
			},
		})
	}
	return out
}

func detectEmotionality(s *dynamics.Snapshot, c Config, out []Detection) []Detection {
	for i := range s.Members {
		m := &s.Members[i]
		intense := m.Tags.Count(session.TagIntenseAffect)
		if !m.Attended || intense < c.TagTurns || s.FairShare == 0 || m.TalkShare <= 1.5*s.FairShare {
			continue
		}
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

// detectScapegoating: negative acts from several members converge on one
// (Clark 2002).
func detectScapegoating(s *dynamics.Snapshot, c Config, out []Detection) []Detection {
	if count(s.IPA, dynamics.NegativeActs) < c.ScapegoatSenders {
		return out // too few negative acts in the group for any to converge
	}
	for i := range s.Members {
		target := session.MemberParty(s.Members[i].ID)
		n := s.Interactions.Senders(target, session.PartyMember, dynamics.NegativeActs)
		if n < c.ScapegoatSenders {
			continue
		}
		acts := s.Interactions.ActsAt(target, session.PartyMember, dynamics.NegativeActs)
		out = append(out, Detection{
			Situation: SituationScapegoating, Members: []group.MemberID{s.Members[i].ID},
			Confidence: confidence(float64(n), float64(c.ScapegoatSenders)),
			Evidence: []Evidence{
				{Metric: "members-sending-negative-acts", Value: float64(n), Threshold: float64(c.ScapegoatSenders)},
				{Metric: "negative-acts-received", Value: float64(acts)},
			},
		})
	}
	return out
}

// detectSubgrouping: a community that keeps its talk to itself, or side
// conversations.
func detectSubgrouping(s *dynamics.Snapshot, c Config, out []Detection) []Detection {
	// One pass over the members totals each subgroup's turns and side
	// conversations. Every turn its members take counts toward the total:
	// talk to the whole group or to a facilitator includes the others.
	var all, side [dynamics.MaxMembers/2 + 1]int
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

// detectLeaderChallenge: disagreement or antagonism from members aimed at
// a facilitator.
func detectLeaderChallenge(s *dynamics.Snapshot, c Config, out []Detection) []Detection {
	if count(s.IPA, opposingActs) < c.LeaderChallengeActs {
		return out
	}
	for _, f := range s.Facilitators {
		target := session.FacilitatorParty(f.ID)
		n := s.Interactions.ActsAt(target, session.PartyMember, opposingActs)
		if n < c.LeaderChallengeActs {
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
			Confidence: confidence(float64(n), float64(c.LeaderChallengeActs)),
			Evidence:   []Evidence{{Metric: "opposing-acts-at-facilitator", Value: float64(n), Threshold: float64(c.LeaderChallengeActs)}},
		})
	}
	return out
}

// detectConflict: reciprocated disagreement or antagonism between two
// members.
func detectConflict(s *dynamics.Snapshot, c Config, out []Detection) []Detection {
	k := c.ConflictActs
	if count(s.IPA, opposingActs) < 2*k {
		return out
	}
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
