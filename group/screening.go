package group

import (
	"cmp"
	"fmt"
	"slices"

	"github.com/groupwork/groupwork/internal/vocab/enum"
)

// Indicator is a finding from a screening interview that bears on whether a
// person suits a group: the common exclusions of DOMAIN.md section 6 (ACA
// 2014, A.9.a; Yalom & Leszcz 2005, ch. 9). The zero value is rejected.
type Indicator uint8

// The screening indicators.
const (
	IndicatorUnspecified          Indicator = iota // (unspecified)
	IndicatorAcutePsychosis                        // (acute-psychosis)
	IndicatorCognitiveImpairment                   // (cognitive-impairment) severe cognitive impairment
	IndicatorAcuteSuicidality                      // (acute-suicidality) acute suicidality or crisis
	IndicatorAntisocial                            // (antisocial) antisocial patterns
	IndicatorCannotKeepAgreement                   // (cannot-keep-agreement) unable to keep the group's agreements
	IndicatorRefusesParticipation                  // (refuses-participation) refuses to take part
	IndicatorSubstanceUse                          // (substance-use) active substance use
)

var indicatorText = enum.Table[Indicator]{Pkg: "group", Type: "Indicator", Names: []string{
	"unspecified", "acute-psychosis", "cognitive-impairment", "acute-suicidality", "antisocial",
	"cannot-keep-agreement", "refuses-participation", "substance-use",
}}

// String returns the indicator's text form.
func (i Indicator) String() string { return indicatorText.String(i) }

// IsValid reports whether i is a specified indicator.
func (i Indicator) IsValid() bool { return indicatorText.Valid(i) }

// MarshalText implements encoding.TextMarshaler.
func (i Indicator) MarshalText() ([]byte, error) { return indicatorText.Marshal(i) }

// UnmarshalText implements encoding.TextUnmarshaler.
func (i *Indicator) UnmarshalText(b []byte) error { return indicatorText.Unmarshal(i, b) }

// ParseIndicator returns the indicator whose text form is s.
func ParseIndicator(s string) (Indicator, error) { return indicatorText.Parse(s) }

// ScreeningOutcome is a screening decision. Outcomes order by precedence: when
// several reasons apply, the decision is the highest one, so
// OutcomeNeedsClinicianReview (a risk that a clinician must assess the same
// day) outranks every other. The zero value is not a decision.
type ScreeningOutcome uint8

// The screening outcomes, in rising precedence.
const (
	OutcomeUnspecified          ScreeningOutcome = iota // (unspecified)
	OutcomeSuitable                                     // (suitable) may join
	OutcomeReferElsewhere                               // (refer-elsewhere) better served by another group or service
	OutcomeUnsuitable                                   // (unsuitable) should not join this group
	OutcomeNeedsClinicianReview                         // (needs-clinician-review) a clinician must review before any decision
)

var outcomeText = enum.Table[ScreeningOutcome]{Pkg: "group", Type: "ScreeningOutcome", Names: []string{
	"unspecified", "suitable", "refer-elsewhere", "unsuitable", "needs-clinician-review",
}}

// String returns the outcome's text form.
func (o ScreeningOutcome) String() string { return outcomeText.String(o) }

// IsValid reports whether o is a specified outcome.
func (o ScreeningOutcome) IsValid() bool { return outcomeText.Valid(o) }

// MarshalText implements encoding.TextMarshaler.
func (o ScreeningOutcome) MarshalText() ([]byte, error) { return outcomeText.Marshal(o) }

// UnmarshalText implements encoding.TextUnmarshaler.
func (o *ScreeningOutcome) UnmarshalText(b []byte) error { return outcomeText.Unmarshal(o, b) }

// ParseScreeningOutcome returns the outcome whose text form is s.
func ParseScreeningOutcome(s string) (ScreeningOutcome, error) { return outcomeText.Parse(s) }

// ScreeningInput is what a screener learned about a prospective member.
// The zero value is a person with no indicators and a PHQ-9 item 9 of 0.
type ScreeningInput struct {
	// Indicators are the exclusion criteria the screener observed.
	Indicators []Indicator `json:"indicators,omitempty"`
	// PHQ9Item9 is the answer to item 9 of the PHQ-9 ("thoughts that you
	// would be better off dead, or of hurting yourself"), scored 0-3
	// (Kroenke, Spitzer & Williams 2001). Any answer above 0 calls for
	// same-day clinician review whatever the total (DOMAIN.md section 6).
	// Leave it 0 when the PHQ-9 was not given.
	PHQ9Item9 int `json:"phq9Item9,omitempty"`
	// ConcurrentIndividualTherapy says whether the person is in individual
	// therapy alongside the group; DBT-style skills groups admit suicidal
	// members only then (Linehan 2015).
	ConcurrentIndividualTherapy bool `json:"concurrentIndividualTherapy,omitempty"`
	// Attributes carries anything an app's own criteria need.
	Attributes map[string]string `json:"attributes,omitempty"`
}

// Reason is one ground for a screening decision.
type Reason struct {
	Outcome ScreeningOutcome `json:"outcome"`
	Code    string           `json:"code"` // stable, such as "phq9-item9" or the indicator's text
	Message string           `json:"message"`
	Source  string           `json:"source"`
}

// Screening is the result of Screen: the decision and every reason for it,
// highest precedence first.
type Screening struct {
	Outcome ScreeningOutcome `json:"outcome"`
	Reasons []Reason         `json:"reasons,omitempty"`
}

// Criterion is an app's own screening rule. It sees the group's profile and
// focus and the input, and returns the reasons it finds (none when the rule
// does not apply). Each reason's Outcome must be specified. A Criterion must
// be a pure function.
type Criterion func(p Profile, focus []Concern, in ScreeningInput) []Reason

