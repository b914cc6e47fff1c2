package dynamics

import (
	"github.com/groupwork/groupwork/internal/vocab/enum"
	"github.com/groupwork/groupwork/session"
)

// Situation is something in the room a facilitator may need to act on: a
// member's problem behaviour, a pattern of the group as a whole, or a safety
// event. The zero value is rejected by validation.
//
// The twelve problem behaviours and the group patterns come from Corey,
// Corey & Corey, Groups: Process and Practice (ch. on problem behaviours and
// difficult group members), Jacobs et al. on the chronic talker, and Clark
// (2002) on scapegoating, as summarised in DOMAIN.md section 5.
type Situation uint8

// The situations: twelve member behaviours, then group patterns, then safety
// and conduct; situations added later come last, so that no value changes.
const (
	SituationUnspecified Situation = iota
	// Member behaviours (DOMAIN.md section 5, table).
	SituationSilence           // (silence) present but not taking part
	SituationMonopolizing      // (monopolizing) holds a large share of talk time or turns
	SituationStorytelling      // (storytelling) long there-and-then narratives, details about absent people
	SituationQuestioning       // (questioning) many questions aimed at others, questions that hide statements
	SituationAdviceGiving      // (advice-giving) premature solutions to another member's problem
	SituationBandAiding        // (band-aiding) soothing that cuts off another member's pain
	SituationHostility         // (hostility) sarcasm, attacks, antagonism
	SituationActingSuperior    // (acting-superior) judging others, "I have no problems"
	SituationSocializing       // (socializing) outside contact, side conversations
	SituationIntellectualizing // (intellectualizing) abstract talk without feeling
	SituationEmotionality      // (emotionality) affect used as a defense, blocking exploration
	SituationDependency        // (dependency) looks to the leader or group to solve problems
	// Group patterns.
	SituationScapegoating    // (scapegoating) negative acts from several members converge on one
	SituationSubgrouping     // (subgrouping) cliques that exclude others
	SituationLeaderChallenge // (leader-challenge) members challenge a facilitator
	SituationMemberConflict  // (member-conflict) reciprocated disagreement or antagonism between two members
	// Safety and conduct.
	SituationConfidentialityBreach // (confidentiality-breach) a member broke the confidentiality agreement
	SituationRiskDisclosure        // (risk-disclosure) risk to self or others, abuse disclosure, PHQ-9 item 9 above 0
	SituationThreatOrAggression    // (threat-or-aggression) threats of violence, aggression, harassment, hate speech
	SituationIntoxication          // (intoxication) a member attends under the influence of alcohol or drugs
	SituationMedicalEmergency      // (medical-emergency) someone in the group needs urgent medical care
)

type situationInfo struct {
	name          string
	signs         string
	interventions []session.Skill
	steps         []session.SafetyStep
	advice        string
	source        string
}

const (
	srcCoreyProblems = "Corey, Corey & Corey, Groups: Process and Practice, problem behaviours and difficult group members (DOMAIN.md section 5)"
	srcJacobsTalker  = "Jacobs, Schimmel, Masson & Harvill, Group Counseling: Strategies and Skills, the chronic talker (DOMAIN.md section 5)"
	srcClark         = "Clark, A. J. (2002). Scapegoating: dynamics and interventions in group counseling. Journal of Counseling & Development 80(3) (DOMAIN.md section 5)"
	srcSafety        = "DOMAIN.md section 6 (crisis in session; ACA Code of Ethics 2014 B.2.a; AGPA Practice Guidelines 2007); PHQ-9 item 9 (Kroenke, Spitzer & Williams 2001)"
	srcRedLines      = "DOMAIN.md section 5 (red lines: threats of violence, physical aggression, harassment, hate speech)"
	srcAgreement     = "ACA Code of Ethics (2014) B.4.a; DOMAIN.md section 6 (group agreements)"
	srcIntoxication  = "SAMHSA TIP 47 (2006), Substance Abuse: Clinical Issues in Intensive Outpatient Treatment, ch. 7, \"Under the Influence in Group\"; DOMAIN.md section 6 (group agreements: no attending under the influence)"
	srcMedical       = "DOMAIN.md section 6 (crisis in session: one leader with the person, the other with the group, or a solo leader stops the group; emergency services; debrief without protected detail; document; telehealth consent names the emergency procedure)"
)

