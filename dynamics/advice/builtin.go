package advice

import (
	"slices"

	"github.com/groupwork/groupwork/dynamics/stage"
	"github.com/groupwork/groupwork/group"
	"github.com/groupwork/groupwork/session"
)

// Sources of the stage- and modality-aware conflict rules.
const (
	srcStageLeader   = "Corey, Corey & Corey (2018), Groups: Process and Practice, 10th ed., leader tasks by stage (see docs/reference/stages.md)"
	srcYalomConflict = "Yalom & Leszcz (2005), ch. 11 (conflict in the therapy group) and ch. 6 (the here-and-now)"
	srcStructured    = "SAMHSA TIP 41 (2005), ch. 2 (structured CBT, skills and psychoeducational groups keep to their agenda); Muñoz et al. (2000)"
	srcPeer          = "SAMHSA (2015), Core Competencies for Peer Workers in Behavioral Health Services: a peer facilitator keeps to the group's guidelines and refers to a professional (see docs/reference/modalities.md)"
)

// The stages of each period in all three models (see stage.Crosswalk). The
// built-in rules name them all, so they never depend on the crosswalk's
// approximate alignment.
var (
	formingStages  = []stage.Stage{stage.Forming, stage.PreGroup, stage.Initial, stage.Orientation}
	stormingStages = []stage.Stage{stage.Storming, stage.Transition, stage.Conflict}
	workingStages  = []stage.Stage{stage.Norming, stage.Performing, stage.Working, stage.Cohesiveness}
	endingStages   = []stage.Stage{stage.Adjourning, stage.Final, stage.PostGroup, stage.Termination}
)

var structuredModalities = []group.Modality{group.ModalityCBT, group.ModalitySkills, group.ModalityPsychoeducational}

// BuiltinRules returns fresh copies of the built-in rules: one general rule
// for every non-safety situation, from the situation catalogue, and stage-
// and modality-aware rules for conflict (member-member conflict, challenges
// to the leader, hostility):
//
//   - while forming (initial, orientation): give structure and restate the
//     ground rules;
//   - while storming (transition, conflict): normalize the conflict and
//     process it, keeping it safe;
//   - while norming or performing (working, cohesiveness): link it to
//     members' patterns and deepen it;
//   - while adjourning (final, termination): acknowledge it and attend to
//     unfinished business rather than open new work;
//   - in CBT, skills and psychoeducational groups, in any stage: brief
//     processing, then back to the agenda;
//   - in process groups: the conflict is the work;
//   - in peer support groups: follow the group's guidelines.
//
// Then the rules of what is ordinary in a stage or a modality (see Rule):
// silence, dependency, questioning, advice giving and storytelling while a
// group forms, dependency in taught groups and mindfulness classes, silence
// in a mindfulness inquiry, storytelling and advice giving in a support
// group, strong feeling near a group's end, each said to be expected and
// met at routine urgency; and abstract talk in a psychoeducational group,
// which is not raised.
//
// Safety situations have no rules here: they follow the fixed protocol.
func BuiltinRules() []Rule { return rulesFor(BuiltinDefinitions()) }

// rulesFor returns the general rule of every non-safety situation of defs,
// from its row, followed by the built-in conflict variants of those defs
// holds.
func rulesFor(defs Definitions) []Rule {
	var rules []Rule
	for _, d := range defs {
		if d.Class == ClassSafety {
			continue
		}
		rules = append(rules, Rule{
			ID: string(d.Situation), Situation: d.Situation,
			Interventions: slices.Clone(d.Interventions), Steps: slices.Clone(d.Steps),
			Urgency:   d.Urgency,
			Rationale: d.Advice, Source: d.Source,
		})
	}
	for _, v := range conflictVariants() {
		for _, sv := range v.bySituation {
			d, ok := defs.For(sv.situation)
			if !ok {
				continue
			}
			rules = append(rules, Rule{
				ID: string(sv.situation) + "-" + v.name, Situation: sv.situation,
				Stages: slices.Clone(v.stages), Modalities: slices.Clone(v.modalities),
				Interventions: sv.interventions, Steps: slices.Clone(v.steps),
				Urgency: d.Urgency, Rationale: sv.rationale, Source: v.source,
			})
		}
	}
	return append(rules, expectedRules(defs)...)
}

// conflictVariant is one stage or modality in which conflict is handled its
// own way, with the interventions for each conflict situation. Every
// situation keeps its core (Corey, Corey & Corey) in every variant: a
// challenge to the leader is met without defensiveness (listening and
// clarifying first); hostility is confronted and its target protected.
type conflictVariant struct {
	name        string
	stages      []stage.Stage
	modalities  []group.Modality
	steps       []session.SafetyStep
	source      string
	bySituation []situationVariant
}

type situationVariant struct {
	situation     Situation
	interventions []session.Skill
	rationale     string
}

