package group

import (
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/groupwork/groupwork/internal/vocab/fault"
)

// ScreeningRule is one screening criterion as a row of a table: when a
// prospective member shows Indicator and the group is in the row's scope,
// the screening gains a reason with the row's Outcome, Message and Source
// (its Code is the indicator's text form).
//
// Rows are read in order and, for each indicator, the first row whose scope
// matches decides; a row with OutcomeSuitable records the ground without
// excluding anyone. Screen reads a profile's own rows (Profile.ScreeningRules)
// before the built-in ones (ScreeningRules), so an app re-rules an indicator
// for one kind of group by adding a row to its profile: this is how the
// points on which sources differ are configured. Acute risks (acute
// suicidality, a current threat to harm someone) are not rows: they are
// always an urgent handoff.
//
// ScreeningRule is a plain value; its slices are copied by Clone.
type ScreeningRule struct {
	// Indicator is the finding the row reads; not an acute risk.
	Indicator Indicator `json:"indicator"`
	// PeerGroups makes the row apply to groups whose profile does not
	// require screening (peer support groups) instead of to groups that
	// screen.
	PeerGroups bool `json:"peerGroups,omitempty"`
	// Modalities limits the row to groups of these modalities; empty means
	// any modality.
	Modalities []Modality `json:"modalities,omitempty"`
	// Structures limits the row to groups of these structure levels; empty
	// means any level.
	Structures []Structure `json:"structures,omitempty"`
	// ExceptFocus excludes groups whose focus includes any of these
	// concerns (a substance use group does not refer substance use
	// elsewhere).
	ExceptFocus []Concern `json:"exceptFocus,omitempty"`
	// Outcome is the reason's outcome.
	Outcome ScreeningOutcome `json:"outcome"`
	// Message explains the reason in English for display.
	Message string `json:"message"`
	// Source names the publication the row rests on.
	Source string `json:"source"`
}

// Clone returns a copy of r that shares no slice with it.
func (r ScreeningRule) Clone() ScreeningRule {
	r.Modalities = slices.Clone(r.Modalities)
	r.Structures = slices.Clone(r.Structures)
	r.ExceptFocus = slices.Clone(r.ExceptFocus)
	return r
}

// applies reports whether r covers a group with profile p and focus.
func (r ScreeningRule) applies(p Profile, focus []Concern) bool {
	switch {
	case r.PeerGroups == p.ScreeningRequired:
		return false
	case len(r.Modalities) > 0 && !slices.Contains(r.Modalities, p.Modality):
		return false
	case len(r.Structures) > 0 && !slices.Contains(r.Structures, p.Structure):
		return false
	}
	return !slices.ContainsFunc(r.ExceptFocus, func(c Concern) bool { return slices.Contains(focus, c) })
}

// validate checks the row into fe, with paths relative to the row.
func (r ScreeningRule) validate(fe *fault.List) {
	switch {
	case !r.Indicator.IsValid():
		fe.Add("indicator", "unknown indicator "+r.Indicator.String(), nil)
	case r.Indicator.IsAcuteRisk():
		fe.Add("indicator", r.Indicator.String()+" is an acute risk: it is always an urgent handoff and takes no rule", nil)
	}
	if !r.Outcome.IsValid() {
		fe.Add("outcome", "must be a specified outcome", nil)
	}
	checkText(fe, "message", r.Message)
	checkText(fe, "source", r.Source)
	for i, m := range r.Modalities {
		if !m.IsValid() {
			fe.Add(fmt.Sprintf("modalities[%d]", i), "malformed modality "+m.String(), nil)
		}
	}
	for i, s := range r.Structures {
		if !s.IsValid() {
			fe.Add(fmt.Sprintf("structures[%d]", i), "unknown structure "+s.String(), nil)
		}
	}
	for i, c := range r.ExceptFocus {
		if !c.IsValid() {
			fe.Add(fmt.Sprintf("exceptFocus[%d]", i), "a concern must be non-empty lower-case text", nil)
		}
	}
}

