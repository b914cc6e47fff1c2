package advice

import (
	"slices"

	"github.com/groupwork/groupwork/group"
	"github.com/groupwork/groupwork/session"
)

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
