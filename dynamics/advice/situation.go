package advice

import (
	"github.com/groupwork/groupwork/dynamics"
	"github.com/groupwork/groupwork/dynamics/safety"
	"github.com/groupwork/groupwork/internal/vocab/enum"
	"github.com/groupwork/groupwork/internal/vocab/fault"
	"github.com/groupwork/groupwork/session"
)

// Situation names something in the room a facilitator may need to act on: a
// member's problem behaviour, a pattern of the group as a whole, a safety
// situation or a breach of the group's rules. The built-in situations are
// the constants below; an app names one of its own (its Definition, with
// its detector, goes into MonitorSpec.Situations). The zero value is
// rejected by validation.
//
// A situation's text form is its value: lower-case letters, digits and
// hyphens, starting with a letter, at most 64 bytes.
type Situation string

// The built-in situations: twelve member behaviours and four group
// patterns; the safety situations follow (see safety.go, and
// BuiltinDefinitions for each one's signs, detector and sources).
const (
	SituationSilence           Situation = "silence"
	SituationMonopolizing      Situation = "monopolizing"
	SituationStorytelling      Situation = "storytelling"
	SituationQuestioning       Situation = "questioning"
	SituationAdviceGiving      Situation = "advice-giving"
	SituationBandAiding        Situation = "band-aiding"
	SituationHostility         Situation = "hostility"
	SituationActingSuperior    Situation = "acting-superior"
	SituationSocializing       Situation = "socializing"
	SituationIntellectualizing Situation = "intellectualizing"
	SituationEmotionality      Situation = "emotionality"
	SituationDependency        Situation = "dependency"
	SituationScapegoating      Situation = "scapegoating"
	SituationSubgrouping       Situation = "subgrouping"
	SituationLeaderChallenge   Situation = "leader-challenge"
	SituationMemberConflict    Situation = "member-conflict"
)

// String returns the situation's text form, "unspecified" for the zero value.
func (s Situation) String() string {
	if s == "" {
		return "unspecified"
	}
	return string(s)
}

// IsValid reports whether s is well formed and specified.
func (s Situation) IsValid() bool {
	if len(s) == 0 || len(s) > 64 || s == "unspecified" || s[0] < 'a' || s[0] > 'z' {
		return false
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-') {
			return false
		}
	}
	return true
}

// MarshalText implements encoding.TextMarshaler; a malformed situation is
// an error.
func (s Situation) MarshalText() ([]byte, error) {
	if s != "" && !s.IsValid() {
		return nil, &ParseError{Pkg: "advice", Type: "Situation", Text: string(s)}
	}
	return []byte(s.String()), nil
}

// UnmarshalText implements encoding.TextUnmarshaler; s is unchanged on error.
func (s *Situation) UnmarshalText(b []byte) error {
	x, err := ParseSituation(string(b))
	if err != nil {
		return err
	}
	*s = x
	return nil
}

// ParseSituation returns the situation whose text form is text: a built-in,
// an app's own well-formed name, or "unspecified" for the zero value.
func ParseSituation(text string) (Situation, error) {
	if text == "unspecified" {
		return "", nil
	}
	if s := Situation(text); s.IsValid() {
		return s, nil
	}
	return "", &ParseError{Pkg: "advice", Type: "Situation", Text: text}
}

// Class says what kind of situation a Definition describes. The zero value
// is rejected by validation.
type Class uint8

// The classes.
const (
	ClassUnspecified Class = iota // (unspecified)
	ClassBehaviour                // (behaviour) one member's problem behaviour
	ClassPattern                  // (pattern) a pattern of the group as a whole
	ClassSafety                   // (safety) someone's safety is at risk: a fixed protocol, ranked first, never suppressed
	ClassConduct                  // (conduct) a breach of the group's agreement
)

var classText = enum.Table[Class]{Pkg: "advice", Type: "Class", Names: []string{
	"unspecified", "behaviour", "pattern", "safety", "conduct",
}}

// String returns the class's text form.
func (c Class) String() string { return classText.String(c) }

// IsValid reports whether c is a specified class.
func (c Class) IsValid() bool { return classText.Valid(c) }

// MarshalText implements encoding.TextMarshaler.
func (c Class) MarshalText() ([]byte, error) { return classText.Marshal(c) }

// UnmarshalText implements encoding.TextUnmarshaler.
func (c *Class) UnmarshalText(b []byte) error { return classText.Unmarshal(c, b) }

// ParseClass returns the class whose text form is s.
func ParseClass(s string) (Class, error) { return classText.Parse(s) }

// Detect is a situation's detector: it appends to out what the snapshot
// shows of the situation, measured against the configured thresholds, and
// returns the extended slice. Each detection's first piece of evidence is
// its deciding measure with its Margin: a detector reports a measure past
// its threshold, and may report one up to Config.Margin short of it, so
// that a Monitor keeps an episode open while the measure hovers (see
// Config.Margin; Detector.Detect leaves such reports out). It should read
// the talk-expected figures of dynamics.Participation and advise only
// about members present. It must not keep s or out, and should allocate
// only for what it finds.
type Detect func(s *dynamics.Snapshot, c Config, out []Detection) []Detection

