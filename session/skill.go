package session

import (
	"encoding/json"
	"math/bits"
	"strconv"

	"github.com/groupwork/groupwork/internal/vocab/enum"
)

// Skill is a leader skill: a named kind of facilitator intervention. The
// first 22 are Corey's group leadership skills (Corey, Theory and Practice of
// Group Counseling; Corey, Corey & Corey, Groups: Process and Practice, ch.
// 2); the rest are the group-counselling techniques of Jacobs, Schimmel,
// Masson & Harvill, Group Counseling: Strategies and Skills. The zero value,
// SkillUnspecified, is rejected by validation.
//
// Skills live in session because an intervention is something that happens
// in a session; the dynamics package recommends them.
type Skill uint8

// The leader skills, Corey's 22 in Corey's order, then Jacobs et al.'s.
const (
	SkillUnspecified        Skill = iota
	SkillActiveListening          // (active-listening)
	SkillRestating                // (restating)
	SkillClarifying               // (clarifying)
	SkillSummarizing              // (summarizing)
	SkillQuestioning              // (questioning)
	SkillInterpreting             // (interpreting)
	SkillConfronting              // (confronting)
	SkillReflectingFeelings       // (reflecting-feelings)
	SkillSupporting               // (supporting)
	SkillEmpathizing              // (empathizing)
	SkillFacilitating             // (facilitating)
	SkillInitiating               // (initiating)
	SkillSettingGoals             // (setting-goals)
	SkillEvaluating               // (evaluating)
	SkillGivingFeedback           // (giving-feedback)
	SkillSuggesting               // (suggesting)
	SkillProtecting               // (protecting)
	SkillDisclosingOneself        // (disclosing-oneself)
	SkillModeling                 // (modeling)
	SkillLinking                  // (linking)
	SkillBlocking                 // (blocking)
	SkillTerminating              // (terminating)
	SkillCuttingOff               // (cutting-off)
	SkillDrawingOut               // (drawing-out)
	SkillHoldingFocus             // (holding-focus)
	SkillShiftingFocus            // (shifting-focus)
	SkillEyeScanning              // (eye-scanning)
	SkillRounds                   // (rounds)
	SkillDyads                    // (dyads)
	SkillUsingCoLeader            // (using-co-leader)
)

// Sources for the skill catalogue.
const (
	srcCorey  = "Corey (2012), Theory and Practice of Group Counseling, 8th ed.; Corey, Corey & Corey (2018), Groups: Process and Practice, 10th ed., ch. 2 (22 group leadership skills)"
	srcJacobs = "Jacobs, Schimmel, Masson & Harvill (2016), Group Counseling: Strategies and Skills, 8th ed. (leader techniques)"
)

type skillInfo struct{ name, desc, source string }

var skills = [...]skillInfo{
	{"unspecified", "", ""},
	{"active-listening", "attend to members' words and non-verbal cues without judging", srcCorey},
	{"restating", "say again, in other words, what a member said, to check and sharpen it", srcCorey},
	{"clarifying", "help a member sort out confused or conflicting thoughts and feelings", srcCorey},
	{"summarizing", "pull together the main threads of a discussion or a session", srcCorey},
	{"questioning", "ask open questions that invite exploration rather than facts", srcCorey},
	{"interpreting", "offer a tentative explanation of a behaviour or pattern", srcCorey},
	{"confronting", "invite a member to look at a gap between words and actions, with care", srcCorey},
	{"reflecting-feelings", "name the feeling beneath what a member says", srcCorey},
	{"supporting", "encourage and reinforce a member who is taking a risk", srcCorey},
	{"empathizing", "convey understanding of a member's experience from the inside", srcCorey},
	{"facilitating", "open up communication among members and help them speak to one another", srcCorey},
	{"initiating", "give direction: start a topic, an exercise or a new focus", srcCorey},
	{"setting-goals", "help members set concrete, meaningful goals", srcCorey},
	{"evaluating", "assess the group's process and each member's progress", srcCorey},
	{"giving-feedback", "tell a member specifically and honestly how they come across", srcCorey},
	{"suggesting", "offer information or possible ways of acting, leaving the choice to the member", srcCorey},
	{"protecting", "shield a member from unnecessary risk, attack or pressure", srcCorey},
	{"disclosing-oneself", "share the leader's own here-and-now reactions when it serves the group", srcCorey},
	{"modeling", "show by example the behaviours the group is to learn", srcCorey},
	{"linking", "connect what one member says or does with another member's concerns", srcCorey},
	{"blocking", "stop counterproductive behaviour (gossip, bombardment, breaking confidences) without attacking the person", srcCorey},
	{"terminating", "prepare the group or a member for an ending and consolidate learning", srcCorey},
	{"cutting-off", "stop a member's turn gently and move the focus elsewhere", srcJacobs},
	{"drawing-out", "invite a quiet member to take part, without forcing", srcJacobs},
	{"holding-focus", "keep the group on one topic or member while it is productive", srcJacobs},
	{"shifting-focus", "move the group to another topic, activity or member", srcJacobs},
	{"eye-scanning", "look around the whole group to read reactions and spread attention", srcJacobs},
	{"rounds", "ask each member in turn for a brief answer (a go-around)", srcJacobs},
	{"dyads", "have members work in pairs for a few minutes", srcJacobs},
	{"using-co-leader", "hand over to or coordinate with the co-leader", srcJacobs},
}