// situations holds the catalogue. Interventions are in the order of
// preference the sources give; advice carries the parts no single skill names.
var situations = [...]situationInfo{
	{name: "unspecified"},
	{"silence", "no turns for a long stretch, or a tiny share of talk",
		[]session.Skill{session.SkillDrawingOut, session.SkillRounds, session.SkillDyads, session.SkillReflectingFeelings},
		nil, "explore what the silence means and never force; offer a non-verbal way in (writing, art); check in privately", srcCoreyProblems},
	{"monopolizing", "one member holds a large share of talk time or turns, or takes long turns",
		[]session.Skill{session.SkillCuttingOff, session.SkillLinking, session.SkillFacilitating, session.SkillRounds, session.SkillGivingFeedback},
		nil, "cut off gently and link to others; ask the group how it is affected; use time-limited rounds; make a process comment", srcJacobsTalker},
	{"storytelling", "long there-and-then narratives, details about absent people",
		[]session.Skill{session.SkillReflectingFeelings, session.SkillQuestioning, session.SkillBlocking},
		nil, "bring the story to the here-and-now and to the feelings it carries; block if it goes on", srcCoreyProblems},
	{"questioning", "many questions aimed at other members; questions that hide statements",
		[]session.Skill{session.SkillClarifying, session.SkillBlocking},
		nil, "ask the questioner to turn the question into a statement about themselves; block bombardment", srcCoreyProblems},
	{"advice-giving", "premature solutions offered to another member",
		[]session.Skill{session.SkillReflectingFeelings, session.SkillFacilitating, session.SkillBlocking},
		nil, "explore what the advice-giver feels; ask the recipient how the advice lands", srcCoreyProblems},
	{"band-aiding", "soothing that cuts off another member's pain right after it is shown",
		[]session.Skill{session.SkillBlocking, session.SkillHoldingFocus, session.SkillQuestioning},
		nil, "block gently so the member can stay with the feeling; later explore the rescuer's discomfort", srcCoreyProblems},
	{"hostility", "sarcasm, attacks, antagonism; also lateness and withdrawal",
		[]session.Skill{session.SkillConfronting, session.SkillGivingFeedback, session.SkillProtecting},
		nil, "do not ignore it; ask the member to speak directly and own the reaction; invite feedback on its impact; protect the target", srcCoreyProblems},
	{"acting-superior", "judging others; presenting as having no problems",
		[]session.Skill{session.SkillGivingFeedback, session.SkillFacilitating, session.SkillQuestioning},
		nil, "invite feedback on the impact; invite the member to share something of their own", srcCoreyProblems},
	{"socializing", "cliques, outside contact, side conversations",
		[]session.Skill{session.SkillFacilitating, session.SkillClarifying},
		nil, "bring outside contact back into the group and discuss it openly", srcCoreyProblems},
	{"intellectualizing", "abstract talk without feeling",
		[]session.Skill{session.SkillReflectingFeelings, session.SkillQuestioning, session.SkillInitiating},
		nil, "ask for feelings, in the first person and present tense; try a role play", srcCoreyProblems},
	{"emotionality", "affect that blocks exploration or controls the group",
		[]session.Skill{session.SkillEmpathizing, session.SkillQuestioning, session.SkillSupporting, session.SkillConfronting},
		nil, "acknowledge the feeling; explore what it protects; balance support and challenge", srcCoreyProblems},
	{"dependency", "looks to the leader or the group to solve problems; talks mostly to the leader",
		[]session.Skill{session.SkillFacilitating, session.SkillSettingGoals, session.SkillLinking},
		nil, "return responsibility to the member; use goals and contracts; turn talk toward other members", srcCoreyProblems},
	{"scapegoating", "negative acts from several members converge on one member",
		[]session.Skill{session.SkillBlocking, session.SkillProtecting, session.SkillInterpreting, session.SkillLinking},
		nil, "block and protect the target; name the pattern and reframe it as the group's; invite members to find their likeness to the target; follow up individually", srcClark},
	{"subgrouping", "communities in the interaction graph that exclude others; side conversations",
		[]session.Skill{session.SkillFacilitating, session.SkillInterpreting, session.SkillLinking},
		nil, "name the subgroup openly and bring what happens in it into the whole group", srcCoreyProblems},
	{"leader-challenge", "disagreement or antagonism aimed at a facilitator",
		[]session.Skill{session.SkillActiveListening, session.SkillClarifying, session.SkillFacilitating},
		nil, "respond without defensiveness; acknowledge what is valid; explore it; invite the group's view", srcCoreyProblems},
	{"member-conflict", "reciprocated disagreement or antagonism between two members",
		[]session.Skill{session.SkillHoldingFocus, session.SkillClarifying, session.SkillRestating, session.SkillGivingFeedback, session.SkillFacilitating},
		nil, "do not avoid it; slow it down and keep it here-and-now; ask for \"I\" statements to the person and feedback on behaviour, not character; have each reflect back the other's view; invite the group; return to it next session if unresolved", srcCoreyProblems},
	{"confidentiality-breach", "a member shared what was said in the group outside it",
		[]session.Skill{session.SkillBlocking},
		[]session.SafetyStep{session.StepReviewAgreement, session.StepDocument},
		"review the ground rule with the group and apply the consequences the agreement names", srcAgreement},
	{"risk-disclosure", "risk to self or others, or abuse disclosed; PHQ-9 item 9 above 0",
		nil,
		[]session.SafetyStep{session.StepPause, session.StepPrivateAssessment, session.StepContinueGroup, session.StepSafetyPlan, session.StepEscalate, session.StepDebrief, session.StepDocument},
		"stay calm and do not interrogate in front of the group; one leader assesses risk privately (ideation, plan, means, timeline) while the other continues, or a solo leader calls a break; act by risk level; debrief without protected detail; document", srcSafety},
	{"threat-or-aggression", "threats of violence, physical aggression, harassment or hate speech",
		[]session.Skill{session.SkillBlocking, session.SkillProtecting},
		[]session.SafetyStep{session.StepPause, session.StepEscalate, session.StepReviewAgreement, session.StepDebrief, session.StepDocument},
		"block at once and protect members; removal from the session may be needed; follow the safety protocol", srcRedLines},
	{"intoxication", "a member attends under the influence: slurred speech, unsteadiness, the smell of alcohol, disinhibition or drowsiness",
		nil,
		[]session.SafetyStep{session.StepContinueGroup, session.StepLeaveSession, session.StepSafeTransport, session.StepDocument, session.StepReviewAgreement},
		"act at once and calmly; talk with the member in private, not in front of the group, and do not discuss the use itself now; the member leaves this session while the group goes on (a co-leader or another staff member stays with it); settle how the member gets home without driving; if the member is hard to rouse, confused or breathing poorly, treat it as a medical emergency; express concern and invite the member back, sober, to take it up at the next session", srcIntoxication},
	{"medical-emergency", "someone in the room (or on the call) is taken ill or hurt and needs urgent care",
		nil,
		[]session.SafetyStep{session.StepPause, session.StepEscalate, session.StepContinueGroup, session.StepDebrief, session.StepDocument},
		"call emergency services and follow the setting's emergency procedure; one leader stays with the person until help arrives while the other looks after the group, or a solo leader stops the group; online, use the location and emergency contact given at consent; debrief the group without protected detail; document", srcMedical},
}

