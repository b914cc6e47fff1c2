package measure

import "errors"

// TalkingTherapies is the outcome rule set of NHS Talking Therapies for
// anxiety and depression (formerly IAPT), England's national programme, as
// summarised in DOMAIN.md section 7:
//
//   - caseness: PHQ-9 >= 10 or GAD-7 >= 8 (a case on either measure);
//   - reliable improvement: a drop of >= 6 on the PHQ-9 or >= 4 on the GAD-7;
//   - reliable deterioration: a rise of the same size;
//   - recovery: a case at the start and below both cut-offs at the end;
//   - reliable recovery: recovery together with reliable improvement.
//
// When one measure reliably improves and the other reliably deteriorates,
// the result counts as neither improvement nor deterioration; that reading
// of "one measure" follows NHS Digital's published definitions and was not
// checked against the primary manual. The service uses the GAD-7 unless an
// anxiety-disorder-specific measure applies; this package covers the GAD-7
// only. The thresholds are RCI-style: they are reliable change indices
// computed for each scale, not minimal important differences. Both the
// cut-offs and thresholds are settable. A TalkingTherapies round-trips
// through JSON.
type TalkingTherapies struct {
	PHQ9 ChangeRule `json:"phq9"`
	GAD7 ChangeRule `json:"gad7"`
}

// NHSTalkingTherapies returns the published rule set: PHQ-9 caseness 10 and
// reliable change 6, GAD-7 caseness 8 and reliable change 4, both inclusive.
func NHSTalkingTherapies() TalkingTherapies {
	const src = "NHS Talking Therapies for anxiety and depression manual"
	return TalkingTherapies{
		PHQ9: ChangeRule{
			Name:          "phq-9 nhs talking therapies",
			Threshold:     Threshold{Kind: ThresholdRCI, Points: 6, Inclusive: true, Source: src},
			Cutoff:        10,
			HigherIsWorse: true,
		},
		GAD7: ChangeRule{
			Name:          "gad-7 nhs talking therapies",
			Threshold:     Threshold{Kind: ThresholdRCI, Points: 4, Inclusive: true, Source: src},
			Cutoff:        8,
			HigherIsWorse: true,
		},
	}
}

// Validate reports every problem with either rule at once. Both rules must
// have HigherIsWorse set, since both measures are symptom scales.
func (t TalkingTherapies) Validate() error {
	var errs []error
	for _, r := range []struct {
		path string
		rule ChangeRule
	}{{"phq9", t.PHQ9}, {"gad7", t.GAD7}} {
		if err := r.rule.Validate(); err != nil {
			errs = append(errs, &FieldError{Pkg: "measure", Path: r.path, Problem: "invalid change rule", Err: err})
		}
		if !r.rule.HigherIsWorse {
			errs = append(errs, &FieldError{Pkg: "measure", Path: r.path + ".higher_is_worse", Problem: "must be true for a symptom measure"})
		}
	}
	return errors.Join(errs...)
}

// Pair is one occasion's PHQ-9 and GAD-7 totals.
type Pair struct {
	PHQ9 int `json:"phq9"`
	GAD7 int `json:"gad7"`
}

// TTOutcome is the NHS Talking Therapies reading of a course of treatment.
type TTOutcome struct {
	// PHQ9 and GAD7 are the per-measure changes, each with its rule.
	PHQ9 Change `json:"phq9"`
	GAD7 Change `json:"gad7"`
	// CaseAtStart and CaseAtEnd report caseness on either measure.
	CaseAtStart bool `json:"case_at_start"`
	CaseAtEnd   bool `json:"case_at_end"`
	// ReliableImprovement: one measure reliably improved and neither
	// reliably deteriorated.
	ReliableImprovement bool `json:"reliable_improvement"`
	// ReliableDeterioration: one measure reliably deteriorated and neither
	// reliably improved.
	ReliableDeterioration bool `json:"reliable_deterioration"`
	// Recovery: a case at the start and not a case at the end. It is only
	// meaningful for those who were cases at the start.
	Recovery bool `json:"recovery"`
	// ReliableRecovery: Recovery and ReliableImprovement together.
	ReliableRecovery bool `json:"reliable_recovery"`
}

// Assess reads a course of treatment from its first and last paired
// scores. Totals outside 0-27 (PHQ-9) or 0-21 (GAD-7) are *ParamErrors
// wrapping ErrInvalidParameter; all problems are reported at once.
func (t TalkingTherapies) Assess(first, last Pair) (TTOutcome, error) {
	if err := errors.Join(
		t.Validate(),
		checkTotal("first phq9", first.PHQ9, 27), checkTotal("first gad7", first.GAD7, 21),
		checkTotal("last phq9", last.PHQ9, 27), checkTotal("last gad7", last.GAD7, 21),
	); err != nil {
		return TTOutcome{}, err
	}
	// The rules are valid and the scores finite, so Classify cannot fail.
	phq, _ := t.PHQ9.Classify(float64(first.PHQ9), float64(last.PHQ9))
	gad, _ := t.GAD7.Classify(float64(first.GAD7), float64(last.GAD7))
	o := TTOutcome{PHQ9: phq, GAD7: gad}
	o.CaseAtStart = phq.PreCase || gad.PreCase
	o.CaseAtEnd = phq.PostCase || gad.PostCase
	improved := phq.Improved() || gad.Improved()
	worse := phq.Outcome == OutcomeDeteriorated || gad.Outcome == OutcomeDeteriorated
	o.ReliableImprovement = improved && !worse
	o.ReliableDeterioration = worse && !improved
	o.Recovery = o.CaseAtStart && !o.CaseAtEnd
	o.ReliableRecovery = o.Recovery && o.ReliableImprovement
	return o, nil
}

// checkTotal rejects a total outside 0-max.
func checkTotal(name string, v, max int) error {
	if v < 0 || v > max {
		return &ParamError{Name: name, Value: float64(v), Problem: "total out of range"}
	}
	return nil
}
