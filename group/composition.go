package group

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/groupwork/groupwork/internal/vocab/enum"
)

// RelationshipKind is a pre-existing relationship between two members that
// makes sharing a therapy group unwise (Yalom & Leszcz
// 2005, ch. 9-10; ACA 2014, A.6 on boundaries). The zero value is rejected.
type RelationshipKind uint8

// The relationship kinds.
const (
	RelationshipUnspecified RelationshipKind = iota // (unspecified)
	RelationshipPartner                             // (partner) spouses or romantic partners
	RelationshipFamily                              // (family) relatives
	RelationshipCloseFriend                         // (close-friend)
	RelationshipCoWorker                            // (co-worker)
	RelationshipSupervisor                          // (supervisor) one supervises the other at work
)

var relationshipText = enum.Table[RelationshipKind]{Pkg: "group", Type: "RelationshipKind", Names: []string{
	"unspecified", "partner", "family", "close-friend", "co-worker", "supervisor",
}}

// String returns the kind's text form.
func (k RelationshipKind) String() string { return relationshipText.String(k) }

// IsValid reports whether k is a specified relationship kind.
func (k RelationshipKind) IsValid() bool { return relationshipText.Valid(k) }

// MarshalText implements encoding.TextMarshaler.
func (k RelationshipKind) MarshalText() ([]byte, error) { return relationshipText.Marshal(k) }

// UnmarshalText implements encoding.TextUnmarshaler.
func (k *RelationshipKind) UnmarshalText(b []byte) error {
	return relationshipText.Unmarshal(k, b)
}

// ParseRelationshipKind returns the relationship kind whose text form is s.
func ParseRelationshipKind(s string) (RelationshipKind, error) {
	return relationshipText.Parse(s)
}

// Relationship says that members A and B know each other outside the group.
// Acknowledged records that the leaders weighed it and decided to go ahead,
// which lowers the finding from blocking to a warning.
type Relationship struct {
	A            MemberID         `json:"a"`
	B            MemberID         `json:"b"`
	Kind         RelationshipKind `json:"kind"`
	Acknowledged bool             `json:"acknowledged,omitempty"`
}

// Composition is an assessment of a roster.
type Composition struct {
	// Size is the number of members assessed.
	Size int `json:"size"`
	// WithConcern counts members whose AttrConcern attribute is set, and
	// InFocus those among them whose concern is one of the group's focus.
	WithConcern int `json:"withConcern"`
	InFocus     int `json:"inFocus"`
	// Findings are the guidance, most serious first.
	Findings []Finding `json:"findings,omitempty"`
}

// FocusShare returns the share (0-1) of members with a known concern whose
// concern is in the group's focus: a measure of how homogeneous the roster
// is. It is 0 when no member's concern is known.
func (c Composition) FocusShare() float64 {
	if c.WithConcern == 0 {
		return 0
	}
	return float64(c.InFocus) / float64(c.WithConcern)
}

// heterogeneousBelow is the focus share under which a structured group is
// reported as heterogeneous. The sources give no number; "fewer than half
// share the focus" is our own reading of "homogeneous groups cohere faster
// and suit short structured work".
const heterogeneousBelow = 0.5

const (
	srcLone         = "Yalom & Leszcz (2005), ch. 9: avoid a lone member of a kind (isolation, drop-out)"
	srcRelationship = "Yalom & Leszcz (2005), ch. 9-10: no partners, family, close friends, co-workers or supervisor and supervisee in one therapy group"
	srcHomogeneous  = "Yalom & Leszcz (2005), ch. 9: homogeneous groups cohere faster and suit short structured work"
)

