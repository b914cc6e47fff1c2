package advice

import (
	"github.com/groupwork/groupwork/dynamics"
	"github.com/groupwork/groupwork/group"
	"github.com/groupwork/groupwork/session"
)

// The built-in detectors, one per situation that the event stream shows.
// Each reads a snapshot against the Config's thresholds, the library's own
// heuristics (see Config), and says what it rests on in the evidence, its
// deciding measure first with its margin. They read the talk-expected
// figures (dynamics.Participation), so that art-making or a body scan is
// not silence, and advise only about members in the room: one who has left
// or has not arrived is not advised about for that time.

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

// appendCount appends a detection of s about member id resting on a count
// that reached its threshold.
func appendCount(out []Detection, s Situation, id group.MemberID, metric string, n, threshold int, c Config) []Detection {
	margin, _ := c.past(float64(n), float64(threshold), false)
	return append(out, Detection{
		Situation: s, Members: []group.MemberID{id},
		Confidence: confidence(float64(n), float64(threshold)),
		Evidence:   []Evidence{{Metric: metric, Value: float64(n), Threshold: float64(threshold), Margin: margin}},
	})
}

// talked reports whether enough member talk has happened, in talk-expected
// time, for the share-based detectors to speak: early shares are noise.
// After MinElapsed the number of turns no longer matters.
func talked(s *dynamics.Snapshot, c Config) bool {
	if s.ExpectedMemberTalk < c.MinMemberTalk {
		return false
	}
	if s.ExpectedTime >= c.MinElapsed {
		return true
	}
	turns := 0
	for i := range s.Members {
		turns += s.Members[i].Expected.Turns
	}
	return turns >= c.MinMemberTurns
}

// here reports whether member m is one the detectors advise about: in the
// room now (at the end, for a session that has ended).
func here(m *dynamics.MemberStats) bool { return m.Attended && m.Present }

// balance returns the median, over the members in the room, of each one's
// talk share over their fair share: about 1 when talk is shared evenly, and
// low for everyone when one member holds the floor. It allocates nothing.
func balance(s *dynamics.Snapshot) float64 {
	var r [dynamics.MaxMembers]float64
	n := 0
	for i := range s.Members {
		x := &s.Members[i].Expected
		if !here(&s.Members[i]) || n == len(r) {
			continue
		}
		v := ratio(x.TalkShare, x.FairShare)
		j := n
		for ; j > 0 && r[j-1] > v; j-- { // insertion sort: a dozen members
			r[j] = r[j-1]
		}
		r[j] = v
		n++
	}
	switch {
	case n == 0:
		return 0
	case n%2 == 1:
		return r[n/2]
	}
	return (r[n/2-1] + r[n/2]) / 2
}

// heldFloor is the balance below which one member has held the floor: the
// median member has had less than half a fair share, and the others'
// silence is the group's, not theirs (heuristic, the library's own).
const heldFloor = 0.5

func ratio(a, b float64) float64 {
	if b == 0 {
		return 0
	}
	return a / b
}

func detectSilence(s *dynamics.Snapshot, c Config, out []Detection) []Detection {
	if !talked(s, c) {
		return out // too little talk: any silence is the group's
	}
	median := balance(s)
	if median < heldFloor {
		return out // one member has held the floor: monopolizing says so
	}
	median = min(median, 1)
	for i := range s.Members {
		m := &s.Members[i]
		x := &m.Expected
		switch {
		case !here(m):
		case !m.Spoke:
			// Members who have not spoken: the talk-expected time since
			// they came.
			silent, limit := x.Silent.Minutes(), c.SilentFor.Minutes()
			if margin, ok := c.past(silent, limit, false); ok {
				out = append(out, Detection{
					Situation: SituationSilence, Members: []group.MemberID{m.ID},
					Confidence: confidence(silent, limit),
					Evidence: []Evidence{{Metric: "minutes-without-a-turn", Value: silent, Threshold: limit, Margin: margin,
						Note: "talk-expected time in the room"}},
				})
			}
		case x.Present >= c.SilentFor && x.FairShare > 0:
			// Members who have spoken: a share far below their fair one,
			// or below the median member's when that is less.
			limit := c.SilenceFactor * x.FairShare * median
			if margin, ok := c.past(x.TalkShare, limit, true); ok {
				out = append(out, Detection{
					Situation: SituationSilence, Members: []group.MemberID{m.ID},
					Confidence: confidence(2*limit-x.TalkShare, limit),
					Evidence: []Evidence{{Metric: "talk-share", Value: x.TalkShare, Threshold: limit, Margin: margin,
						Note: "of members' talk in talk-expected time"}},
				})
			}
		}
	}
	return out
}