var skillText = func() enum.Table[Skill] {
	names := make([]string, len(skills))
	for i, s := range skills {
		names[i] = s.name
	}
	return enum.Table[Skill]{Pkg: "session", Type: "Skill", Names: names}
}()

// Skills returns every leader skill in catalogue order.
func Skills() []Skill { return skillText.Values() }

// String returns the skill's text form.
func (s Skill) String() string { return skillText.String(s) }

// IsValid reports whether s is a specified skill.
func (s Skill) IsValid() bool { return skillText.Valid(s) }

// Description returns a one-line description of the skill, or "" for an
// unknown value.
func (s Skill) Description() string {
	if !s.IsValid() {
		return ""
	}
	return skills[s].desc
}

// Source returns the published source the skill comes from, or "".
func (s Skill) Source() string {
	if !s.IsValid() {
		return ""
	}
	return skills[s].source
}

// MarshalText implements encoding.TextMarshaler.
func (s Skill) MarshalText() ([]byte, error) { return skillText.Marshal(s) }

// UnmarshalText implements encoding.TextUnmarshaler.
func (s *Skill) UnmarshalText(b []byte) error { return skillText.Unmarshal(s, b) }

// ParseSkill returns the skill whose text form is s.
func ParseSkill(s string) (Skill, error) { return skillText.Parse(s) }

// SkillSet is a set of leader skills, such as the skills a group note says
// were used. The zero value is the empty set; a SkillSet is a small
// comparable value. Its JSON form is an array of skill names in catalogue
// order.
type SkillSet uint64

// SkillsOf returns the set holding the given skills.
func SkillsOf(skills ...Skill) SkillSet {
	var s SkillSet
	for _, k := range skills {
		s = s.With(k)
	}
	return s
}

// Has reports whether k is in s.
func (s SkillSet) Has(k Skill) bool { return k < 64 && s&(1<<k) != 0 }

// With returns s with k added. A skill outside the catalogue makes the set
// invalid (see IsValid).
func (s SkillSet) With(k Skill) SkillSet {
	if k >= 64 {
		return s | 1 // bit 0 (the unspecified skill) marks an invalid set
	}
	return s | 1<<k
}

// IsValid reports whether s holds only skills of the catalogue.
func (s SkillSet) IsValid() bool { return s&^allSkills == 0 }

// allSkills is the set of every skill of the catalogue.
const allSkills = SkillSet(1)<<len(skills) - 2

// Len returns the number of skills in s.
func (s SkillSet) Len() int { return bits.OnesCount64(uint64(s)) }

// List returns the skills in s in catalogue order.
func (s SkillSet) List() []Skill {
	var out []Skill
	for m := uint64(s &^ 1); m != 0; m &= m - 1 {
		out = append(out, Skill(bits.TrailingZeros64(m)))
	}
	return out
}

// MarshalJSON encodes s as an array of skill names in catalogue order. A
// set holding anything outside the catalogue is an error.
func (s SkillSet) MarshalJSON() ([]byte, error) {
	if !s.IsValid() {
		return nil, newParseError("SkillSet", strconv.FormatUint(uint64(s), 16))
	}
	names := make([]string, 0, s.Len())
	for _, k := range s.List() {
		names = append(names, k.String())
	}
	return json.Marshal(names)
}

