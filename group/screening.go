package group

import (
	"cmp"
	"fmt"
	"math"
	"slices"

	"github.com/groupwork/groupwork/internal/vocab/enum"
	"github.com/groupwork/groupwork/measure"
)

// Indicator is a finding from a screening interview that bears on whether a
// person suits a group: the common exclusions for interactional groups
// (Yalom & Leszcz 2005, ch. 8, "criteria for exclusion"; ACA Code of Ethics
// 2014, A.9.a), risk to self or others, and trauma-related dissociation. The
// zero value is rejected.
type Indicator uint8

// The screening indicators.
const (
	IndicatorUnspecified          Indicator = iota // (unspecified)
	IndicatorAcutePsychosis                        // (acute-psychosis)
	IndicatorCognitiveImpairment                   // (cognitive-impairment) severe cognitive impairment
	IndicatorAcuteSuicidality                      // (acute-suicidality) acute suicidality or crisis: an acute risk
	IndicatorAntisocial                            // (antisocial) antisocial patterns
	IndicatorCannotKeepAgreement                   // (cannot-keep-agreement) unable to keep the group's agreements
	IndicatorRefusesParticipation                  // (refuses-participation) refuses to take part
	IndicatorSubstanceUse                          // (substance-use) active substance use
	IndicatorViolenceRisk                          // (violence-risk) a history of violence, threats or poor impulse control that may endanger others
	IndicatorAcuteViolenceRisk                     // (acute-violence-risk) a current threat or plan to harm someone: an acute risk
	IndicatorDissociation                          // (trauma-dissociation) trauma-related dissociation
)

var indicatorText = enum.Table[Indicator]{Pkg: "group", Type: "Indicator", Names: []string{
	"unspecified", "acute-psychosis", "cognitive-impairment", "acute-suicidality", "antisocial",
	"cannot-keep-agreement", "refuses-participation", "substance-use", "violence-risk",
	"acute-violence-risk", "trauma-dissociation",
}}

// String returns the indicator's text form.
func (i Indicator) String() string { return indicatorText.String(i) }

// IsValid reports whether i is a specified indicator.
func (i Indicator) IsValid() bool { return indicatorText.Valid(i) }

// IsAcuteRisk reports whether i is an acute risk to the person or to
// others (acute suicidality, a current threat to harm someone). Acute risk
// at any intake calls for an urgent warm handoff, and no screening rule can
// change that (see Screen).
func (i Indicator) IsAcuteRisk() bool {
	return i == IndicatorAcuteSuicidality || i == IndicatorAcuteViolenceRisk
}

// MarshalText implements encoding.TextMarshaler.
func (i Indicator) MarshalText() ([]byte, error) { return indicatorText.Marshal(i) }

// UnmarshalText implements encoding.TextUnmarshaler.
func (i *Indicator) UnmarshalText(b []byte) error { return indicatorText.Unmarshal(i, b) }

// ParseIndicator returns the indicator whose text form is s.
func ParseIndicator(s string) (Indicator, error) { return indicatorText.Parse(s) }

// ScreeningOutcome is a screening decision. Outcomes order by precedence: when
// several reasons apply, the decision is the highest one, so
// OutcomeUrgentHandoff (acute risk) outranks every other, and
// OutcomeNeedsClinicianReview every other but that. Only OutcomeSuitable and
// OutcomeSuitableWithAdaptations clear a member for admission (see
// ClearsAdmission and Group.Admit). The zero value is not a decision.
type ScreeningOutcome uint8

// The screening outcomes, in rising precedence.
const (
	OutcomeUnspecified             ScreeningOutcome = iota // (unspecified)
	OutcomeSuitable                                        // (suitable) may join
	OutcomeSuitableWithAdaptations                         // (suitable-with-adaptations) may join, with the adaptations the reasons name
	OutcomeReferElsewhere                                  // (refer-elsewhere) better served by another group or service
	OutcomeUnsuitable                                      // (unsuitable) should not join this group
	OutcomeNeedsClinicianReview                            // (needs-clinician-review) a clinician must review before any decision
	OutcomeUrgentHandoff                                   // (urgent-handoff) acute risk: a warm handoff to a clinician or crisis service now
)

var outcomeText = enum.Table[ScreeningOutcome]{Pkg: "group", Type: "ScreeningOutcome", Names: []string{
	"unspecified", "suitable", "suitable-with-adaptations", "refer-elsewhere", "unsuitable",
	"needs-clinician-review", "urgent-handoff",
}}

// String returns the outcome's text form.
func (o ScreeningOutcome) String() string { return outcomeText.String(o) }

// IsValid reports whether o is a specified outcome.
func (o ScreeningOutcome) IsValid() bool { return outcomeText.Valid(o) }

// ClearsAdmission reports whether a screening with outcome o lets the member
// be admitted without a clinician's decision: suitable, or suitable with
// adaptations.
func (o ScreeningOutcome) ClearsAdmission() bool {
	return o == OutcomeSuitable || o == OutcomeSuitableWithAdaptations
}

