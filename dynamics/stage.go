package dynamics

import (
	"github.com/groupwork/groupwork/internal/vocab/enum"
)

// Model is a published model of group development. The zero value,
// ModelUnspecified, is rejected by validation.
//
// Sources: Tuckman, B. W. (1965), Developmental sequence in small groups,
// Psychological Bulletin 63(6); Tuckman & Jensen (1977) added adjourning.
// Corey, Corey & Corey, Groups: Process and Practice (six stages). Yalom &
// Leszcz (2005), The Theory and Practice of Group Psychotherapy, ch. 11
// (DOMAIN.md section 2).
type Model uint8

// The stage models.
const (
	ModelUnspecified Model = iota // (unspecified)
	ModelTuckman                  // (tuckman) forming, storming, norming, performing, adjourning
	ModelCorey                    // (corey) pre-group, initial, transition, working, final, post-group
	ModelYalom                    // (yalom) orientation; conflict; cohesiveness; termination
)

var modelText = enum.Table[Model]{Pkg: "dynamics", Type: "Model", Names: []string{"unspecified", "tuckman", "corey", "yalom"}}

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
// value, StageUnspecified, is rejected by validation.
//
// Source: DOMAIN.md section 2 (Tuckman 1965 and Tuckman & Jensen 1977;
// Corey, Corey & Corey; Yalom & Leszcz 2005).
type Stage uint8

// The stages, model by model, in each model's order.
const (
	StageUnspecified Stage = iota // (unspecified)

	StageForming    // (forming) Tuckman 1
	StageStorming   // (storming) Tuckman 2
	StageNorming    // (norming) Tuckman 3
	StagePerforming // (performing) Tuckman 4
	StageAdjourning // (adjourning) Tuckman 5, added in 1977

	StagePreGroup   // (pre-group) Corey 1
	StageInitial    // (initial) Corey 2
	StageTransition // (transition) Corey 3
	StageWorking    // (working) Corey 4
	StageFinal      // (final) Corey 5
	StagePostGroup  // (post-group) Corey 6

	StageOrientation  // (orientation) Yalom 1
	StageConflict     // (conflict) Yalom 2: conflict, dominance and rebellion
	StageCohesiveness // (cohesiveness) Yalom 3: development of cohesiveness
	StageTermination  // (termination) Yalom 4
)

var stageText = enum.Table[Stage]{Pkg: "dynamics", Type: "Stage", Names: []string{
	"unspecified",
	"forming", "storming", "norming", "performing", "adjourning",
	"pre-group", "initial", "transition", "working", "final", "post-group",
	"orientation", "conflict", "cohesiveness", "termination",
}}

// Stages returns every specified stage of every model in declaration order.
func Stages() []Stage { return stageText.Values() }

// String returns the stage's text form.
func (s Stage) String() string { return stageText.String(s) }

// IsValid reports whether s is a specified stage.
func (s Stage) IsValid() bool { return stageText.Valid(s) }

// MarshalText implements encoding.TextMarshaler.
func (s Stage) MarshalText() ([]byte, error) { return stageText.Marshal(s) }

// UnmarshalText implements encoding.TextUnmarshaler; s is unchanged on error.
func (s *Stage) UnmarshalText(b []byte) error { return stageText.Unmarshal(s, b) }

// ParseStage returns the stage whose text form is s.
func ParseStage(s string) (Stage, error) { return stageText.Parse(s) }

// Model returns the model s belongs to, or ModelUnspecified for an invalid stage.
func (s Stage) Model() Model {
	switch {
	case s >= StageForming && s <= StageAdjourning:
		return ModelTuckman
	case s >= StagePreGroup && s <= StagePostGroup:
		return ModelCorey
	case s >= StageOrientation && s <= StageTermination:
		return ModelYalom
	}
	return ModelUnspecified
}

// Order returns s's 1-based position in its model, or 0 for an invalid
// stage. A later stage of the same model has a larger order; a stage
// history calls a move to a smaller order a regression.
func (s Stage) Order() int {
	switch s.Model() {
	case ModelTuckman:
		return int(s-StageForming) + 1
	case ModelCorey:
		return int(s-StagePreGroup) + 1
	case ModelYalom:
		return int(s-StageOrientation) + 1
	}
	return 0
}

// Stages returns the stages of m in order, or nil for an invalid model.
func (m Model) Stages() []Stage {
	var first, last Stage
	switch m {
	case ModelTuckman:
		first, last = StageForming, StageAdjourning
	case ModelCorey:
		first, last = StagePreGroup, StagePostGroup
	case ModelYalom:
		first, last = StageOrientation, StageTermination
	default:
		return nil
	}
	out := make([]Stage, 0, last-first+1)
	for s := first; s <= last; s++ {
		out = append(out, s)
	}
	return out
}