// Definition is everything the library knows about one situation, as one
// row: how it shows itself, what to do and on whose authority, how soon,
// and how to find it. BuiltinDefinitions holds the built-in rows; an app
// adds its own through MonitorSpec.Situations. Definition round-trips
// through encoding/json without its Detect function.
type Definition struct {
	Situation Situation `json:"situation"`
	Class     Class     `json:"class"`
	// Signs says how the situation shows itself, in words.
	Signs string `json:"signs"`
	// Interventions are the leader skills the sources recommend, most
	// preferred first; Steps the protocol steps, if any.
	Interventions []session.Skill      `json:"interventions,omitempty"`
	Steps         []session.SafetyStep `json:"steps,omitempty"`
	// Advice is the guidance in words, including what no single skill names.
	Advice string `json:"advice"`
	// Urgency is how soon the general rule says to act.
	Urgency Urgency `json:"urgency"`
	// CountBased says the detector counts acts that only accumulate in a
	// session: the situation fires when the count reaches its threshold,
	// and an episode restarts from the count it had when a facilitator
	// intervenes with someone involved (see Monitor). Other measures move
	// both ways, and a Monitor settles on them with Config.Margin and
	// Config.Hold.
	CountBased bool `json:"countBased,omitempty"`
	// Incidents are the session incidents that raise the situation.
	Incidents []session.IncidentKind `json:"incidents,omitempty"`
	// Shows says which turns of the people involved show the situation,
	// for the evidence a recommendation cites.
	Shows Shows `json:"shows"`
	// Detect finds the situation in a snapshot; nil when nothing in the
	// event stream shows it (a facilitator or an incident raises it).
	Detect Detect `json:"-"`
	// Citation is the short reference ("Clark 2002"); Source the full one.
	Citation string `json:"citation"`
	Source   string `json:"source"`
	// Protocol is the safety protocol a safety situation runs (see
	// dynamics/safety), and empty for every other class.
	Protocol safety.ProtocolID `json:"protocol,omitempty"`
}

// Shows says which turns show a situation: turns said by the people
// involved (or, with Heard, aimed at them), aimed at (or, heard, said by) a
// kind of party, with an act in Acts or a tag among Tags (any turn when
// neither is set), or a band-aid (a positive act right after another
// member's tension act); with Between, only turns between the two members
// involved. None means the situation shows in what is missing (silence),
// so no turn is cited.
type Shows struct {
	None    bool              `json:"none,omitempty"`
	Heard   bool              `json:"heard,omitempty"`
	Party   session.PartyKind `json:"party,omitzero"`
	Acts    dynamics.ActSet   `json:"acts,omitempty"`
	Tags    session.Tags      `json:"tags,omitzero"`
	BandAid bool              `json:"bandAid,omitempty"`
	Between bool              `json:"between,omitempty"`
}

// Definitions is a table of situations, in the order recommendations of
// equal rank list them.
type Definitions []Definition

// For returns the row of situation s, and false when the table has none.
func (t Definitions) For(s Situation) (Definition, bool) {
	for _, d := range t {
		if d.Situation == s {
			return d.clone(), true
		}
	}
	return Definition{}, false
}

// clone returns d with its slices copied.
func (d Definition) clone() Definition {
	d.Interventions = append([]session.Skill(nil), d.Interventions...)
	d.Steps = append([]session.SafetyStep(nil), d.Steps...)
	d.Incidents = append([]session.IncidentKind(nil), d.Incidents...)
	return d
}

// validate adds every problem with d to fe, under path.
func (d Definition) validate(fe *fault.List, path string) {
	if !d.Situation.IsValid() {
		fe.Add(path+".situation", "unspecified or malformed situation", ErrInvalidSituation)
	}
	if !d.Class.IsValid() {
		fe.Add(path+".class", "unspecified or unknown class", ErrInvalidSituation)
	}
	if !d.Urgency.IsValid() {
		fe.Add(path+".urgency", "unspecified or unknown urgency", ErrInvalidSituation)
	}
	if d.Signs == "" || d.Advice == "" || d.Source == "" || d.Citation == "" {
		fe.Add(path, "a situation says its signs, its advice, its citation and its source", ErrInvalidSituation)
	}
	if len(d.Interventions) == 0 && len(d.Steps) == 0 {
		fe.Add(path+".interventions", "a situation recommends at least one intervention or step", ErrInvalidSituation)
	}
	for j, s := range d.Interventions {
		if !s.IsValid() {
			fe.Add(idx(path+".interventions", j), "unknown leader skill", ErrInvalidSituation)
		}
	}
	for j, s := range d.Steps {
		if !s.IsValid() {
			fe.Add(idx(path+".steps", j), "unknown safety step", ErrInvalidSituation)
		}
	}
	for j, k := range d.Incidents {
		if !k.IsValid() {
			fe.Add(idx(path+".incidents", j), "unknown incident kind", ErrInvalidSituation)
		}
	}
	if (d.Class == ClassSafety) != d.Protocol.IsValid() {
		fe.Add(path+".protocol", "a safety situation, and only one, names the protocol it runs", ErrInvalidSituation)
	}
}
