package session

import (
	"encoding/json"
	"time"

	"github.com/groupwork/groupwork/group"
	"github.com/groupwork/groupwork/internal/vocab/enum"
)

// Shape is what one modality's sessions look like: the segments of its
// typical agenda, with how a session's time is shared among them, and the
// rules an agenda of the modality is checked against. Everything the
// package knows about a modality's sessions is in its shape: BuiltinShapes
// holds the seven built-in modalities' rows, and an app adds a row for a
// modality of its own (see the example) or replaces a built-in one.
//
// Shape is a plain value; it round-trips through encoding/json, with
// durations as Go duration text.
type Shape struct {
	// Modality is the modality the row describes.
	Modality group.Modality `json:"modality"`
	// Segments are the typical agenda, in order.
	Segments []ShapeSegment `json:"segments"`
	// Rules are what an agenda of the modality is checked against, beyond
	// the checks every agenda gets (its total against its slot, the slot
	// against the profile's session length).
	Rules []AgendaRule `json:"rules,omitempty"`
	// Source names the publications the shape follows.
	Source string `json:"source"`
}

// ShapeSegment is one segment of a shape's typical agenda and how long it
// runs in a session of a given length and size. Its length is, in order:
// a step of Steps, when it has any (the segment is left out of sessions
// shorter than the first step); else PerMember for each member, within Min
// and a MaxShare of the session; else a share of the time the fixed and
// per-member segments leave, by Weight. A weighted segment with EndsBy
// runs at least until that fraction of the session has passed (DBT skills
// groups give homework review about half of each session).
type ShapeSegment struct {
	Kind  SegmentKind `json:"kind"`
	Title string      `json:"title,omitempty"`
	// Steps give a fixed length by session length: the step with the
	// largest From not above the session's length applies.
	Steps []Step `json:"steps,omitempty"`
	// PerMember, Min and MaxShare size a round (a check-in).
	PerMember time.Duration `json:"perMember,omitempty"`
	Min       time.Duration `json:"min,omitempty"`
	MaxShare  float64       `json:"maxShare,omitempty"`
	// Weight is the segment's share of the rest.
	Weight int     `json:"weight,omitempty"`
	EndsBy float64 `json:"endsBy,omitempty"`
}

// Step is a fixed segment length for sessions of at least From.
type Step struct {
	From   time.Duration `json:"from"`
	Length time.Duration `json:"length"`
}

// AgendaRuleKind says what an agenda rule asks.
type AgendaRuleKind uint8

// The kinds of agenda rule.
const (
	RuleUnspecified AgendaRuleKind = iota // (unspecified)
	RuleRequires                          // (requires) the agenda holds the segment
	RuleForbids                           // (forbids) the agenda does not hold the segment (each one is a finding)
	RuleFollowedBy                        // (followed-by) every such segment is followed, later, by Then
	RuleEndsWith                          // (ends-with) the last segment, after any Then segments, is the segment
)

var ruleKindText = enum.Table[AgendaRuleKind]{Pkg: "session", Type: "AgendaRuleKind", Names: []string{"unspecified", "requires", "forbids", "followed-by", "ends-with"}}

// String returns the kind's text form.
func (k AgendaRuleKind) String() string { return ruleKindText.String(k) }

// IsValid reports whether k is a specified kind.
func (k AgendaRuleKind) IsValid() bool { return ruleKindText.Valid(k) }

// MarshalText implements encoding.TextMarshaler.
func (k AgendaRuleKind) MarshalText() ([]byte, error) { return ruleKindText.Marshal(k) }

// UnmarshalText implements encoding.TextUnmarshaler.
func (k *AgendaRuleKind) UnmarshalText(b []byte) error { return ruleKindText.Unmarshal(k, b) }

// ParseRuleKind returns the kind whose text form is s.
func ParseRuleKind(s string) (AgendaRuleKind, error) { return ruleKindText.Parse(s) }