// AssessComposition assesses a roster for a group with profile p and focus:
//
//   - its size against the profile's size guidance (warnings);
//   - a lone member of a kind: for each attribute key in keys (every key
//     found on the roster when keys is empty), a member whose value no one
//     else shares while at least two others share another value (warning;
//     Yalom & Leszcz 2005, ch. 10);
//   - pre-existing relationships: blocking in a therapy group unless
//     acknowledged, then a warning; information in a support group;
//   - how homogeneous the roster is in the focus: members whose concern
//     (the AttrConcern attribute) is outside it (information), and a
//     warning when fewer than half share it in a structured group.
//
// Invalid input (an invalid member, a duplicate member ID, a relationship of
// unknown kind, with itself, or naming someone not on the roster) is
// reported as joined *FieldError values; ErrDuplicateID and ErrUnknownMember
// mark the corresponding problems.
func AssessComposition(p Profile, focus []Concern, roster []Member, rels []Relationship, keys ...string) (Composition, error) {
	fe := problems()
	on := make(map[MemberID]bool, len(roster))
	for i, m := range roster {
		path := fmt.Sprintf("roster[%d]", i)
		fe.AddAll(path, m.Validate())
		if on[m.ID] {
			fe.Add(path+".id", fmt.Sprintf("duplicate member id %q", m.ID), ErrDuplicateID)
		}
		on[m.ID] = true
	}
	for i, r := range rels {
		path := fmt.Sprintf("relationships[%d]", i)
		if !r.Kind.IsValid() {
			fe.Add(path+".kind", "unknown relationship kind "+r.Kind.String(), nil)
		}
		if r.A == r.B {
			fe.Add(path, "a relationship needs two different members", nil)
		}
		for _, id := range []MemberID{r.A, r.B} {
			if !on[id] {
				fe.Add(path, fmt.Sprintf("member %q is not on the roster", id), ErrUnknownMember)
			}
		}
	}
	if err := fe.Err(); err != nil {
		return Composition{}, err
	}

	c := Composition{Size: len(roster)}
	c.Findings = append(c.Findings, sizeFindings(p, len(roster), "members", "a roster of")...)
	c.Findings = append(c.Findings, loneMembers(roster, keys)...)
	for i, r := range rels {
		f := Finding{
			Severity: SeverityInfo, Code: CodeRelationship, Path: fmt.Sprintf("relationships[%d]", i),
			Message: fmt.Sprintf("%s and %s are %s outside the group", r.A, r.B, relText(r.Kind)),
			Source:  srcRelationship,
		}
		if p.Kind == KindTherapy {
			f.Severity = SeverityBlocking
			if r.Acknowledged {
				f.Severity = SeverityWarning
				f.Message += " (acknowledged by the leaders)"
			}
		}
		c.Findings = append(c.Findings, f)
	}
	for _, m := range roster {
		concern, ok := m.Attributes[AttrConcern]
		if !ok || len(focus) == 0 {
			continue
		}
		c.WithConcern++
		if slices.Contains(focus, Concern(concern)) {
			c.InFocus++
			continue
		}
		c.Findings = append(c.Findings, Finding{
			Severity: SeverityInfo, Code: CodeOffFocus, Path: "members[" + string(m.ID) + "].attributes." + AttrConcern,
			Message: fmt.Sprintf("%s's concern %q is outside the group's focus", m.ID, concern),
			Source:  srcHomogeneous,
		})
	}
	if c.WithConcern > 0 && p.Structure >= StructureHigh && c.FocusShare() < heterogeneousBelow {
		c.Findings = append(c.Findings, Finding{
			Severity: SeverityWarning, Code: CodeHeterogeneousFocus, Path: "members",
			Message: fmt.Sprintf("only %d of %d members share the focus of this structured group", c.InFocus, c.WithConcern),
			Source:  srcHomogeneous,
		})
	}
	SortFindings(c.Findings)
	return c, nil
}

func relText(k RelationshipKind) string {
	switch k {
	case RelationshipPartner:
		return "partners"
	case RelationshipFamily:
		return "family"
	case RelationshipCloseFriend:
		return "close friends"
	case RelationshipCoWorker:
		return "co-workers"
	}
	return "supervisor and supervisee"
}

// loneMembers finds members alone of their kind on an attribute.
func loneMembers(roster []Member, keys []string) []Finding {
	if len(keys) == 0 {
		set := map[string]bool{}
		for _, m := range roster {
			for k := range m.Attributes {
				set[k] = true
			}
		}
		keys = slices.Sorted(maps.Keys(set))
	}
	var out []Finding
	for _, k := range keys {
		count := map[string]int{}
		for _, m := range roster {
			if v, ok := m.Attributes[k]; ok {
				count[v]++
			}
		}
		largest := 0
		for _, n := range count {
			largest = max(largest, n)
		}
		if largest < 2 {
			continue
		}
		for _, m := range roster {
			v, ok := m.Attributes[k]
			if !ok || count[v] != 1 {
				continue
			}
			out = append(out, Finding{
				Severity: SeverityWarning, Code: CodeLoneMember,
				Path:    "members[" + string(m.ID) + "].attributes." + k,
				Message: fmt.Sprintf("%s is the only member with %s %s", m.ID, k, strings.TrimSpace(v)),
				Source:  srcLone,
			})
		}
	}
	return out
}

// Composition assesses the group's active members; see AssessComposition.
// Relationships must name active members.
func (g *Group) Composition(rels []Relationship, keys ...string) (Composition, error) {
	return AssessComposition(g.profile, g.spec.Focus, g.ActiveMembers(), rels, keys...)
}
