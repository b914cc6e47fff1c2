package advice

import (
	"cmp"
	"slices"
	"strings"
	"time"

	"github.com/groupwork/groupwork/dynamics/safety"
	"github.com/groupwork/groupwork/dynamics/stage"
	"github.com/groupwork/groupwork/group"
	"github.com/groupwork/groupwork/internal/vocab/enum"
	"github.com/groupwork/groupwork/internal/vocab/fault"
	"github.com/groupwork/groupwork/session"
)

// Urgency says how soon a recommendation should be acted on. Urgencies
// order from least to most urgent. The zero value is rejected by validation.
type Urgency uint8

// The urgencies.
const (
	UrgencyUnspecified Urgency = iota
	UrgencyRoutine             // (routine) at a natural pause, or take it up next session
	UrgencySoon                // (soon) within this segment
	UrgencyNow                 // (now) at once, before the group moves on
	UrgencyImmediate           // (immediate) stop and act: a safety protocol
)

var urgencyText = enum.Table[Urgency]{Pkg: "advice", Type: "Urgency", Names: []string{
	"unspecified", "routine", "soon", "now", "immediate",
}}

// String returns the urgency's text form.
func (u Urgency) String() string { return urgencyText.String(u) }

// IsValid reports whether u is a specified urgency.
func (u Urgency) IsValid() bool { return urgencyText.Valid(u) }

// MarshalText implements encoding.TextMarshaler.
func (u Urgency) MarshalText() ([]byte, error) { return urgencyText.Marshal(u) }

// UnmarshalText implements encoding.TextUnmarshaler.
func (u *Urgency) UnmarshalText(b []byte) error { return urgencyText.Unmarshal(u, b) }

// ParseUrgency returns the urgency whose text form is s.
func ParseUrgency(s string) (Urgency, error) { return urgencyText.Parse(s) }

// Context is what the rules need to know about the group right now. A
// Monitor fills it from the session; an app calling an Advisor directly
// fills it itself.
type Context struct {
	// Modality is the group's base modality; ModalityUnspecified matches only
	// rules that name no modality.
	Modality group.Modality `json:"modality"`
	// Stage is the group's current stage in any model (stage.Unspecified
	// when unknown: only rules that name no stage match).
	Stage stage.Stage `json:"stage,omitzero"`
	// Leadership is who leads the room now (group.LeadershipOf the
	// facilitators present): it picks the variant of a safety protocol.
	// Unspecified takes the peer-led variant, which hands clinical
	// decisions to professionals rather than assume a clinician is there.
	Leadership group.Leadership `json:"leadership,omitzero"`
	// At is the time of the advice: a safety episode with no time of its
	// own (a detector's finding) dates its follow-up tasks from it.
	At time.Time `json:"at,omitzero"`
	// NextSession is when the group meets again, when known; follow-up
	// tasks due at the next session fall due then.
	NextSession time.Time `json:"nextSession,omitzero"`
	// Safety is the book of safety protocols and the jurisdiction that
	// fills them, shared by rooms; nil means safety.DefaultBook().
	Safety *safety.Book `json:"-"`
}

// Rule maps a situation, in some stages of some modalities, to what the
// facilitator should do. A rule that names no stages matches every stage,
// and one that names no modalities matches every modality. Stages may be
// given in any model: a rule naming StageStorming also matches Corey's
// transition and Yalom's conflict stage (see Equivalent).
//
// What is ordinary in a stage or a modality is a rule too: Expected says
// the situation is expected where the rule applies (dependency on the
// leader while a group forms), so the recommendation says so and comes at
// the rule's urgency, routine for the built-in ones; Suppress says it is
// not raised at all there (abstract talk about the material of a
// psychoeducational group).
//
// Rule round-trips through encoding/json so apps can load their own.
type Rule struct {
	ID            string               `json:"id"`
	Situation     Situation            `json:"situation"`
	Stages        []stage.Stage        `json:"stages,omitempty"`
	Modalities    []group.Modality     `json:"modalities,omitempty"`
	Interventions []session.Skill      `json:"interventions"`
	Steps         []session.SafetyStep `json:"steps,omitempty"`
	Urgency       Urgency              `json:"urgency"`
	Expected      bool                 `json:"expected,omitempty"`
	Suppress      bool                 `json:"suppress,omitempty"`
	Rationale     string               `json:"rationale"`
	Source        string               `json:"source"`
}

