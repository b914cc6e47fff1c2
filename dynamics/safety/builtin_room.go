package safety

import "github.com/groupwork/groupwork/session"

// medicalEmergency: someone in the room (or on the call) is taken ill or
// hurt. Emergency services in every variant; someone stays with the person;
// the group is looked after.
func medicalEmergency() Protocol {
	call := "call {emergency} and follow the setting's emergency procedure; online, use the location and emergency contact given at consent"
	stay := "stay with the person until help arrives; give first aid only as trained"
	return Protocol{
		ID: ProtocolMedicalEmergency, Title: "Medical emergency", Rank: 1,
		CoLed: []Step{
			step(session.StepCallEmergency, lead, call, srcSetting),
			step(session.StepStayWith, lead, stay, srcSetting),
			step(session.StepContinueGroup, co, "look after the group: give the person room, move the others elsewhere if needed", srcHeuristic),
			step(session.StepDebrief, co, "acknowledge to the group what happened, without protected detail", srcAGPA),
			step(session.StepDocument, lead, "document what happened and what was done", srcSetting),
		},
		Solo: []Step{
			step(session.StepPause, lead, "stop the group", srcSetting),
			step(session.StepCallEmergency, lead, call+"; ask a member to make the call if you are giving first aid", srcSetting),
			step(session.StepStayWith, lead, stay+"; ask the members to give the person room", srcSetting),
			step(session.StepDebrief, lead, "acknowledge to the group what happened, without protected detail", srcAGPA),
			step(session.StepDocument, lead, "document what happened and what was done", srcSetting),
		},
		PeerLed: []Step{
			step(session.StepPause, peer, "stop the group", srcSetting),
			step(session.StepCallEmergency, peer, call+"; give no medical advice beyond first aid", srcSetting),
			step(session.StepStayWith, peer, stay, srcSetting),
			step(session.StepDocument, peer, "write down what happened and what was done, and tell the supervisor", srcPeer),
		},
		Tasks: []TaskRule{
			{Kind: TaskDocument, Owner: lead, PeerOwner: peer, Due: DueSameDay, Text: "complete the record of the emergency", Source: srcSetting},
			{Kind: TaskCheckIn, Owner: lead, PeerOwner: peer, Due: DueNextSession, Text: "check how the person is before the group meets again", Source: srcHeuristic},
		},
		Sources: []string{srcSetting, srcAGPA, srcPeer},
	}
}

// violence: violence or threats in the room. Stop, protect, remove,
// emergency services.
func violence() Protocol {
	protect := "stop the interaction at once and protect the members: ask people to move apart, do not step between them, clear the room if needed"
	call := "if anyone is hurt or in danger, call {emergency}"
	remove := "ask the member to leave this session, calmly and without restraint; agree when to talk next"
	return Protocol{
		ID: ProtocolViolence, Title: "Violence or threats in the room", Rank: 2,
		CoLed: []Step{
			step(session.StepProtectMembers, lead, protect, srcNG10),
			step(session.StepEscalate, lead, call, srcNG10),
			step(session.StepLeaveSession, lead, remove, srcRedLines),
			step(session.StepContinueGroup, co, "stay with the other members somewhere safe", srcHeuristic),
			step(session.StepSupportAffected, co, "check on the person targeted, privately", srcRedLines),
			step(session.StepDebrief, co, "debrief the group without protected detail", srcAGPA),
			step(session.StepReviewAgreement, lead, "apply the consequences the group agreement names", srcRedLines),
			step(session.StepDocument, lead, "document what was said and done, by whom, and what followed", srcNG10),
		},
		Solo: []Step{
			step(session.StepProtectMembers, lead, protect, srcNG10),
			step(session.StepEscalate, lead, call, srcNG10),
			step(session.StepLeaveSession, lead, remove, srcRedLines),
			step(session.StepSupportAffected, lead, "check on the person targeted, privately", srcRedLines),
			step(session.StepDebrief, lead, "debrief the group without protected detail", srcAGPA),
			step(session.StepReviewAgreement, lead, "apply the consequences the group agreement names", srcRedLines),
			step(session.StepDocument, lead, "document what was said and done, by whom, and what followed", srcNG10),
		},
		PeerLed: []Step{
			step(session.StepProtectMembers, peer, protect, srcNG10),
			step(session.StepEscalate, peer, call, srcNG10),
			step(session.StepLeaveSession, peer, remove, srcRedLines),
			step(session.StepSupportAffected, peer, "check on the person targeted, privately", srcRedLines),
			step(session.StepConsult, peer, "tell the supervisor the same day", srcPeer),
			step(session.StepReviewAgreement, peer, "restate the group's guidelines and apply what they say", srcRedLines),
			step(session.StepDocument, peer, "write down what was said and done and what followed", srcPeer),
		},
		Tasks: []TaskRule{
			{Kind: TaskClinicianReview, Owner: lead, PeerOwner: sup, Due: DueSameDay, Text: "review the incident and whether the member returns, and on what terms", Source: srcNG10},
			{Kind: TaskDocument, Owner: lead, PeerOwner: peer, Due: DueSameDay, Text: "complete the incident record", Source: srcNG10},
			{Kind: TaskNextSession, Owner: lead, PeerOwner: peer, Due: DueNextSession, Text: "take it up with the group at the next session: safety and the agreement", Source: srcAGPA},
		},
		Sources: []string{srcNG10, srcRedLines, srcAGPA, srcPeer},
	}
}

