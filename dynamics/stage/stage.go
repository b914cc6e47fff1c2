package stage

import (
	"github.com/groupwork/groupwork/internal/vocab/enum"
)

// Model is a published model of group development. The zero value,
// ModelUnspecified, is rejected by validation.
//
// Sources: Tuckman, B. W. (1965), Developmental sequence in small groups,
// Psychological Bulletin 63(6); Tuckman & Jensen (1977) added adjourning.
// Corey, Corey & Corey, Groups: Process and Practice (six stages). Yalom &
// Leszcz (2005), The Theory and Practice of Group Psychotherapy, ch. 11.
// See docs/reference/stages.md.
type Model uint8

// The stage models.
const (
	ModelUnspecified Model = iota // (unspecified)
	Tuckman                       // (tuckman) forming, storming, norming, performing, adjourning
	Corey                         // (corey) pre-group, initial, transition, working, final, post-group
	Yalom                         // (yalom) orientation; conflict; cohesiveness; termination
)

var modelText = enum.Table[Model]{Pkg: "stage", Type: "Model", Names: []string{"unspecified", "tuckman", "corey", "yalom"}}

// Models returns every specified model in declaration order.
func Models() []Model { return modelText.Values() }

// String returns the model's text form.
func (m Model) String() string { return modelText.String(m) }

// IsValid reports whether m is a specified model.
func (m Model) IsValid() bool { return modelText.Valid(m) }

// MarshalText implements encoding.TextMarshaler.
func (m Model) MarshalText() ([]byte, error) { return modelText.Marshal(m) }

// UnmarshalText implements encoding.TextUnmarshaler; m is unchanged on error.
func (m *Model) UnmarshalText(b []byte) error { return modelText.Unmarshal(m, b) }

// ParseModel returns the model whose text form is s.
func ParseModel(s string) (Model, error) { return modelText.Parse(s) }

// Stage is one stage of one of the three models. The stages of all models
// share this type so that a stage history can hold any of them; Model says
// which model a stage belongs to and Order where it falls in it. The zero
// value, Unspecified, is rejected by validation.
//
// Sources: Tuckman (1965) and Tuckman & Jensen (1977); Corey (2012), chs.
// 4-5, and Corey, Corey & Corey (2018); Yalom & Leszcz (2005), ch. 11.
type Stage uint8

// The stages, model by model, in each model's order.
const (
	Unspecified Stage = iota // (unspecified)

	Forming    // (forming) Tuckman 1
	Storming   // (storming) Tuckman 2
	Norming    // (norming) Tuckman 3
	Performing // (performing) Tuckman 4
	Adjourning // (adjourning) Tuckman 5, added in 1977

	PreGroup   // (pre-group) Corey 1
	Initial    // (initial) Corey 2
	Transition // (transition) Corey 3
	Working    // (working) Corey 4
	Final      // (final) Corey 5
	PostGroup  // (post-group) Corey 6

	Orientation  // (orientation) Yalom 1
	Conflict     // (conflict) Yalom 2: conflict, dominance and rebellion
	Cohesiveness // (cohesiveness) Yalom 3: development of cohesiveness
	Termination  // (termination) Yalom 4
)

var stageText = enum.Table[Stage]{Pkg: "stage", Type: "Stage", Names: []string{
	"unspecified",
	"forming", "storming", "norming", "performing", "adjourning",
	"pre-group", "initial", "transition", "working", "final", "post-group",
	"orientation", "conflict", "cohesiveness", "termination",
}}

// All returns every specified stage of every model in declaration order.
func All() []Stage { return stageText.Values() }

// String returns the stage's text form.
func (s Stage) String() string { return stageText.String(s) }

// IsValid reports whether s is a specified stage.
func (s Stage) IsValid() bool { return stageText.Valid(s) }

// MarshalText implements encoding.TextMarshaler.
func (s Stage) MarshalText() ([]byte, error) { return stageText.Marshal(s) }

// UnmarshalText implements encoding.TextUnmarshaler; s is unchanged on error.
func (s *Stage) UnmarshalText(b []byte) error { return stageText.Unmarshal(s, b) }

