package safety

import (
	"time"

	"github.com/groupwork/groupwork/group"
	"github.com/groupwork/groupwork/session"
)

// Sources of the built-in protocols. Every step names the publication it
// rests on; where none prescribes a step for a group, the step says it is
// this library's heuristic.
const (
	srcAGPA       = "AGPA (2007), Practice Guidelines for Group Psychotherapy, Reducing Adverse Outcomes and the Ethical Practice of Group Psychotherapy"
	srcConcurrent = "AGPA (2007), Practice Guidelines for Group Psychotherapy, Concurrent Therapies"
	srcTIP42      = "SAMHSA TIP 42 (2020), Substance Use Disorder Treatment for People With Co-Occurring Disorders, ch. 4 (suicide as a cross-cutting topic)"
	srcTIP50      = "SAMHSA TIP 50 (2009), Addressing Suicidal Thoughts and Behaviors in Substance Abuse Treatment, ch. 1 (GATE: gather information, access supervision, take responsible action, extend the action)"
	srcSPI        = "Stanley & Brown (2012), Safety Planning Intervention: A Brief Intervention to Mitigate Suicide Risk, Cognitive and Behavioral Practice 19(2), 256-264"
	srcNG225      = "NICE NG225 (2022), Self-harm: assessment, management and preventing recurrence (assess needs and risks with the person; never by a risk scale alone)"
	srcB2a        = "ACA Code of Ethics (2014), B.2.a (serious and foreseeable harm and legal requirements; consult when in doubt)"
	srcB4a        = "ACA Code of Ethics (2014), B.4.a (group work: confidentiality, its importance and its limits)"
	srcTarasoff   = "Tarasoff v. Regents of the University of California, 17 Cal. 3d 425 (1976); NCSL, Mental Health Professionals' Duty to Warn (state laws differ: mandatory, permissive, none)"
	srcHIPAA      = "45 CFR 164.512(j) (US: disclosure to prevent or lessen a serious and imminent threat, to a person able to prevent it, including its target)"
	srcCWIG       = "Child Welfare Information Gateway, Mandatory Reporting of Child Abuse and Neglect (State Statutes series, 2023): a reporter reports the facts and circumstances of a suspicion and need not prove it"
	srcTIP57      = "SAMHSA TIP 57 (2014), Trauma-Informed Care in Behavioral Health Services"
	srcChoice     = "SAMHSA (2014), SAMHSA's Concept of Trauma and Guidance for a Trauma-Informed Approach, HHS Pub. No. (SMA) 14-4884 (safety; voice and choice)"
	srcTIP47      = "SAMHSA TIP 47 (2006), Substance Abuse: Clinical Issues in Intensive Outpatient Treatment, ch. 7, \"Under the Influence in Group\""
	srcNG10       = "NICE NG10 (2015), Violence and aggression: short-term management in mental health, health and community settings"
	srcRedLines   = "Corey, Corey & Corey (2018), Groups: Process and Practice, 10th ed. (threats and aggression are not tolerated: block, protect, remove)"
	srcPeer       = "SAMHSA (2015), Core Competencies for Peer Workers in Behavioral Health Services (peer workers support the person and connect them with professional and crisis services; they do not assess clinical risk)"
	srcPHQ9       = "Kroenke, Spitzer & Williams (2001), the PHQ-9 (item 9 calls for follow-up whatever the total); an unanswered risk item is unknown risk, not no risk"
	srcSetting    = "the setting's emergency procedure; the emergency number is the jurisdiction's"
	srcHeuristic  = "this library's heuristic: no published protocol prescribes this step for a group (see docs/reference/safety.md)"
)

// Roles in the protocols (see Step).
const (
	lead = group.RoleLead
	co   = group.RoleCoLead
	peer = group.RolePeerFacilitator
	sup  = group.RoleSupervisor
)

func step(a session.SafetyStep, r group.Role, text, src string) Step {
	return Step{Action: a, Role: r, Text: text, Source: src}
}

// BuiltinProtocols returns fresh copies of the built-in protocols, most
// urgent first (by Rank): a medical emergency, violence or threats in the
// room, risk to self, risk to others, a member who leaves in distress,
// dissociation or panic, intoxication, abuse or neglect disclosed, an
// unanswered risk question, and confidentiality broken outside the group.
// Each has a co-led, a solo and a peer-led variant; each step names who
// takes it and the publication it rests on, and no step names a number or
// an agency: the jurisdiction fills them in.
func BuiltinProtocols() []Protocol {
	return []Protocol{
		medicalEmergency(), violence(), riskToSelf(), riskToOthers(), leftDistressed(),
		dissociation(), intoxication(), abuseDisclosed(), riskUnknown(), confidentiality(),
	}
}

