package measure

import (
	"errors"
)

// Publications the GSRS definition rests on.
const (
	srcGSRS    = "Duncan & Miller, Group Session Rating Scale; Quirk, Miller, Duncan & Owen 2013, Group Session Rating Scale: preliminary psychometrics in substance abuse group interventions, Counselling and Psychotherapy Research 13:194-200"
	srcGSRSCut = "Duncan, Miller, Sparks, Claud, Reynolds, Brown & Johnson 2003, The Session Rating Scale, Journal of Brief Therapy 3:3-12: a total of 36 or below calls for a conversation about the alliance, carried over to the group form; sources differ on at or below vs below"
	licGSRS    = "copyright Duncan & Miller; free for individual practitioners with registration; item wording not reproduced here, domain names only"
)

// gsrsDefinition is the GSRS: four visual-analogue items 0-10 in tenths
// (relationship, goals and topics, approach or method, overall), total 0-40,
// higher is better, no missing answer allowed, alliance concern at or below
// 36.
func gsrsDefinition() Definition {
	return Definition{
		Instrument: InstrumentGSRS, Name: "Group Session Rating Scale", Kind: KindAlliance,
		Construct: "the member's rating of the session and the alliance with the group",
		Scale:     Scale{Min: 0, Max: 10, Step: 0.1},
		Items: []Item{
			{Number: 1, Label: "relationship"},
			{Number: 2, Label: "goals and topics"},
			{Number: 3, Label: "approach or method"},
			{Number: 4, Label: "overall"},
		},
		Total: TotalSum, HigherIsWorse: false,
		Screens:  []Cutoff{{Name: "alliance concern", Value: 36, Source: srcGSRSCut}},
		Citation: srcGSRS, Sources: []string{srcGSRSCut},
		Licence: licGSRS,
	}
}

// GSRSRule sets the two GSRS alerts. Sources differ on whether the alliance
// alert fires at or below the cut-off or only below it, and on the exact
// item cut-off, so both are settable (Duncan et al. 2003, the clinical
// cut-off of 36 carried over from the individual Session Rating Scale). The
// zero value is valid but never raises an alert; start from
// DefaultGSRSRule. A GSRSRule round-trips through JSON.
type GSRSRule struct {
	// AllianceCutoff is the total at which the alliance alert fires (default
	// 36, the GSRS definition's screening cut-off).
	AllianceCutoff float64 `json:"alliance_cutoff"`
	// AllianceAtOrBelow makes the alert fire for totals at or below the
	// cut-off (default); false fires it only strictly below.
	AllianceAtOrBelow bool `json:"alliance_at_or_below"`
	// ItemCutoff is the item score below which the low-item alert fires
	// (default 9: any item below about 9 warrants a check-in; heuristic,
	// the library's own reading of the scale's practice guidance).
	ItemCutoff float64 `json:"item_cutoff"`
}

// DefaultGSRSRule returns the default rule: the alliance alert at or below
// the GSRS definition's cut-off (36), the low-item alert for any item
// below 9.
func DefaultGSRSRule() GSRSRule {
	c := builtin(InstrumentGSRS).Screens[0]
	return GSRSRule{AllianceCutoff: c.Value, AllianceAtOrBelow: !c.Strict, ItemCutoff: 9}
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
	as := [4]Answer{Answered(answers[0]), Answered(answers[1]), Answered(answers[2]), Answered(answers[3])}
	s, err := builtin(InstrumentGSRS).Score(as[:], Options{})
	if err := errors.Join(r.Validate(), err); err != nil {
		return GSRSScore{}, err
	}
	out := GSRSScore{Items: answers, Total: s.Total, Rule: r}
	rule := Cutoff{Value: r.AllianceCutoff, Strict: !r.AllianceAtOrBelow}
	out.AllianceAlert = rule.Met(out.Total, SexUnspecified, false)
	for k, v := range answers {
		if v < r.ItemCutoff {
			out.LowItems = append(out.LowItems, k+1)
		}
	}
	out.LowItemAlert = len(out.LowItems) > 0
	return out, nil
}

// ScoreAnswers scores a GSRS stored as Answers, as in an Administration.
// The form needs all four answers: a wrong count is a *CountError and a
// missing answer a *MissingError.
func (r GSRSRule) ScoreAnswers(answers []Answer) (GSRSScore, error) {
	if _, err := builtin(InstrumentGSRS).Score(answers, Options{}); err != nil {
		return GSRSScore{}, err
	}
	var vals [4]float64
	for k, a := range answers {
		vals[k], _ = a.Value()
	}
	return r.Score(vals)
}