// Parse returns the stage whose text form is s.
func Parse(s string) (Stage, error) { return stageText.Parse(s) }

// Model returns the model s belongs to, or ModelUnspecified for an invalid stage.
func (s Stage) Model() Model {
	switch {
	case s >= Forming && s <= Adjourning:
		return Tuckman
	case s >= PreGroup && s <= PostGroup:
		return Corey
	case s >= Orientation && s <= Termination:
		return Yalom
	}
	return ModelUnspecified
}

// Order returns s's 1-based position in its model, or 0 for an invalid
// stage. A later stage of the same model has a larger order; a stage
// history calls a move to a smaller order a regression.
func (s Stage) Order() int {
	switch s.Model() {
	case Tuckman:
		return int(s-Forming) + 1
	case Corey:
		return int(s-PreGroup) + 1
	case Yalom:
		return int(s-Orientation) + 1
	}
	return 0
}

// Stages returns the stages of m in order, or nil for an invalid model.
func (m Model) Stages() []Stage {
	var first, last Stage
	switch m {
	case Tuckman:
		first, last = Forming, Adjourning
	case Corey:
		first, last = PreGroup, PostGroup
	case Yalom:
		first, last = Orientation, Termination
	default:
		return nil
	}
	out := make([]Stage, 0, last-first+1)
	for s := first; s <= last; s++ {
		out = append(out, s)
	}
	return out
}

// Info describes one stage: what members do, what the leader does, and
// what an observer sees. It is plain data; apps may build their own.
type Info struct {
	Stage       Stage    `json:"stage"`
	Name        string   `json:"name"`        // the name the source uses
	Behaviour   []string `json:"behaviour"`   // characteristic member behaviour
	LeaderTasks []string `json:"leaderTasks"` // the leader's emphasis in this stage
	Indicators  []string `json:"indicators"`  // observable signs, as the estimate uses them
	Source      string   `json:"source"`
}

// ModelInfo is one model of group development as data: its stages in order.
type ModelInfo struct {
	Model  Model  `json:"model"`
	Name   string `json:"name"`
	Source string `json:"source"`
	Stages []Info `json:"stages"`
}

// The sources of the three models.
const (
	sourceTuckman = "Tuckman, B. W. (1965). Developmental sequence in small groups. Psychological Bulletin, 63(6); Tuckman, B. W. & Jensen, M. A. C. (1977). Stages of small-group development revisited. Group & Organization Studies, 2(4)"
	sourceCorey   = "Corey, G. (2012). Theory and Practice of Group Counseling, 8th ed., chs. 4-5; Corey, M. S., Corey, G. & Corey, C. (2018). Groups: Process and Practice, 10th ed. (stages of group development)"
	sourceYalom   = "Yalom, I. D. & Leszcz, M. (2005). The Theory and Practice of Group Psychotherapy, 5th ed., ch. 11"
)

// Leader emphasis by stage, shared across the models: Corey (2012), chs.
// 4-5; Corey, Corey & Corey (2018); Yalom & Leszcz (2005), chs. 5, 11-12;
// SAMHSA TIP 41 (2005), ch. 4 (phase-specific tasks).
var (
	tasksEarly    = []string{"give structure", "clarify purpose", "teach norms", "model", "help members set concrete goals"}
	tasksConflict = []string{"normalize conflict", "keep it safe", "deal with challenges to the leader directly and without defensiveness", "explore resistance"}
	tasksWork     = []string{"reinforce norms", "link common themes", "support risk-taking", "turn insight into action", "share leadership"}
	tasksEnd      = []string{"help face the ending", "consolidate and generalize learning", "finish unfinished business", "remind that confidentiality continues", "plan follow-up and referrals"}
)

