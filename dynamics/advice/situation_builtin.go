package advice

import (
	"strings"

	"github.com/groupwork/groupwork/dynamics"
	"github.com/groupwork/groupwork/dynamics/safety"
	"github.com/groupwork/groupwork/session"
)

// Sources of the built-in situations. The signs and the interventions in
// order of preference are the sources'; every detector threshold is the
// library's own heuristic (see Config).
const (
	srcCoreyProblems = "Corey, Corey & Corey (2018), Groups: Process and Practice, 10th ed., problem behaviours and difficult group members (see docs/reference/behaviours.md)"
	srcJacobsTalker  = "Jacobs, Schimmel, Masson & Harvill (2016), Group Counseling: Strategies and Skills, 8th ed., chs. 7-8, the chronic talker and cutting off (see docs/reference/behaviours.md)"
	srcClark         = "Clark, A. J. (2002). Scapegoating: dynamics and interventions in group counseling. Journal of Counseling & Development, 80(3)"
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
// talker), the group patterns (Clark 2002 on scapegoating), then the safety
// situations, most urgent first, each running its protocol (see
// dynamics/safety). Acting superior and outside socializing have no detector:
// nothing in the event stream shows them reliably, so a facilitator raises
// them (an app passes the facilitator's Detection to Advisor.Advise).
func BuiltinDefinitions() Definitions {
	skills := func(s ...session.Skill) []session.Skill { return s }
	return append(Definitions{
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
	}, safetyDefinitions()...)
}

// safetyDefinitions returns the safety situations, most urgent first, each
// running the built-in protocol of the same name (see dynamics/safety): its
// steps here are the solo variant's actions, for display; a recommendation
// carries the variant for the room and the jurisdiction's numbers.
func safetyDefinitions() Definitions {
	row := func(s Situation, u Urgency, signs, advice, citation string, incidents ...session.IncidentKind) Definition {
		id := safety.ProtocolID(s)
		p, _ := safety.DefaultBook().Protocol(id)
		var steps []session.SafetyStep
		for _, st := range p.Solo {
			steps = append(steps, st.Action)
		}
		return Definition{Situation: s, Class: ClassSafety, Urgency: u, Signs: signs, Advice: advice,
			Steps: steps, Incidents: incidents, Citation: citation, Source: strings.Join(p.Sources, "; "), Protocol: id}
	}
	defs := Definitions{
		row(SituationMedicalEmergency, UrgencyImmediate,
			"someone in the room (or on the call) is taken ill or hurt and needs urgent care",
			"call emergency services and follow the setting's emergency procedure; someone stays with the person while the group is looked after; debrief without protected detail; document",
			"emergency procedure", session.IncidentMedical),
		row(SituationThreatOrAggression, UrgencyImmediate,
			"threats of violence, physical aggression, harassment or hate speech in the room",
			"stop it at once and protect the members; the member leaves the session; call emergency services if anyone is hurt or in danger; check on the person targeted; apply the agreement; document",
			"NICE NG10; Corey, Corey & Corey", session.IncidentThreatOrAggression),
		row(SituationRiskToSelf, UrgencyImmediate,
			"thoughts of suicide or self-harm disclosed, or a risk item about self-harm answered positively (PHQ-9 item 9 above 0)",
			"stay calm and do not question the member in front of the group; a clinician assesses in private; a safety plan and means safety; escalate if the risk is imminent; tell the member's own clinician; follow up within a day or two",
			"Stanley & Brown 2012; SAMHSA TIP 50", session.IncidentRiskToSelf),
		row(SituationRiskToOthers, UrgencyImmediate,
			"a threat to harm an identifiable person, or a risk item about harming others answered positively",
			"assess the threat's seriousness and imminence in private; consult; warn or protect as the law of the place requires or permits; document the reasoning",
			"Tarasoff 1976; ACA 2014 B.2.a", session.IncidentRiskToOthers),
		row(SituationLeftDistressed, UrgencyImmediate,
			"a member leaves the room in distress",
			"a co-leader follows and checks that the member is safe, or a solo leader pauses briefly or checks at the first break; escalate if there is risk; contact the member the same day; process it at the next session",
			"AGPA 2007", session.IncidentLeftDistressed),
		row(SituationDissociation, UrgencyImmediate,
			"a member dissociates (absent, unreachable, lost in a memory) or panics in the room",
			"ground the member calmly (where and when we are, the senses, slow breathing); offer a choice to step out with a leader, never force; treat it as medical if it does not settle",
			"SAMHSA TIP 57", session.IncidentDissociation),
		row(SituationIntoxication, UrgencyNow,
			"a member attends under the influence: slurred speech, unsteadiness, the smell of alcohol, disinhibition or drowsiness",
			"talk with the member in private and do not discuss the use itself now; the member leaves this session and does not drive; if hard to rouse, confused or breathing poorly, treat it as a medical emergency; invite the member back, sober",
			"SAMHSA TIP 47", session.IncidentIntoxication),
		row(SituationAbuseDisclosed, UrgencyNow,
			"a member discloses abuse or neglect of a child, an elder or a dependent adult",
			"acknowledge and listen; do not investigate or promise secrecy; tell the member what happens next; report to the agency the law names by its deadline; consult; document",
			"Child Welfare Information Gateway", session.IncidentAbuseDisclosure, session.IncidentChildAbuse,
			session.IncidentElderAbuse, session.IncidentDependentAdultAbuse),
		row(SituationRiskUnknown, UrgencySoon,
			"a risk question on a form was left unanswered: unknown risk, not no risk",
			"ask the question in private before the member leaves, or have a clinician ask it the same day",
			"Kroenke, Spitzer & Williams 2001"),
		row(SituationConfidentialityBreach, UrgencyNow,
			"a member shared outside the group what was said in it",
			"meet the member privately; care for the person exposed; apply the agreement's consequences; rebuild trust in the group without re-disclosing",
			"ACA 2014 B.4.a", session.IncidentConfidentialityBreach),
	}
	defs[1].Interventions = []session.Skill{session.SkillBlocking, session.SkillProtecting}
	return defs
}