func detectMonopolizing(s *dynamics.Snapshot, c Config, out []Detection) []Detection {
	if s.Attending < 2 || !talked(s, c) {
		return out
	}
	for i := range s.Members {
		m := &s.Members[i]
		x := &m.Expected
		if !here(m) || x.FairShare == 0 {
			continue
		}
		limit := c.MonopolyFactor * x.FairShare
		// The share is judged as it stood before the member's latest turn:
		// checked just after a turn, a share peaks by it, the more so the
		// earlier the turn comes in a round; whether a member holds the
		// floor shows across turns. A monologue of twice a long turn holds
		// it by itself and counts.
		share := x.TalkShare
		if last := x.LastTurn; last > 0 && last < 2*c.LongTurn && s.ExpectedMemberTalk > last {
			share = float64(x.Talk-last) / float64(s.ExpectedMemberTalk-last)
		}
		byTalk, okTalk := c.past(share, limit, false)
		// Many short turns count too, but only with a talk share well above
		// fair (halfway to the limit): quick agreements are not holding the floor.
		byTurns, okTurns := c.past(x.TurnShare, limit, false)
		okTurns = okTurns && x.TalkShare >= (1+c.MonopolyFactor)/2*x.FairShare
		if !okTalk && !okTurns {
			continue
		}
		talk := Evidence{Metric: "talk-share", Value: share, Threshold: limit, Margin: byTalk,
			Note: "of members' talk in talk-expected time, before the member's latest turn"}
		turns := Evidence{Metric: "turn-share", Value: x.TurnShare, Threshold: limit, Margin: byTurns}
		ev := []Evidence{talk, turns}
		if !okTalk || okTurns && byTurns > byTalk {
			ev = []Evidence{turns, talk} // the deciding measure first
		}
		if m.Longest >= c.LongTurn {
			ev = append(ev, Evidence{Metric: "longest-turn-minutes", Value: m.Longest.Minutes(), Threshold: c.LongTurn.Minutes()})
		}
		out = append(out, Detection{
			Situation: SituationMonopolizing, Members: []group.MemberID{m.ID},
			Confidence: confidence(max(share, x.TurnShare), limit),
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
		if !here(m) || count(m.IPA, dynamics.QuestionActs) < c.QuestionActs {
			continue
		}
		if n := s.Interactions.ActsFrom(session.MemberParty(m.ID), session.PartyMember, dynamics.QuestionActs); n >= c.QuestionActs {
			out = appendCount(out, SituationQuestioning, m.ID, "questions-to-members", n, c.QuestionActs, c)
		}
	}
	return out
}

func detectAdviceGiving(s *dynamics.Snapshot, c Config, out []Detection) []Detection {
	for i := range s.Members {
		m := &s.Members[i]
		advice := m.Tags.Count(session.TagAdvice)
		if !here(m) || advice < c.AdviceActs && count(m.IPA, suggestionActs) < c.AdviceActs {
			continue
		}
		advice = max(advice, s.Interactions.ActsFrom(session.MemberParty(m.ID), session.PartyMember, suggestionActs))
		if advice >= c.AdviceActs {
			out = appendCount(out, SituationAdviceGiving, m.ID, "advice-to-members", advice, c.AdviceActs, c)
		}
	}
	return out
}

func detectBandAiding(s *dynamics.Snapshot, c Config, out []Detection) []Detection {
	for i := range s.Members {
		if m := &s.Members[i]; here(m) && m.BandAids >= c.BandAids {
			out = appendCount(out, SituationBandAiding, m.ID, "band-aids", m.BandAids, c.BandAids, c)
		}
	}
	return out
}

func detectHostility(s *dynamics.Snapshot, c Config, out []Detection) []Detection {
	for i := range s.Members {
		m := &s.Members[i]
		if n := m.IPA.Count(session.ActShowsAntagonism); here(m) && n >= c.HostileActs {
			out = appendCount(out, SituationHostility, m.ID, "antagonism-acts", n, c.HostileActs, c)
		}
	}
	return out
}

func detectDependency(s *dynamics.Snapshot, c Config, out []Detection) []Detection {
	for i := range s.Members {
		m := &s.Members[i]
		x := &m.Expected
		if !here(m) || x.OpenTurns < c.DependencyTurns {
			continue
		}
		share := float64(x.OpenToLeaders) / float64(x.OpenTurns)
		margin, ok := c.past(share, c.DependencyShare, false)
		if !ok {
			continue
		}
		out = append(out, Detection{
			Situation: SituationDependency, Members: []group.MemberID{m.ID},
			Confidence: confidence(share, c.DependencyShare),
			Evidence: []Evidence{
				{Metric: "share-to-facilitators", Value: share, Threshold: c.DependencyShare, Margin: margin,
					Note: "of turns in open segments, where members talk with one another"},
				{Metric: "open-turns", Value: float64(x.OpenTurns), Threshold: float64(c.DependencyTurns)},
			},
		})
	}
	return out
}

func detectStorytelling(s *dynamics.Snapshot, c Config, out []Detection) []Detection {
	for i := range s.Members {
		m := &s.Members[i]
		story := m.Tags.Count(session.TagThereAndThen) + m.Tags.Count(session.TagAboutAbsent)
		if !here(m) || story < c.TagTurns || m.Longest < c.LongTurn {
			continue
		}
		margin, _ := c.past(float64(story), float64(c.TagTurns), false)
		out = append(out, Detection{
			Situation: SituationStorytelling, Members: []group.MemberID{m.ID},
			Confidence: confidence(float64(story), float64(c.TagTurns)),
			Evidence: []Evidence{
				{Metric: "there-and-then-turns", Value: float64(story), Threshold: float64(c.TagTurns), Margin: margin},
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
		if !here(m) || abstract < c.TagTurns || feeling*3 >= abstract {
			continue
		}
		margin, _ := c.past(float64(abstract), float64(c.TagTurns), false)
		out = append(out, Detection{
			Situation: SituationIntellectualizing, Members: []group.MemberID{m.ID},
			Confidence: confidence(float64(abstract), float64(c.TagTurns)),
			Evidence: []Evidence{
				{Metric: "abstract-turns", Value: float64(abstract), Threshold: float64(c.TagTurns), Margin: margin},
				{Metric: "feeling-turns", Value: float64(feeling), Note: "fewer than a third of the abstract turns"},
			},
		})
	}
	return out
}

func detectEmotionality(s *dynamics.Snapshot, c Config, out []Detection) []Detection {
	for i := range s.Members {
		m := &s.Members[i]
		x := &m.Expected
		intense := m.Tags.Count(session.TagIntenseAffect)
		if !here(m) || intense < c.TagTurns || x.FairShare == 0 || x.TalkShare <= 1.5*x.FairShare {
			continue
		}
		margin, _ := c.past(float64(intense), float64(c.TagTurns), false)
		out = append(out, Detection{
			Situation: SituationEmotionality, Members: []group.MemberID{m.ID},
			Confidence: confidence(float64(intense), float64(c.TagTurns)),
			Evidence: []Evidence{
				{Metric: "intense-affect-turns", Value: float64(intense), Threshold: float64(c.TagTurns), Margin: margin},
				{Metric: "talk-share", Value: x.TalkShare, Threshold: 1.5 * x.FairShare, Note: "affect holding the group's time"},
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
		if !here(&s.Members[i]) {
			continue
		}
		target := session.MemberParty(s.Members[i].ID)
		n := s.Interactions.Senders(target, session.PartyMember, dynamics.NegativeActs)
		if n < c.ScapegoatSenders {
			continue
		}
		acts := s.Interactions.ActsAt(target, session.PartyMember, dynamics.NegativeActs)
		margin, _ := c.past(float64(n), float64(c.ScapegoatSenders), false)
		out = append(out, Detection{
			Situation: SituationScapegoating, Members: []group.MemberID{s.Members[i].ID},
			Confidence: confidence(float64(n), float64(c.ScapegoatSenders)),
			Evidence: []Evidence{
				{Metric: "members-sending-negative-acts", Value: float64(n), Threshold: float64(c.ScapegoatSenders), Margin: margin},
				{Metric: "negative-acts-received", Value: float64(acts)},
			},
		})
	}
	return out
}

// detectSubgrouping: a community that keeps its talk to itself, or side
// conversations. The snapshot's subgroups hold only members in the room.
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
	present := 0
	for i := range s.Members {
		if here(&s.Members[i]) {
			present++
		}
	}
	for gi, g := range s.Subgroups {
		if len(g.Members) >= present || gi+1 >= len(all) {
			continue // the whole group is not a subgroup
		}
		inside := 0.0
		if a := all[gi+1]; a > 0 {
			inside = float64(g.Turns) / float64(a)
		}
		side := side[gi+1]
		byInside, closed := c.past(inside, c.SubgroupInside, false)
		closed = closed && g.Turns >= c.SubgroupTurns
		bySide, chatting := c.past(float64(side), float64(c.SideConversations), false)
		chatting = chatting && side >= c.SideConversations
		if !closed && !chatting {
			continue
		}
		in := Evidence{Metric: "share-of-turns-inside", Value: inside, Threshold: c.SubgroupInside, Margin: byInside}
		sc := Evidence{Metric: "side-conversation-turns", Value: float64(side), Threshold: float64(c.SideConversations), Margin: bySide}
		ev := []Evidence{in, sc}
		if !closed || chatting && bySide > byInside {
			ev = []Evidence{sc, in} // the deciding measure first
		}
		out = append(out, Detection{
			Situation: SituationSubgrouping, Members: append([]group.MemberID(nil), g.Members...),
			Confidence: max(confidence(inside, c.SubgroupInside), confidence(float64(side), float64(c.SideConversations))),
			Evidence:   ev,
		})
	}
	return out
}

// detectLeaderChallenge: disagreement or antagonism from members aimed at
// a facilitator, naming the challengers still in the room.
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
		for i := range s.Members {
			if m := &s.Members[i]; here(m) && s.Interactions.Acts(session.MemberParty(m.ID), target, opposingActs) > 0 {
				who = append(who, m.ID)
			}
		}
		if len(who) == 0 {
			continue // the challengers have left
		}
		margin, _ := c.past(float64(n), float64(c.LeaderChallengeActs), false)
		out = append(out, Detection{
			Situation: SituationLeaderChallenge, Members: who, Facilitators: []group.FacilitatorID{f.ID},
			Confidence: confidence(float64(n), float64(c.LeaderChallengeActs)),
			Evidence:   []Evidence{{Metric: "opposing-acts-at-facilitator", Value: float64(n), Threshold: float64(c.LeaderChallengeActs), Margin: margin}},
		})
	}
	return out
}

// detectConflict: reciprocated disagreement or antagonism between two
// members, both in the room.
func detectConflict(s *dynamics.Snapshot, c Config, out []Detection) []Detection {
	k := c.ConflictActs
	if count(s.IPA, opposingActs) < 2*k {
		return out
	}
	for i := range s.Members {
		if !here(&s.Members[i]) || count(s.Members[i].IPA, opposingActs) < k {
			continue
		}
		a := session.MemberParty(s.Members[i].ID)
		for j := i + 1; j < len(s.Members); j++ {
			if !here(&s.Members[j]) || count(s.Members[j].IPA, opposingActs) < k {
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
			margin, _ := c.past(float64(min(ab, ba)), float64(k), false)
			out = append(out, Detection{
				Situation: SituationMemberConflict, Members: []group.MemberID{s.Members[i].ID, s.Members[j].ID},
				Confidence: confidence(float64(min(ab, ba)), float64(k)),
				Evidence: []Evidence{
					{Metric: "opposing-acts-first-to-second", Value: float64(ab), Threshold: float64(k), Margin: margin},
					{Metric: "opposing-acts-second-to-first", Value: float64(ba), Threshold: float64(k)},
				},
			})
		}
	}
	return out
}