// checkText reports an empty or malformed required text at path: it must
// hold something other than white space and be valid UTF-8, so that it
// reads back from JSON as it was written.
func checkText(fe *fault.List, path, s string) {
	if p := textProblem(s); p != "" {
		fe.Add(path, p, nil)
	}
}

// textProblem returns what is wrong with a required text, or "".
func textProblem(s string) string {
	switch {
	case strings.TrimSpace(s) == "":
		return "must not be empty"
	case !utf8.ValidString(s):
		return "must be valid UTF-8"
	}
	return ""
}

// matchRule returns the row that decides indicator ind for a group with
// profile p and focus: the profile's first matching row, else the first
// matching built-in row.
func matchRule(p Profile, focus []Concern, ind Indicator) (ScreeningRule, bool) {
	for _, rows := range [][]ScreeningRule{p.ScreeningRules, builtinScreeningRules[:]} {
		for _, r := range rows {
			if r.Indicator == ind && r.applies(p, focus) {
				return r, true
			}
		}
	}
	return ScreeningRule{}, false
}

// ScreeningRules returns fresh copies of the built-in screening rows, in the
// order Screen reads them. Each row names its source; where sources differ,
// the row says so and an app re-rules the point in its profile:
//
//   - peer support groups do not screen, but refer acute psychosis and a
//     risk of violence to a professional (SAMHSA 2015 peer competencies;
//     TIP 41 ch. 4);
//   - acute psychosis, severe cognitive impairment and antisocial patterns
//     exclude from interactional groups (structure low or moderate) and call
//     for clinician review in structured ones (Yalom & Leszcz 2005, ch. 8;
//     ACA 2014, A.9.a), except that art therapy, which is routinely used
//     with people living with dementia, offers cognitive impairment an
//     adapted place (Emblad & Mukaetova-Ladinska 2021; the Cochrane review
//     by Deshmukh, Holmes & Cardno 2018 found the evidence of benefit weak);
//   - a risk of violence calls for clinician review (TIP 41 ch. 4: does the
//     client pose a threat to others?; ACA 2014, A.9.b);
//   - inability to keep the agreement or refusal to take part is unsuitable
//     (ACA 2014, A.9.a);
//   - active substance use is referred elsewhere unless the group's focus
//     includes addiction (TIP 41);
//   - trauma-related dissociation in a mindfulness group is a
//     trauma-sensitive, adapted offer rather than an exclusion (Treleaven
//     2018), where programs for the public refer some applicants to
//     specialist courses instead (Oxford Mindfulness Centre course
//     suitability guidance; Dobkin, Irving & Amar 2012).
func ScreeningRules() []ScreeningRule {
	out := make([]ScreeningRule, len(builtinScreeningRules))
	for i, r := range builtinScreeningRules {
		out[i] = r.Clone()
	}
	return out
}

// Sources of the built-in screening rows.
const (
	srcRulePeer = "SAMHSA (2015), Core Competencies for Peer Workers in Behavioral Health Services: peer workers help people in crisis " +
		"reach professional services; peer support groups do not screen"
	srcRuleYalom       = "Yalom & Leszcz (2005), The Theory and Practice of Group Psychotherapy (5th ed.), ch. 8: criteria for exclusion from interactional groups"
	srcRuleACA         = "ACA Code of Ethics (2014), A.9.a: screening for members whose needs and goals fit the group and who will not impede it"
	srcRuleViolence    = "SAMHSA TIP 41 (2005), ch. 4: placement asks whether the client poses a threat to others; ACA Code of Ethics (2014), A.9.b"
	srcRuleSUD         = "SAMHSA TIP 41 (2005), Substance Abuse Treatment: Group Therapy: active substance use is treated in substance use groups"
	srcRuleArtDementia = "Emblad & Mukaetova-Ladinska (2021), Creative art therapy as a non-pharmacological intervention for dementia, " +
		"J Alzheimers Dis Rep 5:353-364; Deshmukh, Holmes & Cardno (2018), Art therapy for people with dementia, Cochrane CD011073 (weak evidence)"
	srcRuleDissociation = "Treleaven (2018), Trauma-Sensitive Mindfulness: adapt practice for trauma survivors; sources differ: " +
		"Oxford Mindfulness Centre course suitability guidance and Dobkin, Irving & Amar (2012), Mindfulness 3:44-50, screen some out"
)