// StageInfo describes one stage: what members do, what the leader does, and
// what an observer sees. It is plain data; apps may build their own.
type StageInfo struct {
	Stage       Stage    `json:"stage"`
	Name        string   `json:"name"`        // the name the source uses
	Behaviour   []string `json:"behaviour"`   // characteristic member behaviour
	LeaderTasks []string `json:"leaderTasks"` // the leader's emphasis in this stage
	Indicators  []string `json:"indicators"`  // observable signs, as the estimate uses them
	Source      string   `json:"source"`
}

// StageModel is one model of group development as data: its stages in order.
type StageModel struct {
	Model  Model       `json:"model"`
	Name   string      `json:"name"`
	Source string      `json:"source"`
	Stages []StageInfo `json:"stages"`
}

// The sources of the three models (DOMAIN.md section 2).
const (
	sourceTuckman = "Tuckman, B. W. (1965). Developmental sequence in small groups. Psychological Bulletin, 63(6); Tuckman, B. W. & Jensen, M. A. C. (1977). Stages of small-group development revisited. Group & Organization Studies, 2(4)"
	sourceCorey   = "Corey, M. S., Corey, G. & Corey, C. Groups: Process and Practice (stages of group development)"
	sourceYalom   = "Yalom, I. D. & Leszcz, M. (2005). The Theory and Practice of Group Psychotherapy, 5th ed., ch. 11"
)

// Leader emphasis by stage, shared across the models (DOMAIN.md section 2).
var (
	tasksEarly    = []string{"give structure", "clarify purpose", "teach norms", "model", "help members set concrete goals"}
	tasksConflict = []string{"normalize conflict", "keep it safe", "deal with challenges to the leader directly and without defensiveness", "explore resistance"}
	tasksWork     = []string{"reinforce norms", "link common themes", "support risk-taking", "turn insight into action", "share leadership"}
	tasksEnd      = []string{"help face the ending", "consolidate and generalize learning", "finish unfinished business", "remind that confidentiality continues", "plan follow-up and referrals"}
)

// BuiltinModel returns a fresh copy of the built-in description of m, and
// false for an invalid model. Source: DOMAIN.md section 2 and the model's
// own source named in the result.
func BuiltinModel(m Model) (StageModel, bool) {
	l := func(s []string) []string { return append([]string(nil), s...) }
	switch m {
	case ModelTuckman:
		return StageModel{Model: m, Name: "Tuckman", Source: sourceTuckman, Stages: []StageInfo{
			{StageForming, "forming", []string{"polite", "guarded", "look to the leader", "norms being set"}, l(tasksEarly),
				[]string{"many member-to-leader acts", "questions and orientation (IPA 6-9)", "first sessions"}, sourceTuckman},
			{StageStorming, "storming", []string{"conflict", "resisting the leader", "competition for status", "subgroups"}, l(tasksConflict),
				[]string{"rise in disagreement, tension and antagonism (IPA 10-12)", "challenges to the leader", "GCQ-S conflict peaks", "lateness and absence spikes"}, sourceTuckman},
			{StageNorming, "norming", []string{"cohesion", "accepted norms and roles", "\"we\" language"}, l(tasksWork),
				[]string{"conflict falling from its peak", "GCQ-S engagement rising", "more member-to-member talk"}, sourceTuckman},
			{StagePerforming, "performing", []string{"flexible roles", "trusting atmosphere", "productive work"}, l(tasksWork),
				[]string{"member-to-member talk", "self-disclosure", "feedback", "high GCQ-S engagement"}, sourceTuckman},
			{StageAdjourning, "adjourning", []string{"disengagement", "evaluation", "separation feelings"}, l(tasksEnd),
				[]string{"last sessions of the program"}, sourceTuckman},
		}}, true
	case ModelCorey:
		return StageModel{Model: m, Name: "Corey", Source: sourceCorey, Stages: []StageInfo{
			{StagePreGroup, "pre-group", []string{"proposal", "recruiting", "screening", "consent", "orientation"},
				[]string{"plan the group", "screen and select members", "obtain informed consent", "prepare members"},
				[]string{"no session has met yet"}, sourceCorey},
			{StageInitial, "initial", []string{"orientation and exploration", "trust vs mistrust", "there-and-then talk", "many questions to the leader"}, l(tasksEarly),
				[]string{"many member-to-leader acts", "questions (IPA 7-9)", "there-and-then tags", "first sessions"}, sourceCorey},
			{StageTransition, "transition", []string{"anxiety", "defensiveness", "struggle for control", "challenges to the leader", "lateness and absence"}, l(tasksConflict),
				[]string{"IPA 10-12 rising", "IPA 10/12 aimed at a facilitator", "lateness and absence spikes"}, sourceCorey},
			{StageWorking, "working", []string{"here-and-now focus", "self-disclosure", "member-to-member feedback", "insight into action"}, l(tasksWork),
				[]string{"member-to-member talk", "self-disclosure and feedback tags", "here-and-now tags"}, sourceCorey},
			{StageFinal, "final", []string{"consolidation", "separation", "generalizing learning", "unfinished business"}, l(tasksEnd),
				[]string{"last sessions of the program"}, sourceCorey},
			{StagePostGroup, "post-group", []string{"evaluation", "follow-up"},
				[]string{"evaluate outcomes", "hold follow-up", "make referrals"},
				[]string{"the program has ended"}, sourceCorey},
		}}, true
	case ModelYalom:
		return StageModel{Model: m, Name: "Yalom", Source: sourceYalom, Stages: []StageInfo{
			{StageOrientation, "orientation", []string{"hesitant participation", "search for meaning", "dependency on the leader", "advice giving"}, l(tasksEarly),
				[]string{"many member-to-leader acts", "advice (IPA 4, advice tags)", "first sessions"}, sourceYalom},
			{StageConflict, "conflict, dominance and rebellion", []string{"conflict", "dominance", "rebellion against the leader"}, l(tasksConflict),
				[]string{"IPA 10-12 rising", "challenges to the leader"}, sourceYalom},
			{StageCohesiveness, "development of cohesiveness", []string{"cohesion", "mutual support", "mature work"}, l(tasksWork),
				[]string{"member-to-member talk", "self-disclosure", "feedback", "GCQ-S engagement rising"}, sourceYalom},
			{StageTermination, "termination", []string{"separation", "grief", "review of the work"}, l(tasksEnd),
				[]string{"last sessions of the program"}, sourceYalom},
		}}, true
	}
	return StageModel{}, false
}