// AgendaRule is one rule of a shape: a departure from it is a finding with
// the rule's code, severity, message and source.
type AgendaRule struct {
	Code     string                `json:"code"`
	Severity group.FindingSeverity `json:"severity"`
	Kind     AgendaRuleKind        `json:"kind"`
	Segment  SegmentKind           `json:"segment"`
	// Then is the segment that must follow (RuleFollowedBy), or that may
	// come after the last one (RuleEndsWith: session measures after the
	// check-out).
	Then SegmentKind `json:"then,omitzero"`
	// MinSlot applies the rule only to sessions at least this long (a
	// break in long sessions).
	MinSlot time.Duration `json:"minSlot,omitempty"`
	// FromSession applies the rule only from this session of a program on
	// (no homework to review in the first). 0 or 1: every session. When the
	// session's number is not known, the rule applies.
	FromSession int    `json:"fromSession,omitempty"`
	Message     string `json:"message"`
	Source      string `json:"source"`
}

// Shapes is a table of shapes, one row per modality.
type Shapes []Shape

// For returns the row of modality m, or an error wrapping
// group.ErrUnknownModality when the table has none: a missing row is never
// an empty agenda.
func (t Shapes) For(m group.Modality) (Shape, error) {
	for _, sh := range t {
		if sh.Modality == m {
			return sh.clone(), nil
		}
	}
	return Shape{}, &FieldError{Pkg: "session", Path: "modality", Problem: "no session shape for modality " + m.String(), Err: group.ErrUnknownModality}
}

// clone returns a deep copy of sh.
func (sh Shape) clone() Shape {
	sh.Segments = append([]ShapeSegment(nil), sh.Segments...)
	for i := range sh.Segments {
		sh.Segments[i].Steps = append([]Step(nil), sh.Segments[i].Steps...)
	}
	sh.Rules = append([]AgendaRule(nil), sh.Rules...)
	return sh
}

// Validate reports every problem with the shape at once: an unspecified
// modality or source, unknown segment kinds, segments with no way to
// size them, negative lengths, rules without a code, a kind, a severity, a
// message or a source.
func (sh Shape) Validate() error {
	fe := problems()
	if !sh.Modality.IsValid() {
		fe.Add("modality", "must be a specified modality", nil)
	}
	if sh.Source == "" {
		fe.Add("source", "every shape names its source", nil)
	}
	if len(sh.Segments) == 0 {
		fe.Add("segments", "a shape needs at least one segment", nil)
	}
	for i, g := range sh.Segments {
		p := idx("segments", i)
		if !g.Kind.IsValid() {
			fe.Add(p+".kind", "unknown segment kind "+g.Kind.String(), ErrUnknownValue)
		}
		ways := 0
		if len(g.Steps) > 0 {
			ways++
		}
		if g.PerMember > 0 {
			ways++
		}
		if g.Weight > 0 {
			ways++
		}
		if ways != 1 {
			fe.Add(p, "give exactly one of steps, perMember or weight", nil)
		}
		for j, st := range g.Steps {
			if st.From < 0 || st.Length < 0 || j > 0 && st.From <= g.Steps[j-1].From {
				fe.Add(idx(p+".steps", j), "steps must not be negative and must rise by from", nil)
			}
		}
		if g.PerMember < 0 || g.Min < 0 || g.Weight < 0 || !(g.MaxShare >= 0 && g.MaxShare <= 1) || !(g.EndsBy >= 0 && g.EndsBy <= 1) {
			fe.Add(p, "lengths, weights and shares must not be negative; shares at most 1", nil)
		}
	}
	for i, r := range sh.Rules {
		p := idx("rules", i)
		if r.Code == "" || r.Message == "" || r.Source == "" {
			fe.Add(p, "a rule needs a code, a message and a source", nil)
		}
		if !r.Kind.IsValid() {
			fe.Add(p+".kind", "unknown rule kind "+r.Kind.String(), ErrUnknownValue)
		}
		if !r.Severity.IsValid() {
			fe.Add(p+".severity", "must be a specified severity", ErrUnknownValue)
		}
		if !r.Segment.IsValid() || r.Kind == RuleFollowedBy && !r.Then.IsValid() {
			fe.Add(p+".segment", "unknown segment kind", ErrUnknownValue)
		}
	}
	return fe.Err()
}

