package advice

import (
	"slices"

	"github.com/groupwork/groupwork/session"
)

// safetyRecommendation builds the fixed protocol for a safety situation,
// in the variant the context calls for: a co-led group sends one leader out
// with the member while the other carries on; a solo leader calls a break
// first; a peer-led group gives crisis numbers and hands over to a
// professional. A medical emergency calls emergency services in every
// variant. Source: AGPA (2007), ch. 9 (crisis in the group).
func safetyRecommendation(ctx Context, def Definition, d Detection) Recommendation {
	s := d.Situation
	r := Recommendation{
		RuleID:        "safety-" + string(s),
		Situation:     s,
		Class:         ClassSafety,
		Concern:       def.Signs,
		Members:       slices.Clone(d.Members),
		Facilitators:  slices.Clone(d.Facilitators),
		Advice:        def.Advice,
		Source:        def.Source,
		Urgency:       UrgencyImmediate,
		Confidence:    d.Confidence,
		Evidence:      slices.Clone(d.Evidence),
		Steps:         slices.Clone(def.Steps),
		Interventions: slices.Clone(def.Interventions),
	}
	switch s {
	case SituationRiskDisclosure:
		r.Interventions = []session.Skill{session.SkillProtecting}
		switch {
		case ctx.PeerLed:
			r.Steps = []session.SafetyStep{session.StepPause, session.StepReferProfessional, session.StepEscalate, session.StepDebrief, session.StepDocument}
			r.Rationale = "a peer facilitator does not assess risk: give crisis numbers (988 in the US) and hand over to a professional; escalate to emergency services if life is in danger"
		case ctx.CoLed:
			r.Steps = []session.SafetyStep{session.StepPrivateAssessment, session.StepContinueGroup, session.StepSafetyPlan, session.StepEscalate, session.StepDebrief, session.StepDocument}
			r.Rationale = "with two leaders, one assesses the member privately (ideation, plan, means, timeline) while the other carries on with the group; act by risk level"
		default:
			r.Steps = []session.SafetyStep{session.StepPause, session.StepPrivateAssessment, session.StepSafetyPlan, session.StepEscalate, session.StepDebrief, session.StepDocument}
			r.Rationale = "a solo leader calls a break so that the member can be assessed privately (ideation, plan, means, timeline); act by risk level"
		}
	case SituationThreatOrAggression:
		r.Interventions = []session.Skill{session.SkillBlocking, session.SkillProtecting}
		r.Steps = []session.SafetyStep{session.StepPause, session.StepEscalate, session.StepReviewAgreement, session.StepDebrief, session.StepDocument}
		if ctx.PeerLed {
			r.Steps = []session.SafetyStep{session.StepPause, session.StepEscalate, session.StepReferProfessional, session.StepReviewAgreement, session.StepDocument}
		}
		r.Rationale = "threats and aggression are red lines: block at once, protect members, remove the member from the session if needed, and follow the safety protocol"
	case SituationMedicalEmergency:
		if ctx.CoLed {
			r.Steps = []session.SafetyStep{session.StepEscalate, session.StepContinueGroup, session.StepDebrief, session.StepDocument}
			r.Rationale = "call emergency services; one leader stays with the person until help arrives while the other looks after the group"
		} else {
			r.Steps = []session.SafetyStep{session.StepPause, session.StepEscalate, session.StepDebrief, session.StepDocument}
			r.Rationale = "stop the group and call emergency services; stay with the person until help arrives, and ask the members to give them room"
		}
		if ctx.PeerLed {
			r.Rationale += "; a peer facilitator calls for help and gives no medical advice"
		}
	}
	return r
}