// Detection is a situation found in the room, with who is involved and the
// evidence for it. Detectors produce detections; an app may add its own (a
// facilitator's observation, a PHQ-9 item-9 answer given in the session).
type Detection struct {
	Situation Situation `json:"situation"`
	// Members are the members involved, sorted: the monopolizer, the silent
	// member, the two in conflict, the scapegoat's target.
	Members []group.MemberID `json:"members,omitempty"`
	// Facilitators are the facilitators involved, such as the one challenged.
	Facilitators []group.FacilitatorID `json:"facilitators,omitempty"`
	// Confidence is how sure the detector is, from 0 to 1.
	Confidence float64 `json:"confidence"`
	// Evidence is what the detection rests on.
	Evidence []Evidence `json:"evidence,omitempty"`
	// At is when the situation arose, for one raised by an event (an
	// incident, a risk flag); zero for a detector's finding.
	At time.Time `json:"at,omitzero"`
}

// Evidence is one fact a detection rests on: a metric against its
// threshold, and the events that show it. A detection's first piece of
// evidence is its deciding measure.
type Evidence struct {
	Metric    string  `json:"metric"`
	Value     float64 `json:"value"`
	Threshold float64 `json:"threshold"`
	// Margin is how far Value is past Threshold, as a fraction of it, in
	// the direction the metric goes (a silence's talk share falls below
	// its threshold): 0.2 is 20% past, a negative margin is short of it. A
	// Monitor fires on it and clears with hysteresis (see Config.Margin).
	Margin float64 `json:"margin,omitempty"`
	// Events are the sequence numbers (session.Event.Seq) of the events
	// that show it.
	Events []int  `json:"events,omitempty"`
	Note   string `json:"note,omitempty"`
	// Incident is the kind of the incident the evidence is, if it is one.
	Incident session.IncidentKind `json:"incident,omitzero"`
}

// key identifies a detection's episode: the same situation with the same people.
func (d Detection) key() string {
	var b strings.Builder
	b.WriteString(string(d.Situation))
	for _, m := range d.Members {
		b.WriteString("\x00m")
		b.WriteString(string(m))
	}
	for _, f := range d.Facilitators {
		b.WriteString("\x00f")
		b.WriteString(string(f))
	}
	return b.String()
}

// Recommendation is what the facilitator should do about one detection:
// the concern, who is involved, the interventions in order of preference
// (and safety steps, if any), why, on whose authority, and how soon.
// Expected says the situation is ordinary in the group's stage or modality
// (the rule that matched says so, see Rule): the rationale explains it, and
// the urgency is the rule's, routine for the built-in rules.
type Recommendation struct {
	RuleID        string                `json:"rule"`
	Situation     Situation             `json:"situation"`
	Class         Class                 `json:"class"`
	Concern       string                `json:"concern"`
	Members       []group.MemberID      `json:"members,omitempty"`
	Facilitators  []group.FacilitatorID `json:"facilitators,omitempty"`
	Interventions []session.Skill       `json:"interventions,omitempty"`
	Steps         []session.SafetyStep  `json:"steps,omitempty"`
	Advice        string                `json:"advice"`
	Rationale     string                `json:"rationale"`
	Source        string                `json:"source"`
	Urgency       Urgency               `json:"urgency"`
	Expected      bool                  `json:"expected,omitempty"`
	Confidence    float64               `json:"confidence"`
	Evidence      []Evidence            `json:"evidence,omitempty"`
	// Safety is, for a safety situation, its protocol applied to the room:
	// the steps with who takes each and the jurisdiction's numbers, and the
	// follow-up tasks with their due times.
	Safety *safety.Response `json:"safety,omitempty"`
}

// compiledRule is a Rule with its stage set as bit masks, so matching
// allocates nothing.
type compiledRule struct {
	Rule
	exact      uint32 // bit s set: the rule names stage s; 0 = any stage
	equivalent uint32 // bit s set: stage s is a crosswalk equivalent of a named stage
	order      int
}

// score says how well c fits situation s in ctx, or -1 when it does not
// apply. Naming the modality weighs most, because the modality decides what
// is appropriate (a CBT group returns to its agenda in any stage); naming
// the stage exactly beats matching it through the crosswalk, which is only
// an approximate alignment (Corey's transition spans storming and norming).
func (c *compiledRule) score(s Situation, ctx Context) int {
	if c.Situation != s {
		return -1
	}
	n := 0
	if len(c.Modalities) != 0 {
		if !slices.Contains(c.Modalities, ctx.Modality) {
			return -1
		}
		n += 4
	}
	if c.exact != 0 {
		switch {
		case c.exact&(1<<ctx.Stage) != 0:
			n += 2
		case c.equivalent&(1<<ctx.Stage) != 0:
			n++
		default:
			return -1
		}
	}
	return n
}

// Advisor turns detections into ranked recommendations. It remembers which
// episodes are open, so a recommendation fires once when its situation
// appears and again only after the situation has cleared and come back.
//
// The zero value is not usable: build one with NewAdvisor. An Advisor is not
// safe for concurrent use.
type Advisor struct {
	*book
	active map[string]struct{}
	seen   map[string]struct{} // scratch set, reused between calls
}

