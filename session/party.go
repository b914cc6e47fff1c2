package session

import (
	"strings"

	"github.com/groupwork/groupwork/group"
	"github.com/groupwork/groupwork/internal/vocab/enum"
)

// PartyKind says who a Party is: a member, a facilitator, or the whole group.
// The zero value, PartyUnspecified, is rejected by validation.
type PartyKind uint8

// The kinds of party.
const (
	PartyUnspecified PartyKind = iota // (unspecified)
	PartyMember                       // (member) one group member
	PartyFacilitator                  // (facilitator) one facilitator
	PartyGroup                        // (group) the whole group
)

var partyKindText = enum.Table[PartyKind]{Pkg: "session", Type: "PartyKind", Names: []string{
	"unspecified", "member", "facilitator", "group",
}}

// String returns the kind's text form.
func (k PartyKind) String() string { return partyKindText.String(k) }

// IsValid reports whether k is a specified kind.
func (k PartyKind) IsValid() bool { return partyKindText.Valid(k) }

// MarshalText implements encoding.TextMarshaler.
func (k PartyKind) MarshalText() ([]byte, error) { return partyKindText.Marshal(k) }

// UnmarshalText implements encoding.TextUnmarshaler.
func (k *PartyKind) UnmarshalText(b []byte) error {
	return partyKindText.Unmarshal(k, b)
}

// ParsePartyKind returns the kind whose text form is s.
func ParsePartyKind(s string) (PartyKind, error) { return partyKindText.Parse(s) }

// Party is who speaks, who is addressed, or whom an intervention targets:
// one member, one facilitator, or the whole group. It is a small comparable
// value; the zero value is "nobody" and is rejected where a party is needed.
//
// Its text form is "member:ID", "facilitator:ID" or "group".
type Party struct {
	Kind PartyKind
	ID   string // the member's or facilitator's ID; empty for the whole group
}

// MemberParty returns the party for one member.
func MemberParty(id group.MemberID) Party { return Party{Kind: PartyMember, ID: string(id)} }

// FacilitatorParty returns the party for one facilitator.
func FacilitatorParty(id group.FacilitatorID) Party {
	return Party{Kind: PartyFacilitator, ID: string(id)}
}

// WholeGroup returns the party that stands for the group as a whole.
func WholeGroup() Party { return Party{Kind: PartyGroup} }

// IsZero reports whether p is the zero Party.
func (p Party) IsZero() bool { return p == Party{} }

// IsValid reports whether p is well formed: a member or facilitator with a
// non-empty ID, or the whole group with none.
func (p Party) IsValid() bool {
	switch p.Kind {
	case PartyMember, PartyFacilitator:
		return p.ID != ""
	case PartyGroup:
		return p.ID == ""
	}
	return false
}

// Member returns the member's ID when p is a member.
func (p Party) Member() (group.MemberID, bool) {
	return group.MemberID(p.ID), p.Kind == PartyMember
}

// Facilitator returns the facilitator's ID when p is a facilitator.
func (p Party) Facilitator() (group.FacilitatorID, bool) {
	return group.FacilitatorID(p.ID), p.Kind == PartyFacilitator
}

// String returns p's text form.
func (p Party) String() string {
	switch p.Kind {
	case PartyGroup:
		return "group"
	case PartyMember, PartyFacilitator:
		return p.Kind.String() + ":" + p.ID
	}
	if p.IsZero() {
		return ""
	}
	return p.Kind.String() + ":" + p.ID
}

// MarshalText implements encoding.TextMarshaler. The zero Party marshals to
// empty text; any other invalid party is an error.
func (p Party) MarshalText() ([]byte, error) {
	if !p.IsZero() && !p.IsValid() {
		return nil, newParseError("Party", p.String())
	}
	return []byte(p.String()), nil
}

// UnmarshalText implements encoding.TextUnmarshaler; it accepts the forms
// ParseParty accepts and leaves p unchanged on error.
func (p *Party) UnmarshalText(b []byte) error {
	q, err := ParseParty(string(b))
	if err != nil {
		return err
	}
	*p = q
	return nil
}

// ParseParty parses "member:ID", "facilitator:ID", "group", or empty text
// (the zero Party).
func ParseParty(s string) (Party, error) {
	switch {
	case s == "":
		return Party{}, nil
	case s == "group":
		return WholeGroup(), nil
	}
	kind, id, ok := strings.Cut(s, ":")
	if ok && id != "" {
		switch kind {
		case "member":
			return Party{Kind: PartyMember, ID: id}, nil
		case "facilitator":
			return Party{Kind: PartyFacilitator, ID: id}, nil
		}
	}
	return Party{}, newParseError("Party", s)
}