// conflictVariants returns the stage and modality variants of the built-in
// rules, fresh on every call.
func conflictVariants() []conflictVariant {
	type sk = session.Skill
	const (
		listen, clarify, restate = session.SkillActiveListening, session.SkillClarifying, session.SkillRestating
		summarize, interpret     = session.SkillSummarizing, session.SkillInterpreting
		confront, protect        = session.SkillConfronting, session.SkillProtecting
		facilitate, initiate     = session.SkillFacilitating, session.SkillInitiating
		feedback, disclose       = session.SkillGivingFeedback, session.SkillDisclosingOneself
		link, block, terminate   = session.SkillLinking, session.SkillBlocking, session.SkillTerminating
		hold, shift              = session.SkillHoldingFocus, session.SkillShiftingFocus
	)
	three := func(conflict, challenge, hostility []sk, why string) []situationVariant {
		return []situationVariant{
			{SituationMemberConflict, conflict, why},
			{SituationLeaderChallenge, challenge, why + "; meet the challenge without defensiveness and acknowledge what is valid in it"},
			{SituationHostility, hostility, why + "; do not ignore hostility, and protect its target"},
		}
	}
	return []conflictVariant{
		{name: "forming", stages: formingStages, source: srcStageLeader, bySituation: three(
			[]sk{protect, clarify, block, initiate},
			[]sk{listen, clarify, initiate},
			[]sk{block, protect, clarify},
			"early on, trust is not yet there to use conflict well: give structure, restate the ground rules and the group's purpose, and keep members safe")},
		{name: "storming", stages: stormingStages, source: srcStageLeader, bySituation: three(
			[]sk{hold, clarify, restate, facilitate},
			[]sk{listen, clarify, facilitate, disclose},
			[]sk{protect, confront, feedback, facilitate},
			"conflict is expected in this stage: normalize it, slow it down, keep it safe, and process it openly")},
		{name: "working", stages: workingStages, source: srcStageLeader, bySituation: three(
			[]sk{link, feedback, interpret, facilitate},
			[]sk{listen, interpret, facilitate},
			[]sk{confront, feedback, interpret, protect},
			"a working group can use conflict: link it to members' patterns, invite feedback on behaviour, and deepen the work")},
		{name: "adjourning", stages: endingStages, source: srcStageLeader, bySituation: three(
			[]sk{summarize, clarify, terminate},
			[]sk{listen, summarize, terminate},
			[]sk{protect, confront, summarize},
			"near the end, acknowledge the conflict and attend to unfinished business rather than open new work")},
		{name: "structured", modalities: structuredModalities, source: srcStructured, bySituation: three(
			[]sk{clarify, summarize, shift},
			[]sk{listen, clarify, shift},
			[]sk{protect, confront, shift},
			"in a structured group, process the conflict briefly, offer to take it up after the session, and return to the agenda")},
		{name: "process", modalities: []group.Modality{group.ModalityProcess}, source: srcYalomConflict, bySituation: three(
			[]sk{hold, facilitate, feedback, interpret},
			[]sk{listen, facilitate, disclose, interpret},
			[]sk{confront, feedback, protect, interpret},
			"in a process group the conflict is the work: keep it here-and-now, invite each to speak directly and to hear the other, and involve the group")},
		{name: "peer", modalities: []group.Modality{group.ModalitySupport}, steps: []session.SafetyStep{session.StepReviewAgreement},
			source: srcPeer, bySituation: three(
				[]sk{block, shift},
				[]sk{listen, shift},
				[]sk{block, protect},
				"a peer facilitator follows the group's guidelines: restate them, move on, and refer to a professional if it escalates")},
	}
}

// Sources of what is ordinary in a stage or a modality.
const (
	srcOrientation = "Yalom & Leszcz (2005), The Theory and Practice of Group Psychotherapy, 5th ed., ch. 11 (the orientation stage: hesitant participation, dependency on the leader, advice giving); Corey (2012), Theory and Practice of Group Counseling, 8th ed., ch. 4 (the initial stage: many questions, there-and-then talk)"
	srcTaught      = "SAMHSA TIP 41 (2005), ch. 2 (psychoeducational and skills groups are led like a class: members address the leader); Linehan (2015), DBT Skills Training Manual, 2nd ed., ch. 3"
	srcInquiry     = "Segal, Williams & Teasdale (2013), Mindfulness-Based Cognitive Therapy for Depression, 2nd ed. (inquiry is a dialogue with the teacher, and speaking is optional)"
	srcEnding      = "Corey (2012), ch. 5 (the final stage: feelings of separation and loss are to be expected and worked with)"
	srcContent     = "SAMHSA TIP 41 (2005), ch. 2 (in a psychoeducational group, talk about the material is the work)"
)

// expectation is one situation that is ordinary in some stages or
// modalities: the rule says so (or, with suppress, raises nothing), at
// routine urgency.
type expectation struct {
	name          string
	situation     Situation
	forming       bool // the rule is for the forming stages (all three models')
	ending        bool // the rule is for the ending stages
	modalities    []group.Modality
	suppress      bool
	interventions []session.Skill
	rationale     string
	source        string
}

