package dynamics

import (
	"math/bits"
	"slices"
	"time"

	"github.com/groupwork/groupwork/group"
	"github.com/groupwork/groupwork/internal/lookup"
	"github.com/groupwork/groupwork/session"
)

// numActs is the number of act slots per pair: ActUncoded plus the twelve
// IPA categories.
const numActs = session.NumActs + 1

// NumTags is the number of turn tags session defines (session.Tag values
// 1<<0 to 1<<(NumTags-1)); tag counts are kept for each.
const NumTags = 12

// ActSet is a set of IPA categories (and ActUncoded), used to ask how many
// acts of some kinds passed between two parties. Bit i stands for
// session.Act(i). The zero value is the empty set.
type ActSet uint16

// Useful sets of acts, after Bales' areas (Bales 1950; see
// docs/reference/sessions.md).
const (
	AllTurns            ActSet = 1<<numActs - 1              // every turn, coded or not
	CodedActs           ActSet = AllTurns &^ 1               // IPA 1-12
	PositiveActs        ActSet = 0b1110                      // IPA 1-3, positive reactions
	AnswerActs          ActSet = 0b1110000                   // IPA 4-6, attempted answers
	QuestionActs        ActSet = 0b1110000000                // IPA 7-9, questions
	NegativeActs        ActSet = 0b1110000000000             // IPA 10-12, negative reactions
	TaskActs            ActSet = AnswerActs | QuestionActs   // IPA 4-9
	SocialEmotionalActs ActSet = PositiveActs | NegativeActs // IPA 1-3 and 10-12
)

// ActsOf returns the set holding the given acts; acts outside 0-12 are ignored.
func ActsOf(acts ...session.Act) ActSet {
	var s ActSet
	for _, a := range acts {
		if int(a) < numActs {
			s |= 1 << a
		}
	}
	return s
}

// Has reports whether a is in s.
func (s ActSet) Has(a session.Act) bool { return int(a) < numActs && s&(1<<a) != 0 }

// Interactions is the who-to-whom record of a session: for every speaker
// (member or facilitator) and addressee (member, facilitator or the whole
// group), the number of turns in each IPA category and the talk time, and for
// every speaker the number of turns bearing each tag. It answers the
// questions the problem-behaviour detectors ask: questions (IPA 7-9) aimed
// at members, suggestions (IPA 4) from member to member, antagonism (IPA 12)
// by whom at whom, disagreement and antagonism aimed at a facilitator, the
// share of a member's acts aimed at the facilitator, how many members aim
// negative acts at one member. Source for the act record {actor, target,
// category}: Bales (1950), Interaction Process Analysis.
//
// A Tracker keeps one live (see Tracker.Interactions); a Snapshot carries an
// independent copy. Methods that name a party the record does not know
// return zero. The zero value is an empty record with nobody in it. Reading
// is safe for concurrent use when nothing writes.
type Interactions struct {
	members      []group.MemberID      // sorted; dense index i
	facilitators []group.FacilitatorID // sorted; dense index len(members)+j
	memberIdx    *lookup.Table         // ID -> dense index; built once, read-only
	facIdx       *lookup.Table         // ID -> dense index less len(members); built once, read-only
	acts         []uint16              // [speaker][addressee][act], saturating at 65535
	turns        []uint32              // [speaker][addressee]: all turns
	spoken       []uint32              // [speaker][act]: all acts of the speaker
	u32          []uint32              // one block backing turns, spoken and tags
	talk         []time.Duration       // [speaker][addressee]
	tags         []uint32              // [speaker][tag bit]
}

func newInteractions(members []group.MemberID, facilitators []group.FacilitatorID) Interactions {
	np := len(members) + len(facilitators)
	na := np + 1
	mt, ft := lookup.New(members), lookup.New(facilitators)
	mi, fi := &mt, &ft
	x := Interactions{
		members:      members,
		facilitators: facilitators,
		memberIdx:    mi,
		facIdx:       fi,
		acts:         make([]uint16, np*na*numActs),
		talk:         make([]time.Duration, np*na),
		u32:          make([]uint32, np*na+np*numActs+np*NumTags),
	}
	x.split()
	return x
}

// split points turns, spoken and tags into the u32 block.
func (x *Interactions) split() {
	np := x.speakers()
	na := np + 1
	x.turns = x.u32[: np*na : np*na]
	x.spoken = x.u32[np*na : np*na+np*numActs : np*na+np*numActs]
	x.tags = x.u32[np*na+np*numActs:]
}

// clone returns an independent copy; the rosters and their indexes are
// immutable and shared.
func (x *Interactions) clone() Interactions {
	c := Interactions{
		members:      x.members,
		facilitators: x.facilitators,
		memberIdx:    x.memberIdx,
		facIdx:       x.facIdx,
		acts:         slices.Clone(x.acts),
		talk:         slices.Clone(x.talk),
		u32:          slices.Clone(x.u32),
	}
	c.split()
	return c
}

// speakers returns the number of people (members and facilitators).
func (x *Interactions) speakers() int { return len(x.members) + len(x.facilitators) }

// index returns p's dense index: members first, then facilitators, then the
// whole group (as an addressee only).
func (x *Interactions) index(p session.Party) (int, bool) {
	switch p.Kind {
	case session.PartyMember:
		if x.memberIdx == nil {
			return 0, false
		}
		return x.memberIdx.Find(p.ID)
	case session.PartyFacilitator:
		if x.facIdx == nil {
			return 0, false
		}
		j, ok := x.facIdx.Find(p.ID)
		return len(x.members) + j, ok
	case session.PartyGroup:
		return x.speakers(), p.ID == ""
	}
	return 0, false
}