// Sources of the screening rules.
const (
	srcScreenACA   = "ACA Code of Ethics (2014), A.9.a: screening; DOMAIN.md section 6"
	srcScreenYalom = "Yalom & Leszcz (2005), ch. 9: exclusion criteria for interactional groups"
	srcScreenPHQ9  = "Kroenke, Spitzer & Williams (2001), PHQ-9 item 9; DOMAIN.md section 6: same-day clinician review"
	srcScreenDBT   = "Linehan (2015), DBT Skills Training Manual: concurrent individual therapy"
	srcScreenPeer  = "DOMAIN.md section 6: peer groups do not screen; the facilitator escalates to a professional"
	srcScreenSUD   = "SAMHSA TIP 41 (2005): active substance use is treated in substance use groups"
)

// Screen decides whether a prospective member suits a group with profile p
// and focus, applying the built-in criteria and then extra:
//
//   - a PHQ-9 item 9 answer above 0 always needs clinician review (Kroenke
//     et al. 2001; DOMAIN.md section 6), in every kind of group;
//   - peer support groups (profile without ScreeningRequired) do not
//     screen, but acute suicidality or crisis and acute psychosis are
//     referred to a professional;
//   - otherwise, acute suicidality or crisis needs clinician review, except
//     in a skills group when the person is in concurrent individual therapy,
//     where it is admissible (Linehan 2015);
//   - acute psychosis, severe cognitive impairment and antisocial patterns
//     make a person unsuitable for an interactional group (structure low or
//     moderate: process, art therapy) and call for clinician review in a
//     structured one, where a contraindication for process work may be fine
//     (DOMAIN.md section 6; Yalom & Leszcz 2005, ch. 9);
//   - inability to keep the agreement or refusal to take part is unsuitable
//     for every screened group (ACA 2014, A.9.a);
//   - active substance use is referred elsewhere unless the group's focus
//     includes addiction (TIP 41).
//
// The decision is the highest-precedence outcome among the reasons, or
// OutcomeSuitable when there are none. Invalid input (an unknown indicator,
// an item 9 answer outside 0-3, a criterion returning an unspecified
// outcome) is a *FieldError wrapping ErrInvalid.
func Screen(p Profile, focus []Concern, in ScreeningInput, extra ...Criterion) (Screening, error) {
	fe := problems()
	if in.PHQ9Item9 < 0 || in.PHQ9Item9 > 3 {
		fe.Add("phq9Item9", "must be 0-3", nil)
	}
	has := make(map[Indicator]bool)
	for i, ind := range in.Indicators {
		if !ind.IsValid() {
			fe.Add(fmt.Sprintf("indicators[%d]", i), "unknown indicator "+ind.String(), nil)
		}
		has[ind] = true
	}
	if err := fe.Err(); err != nil {
		return Screening{}, err
	}

	var rs []Reason
	add := func(o ScreeningOutcome, code, msg, src string) {
		rs = append(rs, Reason{Outcome: o, Code: code, Message: msg, Source: src})
	}
	if in.PHQ9Item9 > 0 {
		add(OutcomeNeedsClinicianReview, "phq9-item9",
			fmt.Sprintf("PHQ-9 item 9 answered %d: a clinician must review suicide risk the same day", in.PHQ9Item9), srcScreenPHQ9)
	}
	if !p.ScreeningRequired {
		for _, ind := range []Indicator{IndicatorAcuteSuicidality, IndicatorAcutePsychosis} {
			if has[ind] {
				add(OutcomeReferElsewhere, ind.String(), ind.String()+": refer to a professional; give crisis numbers", srcScreenPeer)
			}
		}
	} else {
		interactional := p.Structure <= StructureModerate
		if has[IndicatorAcuteSuicidality] {
			if p.Modality == ModalitySkills && in.ConcurrentIndividualTherapy {
				add(OutcomeSuitable, IndicatorAcuteSuicidality.String(),
					"suicidal, but in concurrent individual therapy as skills groups require", srcScreenDBT)
			} else {
				msg := "acute suicidality or crisis: a clinician must assess risk before group"
				if p.Modality == ModalitySkills {
					msg += "; a skills group needs concurrent individual therapy"
				}
				add(OutcomeNeedsClinicianReview, IndicatorAcuteSuicidality.String(), msg, srcScreenDBT)
			}
		}
		for _, ind := range []Indicator{IndicatorAcutePsychosis, IndicatorCognitiveImpairment, IndicatorAntisocial} {
			if !has[ind] {
				continue
			}
			if interactional {
				add(OutcomeUnsuitable, ind.String(), ind.String()+" is a common exclusion for interactional groups", srcScreenYalom)
			} else {
				add(OutcomeNeedsClinicianReview, ind.String(), ind.String()+": a clinician should judge whether a structured group can accommodate it", srcScreenACA)
			}
		}
		for _, ind := range []Indicator{IndicatorCannotKeepAgreement, IndicatorRefusesParticipation} {
			if has[ind] {
				add(OutcomeUnsuitable, ind.String(), ind.String()+": would impede the group or not benefit from it", srcScreenACA)
			}
		}
		if has[IndicatorSubstanceUse] && !slices.Contains(focus, ConcernAddiction) {
			add(OutcomeReferElsewhere, IndicatorSubstanceUse.String(), "active substance use: refer to a substance use group or service first", srcScreenSUD)
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
// group's profile and focus.
func (g *Group) Screen(in ScreeningInput, extra ...Criterion) (Screening, error) {
	return Screen(g.profile, g.spec.Focus, in, extra...)
}