// expectations returns the built-in rows of what is ordinary in a stage or
// a modality, fresh on every call:
//
//   - while a group forms (Tuckman's forming, Corey's initial, Yalom's
//     orientation): silence, dependency on the leader, questioning, advice
//     giving and storytelling are expected, and met with structure rather
//     than confrontation;
//   - in taught groups (psychoeducational, skills) and mindfulness
//     classes, members address the leader: dependency is expected;
//   - in a mindfulness class, speaking in inquiry is optional: silence is
//     expected;
//   - in a peer support group, sharing one's story and what helped is the
//     format: storytelling and advice giving are expected;
//   - near the end of a group, strong feeling about the ending is
//     expected;
//   - in a psychoeducational group, abstract talk about the material is not
//     intellectualizing: it is not raised.
func expectations() []expectation {
	const (
		structure, link, facilitate = session.SkillInitiating, session.SkillLinking, session.SkillFacilitating
		rounds, dyads, draw         = session.SkillRounds, session.SkillDyads, session.SkillDrawingOut
		clarify, reflect, empathize = session.SkillClarifying, session.SkillReflectingFeelings, session.SkillEmpathizing
		support, summarize, goals   = session.SkillSupporting, session.SkillSummarizing, session.SkillSettingGoals
	)
	sk := func(s ...session.Skill) []session.Skill { return s }
	mods := func(m ...group.Modality) []group.Modality { return m }
	return []expectation{
		{name: "forming", situation: SituationDependency, forming: true, interventions: sk(structure, facilitate, link),
			rationale: "expected at this stage: members look to the leader while a group forms; give structure and turn talk toward members", source: srcOrientation},
		{name: "forming", situation: SituationSilence, forming: true, interventions: sk(rounds, dyads, draw),
			rationale: "expected at this stage: participation is hesitant while a group forms; invite with rounds and dyads, never force", source: srcOrientation},
		{name: "forming", situation: SituationQuestioning, forming: true, interventions: sk(clarify, facilitate),
			rationale: "expected at this stage: questions are how members find their way in a new group; invite them to say what lies behind a question", source: srcOrientation},
		{name: "forming", situation: SituationAdviceGiving, forming: true, interventions: sk(reflect, facilitate),
			rationale: "expected at this stage: advice giving is typical of a group's first sessions; acknowledge the wish to help and ask the member what they need", source: srcOrientation},
		{name: "forming", situation: SituationStorytelling, forming: true, interventions: sk(reflect, clarify),
			rationale: "expected at this stage: there-and-then talk is how members first present themselves; turn it gently toward what they feel now", source: srcOrientation},
		{name: "taught", situation: SituationDependency, modalities: mods(group.ModalityPsychoeducational, group.ModalitySkills, group.ModalityMindfulness),
			interventions: sk(facilitate, link, goals),
			rationale:     "expected in a group led like a class: members address the leader; in discussion and practice, turn talk toward members", source: srcTaught},
		{name: "inquiry", situation: SituationSilence, modalities: mods(group.ModalityMindfulness), interventions: sk(draw, reflect),
			rationale: "expected in a mindfulness class: speaking in inquiry is optional; invite, and respect the choice to stay with one's own experience", source: srcInquiry},
		{name: "peer", situation: SituationStorytelling, modalities: mods(group.ModalitySupport), interventions: sk(reflect, clarify),
			rationale: "expected in a support group: telling one's story is its work; help the member say what they need from the group now", source: srcPeer},
		{name: "peer", situation: SituationAdviceGiving, modalities: mods(group.ModalitySupport), interventions: sk(reflect, facilitate),
			rationale: "expected in a support group: sharing what helped is mutual support; invite members to speak from their own experience rather than tell others what to do", source: srcPeer},
		{name: "ending", situation: SituationEmotionality, ending: true, interventions: sk(empathize, support, summarize),
			rationale: "expected at this stage: feelings about the group's ending are part of its work; acknowledge them and help the member put them into words", source: srcEnding},
		{name: "content", situation: SituationIntellectualizing, modalities: mods(group.ModalityPsychoeducational), suppress: true,
			rationale: "in a psychoeducational group, talk about the material is the work, not a defence", source: srcContent},
	}
}

// expectedRules returns the rules of the expectations whose situations
// defs holds.
func expectedRules(defs Definitions) []Rule {
	var rules []Rule
	for _, e := range expectations() {
		if _, ok := defs.For(e.situation); !ok {
			continue
		}
		r := Rule{
			ID: string(e.situation) + "-" + e.name, Situation: e.situation, Modalities: slices.Clone(e.modalities),
			Interventions: e.interventions, Urgency: UrgencyRoutine, Expected: !e.suppress, Suppress: e.suppress,
			Rationale: e.rationale, Source: e.source,
		}
		switch {
		case e.forming:
			r.Stages = slices.Clone(formingStages)
		case e.ending:
			r.Stages = slices.Clone(endingStages)
		}
		rules = append(rules, r)
	}
	return rules
}