// party returns the party at dense index i.
func (x *Interactions) party(i int) session.Party {
	switch {
	case i < len(x.members):
		return session.MemberParty(x.members[i])
	case i < x.speakers():
		return session.FacilitatorParty(x.facilitators[i-len(x.members)])
	}
	return session.WholeGroup()
}

// kindOf returns the kind of the party at dense index i.
func (x *Interactions) kindOf(i int) session.PartyKind {
	switch {
	case i < len(x.members):
		return session.PartyMember
	case i < x.speakers():
		return session.PartyFacilitator
	}
	return session.PartyGroup
}

// Members returns the members the record knows, sorted by ID.
func (x *Interactions) Members() []group.MemberID { return slices.Clone(x.members) }

// Facilitators returns the facilitators the record knows, sorted by ID.
func (x *Interactions) Facilitators() []group.FacilitatorID { return slices.Clone(x.facilitators) }

// Knows reports whether p is a member or facilitator of the record, or the
// whole group.
func (x *Interactions) Knows(p session.Party) bool { _, ok := x.index(p); return ok }

// pairActs counts the acts in set from dense speaker s to dense addressee a.
func (x *Interactions) pairActs(s, a int, set ActSet) int {
	pair := s*(x.speakers()+1) + a
	if set&AllTurns == AllTurns {
		return int(x.turns[pair])
	}
	base := pair * numActs
	n := 0
	for m := uint16(set & AllTurns); m != 0; m &= m - 1 {
		n += int(x.acts[base+bits.TrailingZeros16(m)])
	}
	return n
}

// Acts returns the number of turns from speaker to addressee whose act is in
// set. The addressee may be session.WholeGroup(). Acts(m, f, ActsOf(12))
// is how often member m showed antagonism to facilitator f.
func (x *Interactions) Acts(speaker, addressee session.Party, set ActSet) int {
	s, ok1 := x.index(speaker)
	a, ok2 := x.index(addressee)
	if !ok1 || !ok2 || s >= x.speakers() {
		return 0
	}
	return x.pairActs(s, a, set)
}

// ActsFrom returns the number of speaker's turns with an act in set aimed at
// any party of kind to (session.PartyMember, PartyFacilitator or PartyGroup);
// PartyUnspecified means any addressee. A member's own acts are never aimed
// at themselves, so ActsFrom(m, PartyMember, ...) counts acts at other members.
func (x *Interactions) ActsFrom(speaker session.Party, to session.PartyKind, set ActSet) int {
	s, ok := x.index(speaker)
	if !ok || s >= x.speakers() {
		return 0
	}
	n := 0
	for a := 0; a <= x.speakers(); a++ {
		if to == session.PartyUnspecified || x.kindOf(a) == to {
			n += x.pairActs(s, a, set)
		}
	}
	return n
}

// ActsAt returns the number of turns with an act in set aimed at addressee
// by any speaker of kind from (PartyMember or PartyFacilitator;
// PartyUnspecified means anyone).
func (x *Interactions) ActsAt(addressee session.Party, from session.PartyKind, set ActSet) int {
	a, ok := x.index(addressee)
	if !ok {
		return 0
	}
	n := 0
	for s := 0; s < x.speakers(); s++ {
		if from == session.PartyUnspecified || x.kindOf(s) == from {
			n += x.pairActs(s, a, set)
		}
	}
	return n
}

// Senders returns how many distinct speakers of kind from (PartyUnspecified:
// anyone) aimed at least one act in set at addressee. Senders(m,
// PartyMember, NegativeActs) >= 3 is the converging-negativity pattern of
// scapegoating.
func (x *Interactions) Senders(addressee session.Party, from session.PartyKind, set ActSet) int {
	a, ok := x.index(addressee)
	if !ok {
		return 0
	}
	n := 0
	for s := 0; s < x.speakers(); s++ {
		if (from == session.PartyUnspecified || x.kindOf(s) == from) && s != a && x.pairActs(s, a, set) > 0 {
			n++
		}
	}
	return n
}

// Talk returns the talk time of speaker's turns addressed to addressee.
func (x *Interactions) Talk(speaker, addressee session.Party) time.Duration {
	s, ok1 := x.index(speaker)
	a, ok2 := x.index(addressee)
	if !ok1 || !ok2 || s >= x.speakers() {
		return 0
	}
	return x.talk[s*(x.speakers()+1)+a]
}

// TagCount returns how many of speaker's turns bore tag. Tags that are not
// exactly one defined session.Tag count zero.
func (x *Interactions) TagCount(speaker session.Party, tag session.Tag) int {
	s, ok := x.index(speaker)
	if !ok || s >= x.speakers() || tag == 0 || tag&(tag-1) != 0 {
		return 0
	}
	b := bits.TrailingZeros16(uint16(tag))
	if b >= NumTags {
		return 0
	}
	return int(x.tags[s*NumTags+b])
}

// Pairs calls yield for every (speaker, addressee) pair with at least one
// turn, in dense order (members by ID, then facilitators by ID, then the
// whole group), with the number of turns and the talk time. It stops when
// yield returns false.
func (x *Interactions) Pairs(yield func(speaker, addressee session.Party, turns int, talk time.Duration) bool) {
	na := x.speakers() + 1
	for s := 0; s < x.speakers(); s++ {
		for a := 0; a < na; a++ {
			if n := x.pairActs(s, a, AllTurns); n > 0 {
				if !yield(x.party(s), x.party(a), n, x.talk[s*na+a]) {
					return
				}
			}
		}
	}
}