// BuiltinModels returns fresh copies of the three built-in models.
func BuiltinModels() []StageModel {
	out := make([]StageModel, 0, 3)
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

// Crosswalk returns the crosswalk between Tuckman, Corey and Yalom as the
// rows of DOMAIN.md section 2, in the order a group lives them. Stages
// overlap and groups regress (Yalom describes a spiral), so the rows are an
// approximate alignment, not an identity.
func Crosswalk() []CrosswalkRow {
	return []CrosswalkRow{
		{Corey: []Stage{StagePreGroup}, Note: "before the first session; Yalom treats selection and preparation as the leader's work, not a stage"},
		{Tuckman: []Stage{StageForming}, Corey: []Stage{StageInitial}, Yalom: []Stage{StageOrientation}},
		{Tuckman: []Stage{StageStorming}, Corey: []Stage{StageTransition}, Yalom: []Stage{StageConflict}},
		{Tuckman: []Stage{StageNorming}, Corey: []Stage{StageTransition, StageWorking}, Yalom: []Stage{StageCohesiveness}, Note: "Corey: late transition into working"},
		{Tuckman: []Stage{StagePerforming}, Corey: []Stage{StageWorking}, Yalom: []Stage{StageCohesiveness}, Note: "Yalom: mature work"},
		{Tuckman: []Stage{StageAdjourning}, Corey: []Stage{StageFinal, StagePostGroup}, Yalom: []Stage{StageTermination}},
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
const len16 = int(StageTermination) + 1

func (r CrosswalkRow) in(m Model) []Stage {
	switch m {
	case ModelTuckman:
		return r.Tuckman
	case ModelCorey:
		return r.Corey
	case ModelYalom:
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
// StageUnspecified when m has no stage for that period (Corey's pre-group
// in Tuckman's or Yalom's model). Where the crosswalk gives two, the choice
// follows DOMAIN.md section 2: Tuckman's norming is Corey's late transition
// into working, so working, and so is Yalom's cohesiveness; Corey's
// transition is Tuckman's storming and his working is performing; Yalom's
// development of cohesiveness begins as Tuckman's norming.
func (s Stage) In(m Model) Stage {
	if !s.IsValid() || !m.IsValid() {
		return StageUnspecified
	}
	if s.Model() == m {
		return s
	}
	switch {
	case (s == StageNorming || s == StageCohesiveness) && m == ModelCorey:
		return StageWorking
	case s == StageTransition && m == ModelTuckman:
		return StageStorming
	case s == StageWorking && m == ModelTuckman:
		return StagePerforming
	case s == StageCohesiveness && m == ModelTuckman:
		return StageNorming
	}
	eq := Equivalent(s, m)
	if len(eq) == 0 {
		return StageUnspecified
	}
	return eq[0]
}
