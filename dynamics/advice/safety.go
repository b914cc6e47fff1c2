package advice

import (
	"slices"

	"github.com/groupwork/groupwork/dynamics/safety"
	"github.com/groupwork/groupwork/group"
	"github.com/groupwork/groupwork/session"
)

// The safety situations, most urgent first. Each runs the protocol of the
// same name in dynamics/safety, in the variant for who leads the room, with
// the numbers and duties of the room's jurisdiction. Two at once both run,
// the more urgent first: a disclosure of abuse never runs the risk-to-self
// protocol unless risk to self is recorded too.
const (
	SituationMedicalEmergency      Situation = "medical-emergency"      // someone is taken ill or hurt
	SituationThreatOrAggression    Situation = "threat-or-aggression"   // violence or threats in the room
	SituationRiskToSelf            Situation = "risk-to-self"           // suicidal thoughts or self-harm
	SituationRiskToOthers          Situation = "risk-to-others"         // a threat against an identifiable person
	SituationLeftDistressed        Situation = "left-distressed"        // a member leaves the room in distress
	SituationDissociation          Situation = "dissociation-or-panic"  // dissociation or panic in the room
	SituationIntoxication          Situation = "intoxication"           // a member attends under the influence
	SituationAbuseDisclosed        Situation = "abuse-disclosed"        // abuse or neglect of a child, elder or dependent adult
	SituationRiskUnknown           Situation = "risk-unknown"           // a risk question left unanswered
	SituationConfidentialityBreach Situation = "confidentiality-breach" // confidentiality broken outside the group
)

// safetyRecommendation applies the protocol of a safety situation to one
// detection: the variant for ctx.Leadership (peer-led when unspecified), the
// steps filled from the book's jurisdiction, and the follow-up tasks due
// from the time the situation arose (the detection's, or ctx.At). Safety
// takes no rules: what the app changes is the book's local steps.
func safetyRecommendation(ctx Context, def Definition, d Detection) Recommendation {
	r := Recommendation{
		RuleID:        "safety-" + string(d.Situation),
		Situation:     d.Situation,
		Class:         ClassSafety,
		Concern:       def.Signs,
		Members:       slices.Clone(d.Members),
		Facilitators:  slices.Clone(d.Facilitators),
		Advice:        def.Advice,
		Rationale:     def.Advice,
		Source:        def.Source,
		Urgency:       UrgencyImmediate,
		Confidence:    d.Confidence,
		Evidence:      slices.Clone(d.Evidence),
		Steps:         slices.Clone(def.Steps),
		Interventions: slices.Clone(def.Interventions),
	}
	book := ctx.Safety
	if book == nil {
		book = safety.DefaultBook()
	}
	at := d.At
	if at.IsZero() {
		at = ctx.At
	}
	e := safety.Episode{Protocol: def.Protocol, At: at, Leadership: ctx.Leadership, NextSession: ctx.NextSession}
	if len(d.Members) > 0 {
		e.Member = d.Members[0]
	}
	for _, ev := range d.Evidence {
		if v, ok := abuseVictims[ev.Incident]; ok {
			e.Victims = append(e.Victims, v)
		}
	}
	resp, err := book.Respond(e)
	if err != nil {
		return r // not reached: a monitor checks that its book holds every safety situation's protocol
	}
	r.Safety = &resp
	r.Steps = resp.Actions()
	r.Urgency = def.Urgency
	r.Rationale = resp.Title + ": the " + resp.Leadership.String() + " variant, because " + variantReasons[resp.Leadership]
	return r
}

// variantReasons says why each variant of a protocol runs (group.LeadershipOf).
var variantReasons = map[group.Leadership]string{
	group.LeadershipCoLed:   "two leaders are present, one a licensed clinician: one attends to the member while the other stays with the group",
	group.LeadershipSolo:    "one licensed clinician leads alone: the group pauses while they attend to the member",
	group.LeadershipPeerLed: "no licensed clinician is known to be present: the facilitator supports the member and hands clinical decisions to professionals",
}

// abuseVictims says whom each incident kind of an abuse disclosure says
// the abuse concerns; a plain abuse disclosure does not say.
var abuseVictims = map[session.IncidentKind]safety.Victim{
	session.IncidentChildAbuse:          safety.VictimChild,
	session.IncidentElderAbuse:          safety.VictimElder,
	session.IncidentDependentAdultAbuse: safety.VictimDependentAdult,
}

// safetyRank returns the rank of a safety recommendation's protocol, lower
// first, and a rank after every protocol for one without.
func safetyRank(r *Recommendation) int {
	if r.Safety == nil {
		return int(^uint(0) >> 1)
	}
	return r.Safety.Rank
}