// MarshalText implements encoding.TextMarshaler.
func (o ScreeningOutcome) MarshalText() ([]byte, error) { return outcomeText.Marshal(o) }

// UnmarshalText implements encoding.TextUnmarshaler.
func (o *ScreeningOutcome) UnmarshalText(b []byte) error { return outcomeText.Unmarshal(o, b) }

// ParseScreeningOutcome returns the outcome whose text form is s.
func ParseScreeningOutcome(s string) (ScreeningOutcome, error) { return outcomeText.Parse(s) }

// ScreeningInput is what a screener learned about a prospective member. The
// zero value is a person with no indicators whose suicide risk was never
// asked about, which a group that screens sends to a clinician.
type ScreeningInput struct {
	// Indicators are the findings the screener observed; the order does not
	// matter and duplicates count once. In JSON, an array of their text
	// forms.
	Indicators []Indicator `json:"indicators,omitempty"`
	// PHQ9Item9 is the answer to item 9 of the PHQ-9 ("thoughts that you
	// would be better off dead, or of hurting yourself"), scored 0-3
	// (Kroenke, Spitzer & Williams 2001), or missing when the item was not
	// asked. A missing answer is unknown, never 0. Any answer above 0 calls
	// for same-day clinician review whatever the total.
	PHQ9Item9 measure.Answer `json:"phq9Item9,omitzero"`
	// RiskAssessed records that the screener asked about thoughts of
	// suicide and self-harm by other means (a clinical interview, a
	// structured screen), with what they found in Indicators. Without it
	// or an answered PHQ9Item9, suicide risk is unknown.
	RiskAssessed bool `json:"riskAssessed,omitempty"`
	// ConcurrentIndividualTherapy says whether the person is in individual
	// therapy alongside the group; DBT-style skills groups admit suicidal
	// members only then (Linehan 2015).
	ConcurrentIndividualTherapy bool `json:"concurrentIndividualTherapy,omitempty"`
	// Attributes carries anything an app's own criteria need.
	Attributes map[string]string `json:"attributes,omitempty"`
}

// riskKnown reports whether the input says anything about suicide risk.
func (in ScreeningInput) riskKnown(has func(Indicator) bool) bool {
	return !in.PHQ9Item9.IsMissing() || in.RiskAssessed || has(IndicatorAcuteSuicidality)
}

// Reason is one ground for a screening decision.
type Reason struct {
	Outcome ScreeningOutcome `json:"outcome"`
	Code    string           `json:"code"` // stable, such as "phq9-item9" or the indicator's text
	Message string           `json:"message"`
	Source  string           `json:"source"`
}

// Screening is the result of Screen: the decision and every reason for it,
// highest precedence first. It is what Group.RecordScreening records.
type Screening struct {
	Outcome ScreeningOutcome `json:"outcome"`
	Reasons []Reason         `json:"reasons,omitempty"`
}

func (s Screening) clone() Screening {
	s.Reasons = slices.Clone(s.Reasons)
	return s
}

// Criterion is an app's own screening rule. It sees the group's profile and
// focus and the input, and returns the reasons it finds (none when the rule
// does not apply). Each reason's Outcome must be specified. A Criterion must
// be a pure function. Rules that map one indicator to an outcome are better
// written as ScreeningRule rows of the profile.
type Criterion func(p Profile, focus []Concern, in ScreeningInput) []Reason

// Sources of the fixed screening rules.
const (
	srcHandoff = "SAMHSA (2020), National Guidelines for Behavioral Health Crisis Care: connection to crisis care; " +
		"ACA Code of Ethics (2014), A.9.b: protecting group members"
	srcHandoffOthers = "ACA Code of Ethics (2014), B.2.a: serious and foreseeable harm; " +
		"Tarasoff v. Regents of the University of California (Cal. 1976): duty to protect"
	srcPHQ9        = "Kroenke, Spitzer & Williams (2001), PHQ-9: item 9 above 0 calls for assessment of suicide risk whatever the total"
	srcRiskUnknown = "The Joint Commission, National Patient Safety Goal 15.01.01 (2019): screen people in behavioral health care for suicidal ideation; " +
		"Kroenke, Spitzer & Williams (2001), PHQ-9 item 9"
	srcScreenDBT = "Linehan (2015), DBT Skills Training Manual (2nd ed.): suicidal clients join skills groups alongside individual therapy"
)