// intoxication: a member attends under the influence. The member does not
// take part; safe transport home always; a solo or peer facilitator has no
// other leader to carry on.
func intoxication() Protocol {
	talk := "talk with the member in private, calmly, not in front of the group; do not discuss the use itself now"
	leave := "ask the member to leave this session, without shaming; invite them back, sober, to take it up next time"
	ride := "settle a safe way home: the member does not drive (a relative, a cab)"
	medical := "if the member is hard to rouse, confused or breathing poorly, treat it as a medical emergency: call {emergency}"
	return Protocol{
		ID: ProtocolIntoxication, Title: "Intoxication: a member attends under the influence", Rank: 7,
		CoLed: []Step{
			step(session.StepMeetPrivately, lead, talk, srcTIP47),
			step(session.StepContinueGroup, co, "carry on with the group meanwhile", srcTIP47),
			step(session.StepEscalate, lead, medical, srcTIP47),
			step(session.StepLeaveSession, lead, leave, srcTIP47),
			step(session.StepSafeTransport, lead, ride, srcTIP47),
			step(session.StepDocument, lead, "document what was seen and what was done", srcTIP47),
		},
		Solo: []Step{
			step(session.StepPause, lead, "give the group a short task or break: there is no other leader to carry on", srcHeuristic),
			step(session.StepMeetPrivately, lead, talk, srcTIP47),
			step(session.StepEscalate, lead, medical, srcTIP47),
			step(session.StepLeaveSession, lead, leave, srcTIP47),
			step(session.StepSafeTransport, lead, ride, srcTIP47),
			step(session.StepDocument, lead, "document what was seen and what was done", srcTIP47),
		},
		PeerLed: []Step{
			step(session.StepPause, peer, "give the group a short break: there is no other leader to carry on", srcHeuristic),
			step(session.StepMeetPrivately, peer, talk, srcTIP47),
			step(session.StepEscalate, peer, medical, srcTIP47),
			step(session.StepLeaveSession, peer, "ask the member, kindly, to sit this meeting out and come back another time", srcTIP47),
			step(session.StepSafeTransport, peer, ride, srcTIP47),
			step(session.StepDocument, peer, "write down what happened and tell the supervisor", srcPeer),
		},
		Tasks: []TaskRule{
			{Kind: TaskDocument, Owner: lead, PeerOwner: peer, Due: DueSameDay, Text: "complete the record", Source: srcTIP47},
			{Kind: TaskCheckIn, Owner: lead, PeerOwner: peer, Due: DueNextSession, Text: "contact the member before the group meets again: express concern and invite them back", Source: srcTIP47},
		},
		Sources: []string{srcTIP47, srcPeer},
	}
}