var (
	interactional = []Structure{StructureLow, StructureModerate}

	// builtinScreeningRules is the built-in table; ScreeningRules hands out
	// copies, and nothing writes to it.
	builtinScreeningRules = [...]ScreeningRule{
		{Indicator: IndicatorAcutePsychosis, PeerGroups: true, Outcome: OutcomeReferElsewhere,
			Message: "acute psychosis: connect the person with a mental health professional", Source: srcRulePeer},
		{Indicator: IndicatorViolenceRisk, PeerGroups: true, Outcome: OutcomeReferElsewhere,
			Message: "a risk of violence: a professional should assess it before the person joins the meeting", Source: srcRulePeer},

		{Indicator: IndicatorAcutePsychosis, Structures: interactional, Outcome: OutcomeUnsuitable,
			Message: "acute psychosis is a common exclusion from interactional groups", Source: srcRuleYalom},
		{Indicator: IndicatorAcutePsychosis, Outcome: OutcomeNeedsClinicianReview,
			Message: "acute psychosis: a clinician should judge whether a structured group can accommodate it", Source: srcRuleACA},
		{Indicator: IndicatorCognitiveImpairment, Modalities: []Modality{ModalityArtTherapy}, Outcome: OutcomeSuitableWithAdaptations,
			Message: "severe cognitive impairment: art therapy is routinely offered to people living with dementia; adapt materials, pacing and support",
			Source:  srcRuleArtDementia},
		{Indicator: IndicatorCognitiveImpairment, Structures: interactional, Outcome: OutcomeUnsuitable,
			Message: "severe cognitive impairment is a common exclusion from interactional groups", Source: srcRuleYalom},
		{Indicator: IndicatorCognitiveImpairment, Outcome: OutcomeNeedsClinicianReview,
			Message: "severe cognitive impairment: a clinician should judge whether a structured group can accommodate it", Source: srcRuleACA},
		{Indicator: IndicatorAntisocial, Structures: interactional, Outcome: OutcomeUnsuitable,
			Message: "antisocial patterns are a common exclusion from interactional groups", Source: srcRuleYalom},
		{Indicator: IndicatorAntisocial, Outcome: OutcomeNeedsClinicianReview,
			Message: "antisocial patterns: a clinician should judge whether a structured group can accommodate them", Source: srcRuleACA},
		{Indicator: IndicatorViolenceRisk, Outcome: OutcomeNeedsClinicianReview,
			Message: "a risk of violence to others: a clinician assesses it and the safety of the group before any decision", Source: srcRuleViolence},
		{Indicator: IndicatorCannotKeepAgreement, Outcome: OutcomeUnsuitable,
			Message: "unable to keep the group's agreements: would impede the group", Source: srcRuleACA},
		{Indicator: IndicatorRefusesParticipation, Outcome: OutcomeUnsuitable,
			Message: "refuses to take part: would not benefit from the group", Source: srcRuleACA},
		{Indicator: IndicatorSubstanceUse, ExceptFocus: []Concern{ConcernAddiction}, Outcome: OutcomeReferElsewhere,
			Message: "active substance use: refer to a substance use group or service first", Source: srcRuleSUD},
		{Indicator: IndicatorDissociation, Modalities: []Modality{ModalityMindfulness}, Outcome: OutcomeSuitableWithAdaptations,
			Message: "trauma-related dissociation: offer a trauma-sensitive place (choice to keep eyes open, anchors other than the breath, " +
				"shorter practices, freedom to step out) and agree a grounding plan",
			Source: srcRuleDissociation},
	}
)
