package demo

import (
	"strings"

	"github.com/groupwork/groupwork/group"
	"github.com/groupwork/groupwork/session"
)

// Names maps the people of a session to the names a person reads in their
// place: output shows names, never the app's IDs. It has the type of
// picture.Options.Labels, so the pictures can use it as it is.
type Names map[session.Party]string

// NamesOf returns the names of a session's members and facilitators, as
// its spec holds them.
func NamesOf(spec session.Spec) Names {
	n := Names{}
	for _, m := range spec.Roster {
		n[session.MemberParty(m.ID)] = m.Name
	}
	for _, f := range spec.Facilitators {
		n[session.FacilitatorParty(f.ID)] = f.Name
	}
	return n
}

// Of returns the name of p: "the group" for the whole group, and the ID of
// someone the table does not know.
func (n Names) Of(p session.Party) string {
	if p.Kind == session.PartyGroup {
		return "the group"
	}
	if s, ok := n[p]; ok {
		return s
	}
	return p.ID
}

// Member returns the name of a member.
func (n Names) Member(id group.MemberID) string { return n.Of(session.MemberParty(id)) }

// Facilitator returns the name of a facilitator.
func (n Names) Facilitator(id group.FacilitatorID) string {
	return n.Of(session.FacilitatorParty(id))
}

// Members returns the names of members, as a list: "Ana", "Ana and Bill",
// "Ana, Bill and Carmen".
func (n Names) Members(ids []group.MemberID) string {
	s := make([]string, len(ids))
	for i, id := range ids {
		s[i] = n.Member(id)
	}
	return List(s)
}

// Involved names the people a recommendation or detection is about: the
// members, and the facilitators their acts were aimed at ("Grace, towards
// Dr. Reyes").
func (n Names) Involved(members []group.MemberID, facilitators []group.FacilitatorID) string {
	who := n.Members(members)
	if len(facilitators) == 0 {
		return who
	}
	fs := make([]string, len(facilitators))
	for i, id := range facilitators {
		fs[i] = n.Facilitator(id)
	}
	return strings.TrimPrefix(who+", towards "+List(fs), ", ")
}

// List joins words as a list in prose: "a", "a and b", "a, b and c".
func List(words []string) string {
	switch len(words) {
	case 0:
		return ""
	case 1:
		return words[0]
	}
	return strings.Join(words[:len(words)-1], ", ") + " and " + words[len(words)-1]
}
