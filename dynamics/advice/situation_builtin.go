package advice

import (
	"github.com/groupwork/groupwork/dynamics"
	"github.com/groupwork/groupwork/session"
)

// Sources of the built-in situations. The signs and the interventions in
// order of preference are the sources'; every detector threshold is the
// library's own heuristic (see Config).
const (
	srcCoreyProblems = "Corey, Corey & Corey, Groups: Process and Practice, problem behaviours and difficult group members (see docs/reference/behaviours.md)"
	srcJacobsTalker  = "Jacobs, Schimmel, Masson & Harvill, Group Counseling: Strategies and Skills, chs. 7-8, the chronic talker and cutting off (see docs/reference/behaviours.md)"
	srcClark         = "Clark, A. J. (2002). Scapegoating: dynamics and interventions in group counseling. Journal of Counseling & Development, 80(3)"
	srcSafety        = "AGPA (2007), Practice Guidelines for Group Psychotherapy, ch. 9 (crisis in the group); ACA Code of Ethics (2014), B.2.a (serious and foreseeable harm); PHQ-9 item 9 (Kroenke, Spitzer & Williams 2001)"
	srcRedLines      = "Corey, Corey & Corey, Groups: Process and Practice (threats, aggression and harassment are not tolerated: block, protect, remove); AGPA (2007), ch. 9"
	srcAgreement     = "ACA Code of Ethics (2014), B.4.a (confidentiality in groups); Yalom & Leszcz (2005), ch. 10 (group agreements)"
	srcIntoxication  = "SAMHSA TIP 47 (2006), Substance Abuse: Clinical Issues in Intensive Outpatient Treatment, ch. 7, \"Under the Influence in Group\""
	srcMedical       = "AGPA (2007), ch. 9 (one leader stays with the person while the other leads the group; a solo leader stops the group); the setting's emergency procedure"
)

// Act sets the detectors and the evidence look for beyond Bales' areas
// (Bales 1950).
const (
	suggestionActs dynamics.ActSet = 1 << session.ActGivesSuggestion                         // IPA 4
	opposingActs   dynamics.ActSet = 1<<session.ActDisagrees | 1<<session.ActShowsAntagonism // IPA 10 and 12
	hostileActs    dynamics.ActSet = 1 << session.ActShowsAntagonism                         // IPA 12
)