// UnmarshalJSON decodes an array of skill names (or null); s is unchanged
// on error.
func (s *SkillSet) UnmarshalJSON(b []byte) error {
	var names []string
	if err := json.Unmarshal(b, &names); err != nil {
		return err
	}
	var out SkillSet
	for _, n := range names {
		k, err := ParseSkill(n)
		if err != nil {
			return err
		}
		out = out.With(k)
	}
	*s = out
	return nil
}

// SafetyStep is a step of a safety protocol: what a facilitator does when
// someone's safety is at risk. Safety steps are interventions too, but kept
// apart from leader skills because they follow a protocol rather than a
// facilitator's judgement. A step names the action only; the protocols of
// dynamics/safety say who takes it, in what order, in which room, and with
// which numbers and agencies (a jurisdiction's data, never the step's
// text). The zero value is rejected by validation.
//
// Sources: AGPA (2007), Practice Guidelines for Group Psychotherapy; SAMHSA
// TIP 41 (2005) and TIP 50 (2009, GATE: gather information, access
// supervision, take responsible action, extend the action); Stanley & Brown
// (2012), Safety Planning Intervention; ACA Code of Ethics (2014) B.2.a;
// Tarasoff v. Regents of the University of California (1976); Child Welfare
// Information Gateway, Mandatory Reporting of Child Abuse and Neglect;
// SAMHSA TIP 57 (2014), trauma-informed care. StepLeaveSession and
// StepSafeTransport follow SAMHSA TIP 47 (2006), Substance Abuse: Clinical
// Issues in Intensive Outpatient Treatment, ch. 7, "Under the Influence in
// Group": the counselor escorts the member out, settles how the member gets
// home (not driving), and keeps the group's time for the others. Each
// protocol step in dynamics/safety names the publication it rests on.
type SafetyStep uint8

// The safety steps, in the order a protocol usually takes them; steps added
// later come last, so that no step's value changes.
const (
	StepUnspecified       SafetyStep = iota
	StepPause                        // (pause) pause or break the group; stay calm, do not interrogate in front of others
	StepPrivateAssessment            // (private-assessment) one leader assesses risk privately: ideation, plan, means, timeline
	StepContinueGroup                // (continue-group) the other leader carries on with the group
	StepSafetyPlan                   // (safety-plan) make or review a safety plan with the member
	StepEscalate                     // (escalate) emergency services or a crisis line as the risk level requires
	StepReferProfessional            // (refer-professional) in a peer-led group: give crisis numbers, hand over to a professional
	StepDebrief                      // (debrief) debrief the group without protected detail
	StepDocument                     // (document) document what happened and what was done
	StepReviewAgreement              // (review-agreement) review the group agreement and its consequences
	StepLeaveSession                 // (leave-session) the member leaves this session, asked privately; follow-up agreed
	StepSafeTransport                // (safe-transport) arrange a safe way home; a member under the influence does not drive
	StepMeansSafety                  // (means-safety) counsel the member on making the means of self-harm safer
	StepNotifyClinician              // (notify-clinician) tell the member's own clinician or therapist
	StepFollowUpContact              // (follow-up-contact) contact the member again within the agreed time
	StepAssessThreat                 // (assess-threat) assess a threat in private: who is named, how serious, how imminent
	StepConsult                      // (consult) consult a supervisor, the on-call clinician or a legal adviser
	StepWarnOrProtect                // (warn-or-protect) warn or protect as the jurisdiction's duty requires
	StepListen                       // (listen) listen and acknowledge; do not investigate or question for details
	StepExplainNext                  // (explain-next) tell the member what happens next and why
	StepReport                       // (report) report to the agency the jurisdiction names, within its deadline
	StepCallEmergency                // (call-emergency) call the emergency number at once
	StepStayWith                     // (stay-with) stay with the person until help arrives; keep others back
	StepCheckOnMember                // (check-on-member) go after a member who left and check that they are safe
	StepGrounding                    // (grounding) help the member ground: the room, the senses, slow breathing
	StepOfferChoice                  // (offer-choice) offer a choice, such as stepping out with a leader; never force
	StepMeetPrivately                // (meet-privately) meet the member privately, away from the group
	StepSupportAffected              // (support-affected) care for the person harmed or exposed
	StepRebuildTrust                 // (rebuild-trust) rebuild the group's trust without re-disclosing
	StepProtectMembers               // (protect-members) stop the interaction and protect members: separate, clear the room
	StepAskRiskItem                  // (ask-risk-item) ask an unanswered risk question in private
)

