package measure

import (
	"errors"
	"math"

	"github.com/groupwork/groupwork/internal/vocab/enum"
)

// RCI holds the parameters of the Jacobson-Truax reliable change index
// (Jacobson & Truax 1991, J Consult Clin Psychol 59:12-19):
//
//	SE    = SD * sqrt(1 - Reliability)
//	Sdiff = sqrt(2) * SE
//	RC    = (post - pre) / Sdiff
//
// and a change is reliable when |RC| > Z (1.96 for p < .05, two-tailed).
// SD is the standard deviation of pre-treatment scores in a reference
// sample and Reliability the measure's reliability (test-retest or internal
// consistency). The zero value is not usable; build one with NewRCI or a
// literal and check it with Validate. An RCI round-trips through JSON.
type RCI struct {
	SD          float64 `json:"sd"`
	Reliability float64 `json:"reliability"`
	Z           float64 `json:"z"`
}

// DefaultZ is the criterion for a reliable change at p < .05, two-tailed
// (Jacobson & Truax 1991).
const DefaultZ = 1.96

// NewRCI returns an RCI with criterion DefaultZ, or the error Validate
// reports.
func NewRCI(sd, reliability float64) (RCI, error) {
	r := RCI{SD: sd, Reliability: reliability, Z: DefaultZ}
	if err := r.Validate(); err != nil {
		return RCI{}, err
	}
	return r, nil
}

// Validate reports every problem at once as *ParamErrors: SD must be finite
// and above 0; Reliability finite and within 0-1, excluding 1 (a perfectly
// reliable measure has no error term, so every change would be reliable and
// RC would divide by zero); Z finite and above 0.
func (r RCI) Validate() error {
	return errors.Join(
		checkParam("sd", r.SD, r.SD > 0, "must be above 0"),
		checkParam("reliability", r.Reliability, r.Reliability >= 0 && r.Reliability < 1, "must be at least 0 and below 1"),
		checkParam("z", r.Z, r.Z > 0, "must be above 0"),
	)
}

// SE returns the standard error of measurement, SD * sqrt(1 - Reliability).
func (r RCI) SE() float64 { return r.SD * math.Sqrt(1-r.Reliability) }

// SDiff returns the standard error of the difference, sqrt(2) * SE.
func (r RCI) SDiff() float64 { return math.Sqrt2 * r.SE() }

// Points returns the smallest change in raw score that is reliable,
// Z * SDiff. A change must exceed it, not merely equal it.
func (r RCI) Points() float64 { return r.Z * r.SDiff() }

// Index returns the reliable change index RC = (post - pre) / SDiff, or an
// error when r is invalid or a score is not finite.
func (r RCI) Index(pre, post float64) (float64, error) {
	if err := errors.Join(r.Validate(), checkScore("pre", pre), checkScore("post", post)); err != nil {
		return 0, err
	}
	return (post - pre) / r.SDiff(), nil
}

// checkScore rejects a NaN or infinite score.
func checkScore(name string, v float64) error {
	return checkParam(name, v, true, "")
}

// ThresholdKind says where a change threshold comes from. The two kinds are
// kept apart because they answer different questions: an RCI-style
// threshold asks whether a change is larger than measurement error, an
// MCID-style threshold whether it is large enough to matter to patients.
// The zero value, ThresholdUnspecified, is rejected by validation.
type ThresholdKind uint8

// The threshold kinds.
const (
	ThresholdUnspecified ThresholdKind = iota // (unspecified)
	ThresholdRCI                              // (rci) reliable change: beyond measurement error (Jacobson & Truax 1991)
	ThresholdMCID                             // (mcid) minimal clinically important difference, anchor based
)

var thresholdKindText = enum.Table[ThresholdKind]{Pkg: "measure", Type: "ThresholdKind", Names: []string{
	"unspecified", "rci", "mcid",
}}

// String returns the kind's text form.
func (k ThresholdKind) String() string { return thresholdKindText.String(k) }

// IsValid reports whether k is a specified kind.
func (k ThresholdKind) IsValid() bool { return thresholdKindText.Valid(k) }

// MarshalText implements encoding.TextMarshaler.
func (k ThresholdKind) MarshalText() ([]byte, error) { return thresholdKindText.Marshal(k) }

// UnmarshalText implements encoding.TextUnmarshaler.
func (k *ThresholdKind) UnmarshalText(b []byte) error {
	return thresholdKindText.Unmarshal(k, b)
}

// ParseThresholdKind returns the kind whose text form is s ("rci", "mcid").
func ParseThresholdKind(s string) (ThresholdKind, error) { return thresholdKindText.Parse(s) }

