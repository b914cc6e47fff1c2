package dynamics

import (
	"slices"

	"github.com/groupwork/groupwork/group"
	"github.com/groupwork/groupwork/session"
)

// Sources of the stage- and modality-aware conflict rules.
const (
	srcStageLeader   = "Corey, Corey & Corey, Groups: Process and Practice, leader tasks by stage (DOMAIN.md section 2)"
	srcYalomConflict = "Yalom & Leszcz (2005), ch. 11 (conflict in the therapy group) and ch. 6 (the here-and-now)"
	srcStructured    = "SAMHSA TIP 41 (2005), ch. 2 (structured CBT, skills and psychoeducational groups keep to their agenda); DOMAIN.md section 9"
	srcPeer          = "Seed texts and DOMAIN.md section 6: peer-led groups follow their guidelines and escalate risk to a professional"
)

// conflictSituations are the situations whose handling depends on the stage
// and the modality (DOMAIN.md sections 2 and 5).
var conflictSituations = [...]Situation{SituationMemberConflict, SituationLeaderChallenge, SituationHostility}

// The stages of each period in all three models (DOMAIN.md section 2). The
// built-in rules name them all, so they never depend on the crosswalk's
// approximate alignment.
var (
	formingStages  = []Stage{StageForming, StagePreGroup, StageInitial, StageOrientation}
	stormingStages = []Stage{StageStorming, StageTransition, StageConflict}
	workingStages  = []Stage{StageNorming, StagePerforming, StageWorking, StageCohesiveness}
	endingStages   = []Stage{StageAdjourning, StageFinal, StagePostGroup, StageTermination}
)

var structuredModalities = []group.Modality{group.ModalityCBT, group.ModalitySkills, group.ModalityPsychoeducational}

// urgencies gives each non-safety situation its default urgency.
var urgencies = [...]Urgency{
	SituationSilence:               UrgencyRoutine,
	SituationMonopolizing:          UrgencySoon,
	SituationStorytelling:          UrgencySoon,
	SituationQuestioning:           UrgencySoon,
	SituationAdviceGiving:          UrgencySoon,
	SituationBandAiding:            UrgencySoon,
	SituationHostility:             UrgencyNow,
	SituationActingSuperior:        UrgencyRoutine,
	SituationSocializing:           UrgencyRoutine,
	SituationIntellectualizing:     UrgencyRoutine,
	SituationEmotionality:          UrgencySoon,
	SituationDependency:            UrgencyRoutine,
	SituationScapegoating:          UrgencyNow,
	SituationSubgrouping:           UrgencyRoutine,
	SituationLeaderChallenge:       UrgencySoon,
	SituationMemberConflict:        UrgencySoon,
	SituationConfidentialityBreach: UrgencyNow,
}

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
// Safety situations have no rules here: they follow the fixed protocol.
func BuiltinRules() []Rule {
	var rules []Rule
	for _, s := range Situations() {
		if s.IsSafety() {
			continue
		}
		rules = append(rules, Rule{
			ID: s.String(), Situation: s,
			Interventions: s.Interventions(), Steps: s.SafetySteps(),
			Urgency:   urgencies[s],
			Rationale: s.Advice(), Source: s.Source(),
		})
	}
	for _, s := range conflictSituations {
		u := urgencies[s]
		name := s.String()
		rules = append(rules,
			Rule{ID: name + "-forming", Situation: s, Stages: slices.Clone(formingStages), Urgency: u,
				Interventions: []session.Skill{session.SkillBlocking, session.SkillProtecting, session.SkillClarifying, session.SkillInitiating},
				Rationale:     "early on, trust is not yet there to use conflict well: give structure, restate the ground rules, and keep members safe",
				Source:        srcStageLeader},
			Rule{ID: name + "-storming", Situation: s, Stages: slices.Clone(stormingStages), Urgency: u,
				Interventions: []session.Skill{session.SkillHoldingFocus, session.SkillClarifying, session.SkillRestating, session.SkillFacilitating},
				Rationale:     "conflict is expected in this stage: normalize it, slow it down, keep it safe, and process it openly without defensiveness",
				Source:        srcStageLeader},
			Rule{ID: name + "-working", Situation: s, Stages: slices.Clone(workingStages), Urgency: u,
				Interventions: []session.Skill{session.SkillLinking, session.SkillGivingFeedback, session.SkillInterpreting, session.SkillFacilitating},
				Rationale:     "a working group can use conflict: link it to members' patterns, invite feedback on behaviour, and deepen the work",
				Source:        srcStageLeader},
			Rule{ID: name + "-adjourning", Situation: s, Stages: slices.Clone(endingStages), Urgency: u,
				Interventions: []session.Skill{session.SkillSummarizing, session.SkillClarifying, session.SkillTerminating},
				Rationale:     "near the end, acknowledge the conflict and attend to unfinished business rather than open new work",
				Source:        srcStageLeader},
			Rule{ID: name + "-structured", Situation: s, Modalities: slices.Clone(structuredModalities), Urgency: u,
				Interventions: []session.Skill{session.SkillClarifying, session.SkillSummarizing, session.SkillShiftingFocus},
				Rationale:     "in a structured group, process the conflict briefly, offer to take it up after the session, and return to the agenda",
				Source:        srcStructured},
			Rule{ID: name + "-process", Situation: s, Modalities: []group.Modality{group.ModalityProcess}, Urgency: u,
				Interventions: []session.Skill{session.SkillHoldingFocus, session.SkillFacilitating, session.SkillGivingFeedback, session.SkillInterpreting},
				Rationale:     "in a process group the conflict is the work: keep it here-and-now, invite each to speak directly and to hear the other, and involve the group",
				Source:        srcYalomConflict},
			Rule{ID: name + "-peer", Situation: s, Modalities: []group.Modality{group.ModalitySupport}, Urgency: u,
				Interventions: []session.Skill{session.SkillBlocking, session.SkillShiftingFocus},
				Steps:         []session.SafetyStep{session.StepReviewAgreement},
				Rationale:     "a peer facilitator follows the group's guidelines: restate them, move on, and refer to a professional if it escalates",
				Source:        srcPeer},
		)
	}
	return rules
}