// riskToSelf: suicidal thoughts or self-harm. A clinician assesses in
// private; a safety plan (Stanley & Brown 2012) and means safety; escalation
// when imminent; the member's own clinician is told; follow-up contact.
func riskToSelf() Protocol {
	assess := "invite the member to talk in private and assess the risk with them: thoughts of suicide or self-harm, a plan, access to means, intent, timing, what keeps them safe; do not question the member in front of the group"
	consult := "consult the supervisor or the on-call clinician about the level of risk and what to do"
	escalate := "if the risk is imminent, do not leave the member alone: call {emergency} or arrange an urgent assessment; otherwise agree the level of care with the member"
	plan := "make or review a written safety plan with the member: warning signs, ways to cope alone, people and places that distract, people to ask for help, professionals and crisis lines such as {crisis}, and making the surroundings safe"
	means := "talk with the member about making the means of self-harm safer or out of reach, and who will help"
	notify := "tell the member's own clinician or therapist what happened, with the member's knowledge"
	doc := "document the assessment, what was decided and why, and who was told"
	return Protocol{
		ID: ProtocolRiskToSelf, Title: "Risk to self: suicidal thoughts or self-harm", Rank: 3,
		CoLed: []Step{
			step(session.StepPrivateAssessment, lead, assess, srcTIP50),
			step(session.StepContinueGroup, co, "carry on with the group meanwhile; if members ask, say that a leader is with a member, without detail", srcAGPA),
			step(session.StepConsult, lead, consult, srcTIP50),
			step(session.StepEscalate, lead, escalate, srcTIP50),
			step(session.StepSafetyPlan, lead, plan, srcSPI),
			step(session.StepMeansSafety, lead, means, srcSPI),
			step(session.StepNotifyClinician, lead, notify, srcConcurrent),
			step(session.StepDebrief, co, "acknowledge to the group what it saw, without protected detail", srcAGPA),
			step(session.StepDocument, lead, doc, srcTIP50),
		},
		Solo: []Step{
			step(session.StepPause, lead, "call a short break so that the member can be seen in private; stay calm and do not question the member in front of the others", srcAGPA),
			step(session.StepPrivateAssessment, lead, assess, srcTIP50),
			step(session.StepConsult, lead, consult+", by phone if need be", srcTIP50),
			step(session.StepEscalate, lead, escalate, srcTIP50),
			step(session.StepSafetyPlan, lead, plan, srcSPI),
			step(session.StepMeansSafety, lead, means, srcSPI),
			step(session.StepNotifyClinician, lead, notify, srcConcurrent),
			step(session.StepDebrief, lead, "when the group resumes, acknowledge what it saw, without protected detail", srcAGPA),
			step(session.StepDocument, lead, doc, srcTIP50),
		},
		PeerLed: []Step{
			step(session.StepPause, peer, "pause or call a break; talk with the member in private, listen, and stay with them; a peer facilitator does not assess the risk", srcPeer),
			step(session.StepEscalate, peer, "if life is in danger now, call {emergency} and stay with the member until help arrives", srcPeer),
			step(session.StepReferProfessional, peer, "connect the member with professional help now: {crisis}, or the member's own clinician; offer to make the call together", srcPeer),
			step(session.StepConsult, peer, "tell the supervisor or the on-call clinician at once; they decide the clinical follow-up", srcTIP50),
			step(session.StepDebrief, peer, "acknowledge to the group what it saw, without protected detail", srcAGPA),
			step(session.StepDocument, peer, "write down what happened, what was done and who was told", srcPeer),
		},
		Tasks: []TaskRule{
			{Kind: TaskClinicianReview, Owner: lead, PeerOwner: sup, Due: DueSameDay, Text: "a clinician reviews the risk and the safety plan with the member today", Source: srcNG225},
			{Kind: TaskNotifyTherapist, Owner: lead, PeerOwner: sup, Due: DueSameDay, Text: "tell the member's own clinician or therapist", Source: srcConcurrent},
			{Kind: TaskDocument, Owner: lead, PeerOwner: peer, Due: DueSameDay, Text: "complete the record of the episode", Source: srcTIP50},
			{Kind: TaskCheckIn, Owner: lead, PeerOwner: sup, Due: DueNextSession, Within: Period(48 * time.Hour), Text: "contact the member within a day or two, and before the group meets again: how are they, is the plan working (the limit is this library's heuristic)", Source: srcTIP50},
		},
		Sources: []string{srcTIP50, srcTIP42, srcSPI, srcNG225, srcConcurrent, srcAGPA, srcPeer},
	}
}

