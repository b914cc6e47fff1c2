package measure

import (
	"errors"
	"math"
)

// GSRSRule sets the two GSRS alerts. Sources differ on whether the alliance
// alert fires at or below the cut-off or only below it, and on the exact
// item cut-off, so both are settable (DOMAIN.md section 7; Duncan & Miller's
// Group Session Rating Scale, with the clinical cut-off of 36 carried over
// from the individual Session Rating Scale). The zero value is valid but
// never raises an alert; start from DefaultGSRSRule. A GSRSRule round-trips through JSON.
type GSRSRule struct {
	// AllianceCutoff is the total at which the alliance alert fires (default 36).
	AllianceCutoff float64 `json:"alliance_cutoff"`
	// AllianceAtOrBelow makes the alert fire for totals at or below the
	// cut-off (default); false fires it only strictly below.
	AllianceAtOrBelow bool `json:"alliance_at_or_below"`
	// ItemCutoff is the item score below which the low-item alert fires
	// (default 9, "any item below about 9 warrants a check-in").
	ItemCutoff float64 `json:"item_cutoff"`
}

// DefaultGSRSRule returns the default rule: alliance alert at or below 36,
// low-item alert for any item below 9.
func DefaultGSRSRule() GSRSRule {
	return GSRSRule{AllianceCutoff: 36, AllianceAtOrBelow: true, ItemCutoff: 9}
}

// Validate reports every problem with the rule at once: cut-offs must be
// finite, the alliance cut-off within 0-40 and the item cut-off within 0-10.
func (r GSRSRule) Validate() error {
	return errors.Join(
		checkParam("alliance cutoff", r.AllianceCutoff, r.AllianceCutoff >= 0 && r.AllianceCutoff <= 40, "must be within 0-40"),
		checkParam("item cutoff", r.ItemCutoff, r.ItemCutoff >= 0 && r.ItemCutoff <= 10, "must be within 0-10"),
	)
}

// GSRSScore is a scored Group Session Rating Scale.
type GSRSScore struct {
	// Items are the four answers: relationship, goals and topics, approach
	// or method, overall; each 0-10 with one decimal.
	Items [4]float64 `json:"items"`
	// Total is the sum of the items, 0-40, rounded to one decimal.
	Total float64 `json:"total"`
	// AllianceAlert reports that Total crosses the rule's alliance cut-off:
	// the facilitator should talk with the member about the group.
	AllianceAlert bool `json:"alliance_alert"`
	// LowItems lists, in order, the 1-based items below the item cut-off;
	// LowItemAlert reports that there is at least one.
	LowItems     []int `json:"low_items,omitempty"`
	LowItemAlert bool  `json:"low_item_alert"`
	// Rule is the rule the alerts were read with.
	Rule GSRSRule `json:"rule"`
}

// ScoreGSRS scores a GSRS with DefaultGSRSRule.
func ScoreGSRS(answers [4]float64) (GSRSScore, error) { return DefaultGSRSRule().Score(answers) }

// Score scores a GSRS with rule r. Each answer must be 0-10 in steps of 0.1
// (*AnswerError); an invalid rule is a *ParamError. Every problem is
// reported at once.
func (r GSRSRule) Score(answers [4]float64) (GSRSScore, error) {
	scale := InstrumentGSRS.Scale()
	errs := []error{r.Validate()}
	sum := 0.0
	for k, v := range answers {
		if err := scale.Check(InstrumentGSRS, k+1, v); err != nil {
			errs = append(errs, err)
			continue
		}
		sum += v
	}
	if err := errors.Join(errs...); err != nil {
		return GSRSScore{}, err
	}
	s := GSRSScore{Items: answers, Total: math.Round(sum*10) / 10, Rule: r}
	if r.AllianceAtOrBelow {
		s.AllianceAlert = s.Total <= r.AllianceCutoff
	} else {
		s.AllianceAlert = s.Total < r.AllianceCutoff
	}
	for k, v := range answers {
		if v < r.ItemCutoff {
			s.LowItems = append(s.LowItems, k+1)
		}
	}
	s.LowItemAlert = len(s.LowItems) > 0
	return s, nil
}

// ScoreAnswers scores a GSRS stored as Answers, as in an Administration.
// The form needs all four answers: a wrong count is a *CountError and a
// missing answer a *MissingError.
func (r GSRSRule) ScoreAnswers(answers []Answer) (GSRSScore, error) {
	if len(answers) != 4 {
		return GSRSScore{}, &CountError{Instrument: InstrumentGSRS, Got: len(answers), Want: 4}
	}
	var vals [4]float64
	missing := 0
	for k, a := range answers {
		v, ok := a.Value()
		if !ok {
			missing++
		}
		vals[k] = v
	}
	if missing > 0 {
		return GSRSScore{}, &MissingError{Instrument: InstrumentGSRS, Missing: missing, Max: 0}
	}
	return r.Score(vals)
}