// Screen decides whether a prospective member suits a group with profile p
// and focus. The reasons come from, in this order:
//
//   - acute risk, in every kind of group, peer support included: acute
//     suicidality or a current threat to harm someone is
//     OutcomeUrgentHandoff, a warm handoff to a clinician or crisis service
//     now (SAMHSA 2020 crisis care guidelines; ACA 2014 B.2.a). No profile
//     rule can change it.
//   - a PHQ-9 item 9 answer above 0, in every kind of group: same-day
//     clinician review (Kroenke et al. 2001).
//   - unknown suicide risk in a group that screens (item 9 not asked, no
//     other risk assessment, no indicator of suicidality): clinician review
//     (The Joint Commission, NPSG 15.01.01).
//   - in a skills group that screens, a suicidal applicant (acute
//     suicidality or item 9 above 0) needs concurrent individual therapy
//     (Linehan 2015): without it the applicant is referred to individual
//     therapy; with it a suitable reason records that the condition is met,
//     while the acute risk still decides.
//   - every other indicator, by the first matching row of the profile's
//     ScreeningRules, then of the built-in ScreeningRules; an indicator no
//     row matches raises nothing (peer support groups do not screen).
//   - extra, the app's own criteria.
//
// The decision is the highest-precedence outcome among the reasons, or
// OutcomeSuitable when there are none. Invalid input (an unknown indicator,
// an item 9 answer that is not a whole number 0-3, a criterion returning an
// unspecified outcome, an invalid profile rule) is a *FieldError wrapping
// ErrInvalid.
func Screen(p Profile, focus []Concern, in ScreeningInput, extra ...Criterion) (Screening, error) {
	fe := problems()
	if v, ok := in.PHQ9Item9.Value(); ok && (v != math.Trunc(v) || v < 0 || v > 3) {
		fe.Add("phq9Item9", "must be a whole number 0-3, or missing when not asked", nil)
	}
	var seen [256]bool // by Indicator value; uint8 cannot index past it
	for i, ind := range in.Indicators {
		if !ind.IsValid() {
			fe.Add(fmt.Sprintf("indicators[%d]", i), "unknown indicator "+ind.String(), nil)
			continue
		}
		seen[ind] = true
	}
	for i, r := range p.ScreeningRules {
		pe := problems()
		if r.validate(&pe); pe.Len() > 0 {
			fe.AddAll(fmt.Sprintf("profile.screeningRules[%d]", i), pe.Err())
		}
	}
	if err := fe.Err(); err != nil {
		return Screening{}, err
	}
	has := func(i Indicator) bool { return seen[i] }

	var rs []Reason
	add := func(o ScreeningOutcome, code, msg, src string) {
		rs = append(rs, Reason{Outcome: o, Code: code, Message: msg, Source: src})
	}
	if has(IndicatorAcuteSuicidality) {
		add(OutcomeUrgentHandoff, IndicatorAcuteSuicidality.String(),
			"acute suicidality or crisis: stay with the person and hand them over warmly to a clinician or crisis service now; the group waits", srcHandoff)
	}
	if has(IndicatorAcuteViolenceRisk) {
		add(OutcomeUrgentHandoff, IndicatorAcuteViolenceRisk.String(),
			"a current threat to harm someone: hand over to a clinician now to assess the risk and any duty to warn or protect", srcHandoffOthers)
	}
	item9, asked := in.PHQ9Item9.Value()
	if asked && item9 > 0 {
		add(OutcomeNeedsClinicianReview, "phq9-item9",
			fmt.Sprintf("PHQ-9 item 9 answered %g: a clinician must review suicide risk the same day", item9), srcPHQ9)
	}
	if p.ScreeningRequired && !in.riskKnown(has) {
		add(OutcomeNeedsClinicianReview, "risk-unknown",
			"suicide risk was not asked about (no PHQ-9 item 9, no risk assessment): unknown risk needs a clinician's review", srcRiskUnknown)
	}
	if p.ScreeningRequired && p.Modality == ModalitySkills && (has(IndicatorAcuteSuicidality) || asked && item9 > 0) {
		if in.ConcurrentIndividualTherapy {
			add(OutcomeSuitable, "concurrent-individual-therapy",
				"in concurrent individual therapy, as a skills group requires of a suicidal member; the risk is reviewed first", srcScreenDBT)
		} else {
			add(OutcomeReferElsewhere, "concurrent-individual-therapy",
				"a skills group admits a suicidal member only alongside individual therapy: refer to individual therapy first", srcScreenDBT)
		}
	}
	for ind := Indicator(1); ind.IsValid(); ind++ {
		if !has(ind) || ind.IsAcuteRisk() {
			continue
		}
		if r, ok := matchRule(p, focus, ind); ok {
			add(r.Outcome, ind.String(), r.Message, r.Source)
		}
	}
	for i, c := range extra {
		if c == nil {
			continue
		}
		for j, r := range c(p.Clone(), slices.Clone(focus), in) {
			if !r.Outcome.IsValid() {
				fe.Add(fmt.Sprintf("criteria[%d][%d].outcome", i, j), "a criterion's reason needs an outcome", nil)
				continue
			}
			rs = append(rs, r)
		}
	}
	if err := fe.Err(); err != nil {
		return Screening{}, err
	}
	slices.SortStableFunc(rs, func(a, b Reason) int { return cmp.Compare(b.Outcome, a.Outcome) })
	out := Screening{Outcome: OutcomeSuitable, Reasons: rs}
	if len(rs) > 0 {
		out.Outcome = rs[0].Outcome
	}
	return out, nil
}

// Screen screens a prospective member for this group: Screen with the
// group's profile (its screening rules included) and focus. It records
// nothing; Group.RecordScreening does.
func (g *Group) Screen(in ScreeningInput, extra ...Criterion) (Screening, error) {
	return Screen(g.profile, g.spec.Focus, in, extra...)
}