// BuiltinModel returns a fresh copy of the built-in description of m, and
// false for an invalid model. Source: the model's own publication, named in
// the result.
func BuiltinModel(m Model) (ModelInfo, bool) {
	l := func(s []string) []string { return append([]string(nil), s...) }
	switch m {
	case Tuckman:
		return ModelInfo{Model: m, Name: "Tuckman", Source: sourceTuckman, Stages: []Info{
			{Forming, "forming", []string{"polite", "guarded", "look to the leader", "norms being set"}, l(tasksEarly),
				[]string{"many member-to-leader acts", "questions and orientation (IPA 6-9)", "first sessions"}, sourceTuckman},
			{Storming, "storming", []string{"conflict", "resisting the leader", "competition for status", "subgroups"}, l(tasksConflict),
				[]string{"rise in disagreement, tension and antagonism (IPA 10-12)", "challenges to the leader", "GCQ-S conflict peaks", "lateness and absence spikes"}, sourceTuckman},
			{Norming, "norming", []string{"cohesion", "accepted norms and roles", "\"we\" language"}, l(tasksWork),
				[]string{"conflict falling from its peak", "GCQ-S engagement rising", "more member-to-member talk"}, sourceTuckman},
			{Performing, "performing", []string{"flexible roles", "trusting atmosphere", "productive work"}, l(tasksWork),
				[]string{"member-to-member talk", "self-disclosure", "feedback", "high GCQ-S engagement"}, sourceTuckman},
			{Adjourning, "adjourning", []string{"disengagement", "evaluation", "separation feelings"}, l(tasksEnd),
				[]string{"last sessions of the program"}, sourceTuckman},
		}}, true
	case Corey:
		return ModelInfo{Model: m, Name: "Corey", Source: sourceCorey, Stages: []Info{
			{PreGroup, "pre-group", []string{"proposal", "recruiting", "screening", "consent", "orientation"},
				[]string{"plan the group", "screen and select members", "obtain informed consent", "prepare members"},
				[]string{"no session has met yet"}, sourceCorey},
			{Initial, "initial", []string{"orientation and exploration", "trust vs mistrust", "there-and-then talk", "many questions to the leader"}, l(tasksEarly),
				[]string{"many member-to-leader acts", "questions (IPA 7-9)", "there-and-then tags", "first sessions"}, sourceCorey},
			{Transition, "transition", []string{"anxiety", "defensiveness", "struggle for control", "challenges to the leader", "lateness and absence"}, l(tasksConflict),
				[]string{"IPA 10-12 rising", "IPA 10/12 aimed at a facilitator", "lateness and absence spikes"}, sourceCorey},
			{Working, "working", []string{"here-and-now focus", "self-disclosure", "member-to-member feedback", "insight into action"}, l(tasksWork),
				[]string{"member-to-member talk", "self-disclosure and feedback tags", "here-and-now tags"}, sourceCorey},
			{Final, "final", []string{"consolidation", "separation", "generalizing learning", "unfinished business"}, l(tasksEnd),
				[]string{"last sessions of the program"}, sourceCorey},
			{PostGroup, "post-group", []string{"evaluation", "follow-up"},
				[]string{"evaluate outcomes", "hold follow-up", "make referrals"},
				[]string{"the program has ended"}, sourceCorey},
		}}, true
	case Yalom:
		return ModelInfo{Model: m, Name: "Yalom", Source: sourceYalom, Stages: []Info{
			{Orientation, "orientation", []string{"hesitant participation", "search for meaning", "dependency on the leader", "advice giving"}, l(tasksEarly),
				[]string{"many member-to-leader acts", "advice (IPA 4, advice tags)", "first sessions"}, sourceYalom},
			{Conflict, "conflict, dominance and rebellion", []string{"conflict", "dominance", "rebellion against the leader"}, l(tasksConflict),
				[]string{"IPA 10-12 rising", "challenges to the leader"}, sourceYalom},
			{Cohesiveness, "development of cohesiveness", []string{"cohesion", "mutual support", "mature work"}, l(tasksWork),
				[]string{"member-to-member talk", "self-disclosure", "feedback", "GCQ-S engagement rising"}, sourceYalom},
			{Termination, "termination", []string{"separation", "grief", "review of the work"}, l(tasksEnd),
				[]string{"last sessions of the program"}, sourceYalom},
		}}, true
	}
	return ModelInfo{}, false
}