var stepInfo = [...]struct{ name, desc string }{
	{"unspecified", ""},
	{"pause", "pause the group or call a break; stay calm and do not question the member in front of others"},
	{"private-assessment", "one leader assesses risk in private: ideation, plan, means, timeline"},
	{"continue-group", "the other leader carries on with the group meanwhile"},
	{"safety-plan", "make or review a safety plan with the member and agree follow-up"},
	{"escalate", "contact emergency services or a crisis line, as the risk level requires"},
	{"refer-professional", "give crisis numbers and hand the member over to a professional"},
	{"debrief", "debrief the group afterwards without sharing protected detail"},
	{"document", "document the incident, the assessment and the actions taken"},
	{"review-agreement", "review the group agreement and apply the consequences it names"},
	{"leave-session", "ask the member, in private and without shaming, to leave this session, and agree when to talk next"},
	{"safe-transport", "arrange a safe way home (a relative, a cab); a member under the influence does not drive"},
	{"means-safety", "counsel the member on making the means of self-harm safer or out of reach"},
	{"notify-clinician", "tell the member's own clinician or therapist what happened, with the member's knowledge"},
	{"follow-up-contact", "contact the member again within the agreed time, by a call or a meeting"},
	{"assess-threat", "assess the threat in private: who is named, how serious and how imminent it is, access to means"},
	{"consult", "consult a supervisor, the on-call clinician or a legal adviser before deciding"},
	{"warn-or-protect", "warn the person threatened or take other steps to protect them, as the law of the place requires or permits"},
	{"listen", "listen and acknowledge what was said; do not investigate or question for details"},
	{"explain-next", "tell the member what will happen next and why, within the limits of confidentiality"},
	{"report", "report to the agency the law names, within its deadline"},
	{"call-emergency", "call the emergency number at once"},
	{"stay-with", "stay with the person until help arrives and keep others back"},
	{"check-on-member", "go after a member who left the room and check that they are safe"},
	{"grounding", "help the member ground: orient to the room, notice the senses, breathe slowly"},
	{"offer-choice", "offer a choice, such as stepping out with a leader or staying; never force"},
	{"meet-privately", "meet the member privately, away from the group"},
	{"support-affected", "care for the person harmed or exposed, privately"},
	{"rebuild-trust", "take it up with the group and rebuild trust, without re-disclosing what was shared"},
	{"protect-members", "stop the interaction and protect the members: separate people, clear the room if needed"},
	{"ask-risk-item", "ask the unanswered risk question in private, so that unknown risk becomes a reading"},
}

var stepText = func() enum.Table[SafetyStep] {
	names := make([]string, len(stepInfo))
	for i, s := range stepInfo {
		names[i] = s.name
	}
	return enum.Table[SafetyStep]{Pkg: "session", Type: "SafetyStep", Names: names}
}()

// SafetySteps returns every safety step in protocol order.
func SafetySteps() []SafetyStep { return stepText.Values() }

// String returns the step's text form.
func (s SafetyStep) String() string { return stepText.String(s) }

// IsValid reports whether s is a specified step.
func (s SafetyStep) IsValid() bool { return stepText.Valid(s) }

// Description returns a one-line description of the step, or "".
func (s SafetyStep) Description() string {
	if !s.IsValid() {
		return ""
	}
	return stepInfo[s].desc
}

// MarshalText implements encoding.TextMarshaler.
func (s SafetyStep) MarshalText() ([]byte, error) { return stepText.Marshal(s) }

// UnmarshalText implements encoding.TextUnmarshaler.
func (s *SafetyStep) UnmarshalText(b []byte) error { return stepText.Unmarshal(s, b) }

// ParseSafetyStep returns the step whose text form is s.
func ParseSafetyStep(s string) (SafetyStep, error) { return stepText.Parse(s) }
