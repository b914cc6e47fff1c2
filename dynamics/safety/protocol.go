package safety

import (
	"slices"
	"strings"

	"github.com/groupwork/groupwork/group"
	"github.com/groupwork/groupwork/session"
)

// ProtocolID names a protocol. The built-in protocols are the constants
// below; an app names its own. Its text form is its value: lower-case
// letters, digits and hyphens, starting with a letter, at most 64 bytes.
// The zero value is rejected by validation.
type ProtocolID string

// The built-in protocols, one per safety situation (see BuiltinProtocols).
const (
	ProtocolMedicalEmergency ProtocolID = "medical-emergency"      // someone is taken ill or hurt
	ProtocolViolence         ProtocolID = "threat-or-aggression"   // violence or threats in the room
	ProtocolRiskToSelf       ProtocolID = "risk-to-self"           // suicidal thoughts or self-harm
	ProtocolRiskToOthers     ProtocolID = "risk-to-others"         // a threat against an identifiable person
	ProtocolLeftDistressed   ProtocolID = "left-distressed"        // a member leaves the room in distress
	ProtocolDissociation     ProtocolID = "dissociation-or-panic"  // dissociation or panic in the room
	ProtocolIntoxication     ProtocolID = "intoxication"           // a member attends under the influence
	ProtocolAbuseDisclosed   ProtocolID = "abuse-disclosed"        // abuse or neglect of a child, elder or dependent adult
	ProtocolRiskUnknown      ProtocolID = "risk-unknown"           // a risk question left unanswered
	ProtocolConfidentiality  ProtocolID = "confidentiality-breach" // confidentiality broken outside the group
)

// IsValid reports whether p is well formed and specified.
func (p ProtocolID) IsValid() bool {
	if len(p) == 0 || len(p) > 64 || p[0] < 'a' || p[0] > 'z' {
		return false
	}
	for i := 0; i < len(p); i++ {
		if c := p[i]; !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-') {
			return false
		}
	}
	return true
}

// Step is one step of a protocol: the action, who takes it, what to do in
// words, and the publication it rests on. Text may name the jurisdiction's
// data through placeholders, filled when a protocol is applied
// (Book.Respond): {emergency} the emergency number, {crisis} the crisis
// lines, {report} the reporting duties that apply, {warn} the duty to warn
// or protect, {jurisdiction} the jurisdiction's name. No number or agency is
// ever written into a step's text.
//
// In a co-led room, RoleLead is the licensed clinician who attends to the
// member and RoleCoLead the other leader, who stays with the group; in a
// solo room the one clinician is RoleLead; in a peer-led room the peer
// facilitators are RolePeerFacilitator; RoleSupervisor is the supervisor or
// on-call clinician, outside the room.
//
// Step is a plain value that round-trips through encoding/json.
type Step struct {
	Action session.SafetyStep `json:"action"`
	Role   group.Role         `json:"role"`
	Text   string             `json:"text"`
	Source string             `json:"source"`
	// Local marks a step an app added (a clinic's on-call number, its
	// form); core steps are the protocol's own.
	Local bool `json:"local,omitempty"`
}

// Protocol is what to do when one safety situation arises: its steps in
// order, with who takes each, for each kind of room (co-led, solo,
// peer-led: see group.LeadershipOf), the follow-up tasks it leaves, and the
// publications it rests on. Rank orders protocols that run at once: the
// lower rank runs first.
//
// Protocol is a plain value that round-trips through encoding/json;
// BuiltinProtocols returns fresh copies of the built-in ones.
type Protocol struct {
	ID    ProtocolID `json:"id"`
	Title string     `json:"title"`
	Rank  int        `json:"rank"`
	// CoLed, Solo and PeerLed are the variants: the steps in order.
	CoLed   []Step `json:"coLed"`
	Solo    []Step `json:"solo"`
	PeerLed []Step `json:"peerLed"`
	// Tasks are the follow-up tasks an episode leaves.
	Tasks   []TaskRule `json:"tasks"`
	Sources []string   `json:"sources"`
}