// book is what an advisor knows: the situations and the compiled rules.
// It is never written after it is built, so advisors share it.
type book struct {
	defs  Definitions
	rules []compiledRule
}

// builtin is the book of the built-in situations and rules, built once when
// the package is loaded and never written after: every monitor without
// situations or rules of its own shares it rather than holding a copy.
var builtin = mustBook()

func mustBook() *book {
	defs := BuiltinDefinitions()
	rules := rulesFor(defs)
	b := &book{defs: defs, rules: make([]compiledRule, len(rules))}
	for i, r := range rules {
		b.rules[i] = compile(r, i)
	}
	return b
}

// newAdvisor returns an advisor reading b.
func newAdvisor(b *book) *Advisor {
	return &Advisor{book: b, active: map[string]struct{}{}, seen: map[string]struct{}{}}
}

// NewAdvisor returns an advisor for the situations of defs (the built-in
// table, or a Detector's, when nil) using the general rule of each
// non-safety situation, the built-in stage and modality variants, then
// rules, the app's own. Among the rules matching a situation the best fit
// wins: a rule naming the modality beats one that does not; then a rule
// naming the stage exactly beats one matching it through the crosswalk,
// which beats one naming no stage. Between equally fitting rules the later
// wins, so an app's rule overrides a built-in one. Rules for safety
// situations cannot be added: the safety protocol is fixed
// (ErrSafetyRule). A rule naming a situation defs does not hold is
// ErrUnknownSituation. All problems are reported at once.
func NewAdvisor(defs Definitions, rules ...Rule) (*Advisor, error) {
	if defs == nil {
		if len(rules) == 0 {
			return newAdvisor(builtin), nil
		}
		defs = builtin.defs
	}
	base := rulesFor(defs)
	errs := problems()
	ids := map[string]bool{}
	for _, r := range base {
		ids[r.ID] = true
	}
	for i, r := range rules {
		path := idx("rules", i)
		checkRule(&errs, path, r)
		d, known := defs.For(r.Situation)
		switch {
		case r.Situation.IsValid() && !known:
			errs.Add(path+".situation", "no situation "+r.Situation.String()+" is defined", ErrUnknownSituation)
		case d.Class == ClassSafety:
			errs.Add(path+".situation", "safety situations follow the fixed protocol and take no custom rules", ErrSafetyRule)
		}
		if ids[r.ID] && r.ID != "" {
			errs.Add(path+".id", "duplicate rule id "+r.ID, ErrInvalidRule)
		}
		ids[r.ID] = true
	}
	if err := errs.Err(); err != nil {
		return nil, err
	}
	all := append(base, rules...)
	b := &book{defs: defs, rules: make([]compiledRule, len(all))}
	for i, r := range all {
		b.rules[i] = compile(r, i)
	}
	return newAdvisor(b), nil
}

func checkRule(errs *fault.List, path string, r Rule) {
	if r.ID == "" {
		errs.Add(path+".id", "empty rule id", ErrInvalidRule)
	}
	if !r.Situation.IsValid() {
		errs.Add(path+".situation", "unspecified or malformed situation", ErrInvalidRule)
	}
	if !r.Urgency.IsValid() && !(r.Suppress && r.Urgency == UrgencyUnspecified) {
		errs.Add(path+".urgency", "unspecified or unknown urgency", ErrInvalidRule) // a rule that raises nothing needs none
	}
	switch {
	case r.Suppress && r.Expected:
		errs.Add(path+".suppress", "a rule either suppresses a situation or says it is expected, not both", ErrInvalidRule)
	case !r.Suppress && len(r.Interventions) == 0 && len(r.Steps) == 0:
		errs.Add(path+".interventions", "a rule must recommend at least one intervention or step", ErrInvalidRule)
	}
	for j, s := range r.Interventions {
		if !s.IsValid() {
			errs.Add(idx(path+".interventions", j), "unknown leader skill", ErrInvalidRule)
		}
	}
	for j, s := range r.Steps {
		if !s.IsValid() {
			errs.Add(idx(path+".steps", j), "unknown safety step", ErrInvalidRule)
		}
	}
	for j, s := range r.Stages {
		if !s.IsValid() {
			errs.Add(idx(path+".stages", j), "unknown stage", ErrInvalidRule)
		}
	}
	for j, m := range r.Modalities {
		if !m.IsValid() {
			errs.Add(idx(path+".modalities", j), "unknown modality", ErrInvalidRule)
		}
	}
	if r.Source == "" {
		errs.Add(path+".source", "every rule names its source", ErrInvalidRule)
	}
}

