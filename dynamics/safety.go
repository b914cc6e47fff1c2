package dynamics

import (
	"errors"
	"slices"

	"github.com/groupwork/groupwork/session"
)

// ErrInvalidRule is wrapped by the *FieldError for each problem with a rule
// passed to NewAdvisor.
var ErrInvalidRule = errors.New("dynamics: invalid rule")

// ErrSafetyRule is wrapped when an app tries to add a rule for a safety
// situation. Risk disclosures, threats and medical emergencies always follow
// the built-in protocol; no custom rule may replace, suppress or outrank it.
// Intoxication is not among them: programs differ (a harm-reduction group
// may let a member stay who is not disruptive), so an app may re-rule it.
var ErrSafetyRule = errors.New("dynamics: safety situations take no custom rules")

// safetyRecommendation builds the fixed protocol for a safety situation,
// in the variant the context calls for: a co-led group sends one leader out
// with the member while the other carries on; a solo leader calls a break
// first; a peer-led group gives crisis numbers and hands over to a
// professional. A medical emergency calls emergency services in every
// variant. Source: DOMAIN.md section 6 (crisis in session).
func safetyRecommendation(ctx Context, d Detection) Recommendation {
	s := d.Situation
	r := Recommendation{
		RuleID:       "safety-" + s.String(),
		Situation:    s,
		Concern:      s.Signs(),
		Members:      slices.Clone(d.Members),
		Facilitators: slices.Clone(d.Facilitators),
		Advice:       s.Advice(),
		Source:       s.Source(),
		Urgency:      UrgencyImmediate,
		Confidence:   d.Confidence,
		Evidence:     slices.Clone(d.Evidence),
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