// Threshold is the size of change, in raw score points, that counts. It
// round-trips through JSON.
type Threshold struct {
	// Kind labels the threshold RCI-style or MCID-style.
	Kind ThresholdKind `json:"kind"`
	// Points is the size of change that counts, above 0.
	Points float64 `json:"points"`
	// Inclusive makes a change of exactly Points count (NHS Talking
	// Therapies: "a drop of 6 or more"); otherwise the change must exceed it
	// (Jacobson & Truax: |RC| > 1.96).
	Inclusive bool `json:"inclusive"`
	// RCI holds the parameters Points was derived from, when it was derived
	// with RCIThreshold; it is the zero RCI for a fixed number of points.
	RCI RCI `json:"rci,omitzero"`
	// Source names the publication the threshold comes from.
	Source string `json:"source,omitempty"`
}

// RCIThreshold returns the RCI-style threshold r.Points(), exclusive, with
// r stored in it.
func RCIThreshold(r RCI) (Threshold, error) {
	if err := r.Validate(); err != nil {
		return Threshold{}, err
	}
	return Threshold{Kind: ThresholdRCI, Points: r.Points(), RCI: r, Source: "Jacobson & Truax 1991"}, nil
}

// Validate reports every problem at once: Kind must be specified, Points
// finite and above 0, and RCI, when set, valid.
func (t Threshold) Validate() error {
	var errs []error
	if !t.Kind.IsValid() {
		errs = append(errs, &FieldError{Pkg: "measure", Path: "kind", Problem: "unspecified or unknown threshold kind"})
	}
	errs = append(errs, checkParam("points", t.Points, t.Points > 0, "must be above 0"))
	if t.RCI != (RCI{}) {
		errs = append(errs, t.RCI.Validate())
	}
	return errors.Join(errs...)
}

// Met reports whether a change of size |delta| counts.
func (t Threshold) Met(delta float64) bool {
	d := math.Abs(delta)
	if t.Inclusive {
		return d >= t.Points
	}
	return d > t.Points
}

// Outcome classifies a pre-post change (Jacobson & Truax 1991). The zero
// value, OutcomeUnspecified, means no classification was made.
type Outcome uint8

// The outcomes.
const (
	OutcomeUnspecified  Outcome = iota // (unspecified)
	OutcomeRecovered                   // (recovered) reliable improvement that crossed the clinical cut-off
	OutcomeImproved                    // (improved) reliable improvement that did not cross the cut-off
	OutcomeUnchanged                   // (unchanged) no reliable change
	OutcomeDeteriorated                // (deteriorated) reliable worsening
)

var outcomeText = enum.Table[Outcome]{Pkg: "measure", Type: "Outcome", Names: []string{
	"unspecified", "recovered", "improved", "unchanged", "deteriorated",
}}

// String returns the outcome's text form.
func (o Outcome) String() string { return outcomeText.String(o) }

// IsValid reports whether o is a specified outcome.
func (o Outcome) IsValid() bool { return outcomeText.Valid(o) }

// MarshalText implements encoding.TextMarshaler.
func (o Outcome) MarshalText() ([]byte, error) { return outcomeText.Marshal(o) }

// UnmarshalText implements encoding.TextUnmarshaler.
func (o *Outcome) UnmarshalText(b []byte) error { return outcomeText.Unmarshal(o, b) }

// ParseOutcome returns the outcome whose text form is s.
func ParseOutcome(s string) (Outcome, error) { return outcomeText.Parse(s) }

// ChangeRule classifies change on one measure: a threshold for reliable (or
// important) change and a clinical cut-off separating the dysfunctional
// range ("caseness") from the functional one. It round-trips through JSON.
type ChangeRule struct {
	// Name identifies the rule in reports, such as "phq-9 jacobson-truax".
	Name string `json:"name"`
	// Threshold is the change that counts.
	Threshold Threshold `json:"threshold"`
	// Cutoff is the clinical cut-off. With HigherIsWorse a score at or above
	// it is a case (NHS Talking Therapies: PHQ-9 >= 10); otherwise a score
	// at or below it is.
	Cutoff float64 `json:"cutoff"`
	// HigherIsWorse says which way is worse: true for symptom measures.
	HigherIsWorse bool `json:"higher_is_worse"`
}

// JacobsonTruax returns the rule that classifies change with the reliable
// change index r and clinical cut-off (usually Cutoffs.C).
func JacobsonTruax(name string, r RCI, cutoff float64, higherIsWorse bool) (ChangeRule, error) {
	t, err := RCIThreshold(r)
	if err != nil {
		return ChangeRule{}, err
	}
	rule := ChangeRule{Name: name, Threshold: t, Cutoff: cutoff, HigherIsWorse: higherIsWorse}
	if err := rule.Validate(); err != nil {
		return ChangeRule{}, err
	}
	return rule, nil
}

// Validate reports every problem with the rule at once.
func (r ChangeRule) Validate() error {
	return errors.Join(r.Threshold.Validate(), checkParam("cutoff", r.Cutoff, true, ""))
}

// IsCase reports whether score lies in the dysfunctional range.
func (r ChangeRule) IsCase(score float64) bool {
	if r.HigherIsWorse {
		return score >= r.Cutoff
	}
	return score <= r.Cutoff
}