func compile(r Rule, order int) compiledRule {
	c := compiledRule{Rule: r, order: order}
	for _, s := range r.Stages {
		c.exact |= 1 << s
		for _, m := range stage.Models() {
			for _, e := range stage.Equivalent(s, m) {
				c.equivalent |= 1 << e
			}
		}
	}
	return c
}

// rule returns the best rule for s in ctx, or nil when none matches.
func (a *Advisor) rule(s Situation, ctx Context) *compiledRule {
	var best *compiledRule
	bestScore := -1
	for i := range a.rules {
		c := &a.rules[i]
		// Rules are in order, so >= lets a later rule win a tie.
		if n := c.score(s, ctx); n >= 0 && n >= bestScore {
			best, bestScore = c, n
		}
	}
	return best
}

// Advise returns the recommendations that fire now: one for each detection
// whose episode is new, ranked. Episodes whose detection is absent from this
// call are closed, so they fire again if they come back. Safety situations
// always rank first; then higher urgency, higher confidence, the
// situations' order and members, so the order is deterministic. With no
// detections and no open episodes, Advise allocates nothing.
func (a *Advisor) Advise(ctx Context, detections []Detection) []Recommendation {
	return a.advise(ctx, detections, nil)
}

// advise is Advise with the keys of episodes held open though absent from
// detections (a Monitor's episodes of members who are away).
func (a *Advisor) advise(ctx Context, detections []Detection, held []string) []Recommendation {
	if len(detections) == 0 && len(held) == 0 {
		clear(a.active)
		return nil
	}
	clear(a.seen)
	for _, k := range held {
		if _, open := a.active[k]; open {
			a.seen[k] = struct{}{}
		}
	}
	var out []Recommendation
	for _, d := range detections {
		k := d.key()
		if _, dup := a.seen[k]; dup {
			continue // the first detection of an episode in a call stands for it
		}
		a.seen[k] = struct{}{}
		if _, open := a.active[k]; open {
			continue
		}
		if r, ok := a.Recommend(ctx, d); ok {
			out = append(out, r) // a suppressed situation stays open, unraised
		}
	}
	a.active, a.seen = a.seen, a.active
	a.rank(out)
	return out
}

// Recommend returns the recommendation for one detection in ctx, whether or
// not its episode is open, and false when its situation is unknown, no
// rule matches, or the rule that matches suppresses it.
func (a *Advisor) Recommend(ctx Context, d Detection) (Recommendation, bool) {
	def, ok := a.defs.For(d.Situation)
	if !ok {
		return Recommendation{}, false
	}
	if def.Class == ClassSafety {
		return safetyRecommendation(ctx, def, d), true
	}
	c := a.rule(d.Situation, ctx)
	if c == nil || c.Suppress {
		return Recommendation{}, false
	}
	return Recommendation{
		RuleID:        c.ID,
		Situation:     d.Situation,
		Class:         def.Class,
		Concern:       def.Signs,
		Members:       slices.Clone(d.Members),
		Facilitators:  slices.Clone(d.Facilitators),
		Interventions: slices.Clone(c.Interventions),
		Steps:         slices.Clone(c.Steps),
		Advice:        def.Advice,
		Rationale:     c.Rationale,
		Source:        c.Source,
		Urgency:       c.Urgency,
		Expected:      c.Expected,
		Confidence:    d.Confidence,
		Evidence:      slices.Clone(d.Evidence),
	}, true
}

// rank sorts recommendations in place: safety first, most urgent protocol
// first, then urgency,
// confidence, the situations' order in the advisor's table and members.
func (a *Advisor) rank(recs []Recommendation) {
	order := func(s Situation) int {
		for i := range a.defs {
			if a.defs[i].Situation == s {
				return i
			}
		}
		return len(a.defs)
	}
	slices.SortStableFunc(recs, func(x, y Recommendation) int {
		if c := -cmpBool(x.Class == ClassSafety, y.Class == ClassSafety); c != 0 {
			return c
		}
		if c := cmp.Compare(safetyRank(&x), safetyRank(&y)); c != 0 {
			return c // two safety protocols at once: the more urgent first
		}
		if c := -cmp.Compare(x.Urgency, y.Urgency); c != 0 {
			return c
		}
		if c := -cmp.Compare(x.Confidence, y.Confidence); c != 0 {
			return c
		}
		if c := cmp.Compare(order(x.Situation), order(y.Situation)); c != 0 {
			return c
		}
		return slices.Compare(x.Members, y.Members)
	})
}

func cmpBool(a, b bool) int {
	switch {
	case a == b:
		return 0
	case a:
		return 1
	}
	return -1
}