// BuiltinDefinitions returns fresh copies of the built-in situations, in the
// order recommendations of equal rank list them: the twelve problem
// behaviours of Corey, Corey & Corey (with Jacobs et al. on the chronic
// talker), the group patterns (Clark 2002 on scapegoating), then safety and
// conduct. Acting superior and outside socializing have no detector:
// nothing in the event stream shows them reliably, so a facilitator raises
// them (an app passes the facilitator's Detection to Advisor.Advise).
func BuiltinDefinitions() Definitions {
	skills := func(s ...session.Skill) []session.Skill { return s }
	steps := func(s ...session.SafetyStep) []session.SafetyStep { return s }
	return Definitions{
		{Situation: SituationSilence, Class: ClassBehaviour, Urgency: UrgencyRoutine,
			Signs:         "no turns for a long stretch, or a tiny share of talk",
			Interventions: skills(session.SkillDrawingOut, session.SkillRounds, session.SkillDyads, session.SkillReflectingFeelings),
			Advice:        "explore what the silence means and never force; offer a non-verbal way in (writing, art); check in privately",
			Shows:         Shows{None: true}, Detect: detectSilence, Citation: "Corey, Corey & Corey", Source: srcCoreyProblems},
		{Situation: SituationMonopolizing, Class: ClassBehaviour, Urgency: UrgencySoon,
			Signs:         "one member holds a large share of talk time or turns, or takes long turns",
			Interventions: skills(session.SkillCuttingOff, session.SkillLinking, session.SkillFacilitating, session.SkillRounds, session.SkillGivingFeedback),
			Advice:        "cut off gently and link to others; ask the group how it is affected; use time-limited rounds; make a process comment",
			Detect:        detectMonopolizing, Citation: "Jacobs et al.", Source: srcJacobsTalker},
		{Situation: SituationStorytelling, Class: ClassBehaviour, Urgency: UrgencySoon, CountBased: true,
			Signs:         "long there-and-then narratives, details about absent people",
			Interventions: skills(session.SkillReflectingFeelings, session.SkillQuestioning, session.SkillBlocking),
			Advice:        "bring the story to the here-and-now and to the feelings it carries; block if it goes on",
			Shows:         Shows{Tags: session.Tags(session.TagThereAndThen | session.TagAboutAbsent)},
			Detect:        detectStorytelling, Citation: "Corey, Corey & Corey", Source: srcCoreyProblems},
		{Situation: SituationQuestioning, Class: ClassBehaviour, Urgency: UrgencySoon, CountBased: true,
			Signs:         "many questions aimed at other members; questions that hide statements",
			Interventions: skills(session.SkillClarifying, session.SkillBlocking),
			Advice:        "ask the questioner to turn the question into a statement about themselves; block bombardment",
			Shows:         Shows{Party: session.PartyMember, Acts: dynamics.QuestionActs},
			Detect:        detectQuestioning, Citation: "Corey, Corey & Corey", Source: srcCoreyProblems},
		{Situation: SituationAdviceGiving, Class: ClassBehaviour, Urgency: UrgencySoon, CountBased: true,
			Signs:         "premature solutions offered to another member",
			Interventions: skills(session.SkillReflectingFeelings, session.SkillFacilitating, session.SkillBlocking),
			Advice:        "explore what the advice-giver feels; ask the recipient how the advice lands",
			Shows:         Shows{Party: session.PartyMember, Acts: suggestionActs, Tags: session.Tags(session.TagAdvice)},
			Detect:        detectAdviceGiving, Citation: "Corey, Corey & Corey", Source: srcCoreyProblems},
		{Situation: SituationBandAiding, Class: ClassBehaviour, Urgency: UrgencySoon, CountBased: true,
			Signs:         "soothing that cuts off another member's pain right after it is shown",
			Interventions: skills(session.SkillBlocking, session.SkillHoldingFocus, session.SkillQuestioning),
			Advice:        "block gently so the member can stay with the feeling; later explore the rescuer's discomfort",
			Shows:         Shows{BandAid: true}, Detect: detectBandAiding, Citation: "Corey, Corey & Corey", Source: srcCoreyProblems},
		{Situation: SituationHostility, Class: ClassBehaviour, Urgency: UrgencyNow, CountBased: true,
			Signs:         "sarcasm, attacks, antagonism; also lateness and withdrawal",
			Interventions: skills(session.SkillConfronting, session.SkillGivingFeedback, session.SkillProtecting),
			Advice:        "do not ignore it; ask the member to speak directly and own the reaction; invite feedback on its impact; protect the target",
			Shows:         Shows{Acts: hostileActs}, Detect: detectHostility, Citation: "Corey, Corey & Corey", Source: srcCoreyProblems},
		{Situation: SituationActingSuperior, Class: ClassBehaviour, Urgency: UrgencyRoutine,
			Signs:         "judging others; presenting as having no problems",
			Interventions: skills(session.SkillGivingFeedback, session.SkillFacilitating, session.SkillQuestioning),
			Advice:        "invite feedback on the impact; invite the member to share something of their own",
			Citation:      "Corey, Corey & Corey", Source: srcCoreyProblems},
		{Situation: SituationSocializing, Class: ClassBehaviour, Urgency: UrgencyRoutine,
			Signs:         "cliques, outside contact, side conversations",
			Interventions: skills(session.SkillFacilitating, session.SkillClarifying),
			Advice:        "bring outside contact back into the group and discuss it openly",
			Citation:      "Corey, Corey & Corey", Source: srcCoreyProblems},
		{Situation: SituationIntellectualizing, Class: ClassBehaviour, Urgency: UrgencyRoutine, CountBased: true,
			Signs:         "abstract talk without feeling",
			Interventions: skills(session.SkillReflectingFeelings, session.SkillQuestioning, session.SkillInitiating),
			Advice:        "ask for feelings, in the first person and present tense; try a role play",
			Shows:         Shows{Tags: session.Tags(session.TagAbstract)}, Detect: detectIntellectualizing,
			Citation: "Corey, Corey & Corey", Source: srcCoreyProblems},
		{Situation: SituationEmotionality, Class: ClassBehaviour, Urgency: UrgencySoon, CountBased: true,
			Signs:         "affect that blocks exploration or controls the group",
			Interventions: skills(session.SkillEmpathizing, session.SkillQuestioning, session.SkillSupporting, session.SkillConfronting),
			Advice:        "acknowledge the feeling; explore what it protects; balance support and challenge",
			Shows:         Shows{Tags: session.Tags(session.TagIntenseAffect)}, Detect: detectEmotionality,
			Citation: "Corey, Corey & Corey", Source: srcCoreyProblems},
		{Situation: SituationDependency, Class: ClassBehaviour, Urgency: UrgencyRoutine,
			Signs:         "looks to the leader or the group to solve problems; talks mostly to the leader",
			Interventions: skills(session.SkillFacilitating, session.SkillSettingGoals, session.SkillLinking),
			Advice:        "return responsibility to the member; use goals and contracts; turn talk toward other members",
			Shows:         Shows{Party: session.PartyFacilitator, Acts: dynamics.AllTurns &^ opposingActs},
			Detect:        detectDependency, Citation: "Corey, Corey & Corey", Source: srcCoreyProblems},
		{Situation: SituationScapegoating, Class: ClassPattern, Urgency: UrgencyNow, CountBased: true,
			Signs:         "negative acts from several members converge on one member",
			Interventions: skills(session.SkillBlocking, session.SkillProtecting, session.SkillInterpreting, session.SkillLinking),
			Advice:        "block and protect the target; name the pattern and reframe it as the group's; invite members to find their likeness to the target; follow up individually",
			Shows:         Shows{Heard: true, Party: session.PartyMember, Acts: dynamics.NegativeActs},
			Detect:        detectScapegoating, Citation: "Clark 2002", Source: srcClark},
		{Situation: SituationSubgrouping, Class: ClassPattern, Urgency: UrgencyRoutine,
			Signs:         "communities in the interaction graph that exclude others; side conversations",
			Interventions: skills(session.SkillFacilitating, session.SkillInterpreting, session.SkillLinking),
			Advice:        "name the subgroup openly and bring what happens in it into the whole group",
			Shows:         Shows{Tags: session.Tags(session.TagSideConversation)}, Detect: detectSubgrouping,
			Citation: "Corey, Corey & Corey", Source: srcCoreyProblems},
		{Situation: SituationLeaderChallenge, Class: ClassPattern, Urgency: UrgencySoon, CountBased: true,
			Signs:         "disagreement or antagonism aimed at a facilitator",
			Interventions: skills(session.SkillActiveListening, session.SkillClarifying, session.SkillFacilitating),
			Advice:        "respond without defensiveness; acknowledge what is valid; explore it; invite the group's view",
			Shows:         Shows{Heard: true, Party: session.PartyMember, Acts: opposingActs},
			Detect:        detectLeaderChallenge, Citation: "Corey, Corey & Corey", Source: srcCoreyProblems},
		{Situation: SituationMemberConflict, Class: ClassPattern, Urgency: UrgencySoon, CountBased: true,
			Signs:         "reciprocated disagreement or antagonism between two members",
			Interventions: skills(session.SkillHoldingFocus, session.SkillClarifying, session.SkillRestating, session.SkillGivingFeedback, session.SkillFacilitating),
			Advice:        "do not avoid it; slow it down and keep it here-and-now; ask for \"I\" statements to the person and feedback on behaviour, not character; have each reflect back the other's view; invite the group; return to it next session if unresolved",
			Shows:         Shows{Between: true, Acts: opposingActs}, Detect: detectConflict, Citation: "Corey, Corey & Corey", Source: srcCoreyProblems},
		{Situation: SituationConfidentialityBreach, Class: ClassConduct, Urgency: UrgencyNow,
			Signs:         "a member shared what was said in the group outside it",
			Interventions: skills(session.SkillBlocking),
			Steps:         steps(session.StepReviewAgreement, session.StepDocument),
			Advice:        "review the ground rule with the group and apply the consequences the agreement names",
			Incidents:     []session.IncidentKind{session.IncidentConfidentialityBreach},
			Citation:      "ACA 2014 B.4.a", Source: srcAgreement},
		{Situation: SituationRiskDisclosure, Class: ClassSafety, Urgency: UrgencyImmediate,
			Signs:     "risk to self or others, or abuse disclosed; PHQ-9 item 9 above 0",
			Steps:     steps(session.StepPause, session.StepPrivateAssessment, session.StepContinueGroup, session.StepSafetyPlan, session.StepEscalate, session.StepDebrief, session.StepDocument),
			Advice:    "stay calm and do not interrogate in front of the group; one leader assesses risk privately (ideation, plan, means, timeline) while the other continues, or a solo leader calls a break; act by risk level; debrief without protected detail; document",
			Incidents: []session.IncidentKind{session.IncidentRiskToSelf, session.IncidentRiskToOthers, session.IncidentAbuseDisclosure},
			Citation:  "AGPA 2007", Source: srcSafety},
		{Situation: SituationThreatOrAggression, Class: ClassSafety, Urgency: UrgencyImmediate,
			Signs:         "threats of violence, physical aggression, harassment or hate speech",
			Interventions: skills(session.SkillBlocking, session.SkillProtecting),
			Steps:         steps(session.StepPause, session.StepEscalate, session.StepReviewAgreement, session.StepDebrief, session.StepDocument),
			Advice:        "block at once and protect members; removal from the session may be needed; follow the safety protocol",
			Incidents:     []session.IncidentKind{session.IncidentThreatOrAggression},
			Citation:      "Corey, Corey & Corey", Source: srcRedLines},
		{Situation: SituationIntoxication, Class: ClassConduct, Urgency: UrgencyNow,
			Signs:     "a member attends under the influence: slurred speech, unsteadiness, the smell of alcohol, disinhibition or drowsiness",
			Steps:     steps(session.StepContinueGroup, session.StepLeaveSession, session.StepSafeTransport, session.StepDocument, session.StepReviewAgreement),
			Advice:    "act at once and calmly; talk with the member in private, not in front of the group, and do not discuss the use itself now; the member leaves this session while the group goes on (a co-leader or another staff member stays with it); settle how the member gets home without driving; if the member is hard to rouse, confused or breathing poorly, treat it as a medical emergency; express concern and invite the member back, sober, to take it up at the next session",
			Incidents: []session.IncidentKind{session.IncidentIntoxication},
			Citation:  "SAMHSA TIP 47", Source: srcIntoxication},
		{Situation: SituationMedicalEmergency, Class: ClassSafety, Urgency: UrgencyImmediate,
			Signs:     "someone in the room (or on the call) is taken ill or hurt and needs urgent care",
			Steps:     steps(session.StepPause, session.StepEscalate, session.StepContinueGroup, session.StepDebrief, session.StepDocument),
			Advice:    "call emergency services and follow the setting's emergency procedure; one leader stays with the person until help arrives while the other looks after the group, or a solo leader stops the group; online, use the location and emergency contact given at consent; debrief the group without protected detail; document",
			Incidents: []session.IncidentKind{session.IncidentMedical},
			Citation:  "AGPA 2007", Source: srcMedical},
	}
}