// leftDistressed: a member leaves the room in distress. The co-leader
// follows; a solo leader pauses briefly or checks at the first break;
// escalate if risk; same-day follow-up; process it next session.
func leftDistressed() Protocol {
	check := "go after the member and check that they are safe; listen, and offer to come back in"
	risk := "if there is any sign of risk to self, do not leave the member alone and follow the risk-to-self protocol; if life is in danger, call {emergency}"
	return Protocol{
		ID: ProtocolLeftDistressed, Title: "A member leaves the room in distress", Rank: 5,
		CoLed: []Step{
			step(session.StepCheckOnMember, co, check, srcHeuristic),
			step(session.StepContinueGroup, lead, "carry on with the group; acknowledge the member's leaving without speculating", srcAGPA),
			step(session.StepEscalate, co, risk, srcTIP50),
			step(session.StepDebrief, lead, "when the member returns, or at the end, acknowledge it with the group without detail", srcAGPA),
			step(session.StepDocument, lead, "document what happened and what was done", srcAGPA),
		},
		Solo: []Step{
			step(session.StepPause, lead, "pause the group briefly to check on the member, or, if the member seemed safe, check at the first break (a judgement: practice differs)", srcHeuristic),
			step(session.StepCheckOnMember, lead, check, srcHeuristic),
			step(session.StepEscalate, lead, risk, srcTIP50),
			step(session.StepDebrief, lead, "acknowledge it with the group without detail", srcAGPA),
			step(session.StepDocument, lead, "document what happened and what was done", srcAGPA),
		},
		PeerLed: []Step{
			step(session.StepPause, peer, "pause the group briefly, or ask another member you trust to stay with the group", srcHeuristic),
			step(session.StepCheckOnMember, peer, check, srcHeuristic),
			step(session.StepEscalate, peer, "if there is any sign of risk, stay with the member and call {crisis}; if life is in danger, call {emergency}", srcPeer),
			step(session.StepDocument, peer, "write down what happened and tell the supervisor", srcPeer),
		},
		Tasks: []TaskRule{
			{Kind: TaskCheckIn, Owner: lead, PeerOwner: peer, Due: DueSameDay, Text: "contact the member the same day: are they safe, will they come back", Source: srcHeuristic},
			{Kind: TaskDocument, Owner: lead, PeerOwner: peer, Due: DueSameDay, Text: "complete the record", Source: srcAGPA},
			{Kind: TaskNextSession, Owner: lead, PeerOwner: peer, Due: DueNextSession, Text: "process it at the next session, with the member's agreement; recall the agreement to tell the group before leaving", Source: srcAGPA},
		},
		Sources: []string{srcAGPA, srcTIP50, srcPeer, srcHeuristic},
	}
}

