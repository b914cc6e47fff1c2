package measure

import "errors"

// TalkingTherapies is the outcome rule set of NHS Talking Therapies for
// anxiety and depression (formerly IAPT), England's national programme,
// which pairs a depression measure (the PHQ-9) with an anxiety measure
// (the GAD-7, or an anxiety-disorder-specific measure such as the PCL-5):
//
//   - caseness: a case on either measure (PHQ-9 >= 10 or GAD-7 >= 8);
//   - reliable improvement: a drop of at least the reliable change on one
//     measure (6 on the PHQ-9, 4 on the GAD-7) and no reliable
//     deterioration on the other;
//   - reliable deterioration: a rise of the same size, and no reliable
//     improvement on the other;
//   - recovery: a case at the start and below caseness on both measures at
//     the end;
//   - reliable recovery: recovery together with reliable improvement.
//
// The programme's "recovery" is not the Jacobson-Truax "recovered"
// (ChangeRecovered, a reliable improvement that crossed the clinical
// cut-off on one measure): the two are never labelled with each other's
// name. When one measure reliably improves and the other reliably
// deteriorates, the result counts as neither; that reading follows NHS
// Digital's published definitions and was not checked against the primary
// manual. The thresholds are RCI-style: reliable change indices computed
// for each scale. Both rules come from the instruments' definitions
// (caseness and reliable change), so a service that uses another anxiety
// measure builds its rule set with TalkingTherapiesFor. A TalkingTherapies
// round-trips through JSON.
type TalkingTherapies struct {
	Depression ChangeRule `json:"depression"`
	Anxiety    ChangeRule `json:"anxiety"`
}

// NHSTalkingTherapies returns the published rule set, read from the
// built-in PHQ-9 and GAD-7 definitions: PHQ-9 caseness 10 and reliable
// change 6, GAD-7 caseness 8 and reliable change 4, both inclusive (NHS
// Talking Therapies for anxiety and depression manual).
func NHSTalkingTherapies() TalkingTherapies {
	// The built-in definitions are valid (a test pins them), so neither
	// call fails.
	tt, _ := TalkingTherapiesFor(builtin(InstrumentPHQ9), builtin(InstrumentGAD7))
	return tt
}

// TalkingTherapiesFor returns the rule set for a depression and an anxiety
// measure from their definitions' caseness and reliable change. A
// definition without both is an error naming what it lacks.
func TalkingTherapiesFor(depression, anxiety *Definition) (TalkingTherapies, error) {
	pr := problems()
	d, err := depression.ChangeRule()
	pr.AddAll("depression", err)
	a, err := anxiety.ChangeRule()
	pr.AddAll("anxiety", err)
	if err := pr.Err(); err != nil {
		return TalkingTherapies{}, err
	}
	d.Name, a.Name = d.Name+" nhs talking therapies", a.Name+" nhs talking therapies"
	return TalkingTherapies{Depression: d, Anxiety: a}, nil
}

// Validate reports every problem with either rule at once. Both rules must
// have HigherIsWorse set, since both measures are symptom scales.
func (t TalkingTherapies) Validate() error {
	pr := problems()
	for _, r := range []struct {
		path string
		rule ChangeRule
	}{{"depression", t.Depression}, {"anxiety", t.Anxiety}} {
		if err := r.rule.Validate(); err != nil {
			pr.Add(r.path, "invalid change rule", err)
		}
		if !r.rule.HigherIsWorse {
			pr.Add(r.path+".higher_is_worse", "must be true for a symptom measure", nil)
		}
	}
	return pr.Err()
}

// Pair is one occasion's depression and anxiety totals.
type Pair struct {
	Depression float64 `json:"depression"`
	Anxiety    float64 `json:"anxiety"`
}

// TTOutcome is the NHS Talking Therapies reading of a course of treatment.
type TTOutcome struct {
	// Depression and Anxiety are the per-measure changes, each with its
	// rule and its Jacobson-Truax category.
	Depression Change `json:"depression"`
	Anxiety    Change `json:"anxiety"`
	// CaseAtStart and CaseAtEnd report caseness on either measure.
	CaseAtStart bool `json:"case_at_start"`
	CaseAtEnd   bool `json:"case_at_end"`
	// ReliableImprovement: one measure reliably improved and neither
	// reliably deteriorated.
	ReliableImprovement bool `json:"reliable_improvement"`
	// ReliableDeterioration: one measure reliably deteriorated and neither
	// reliably improved.
	ReliableDeterioration bool `json:"reliable_deterioration"`
	// Recovery: a case at the start and not a case on either measure at the
	// end. It is only meaningful for those who were cases at the start.
	Recovery bool `json:"recovery"`
	// ReliableRecovery: Recovery and ReliableImprovement together.
	ReliableRecovery bool `json:"reliable_recovery"`
}

// Assess reads a course of treatment from its first and last paired
// scores. Totals outside a measure's range are *ParamErrors wrapping
// ErrInvalidParameter; all problems are reported at once.
func (t TalkingTherapies) Assess(first, last Pair) (TTOutcome, error) {
	if err := errors.Join(
		t.Validate(),
		t.Depression.checkTotal("first depression", first.Depression), t.Anxiety.checkTotal("first anxiety", first.Anxiety),
		t.Depression.checkTotal("last depression", last.Depression), t.Anxiety.checkTotal("last anxiety", last.Anxiety),
	); err != nil {
		return TTOutcome{}, err
	}
	// The rules are valid and the scores in range, so Classify cannot fail.
	dep, _ := t.Depression.Classify(first.Depression, last.Depression)
	anx, _ := t.Anxiety.Classify(first.Anxiety, last.Anxiety)
	o := TTOutcome{Depression: dep, Anxiety: anx}
	o.CaseAtStart = dep.PreCase || anx.PreCase
	o.CaseAtEnd = dep.PostCase || anx.PostCase
	improved := dep.Improved() || anx.Improved()
	worse := dep.Deteriorated() || anx.Deteriorated()
	o.ReliableImprovement = improved && !worse
	o.ReliableDeterioration = worse && !improved
	o.Recovery = o.CaseAtStart && !o.CaseAtEnd
	o.ReliableRecovery = o.Recovery && o.ReliableImprovement
	return o, nil
}