var situationText = func() enum.Table[Situation] {
	names := make([]string, len(situations))
	for i, s := range situations {
		names[i] = s.name
	}
	return enum.Table[Situation]{Pkg: "dynamics", Type: "Situation", Names: names}
}()

// Situations returns every situation in declaration order.
func Situations() []Situation { return situationText.Values() }

// String returns the situation's text form.
func (s Situation) String() string { return situationText.String(s) }

// IsValid reports whether s is a specified situation.
func (s Situation) IsValid() bool { return situationText.Valid(s) }

// MarshalText implements encoding.TextMarshaler.
func (s Situation) MarshalText() ([]byte, error) { return situationText.Marshal(s) }

// UnmarshalText implements encoding.TextUnmarshaler.
func (s *Situation) UnmarshalText(b []byte) error {
	return situationText.Unmarshal(s, b)
}

// ParseSituation returns the situation whose text form is s.
func ParseSituation(s string) (Situation, error) { return situationText.Parse(s) }

// IsGroupPattern reports whether s is a pattern of the group as a whole
// rather than one member's behaviour.
func (s Situation) IsGroupPattern() bool {
	return s >= SituationScapegoating && s <= SituationMemberConflict
}

// IsSafety reports whether s is a safety situation: one that always ranks
// first and that no rule or configuration can suppress.
func (s Situation) IsSafety() bool {
	return s == SituationRiskDisclosure || s == SituationThreatOrAggression || s == SituationMedicalEmergency
}

// Signs returns how the situation shows itself, in words.
func (s Situation) Signs() string {
	if !s.IsValid() {
		return ""
	}
	return situations[s].signs
}

// Interventions returns the leader skills the sources recommend for s, most
// preferred first. The slice is fresh.
func (s Situation) Interventions() []session.Skill {
	if !s.IsValid() {
		return nil
	}
	return append([]session.Skill(nil), situations[s].interventions...)
}

// SafetySteps returns the protocol steps s calls for, in order (none for
// most behaviours). The slice is fresh.
func (s Situation) SafetySteps() []session.SafetyStep {
	if !s.IsValid() {
		return nil
	}
	return append([]session.SafetyStep(nil), situations[s].steps...)
}

// Advice returns the guidance in words, including what no single skill names.
func (s Situation) Advice() string {
	if !s.IsValid() {
		return ""
	}
	return situations[s].advice
}

// Source returns the published source of the situation's guidance.
func (s Situation) Source() string {
	if !s.IsValid() {
		return ""
	}
	return situations[s].source
}