// riskToOthers: a threat against an identifiable person. Assess
// seriousness and imminence, consult, warn or protect as the jurisdiction
// requires, document the reasoning.
func riskToOthers() Protocol {
	assess := "assess the threat in private: who is named or can be identified, how serious and how imminent it is, access to weapons or other means, past violence"
	consult := "consult the supervisor and, where the duty is unclear, a legal adviser, before deciding"
	warn := "act on the duty to warn or protect: {warn}"
	escalate := "if harm is imminent, call {emergency}"
	doc := "document the threat as said, the assessment, who was consulted, what was decided and why"
	return Protocol{
		ID: ProtocolRiskToOthers, Title: "Risk to others: a threat against an identifiable person", Rank: 4,
		CoLed: []Step{
			step(session.StepAssessThreat, lead, assess, srcTarasoff),
			step(session.StepContinueGroup, co, "carry on with the group meanwhile, without detail", srcAGPA),
			step(session.StepConsult, lead, consult, srcB2a),
			step(session.StepEscalate, lead, escalate, srcHIPAA),
			step(session.StepWarnOrProtect, lead, warn, srcTarasoff),
			step(session.StepNotifyClinician, lead, "tell the member's own clinician or therapist", srcConcurrent),
			step(session.StepDebrief, co, "acknowledge to the group what it heard, without protected detail", srcAGPA),
			step(session.StepDocument, lead, doc, srcB2a),
		},
		Solo: []Step{
			step(session.StepPause, lead, "call a short break so that the member can be seen in private", srcAGPA),
			step(session.StepAssessThreat, lead, assess, srcTarasoff),
			step(session.StepConsult, lead, consult, srcB2a),
			step(session.StepEscalate, lead, escalate, srcHIPAA),
			step(session.StepWarnOrProtect, lead, warn, srcTarasoff),
			step(session.StepNotifyClinician, lead, "tell the member's own clinician or therapist", srcConcurrent),
			step(session.StepDebrief, lead, "when the group resumes, acknowledge what it heard, without protected detail", srcAGPA),
			step(session.StepDocument, lead, doc, srcB2a),
		},
		PeerLed: []Step{
			step(session.StepPause, peer, "talk with the member in private and listen; a peer facilitator does not assess the threat alone", srcPeer),
			step(session.StepEscalate, peer, "if anyone is in danger now, call {emergency}", srcPeer),
			step(session.StepConsult, peer, "tell the supervisor or the on-call clinician at once, with the words the member used", srcPeer),
			step(session.StepAssessThreat, sup, assess, srcTarasoff),
			step(session.StepWarnOrProtect, sup, warn, srcTarasoff),
			step(session.StepDocument, peer, "write down what was said, what was done and who was told", srcPeer),
		},
		Tasks: []TaskRule{
			{Kind: TaskProtectDecision, Owner: lead, PeerOwner: sup, Due: DueAtOnce, Text: "decide, with consultation, whether to warn or protect, and act: {warn}", Source: srcTarasoff},
			{Kind: TaskClinicianReview, Owner: lead, PeerOwner: sup, Due: DueSameDay, Text: "a clinician reviews the threat and the decision today", Source: srcB2a},
			{Kind: TaskNotifyTherapist, Owner: lead, PeerOwner: sup, Due: DueSameDay, Text: "tell the member's own clinician or therapist", Source: srcConcurrent},
			{Kind: TaskDocument, Owner: lead, PeerOwner: peer, Due: DueSameDay, Text: "complete the record: the threat, the assessment, the consultation, the decision and its reasons", Source: srcB2a},
		},
		Sources: []string{srcTarasoff, srcB2a, srcHIPAA, srcConcurrent, srcAGPA, srcPeer},
	}
}