// dissociation: dissociation or panic in the room. Grounding, orienting, a
// choice to step out; trauma-informed: never forced.
func dissociation() Protocol {
	ground := "speak calmly; name where and when we are; invite the member to notice the room, the floor and the chair, and to breathe slowly"
	choice := "offer a choice: stay, or step out with a leader; never force, and do not touch without consent"
	medical := "if the symptoms could be medical (chest pain, fainting) or do not settle, treat it as a medical emergency: call {emergency}"
	return Protocol{
		ID: ProtocolDissociation, Title: "Dissociation or panic in the room", Rank: 6,
		CoLed: []Step{
			step(session.StepGrounding, lead, ground, srcTIP57),
			step(session.StepOfferChoice, lead, choice, srcChoice),
			step(session.StepContinueGroup, co, "carry on with the group, or slow its pace, while the lead attends to the member", srcHeuristic),
			step(session.StepEscalate, lead, medical, srcTIP57),
			step(session.StepDebrief, co, "acknowledge it with the group without detail and without pathologizing", srcTIP57),
			step(session.StepDocument, lead, "document what happened and what helped", srcTIP57),
		},
		Solo: []Step{
			step(session.StepPause, lead, "pause the group's work", srcTIP57),
			step(session.StepGrounding, lead, ground, srcTIP57),
			step(session.StepOfferChoice, lead, choice, srcChoice),
			step(session.StepEscalate, lead, medical, srcTIP57),
			step(session.StepDebrief, lead, "acknowledge it with the group without detail and without pathologizing", srcTIP57),
			step(session.StepDocument, lead, "document what happened and what helped", srcTIP57),
		},
		PeerLed: []Step{
			step(session.StepPause, peer, "pause the group's sharing", srcTIP57),
			step(session.StepGrounding, peer, ground, srcTIP57),
			step(session.StepOfferChoice, peer, choice, srcChoice),
			step(session.StepEscalate, peer, medical, srcTIP57),
			step(session.StepDocument, peer, "write down what happened and what helped", srcPeer),
		},
		Tasks: []TaskRule{
			{Kind: TaskDocument, Owner: lead, PeerOwner: peer, Due: DueSameDay, Text: "complete the record, with what helped the member", Source: srcTIP57},
			{Kind: TaskCheckIn, Owner: lead, PeerOwner: peer, Due: DueNextSession, Text: "check in with the member before the group meets again: what would help next time", Source: srcTIP57},
		},
		Sources: []string{srcTIP57, srcChoice, srcPeer},
	}
}

// confidentiality: confidentiality broken outside the group. A private
// meeting with the member, care for the person exposed, the agreement's
// consequences, trust rebuilt in the group without re-disclosing.
func confidentiality() Protocol {
	meet := "meet privately with the member who broke confidentiality: what was shared, with whom, and its effect"
	care := "care for the person exposed, privately: what was shared and with whom, what harm may follow (being outed can put someone at risk), what support they want; if they are at risk, follow the protocol for that risk"
	rebuild := "at the next session, restate the confidentiality agreement and let the group talk about trust, without re-disclosing what was shared or whose it was"
	return Protocol{
		ID: ProtocolConfidentiality, Title: "Confidentiality broken outside the group", Rank: 10,
		CoLed: []Step{
			step(session.StepMeetPrivately, lead, meet, srcB4a),
			step(session.StepSupportAffected, co, care, srcHeuristic),
			step(session.StepReviewAgreement, lead, "apply the consequences the group agreement names", srcB4a),
			step(session.StepRebuildTrust, lead, rebuild, srcB4a),
			step(session.StepDocument, lead, "document what happened and what was done", srcB4a),
		},
		Solo: []Step{
			step(session.StepMeetPrivately, lead, meet, srcB4a),
			step(session.StepSupportAffected, lead, care, srcHeuristic),
			step(session.StepReviewAgreement, lead, "apply the consequences the group agreement names", srcB4a),
			step(session.StepRebuildTrust, lead, rebuild, srcB4a),
			step(session.StepDocument, lead, "document what happened and what was done", srcB4a),
		},
		PeerLed: []Step{
			step(session.StepMeetPrivately, peer, meet, srcB4a),
			step(session.StepSupportAffected, peer, care, srcHeuristic),
			step(session.StepConsult, peer, "tell the supervisor, especially if the person exposed may be at risk", srcPeer),
			step(session.StepReviewAgreement, peer, "apply what the group's guidelines say", srcB4a),
			step(session.StepRebuildTrust, peer, rebuild, srcB4a),
			step(session.StepDocument, peer, "write down what happened and what was done", srcPeer),
		},
		Tasks: []TaskRule{
			{Kind: TaskCheckIn, Owner: lead, PeerOwner: peer, Due: DueNextSession, Text: "contact the person exposed before the group meets again", Source: srcHeuristic},
			{Kind: TaskNextSession, Owner: lead, PeerOwner: peer, Due: DueNextSession, Text: "take up trust and the agreement with the group, without re-disclosing", Source: srcB4a},
			{Kind: TaskDocument, Owner: lead, PeerOwner: peer, Due: DueSameDay, Text: "complete the record", Source: srcB4a},
		},
		Sources: []string{srcB4a, srcPeer, srcHeuristic},
	}
}