// shapeSegmentJSON is ShapeSegment's JSON form, with durations as text.
type shapeSegmentJSON struct {
	Kind      SegmentKind `json:"kind"`
	Title     string      `json:"title,omitempty"`
	Steps     []Step      `json:"steps,omitempty"`
	PerMember string      `json:"perMember,omitempty"`
	Min       string      `json:"min,omitempty"`
	MaxShare  float64     `json:"maxShare,omitempty"`
	Weight    int         `json:"weight,omitempty"`
	EndsBy    float64     `json:"endsBy,omitempty"`
}

// MarshalJSON writes the segment with its durations as Go duration text.
func (g ShapeSegment) MarshalJSON() ([]byte, error) {
	return json.Marshal(shapeSegmentJSON{Kind: g.Kind, Title: g.Title, Steps: g.Steps,
		PerMember: durationText(g.PerMember), Min: durationText(g.Min), MaxShare: g.MaxShare, Weight: g.Weight, EndsBy: g.EndsBy})
}

// UnmarshalJSON reads the form MarshalJSON writes; g is unchanged on error.
func (g *ShapeSegment) UnmarshalJSON(b []byte) error {
	var w shapeSegmentJSON
	if err := json.Unmarshal(b, &w); err != nil {
		return err
	}
	x := ShapeSegment{Kind: w.Kind, Title: w.Title, Steps: w.Steps, MaxShare: w.MaxShare, Weight: w.Weight, EndsBy: w.EndsBy}
	fe := problems()
	readDuration(&fe, "perMember", w.PerMember, &x.PerMember)
	readDuration(&fe, "min", w.Min, &x.Min)
	if err := fe.Err(); err != nil {
		return err
	}
	*g = x
	return nil
}

// stepJSON is Step's JSON form.
type stepJSON struct {
	From   string `json:"from"`
	Length string `json:"length"`
}

// MarshalJSON writes the step with its durations as Go duration text.
func (st Step) MarshalJSON() ([]byte, error) {
	return json.Marshal(stepJSON{From: string(appendDuration(nil, st.From)), Length: string(appendDuration(nil, st.Length))})
}

// UnmarshalJSON reads the form MarshalJSON writes; st is unchanged on error.
func (st *Step) UnmarshalJSON(b []byte) error {
	var w stepJSON
	if err := json.Unmarshal(b, &w); err != nil {
		return err
	}
	var x Step
	fe := problems()
	readDuration(&fe, "from", w.From, &x.From)
	readDuration(&fe, "length", w.Length, &x.Length)
	if err := fe.Err(); err != nil {
		return err
	}
	*st = x
	return nil
}

// agendaRuleJSON is AgendaRule's JSON form, with MinSlot as text.
type agendaRuleJSON struct {
	Code        string                `json:"code"`
	Severity    group.FindingSeverity `json:"severity"`
	Kind        AgendaRuleKind        `json:"kind"`
	Segment     SegmentKind           `json:"segment"`
	Then        SegmentKind           `json:"then,omitzero"`
	MinSlot     string                `json:"minSlot,omitempty"`
	FromSession int                   `json:"fromSession,omitempty"`
	Message     string                `json:"message"`
	Source      string                `json:"source"`
}

// MarshalJSON writes the rule with MinSlot as Go duration text.
func (r AgendaRule) MarshalJSON() ([]byte, error) {
	return json.Marshal(agendaRuleJSON{Code: r.Code, Severity: r.Severity, Kind: r.Kind, Segment: r.Segment, Then: r.Then,
		MinSlot: durationText(r.MinSlot), FromSession: r.FromSession, Message: r.Message, Source: r.Source})
}

// UnmarshalJSON reads the form MarshalJSON writes; r is unchanged on error.
func (r *AgendaRule) UnmarshalJSON(b []byte) error {
	var w agendaRuleJSON
	if err := json.Unmarshal(b, &w); err != nil {
		return err
	}
	x := AgendaRule{Code: w.Code, Severity: w.Severity, Kind: w.Kind, Segment: w.Segment, Then: w.Then,
		FromSession: w.FromSession, Message: w.Message, Source: w.Source}
	fe := problems()
	readDuration(&fe, "minSlot", w.MinSlot, &x.MinSlot)
	if err := fe.Err(); err != nil {
		return err
	}
	*r = x
	return nil
}