// Change is a classified pre-post change. It stores the rule, so the SD,
// reliability and cut-off behind every result travel with it.
type Change struct {
	Pre   float64 `json:"pre"`
	Post  float64 `json:"post"`
	Delta float64 `json:"delta"` // Post - Pre
	// RC is the reliable change index Delta / SDiff when the rule's
	// threshold carries RCI parameters, and 0 otherwise.
	RC float64 `json:"rc"`
	// Reliable reports that the change met the threshold, in either direction.
	Reliable bool `json:"reliable"`
	// PreCase and PostCase report caseness at each end.
	PreCase  bool `json:"pre_case"`
	PostCase bool `json:"post_case"`
	// Outcome is the Jacobson-Truax category.
	Outcome Outcome    `json:"outcome"`
	Rule    ChangeRule `json:"rule"`
}

// Improved reports a reliable change in the better direction.
func (c Change) Improved() bool {
	return c.Outcome == OutcomeImproved || c.Outcome == OutcomeRecovered
}

// Classify compares pre and post under the rule. A change is reliable when
// it meets the threshold; a reliable improvement is "recovered" when pre was
// a case and post is not (Jacobson & Truax 1991: passed both the RCI and the
// cut-off), "improved" otherwise; a reliable worsening is "deteriorated";
// anything else "unchanged". Non-finite scores and an invalid rule are
// errors.
func (r ChangeRule) Classify(pre, post float64) (Change, error) {
	if err := errors.Join(r.Validate(), checkScore("pre", pre), checkScore("post", post)); err != nil {
		return Change{}, err
	}
	c := Change{Pre: pre, Post: post, Delta: post - pre, Rule: r, PreCase: r.IsCase(pre), PostCase: r.IsCase(post)}
	if r.Threshold.RCI != (RCI{}) {
		c.RC = c.Delta / r.Threshold.RCI.SDiff()
	}
	c.Reliable = r.Threshold.Met(c.Delta)
	better := c.Delta < 0
	if !r.HigherIsWorse {
		better = c.Delta > 0
	}
	switch {
	case !c.Reliable:
		c.Outcome = OutcomeUnchanged
	case better && c.PreCase && !c.PostCase:
		c.Outcome = OutcomeRecovered
	case better:
		c.Outcome = OutcomeImproved
	default:
		c.Outcome = OutcomeDeteriorated
	}
	return c, nil
}

// Norms are the means and SDs of a measure in a dysfunctional (clinical)
// and a functional (non-clinical) population, from which Jacobson & Truax
// (1991) derive three clinical cut-offs. They round-trip through JSON.
type Norms struct {
	DysfunctionalMean float64 `json:"dysfunctional_mean"`
	DysfunctionalSD   float64 `json:"dysfunctional_sd"`
	FunctionalMean    float64 `json:"functional_mean"`
	FunctionalSD      float64 `json:"functional_sd"`
}

// Cutoffs are the Jacobson-Truax clinical-significance cut-offs.
type Cutoffs struct {
	// A lies two SDs beyond the dysfunctional mean, towards function.
	A float64 `json:"a"`
	// B lies two SDs from the functional mean, towards dysfunction.
	B float64 `json:"b"`
	// C is where a score becomes more likely to belong to the functional
	// population: (SDf*Md + SDd*Mf) / (SDf + SDd). Jacobson & Truax prefer
	// it when the two distributions overlap.
	C float64 `json:"c"`
}

// Validate reports every problem at once: the means must be finite and
// differ (their order says which way is worse), the SDs finite and above 0.
func (n Norms) Validate() error {
	return errors.Join(
		checkParam("dysfunctional mean", n.DysfunctionalMean, n.DysfunctionalMean != n.FunctionalMean, "must differ from the functional mean"),
		checkParam("functional mean", n.FunctionalMean, true, ""),
		checkParam("dysfunctional sd", n.DysfunctionalSD, n.DysfunctionalSD > 0, "must be above 0"),
		checkParam("functional sd", n.FunctionalSD, n.FunctionalSD > 0, "must be above 0"),
	)
}

// HigherIsWorse reports whether the dysfunctional mean lies above the
// functional one.
func (n Norms) HigherIsWorse() bool { return n.DysfunctionalMean > n.FunctionalMean }

// Cutoffs returns cut-offs a, b and c (Jacobson & Truax 1991), oriented by
// which mean is higher.
func (n Norms) Cutoffs() (Cutoffs, error) {
	if err := n.Validate(); err != nil {
		return Cutoffs{}, err
	}
	sign := 1.0 // towards dysfunction
	if !n.HigherIsWorse() {
		sign = -1
	}
	return Cutoffs{
		A: n.DysfunctionalMean - sign*2*n.DysfunctionalSD,
		B: n.FunctionalMean + sign*2*n.FunctionalSD,
		C: (n.FunctionalSD*n.DysfunctionalMean + n.DysfunctionalSD*n.FunctionalMean) /
			(n.FunctionalSD + n.DysfunctionalSD),
	}, nil
}