// BuiltinModels returns fresh copies of the three built-in models.
func BuiltinModels() []ModelInfo {
	out := make([]ModelInfo, 0, 3)
	for _, m := range Models() {
		sm, _ := BuiltinModel(m)
		out = append(out, sm)
	}
	return out
}

// CrosswalkRow is one row of the crosswalk between the three models: the
// stages that describe the same period of a group's life. A model with no
// stage for the period has none listed.
type CrosswalkRow struct {
	Tuckman []Stage `json:"tuckman"`
	Corey   []Stage `json:"corey"`
	Yalom   []Stage `json:"yalom"`
	Note    string  `json:"note,omitempty"`
}

// Crosswalk returns the crosswalk between Tuckman, Corey and Yalom, one row
// per period, in the order a group lives them (see
// docs/reference/stages.md#the-crosswalk). Stages
// overlap and groups regress (Yalom describes a spiral), so the rows are an
// approximate alignment, not an identity.
func Crosswalk() []CrosswalkRow {
	return []CrosswalkRow{
		{Corey: []Stage{PreGroup}, Note: "before the first session; Yalom treats selection and preparation as the leader's work, not a stage"},
		{Tuckman: []Stage{Forming}, Corey: []Stage{Initial}, Yalom: []Stage{Orientation}},
		{Tuckman: []Stage{Storming}, Corey: []Stage{Transition}, Yalom: []Stage{Conflict}},
		{Tuckman: []Stage{Norming}, Corey: []Stage{Transition, Working}, Yalom: []Stage{Cohesiveness}, Note: "Corey: late transition into working"},
		{Tuckman: []Stage{Performing}, Corey: []Stage{Working}, Yalom: []Stage{Cohesiveness}, Note: "Yalom: mature work"},
		{Tuckman: []Stage{Adjourning}, Corey: []Stage{Final, PostGroup}, Yalom: []Stage{Termination}},
	}
}

// Equivalent returns the stages of model m that the crosswalk aligns with
// s, in m's order without repeats; nil when s is invalid, m is invalid or m
// has no stage for that period.
func Equivalent(s Stage, m Model) []Stage {
	if !s.IsValid() || !m.IsValid() {
		return nil
	}
	var seen [len16]bool
	for _, row := range Crosswalk() {
		if !contains(row.in(s.Model()), s) {
			continue
		}
		for _, t := range row.in(m) {
			seen[t] = true
		}
	}
	var out []Stage
	for _, t := range m.Stages() {
		if seen[t] {
			out = append(out, t)
		}
	}
	return out
}

// len16 bounds the stage values for small lookup arrays.
const len16 = int(Termination) + 1

func (r CrosswalkRow) in(m Model) []Stage {
	switch m {
	case Tuckman:
		return r.Tuckman
	case Corey:
		return r.Corey
	case Yalom:
		return r.Yalom
	}
	return nil
}

func contains(list []Stage, s Stage) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// In returns the stage of model m that stands for s: s itself when it is of
// m; otherwise the one stage the crosswalk's equivalents come down to, or
// Unspecified when m has no stage for that period (Corey's pre-group
// in Tuckman's or Yalom's model). Where the crosswalk gives two, the choice
// follows the crosswalk: Tuckman's norming is Corey's late transition
// into working, so working, and so is Yalom's cohesiveness; Corey's
// transition is Tuckman's storming and his working is performing; Yalom's
// development of cohesiveness begins as Tuckman's norming.
func (s Stage) In(m Model) Stage {
	if !s.IsValid() || !m.IsValid() {
		return Unspecified
	}
	if s.Model() == m {
		return s
	}
	switch {
	case (s == Norming || s == Cohesiveness) && m == Corey:
		return Working
	case s == Transition && m == Tuckman:
		return Storming
	case s == Working && m == Tuckman:
		return Performing
	case s == Cohesiveness && m == Tuckman:
		return Norming
	}
	eq := Equivalent(s, m)
	if len(eq) == 0 {
		return Unspecified
	}
	return eq[0]
}