// Steps returns a copy of the variant for a room led as l. A room whose
// leadership is unspecified (nobody known to be a licensed clinician is
// present) takes the peer-led variant: it hands over to professionals
// rather than assume a clinician is there.
func (p Protocol) Steps(l group.Leadership) []Step {
	return slices.Clone(*p.variant(l))
}

// variant returns the steps of the variant for l.
func (p *Protocol) variant(l group.Leadership) *[]Step {
	switch l {
	case group.LeadershipCoLed:
		return &p.CoLed
	case group.LeadershipSolo:
		return &p.Solo
	}
	return &p.PeerLed
}

// variants are the leaderships with a variant of their own, in the order
// paths and documentation list them.
var variants = [...]struct {
	l    group.Leadership
	path string
}{{group.LeadershipCoLed, "coLed"}, {group.LeadershipSolo, "solo"}, {group.LeadershipPeerLed, "peerLed"}}

// Clone returns a copy of p that shares nothing with it.
func (p Protocol) Clone() Protocol {
	p.CoLed = slices.Clone(p.CoLed)
	p.Solo = slices.Clone(p.Solo)
	p.PeerLed = slices.Clone(p.PeerLed)
	p.Tasks = slices.Clone(p.Tasks)
	p.Sources = slices.Clone(p.Sources)
	return p
}

// Validate reports every problem with p at once, each a *FieldError
// wrapping ErrInvalidProtocol: a malformed ID, no title or sources, an
// empty variant, a step with an unknown action or role, no text or source,
// or a placeholder no jurisdiction fills, a malformed task rule.
func (p Protocol) Validate() error {
	f := problems()
	p.validate(&f, "")
	return f.Err()
}

func (p Protocol) validate(f *problemList, path string) {
	at := func(s string) string { return joinPath(path, s) }
	if !p.ID.IsValid() {
		f.Add(at("id"), "unspecified or malformed protocol id", ErrInvalidProtocol)
	}
	if p.Title == "" || len(p.Sources) == 0 {
		f.Add(path, "a protocol has a title and names its sources", ErrInvalidProtocol)
	}
	for _, v := range variants {
		steps := *p.variant(v.l)
		if len(steps) == 0 {
			f.Add(at(v.path), "every variant has at least one step", ErrInvalidProtocol)
		}
		for i, s := range steps {
			s.validate(f, idx(at(v.path), i))
		}
	}
	for i, t := range p.Tasks {
		t.validate(f, idx(at("tasks"), i))
	}
}

func (s Step) validate(f *problemList, path string) {
	if !s.Action.IsValid() {
		f.Add(joinPath(path, "action"), "unknown safety step", ErrInvalidProtocol)
	}
	if !s.Role.IsValid() {
		f.Add(joinPath(path, "role"), "unknown role", ErrInvalidProtocol)
	}
	if s.Text == "" || s.Source == "" {
		f.Add(path, "a step says what to do and names its source", ErrInvalidProtocol)
	}
	if bad := unknownPlaceholder(s.Text); bad != "" {
		f.Add(joinPath(path, "text"), "no jurisdiction fills the placeholder "+bad, ErrInvalidProtocol)
	}
}

// placeholders are the names a step's text may use in braces.
var placeholders = []string{"emergency", "crisis", "report", "warn", "jurisdiction"}

// unknownPlaceholder returns the first "{name}" in text that is not a
// placeholder (or an unclosed brace), or "".
func unknownPlaceholder(text string) string {
	for {
		i := strings.IndexByte(text, '{')
		if i < 0 {
			return ""
		}
		j := strings.IndexByte(text[i:], '}')
		if j < 0 {
			return text[i:]
		}
		if name := text[i+1 : i+j]; !slices.Contains(placeholders, name) {
			return text[i : i+j+1]
		}
		text = text[i+j+1:]
	}
}