// abuseDisclosed: abuse or neglect of a child, an elder or a dependent
// adult. Do not investigate; tell the member what happens next; report to
// the named agency by the jurisdiction's deadline; consult; document. Never
// the suicide protocol unless risk to self is also recorded.
func abuseDisclosed() Protocol {
	listen := "acknowledge the disclosure calmly and listen; do not investigate, question for details or promise secrecy; move the conversation out of the group"
	explain := "in private, tell the member what will happen next and why: that you must report, to whom, and what they can expect"
	consult := "consult the supervisor or the service's safeguarding lead about the report"
	report := "make the report the law asks: {report}"
	danger := "if anyone is in danger now, call {emergency}"
	doc := "document what was disclosed, in the member's words, and the report: when, to whom, its reference"
	return Protocol{
		ID: ProtocolAbuseDisclosed, Title: "Abuse or neglect disclosed: a child, an elder or a dependent adult", Rank: 8,
		CoLed: []Step{
			step(session.StepListen, lead, listen, srcCWIG),
			step(session.StepContinueGroup, co, "carry on with the group while the lead speaks with the member", srcAGPA),
			step(session.StepExplainNext, lead, explain, srcB2a),
			step(session.StepEscalate, lead, danger, srcCWIG),
			step(session.StepConsult, lead, consult, srcB2a),
			step(session.StepReport, lead, report, srcCWIG),
			step(session.StepDocument, lead, doc, srcCWIG),
		},
		Solo: []Step{
			step(session.StepListen, lead, listen, srcCWIG),
			step(session.StepExplainNext, lead, explain+"; at the break or after the session", srcB2a),
			step(session.StepEscalate, lead, danger, srcCWIG),
			step(session.StepConsult, lead, consult, srcB2a),
			step(session.StepReport, lead, report, srcCWIG),
			step(session.StepDocument, lead, doc, srcCWIG),
		},
		PeerLed: []Step{
			step(session.StepListen, peer, listen, srcCWIG),
			step(session.StepExplainNext, peer, "in private, tell the member that you must pass this on, to whom, and why", srcPeer),
			step(session.StepEscalate, peer, danger, srcCWIG),
			step(session.StepConsult, peer, "tell the supervisor or the service's safeguarding lead the same day; where the law makes every adult a reporter, report yourself too", srcCWIG),
			step(session.StepReport, sup, report, srcCWIG),
			step(session.StepDocument, peer, "write down what was said, in the member's words, and who was told", srcPeer),
		},
		Tasks: []TaskRule{
			{Kind: TaskOralReport, Owner: lead, PeerOwner: sup, Due: DueOralReport, Text: "make the report", Source: srcCWIG},
			{Kind: TaskWrittenReport, Owner: lead, PeerOwner: sup, Due: DueWrittenReport, Text: "send the written report", Source: srcCWIG},
			{Kind: TaskClinicianReview, Owner: lead, PeerOwner: sup, Due: DueSameDay, Text: "the supervisor reviews the disclosure and the report today", Source: srcB2a},
			{Kind: TaskDocument, Owner: lead, PeerOwner: peer, Due: DueSameDay, Text: "complete the record of the disclosure and the report", Source: srcCWIG},
			{Kind: TaskCheckIn, Owner: lead, PeerOwner: peer, Due: DueNextSession, Text: "check in with the member before the group meets again: how are they, what happened after the report", Source: srcHeuristic},
		},
		Sources: []string{srcCWIG, srcB2a, srcAGPA, srcPeer},
	}
}

// riskUnknown: a risk question left unanswered on a form. Unknown risk
// needs review the same day.
func riskUnknown() Protocol {
	ask := "before the member leaves today, ask the unanswered risk question in private; if the answer is positive, follow the risk-to-self protocol"
	return Protocol{
		ID: ProtocolRiskUnknown, Title: "Unknown risk: a risk question left unanswered", Rank: 9,
		CoLed: []Step{
			step(session.StepAskRiskItem, lead, ask, srcPHQ9),
			step(session.StepDocument, lead, "document the answer and what followed", srcPHQ9),
		},
		Solo: []Step{
			step(session.StepAskRiskItem, lead, "at the break, or before the member leaves today, ask the unanswered risk question in private; if the answer is positive, follow the risk-to-self protocol", srcPHQ9),
			step(session.StepDocument, lead, "document the answer and what followed", srcPHQ9),
		},
		PeerLed: []Step{
			step(session.StepReferProfessional, peer, "a peer facilitator does not assess risk: let the member know the question was left open, give {crisis}, and pass it on", srcPeer),
			step(session.StepConsult, peer, "tell the supervisor or the member's clinician today, so that a clinician asks it", srcPeer),
			step(session.StepAskRiskItem, sup, "ask the unanswered risk question in private today", srcPHQ9),
		},
		Tasks: []TaskRule{
			{Kind: TaskClinicianReview, Owner: lead, PeerOwner: sup, Due: DueSameDay, Text: "a clinician reads the answer to the risk question, or asks it, today", Source: srcPHQ9},
		},
		Sources: []string{srcPHQ9, srcPeer},
	}
}
