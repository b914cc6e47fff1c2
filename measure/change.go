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
// RC would divide by zero); Z finite and above 0. Parameters that pass
// those checks must still give numbers the formulas can use: an SD so
// small, or a reliability so near 1, that SDiff falls below the smallest
// normal float64 (every change would be reliable, and RC would overflow),
// or so large that Points is infinite, is a *ParamError naming "sd". An RCI
// cannot know the scale of its measure, so an SD that is merely implausibly
// small for it is caught where the scale is known: ChangeRule.Step and
// Definition.Validate.
func (r RCI) Validate() error {
	if err := errors.Join(
		checkParam("sd", r.SD, r.SD > 0, "must be above 0"),
		checkParam("reliability", r.Reliability, r.Reliability >= 0 && r.Reliability < 1, "must be at least 0 and below 1"),
		checkParam("z", r.Z, r.Z > 0, "must be above 0"),
	); err != nil {
		return err
	}
	if !(r.SDiff() >= minNormal) {
		return &ParamError{Name: "sd", Value: r.SD, Problem: "gives a standard error of the difference too small to divide by"}
	}
	if !isFinite(r.Points()) {
		return &ParamError{Name: "sd", Value: r.SD, Problem: "gives a reliable change too large to represent"}
	}
	return nil
}

// minNormal is the smallest normal float64: a divisor below it makes any
// ordinary change overflow.
const minNormal = 0x1p-1022

// checkFit reports RCI parameters that no measure on a scale of totals from
// lo to hi in steps of step could have, as *ParamErrors naming "sd":
//
//   - a standard error of measurement below step/sqrt(12), the error that
//     reporting a score on steps of that size adds by itself (the variance
//     of rounding to a grid of width h is h*h/12: Sheppard 1898, Proc London
//     Math Soc 29:353-380); below it, one step of the scale would count as
//     a reliable change whatever the measure's real error;
//   - an SD above (hi - lo)/2, the largest any distribution of scores
//     between lo and hi can have (Popoviciu 1935, Mathematica 9:129-145): an
//     SD on another scale, such as a percentage's for a raw total.
//
// A step of 0 (unknown, or a continuous scale) skips the first check and
// hi <= lo the second. r must be valid.
func (r RCI) checkFit(step, lo, hi float64) error {
	var errs []error
	if step > 0 && r.SE() < step/math.Sqrt(12) {
		errs = append(errs, &ParamError{Name: "sd", Value: r.SD,
			Problem: "gives a standard error of measurement below the rounding error of a total in steps of " + fmtFloat(step)})
	}
	if hi > lo && r.SD > (hi-lo)/2 {
		errs = append(errs, &ParamError{Name: "sd", Value: r.SD,
			Problem: "exceeds half the range of totals " + fmtFloat(lo) + "-" + fmtFloat(hi) + ", more than any sample's SD can"})
	}
	return errors.Join(errs...)
}

// SE returns the standard error of measurement, SD * sqrt(1 - Reliability).
func (r RCI) SE() float64 { return r.SD * math.Sqrt(1-r.Reliability) }

// SDiff returns the standard error of the difference, sqrt(2) * SE.
func (r RCI) SDiff() float64 { return math.Sqrt2 * r.SE() }

// Points returns the smallest change in raw score that is reliable,
// Z * SDiff. A change must exceed it, not merely equal it.
func (r RCI) Points() float64 { return r.Z * r.SDiff() }

// Index returns the reliable change index RC = (post - pre) / SDiff, or an
// error when r is invalid, a score is not finite, or the change or the
// index overflows (*ParamErrors naming "change" or "rc").
func (r RCI) Index(pre, post float64) (float64, error) {
	if err := errors.Join(r.Validate(), checkScore("pre", pre), checkScore("post", post)); err != nil {
		return 0, err
	}
	delta := post - pre
	rc := delta / r.SDiff()
	if err := checkChange(delta, rc); err != nil {
		return 0, err
	}
	return rc, nil
}

// checkChange reports a change or an index that overflowed.
func checkChange(delta, rc float64) error {
	if !isFinite(delta) {
		return &ParamError{Name: "change", Value: delta, Problem: "post - pre is too large to represent"}
	}
	if !isFinite(rc) {
		return &ParamError{Name: "rc", Value: rc, Problem: "the change divided by SDiff is too large to represent"}
	}
	return nil
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
// finite and above 0, and RCI, when set, valid and the source of Points
// (Points equal to RCI.Points(), to within one part in a billion), so that
// the index a Change reports and the threshold it was judged by agree.
func (t Threshold) Validate() error {
	var errs []error
	if !t.Kind.IsValid() {
		errs = append(errs, &FieldError{Pkg: "measure", Path: "kind", Problem: "unspecified or unknown threshold kind"})
	}
	errs = append(errs, checkParam("points", t.Points, t.Points > 0, "must be above 0"))
	if t.RCI != (RCI{}) {
		err := t.RCI.Validate()
		errs = append(errs, err)
		if want := t.RCI.Points(); err == nil && isFinite(t.Points) && !(math.Abs(t.Points-want) <= 1e-9*want) {
			errs = append(errs, &ParamError{Name: "points", Value: t.Points, Problem: "must be the RCI's Z * SDiff, " + fmtFloat(want)})
		}
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

// ChangeCategory is the Jacobson-Truax category of a pre-post change
// (Jacobson & Truax 1991). Its "recovered" is theirs: a reliable
// improvement that crossed the clinical cut-off. It is not the NHS Talking
// Therapies "recovery" (TTOutcome.Recovery: a case at the start and below
// caseness on both measures at the end, reliable change or not). The zero
// value, ChangeUnspecified, means no classification was made.
type ChangeCategory uint8

// The Jacobson-Truax categories.
const (
	ChangeUnspecified  ChangeCategory = iota // (unspecified)
	ChangeRecovered                          // (recovered) reliable improvement that crossed the clinical cut-off
	ChangeImproved                           // (improved) reliable improvement that did not cross the cut-off
	ChangeUnchanged                          // (unchanged) no reliable change
	ChangeDeteriorated                       // (deteriorated) reliable worsening
)

var changeCategoryText = enum.Table[ChangeCategory]{Pkg: "measure", Type: "ChangeCategory", Names: []string{
	"unspecified", "recovered", "improved", "unchanged", "deteriorated",
}}

// ChangeCategories returns the four categories in order.
func ChangeCategories() []ChangeCategory { return changeCategoryText.Values() }

// String returns the category's text form.
func (c ChangeCategory) String() string { return changeCategoryText.String(c) }

// IsValid reports whether c is a specified category.
func (c ChangeCategory) IsValid() bool { return changeCategoryText.Valid(c) }

// MarshalText implements encoding.TextMarshaler.
func (c ChangeCategory) MarshalText() ([]byte, error) { return changeCategoryText.Marshal(c) }

// UnmarshalText implements encoding.TextUnmarshaler.
func (c *ChangeCategory) UnmarshalText(b []byte) error { return changeCategoryText.Unmarshal(c, b) }

// ParseChangeCategory returns the category whose text form is s.
func ParseChangeCategory(s string) (ChangeCategory, error) { return changeCategoryText.Parse(s) }

// ChangeRule classifies change on one measure: a threshold for reliable (or
// important) change and a clinical cut-off separating the dysfunctional
// range ("caseness") from the functional one. It round-trips through JSON.
type ChangeRule struct {
	// Name identifies the rule in reports, such as "phq-9 jacobson-truax".
	Name string `json:"name"`
	// Instrument is the measure the rule is for, when it is for one
	// (Definition.ChangeRule sets it).
	Instrument Instrument `json:"instrument,omitempty"`
	// Threshold is the change that counts.
	Threshold Threshold `json:"threshold"`
	// Cutoff is the clinical cut-off. With HigherIsWorse a score at or above
	// it is a case (NHS Talking Therapies: PHQ-9 >= 10); otherwise a score
	// at or below it is. CutoffStrict makes it "above" (or "below") only.
	Cutoff       float64 `json:"cutoff"`
	CutoffStrict bool    `json:"cutoff_strict,omitempty"`
	// HigherIsWorse says which way is worse: true for symptom measures.
	HigherIsWorse bool `json:"higher_is_worse"`
	// MinTotal and MaxTotal, when MaxTotal is above MinTotal, are the
	// measure's possible totals; scores outside them are *ParamErrors, and
	// an RCI's SD above half the range is invalid (see Validate).
	MinTotal float64 `json:"min_total,omitempty"`
	MaxTotal float64 `json:"max_total,omitempty"`
	// Step, when above 0, is the step of the total's scale, the smallest
	// difference between two totals (1 for a sum of whole-number answers);
	// Definition.ChangeRule sets it. With it, RCI parameters whose standard
	// error is below the rounding error of a total on that scale are
	// invalid: they would class a change of one step as reliable (a tiny
	// or mistyped SD would class almost every improvement "recovered").
	Step float64 `json:"step,omitempty"`
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

// Validate reports every problem with the rule at once: the threshold's
// (see Threshold.Validate), a cut-off, totals or step that are not finite,
// a max total below the min, a negative step, and RCI parameters that do
// not fit the scale of totals (a standard error below the rounding error of
// a total in steps of Step, Sheppard 1898; an SD above half the range of
// totals, Popoviciu 1935).
func (r ChangeRule) Validate() error {
	errs := []error{r.Threshold.Validate(), checkParam("cutoff", r.Cutoff, true, ""),
		checkParam("min total", r.MinTotal, true, ""),
		checkParam("max total", r.MaxTotal, r.MaxTotal >= r.MinTotal || r.MaxTotal == 0, "must not be below min total"),
		checkParam("step", r.Step, r.Step >= 0, "must not be negative"),
	}
	if rci := r.Threshold.RCI; rci != (RCI{}) && rci.Validate() == nil && isFinite(r.Step) && isFinite(r.MinTotal) && isFinite(r.MaxTotal) {
		errs = append(errs, rci.checkFit(r.Step, r.MinTotal, r.MaxTotal))
	}
	return errors.Join(errs...)
}

// IsCase reports whether score lies in the dysfunctional range.
func (r ChangeRule) IsCase(score float64) bool {
	return Cutoff{Value: r.Cutoff, Strict: r.CutoffStrict}.Met(score, SexUnspecified, r.HigherIsWorse)
}

// checkTotal reports a score outside the rule's range of totals, naming it.
func (r ChangeRule) checkTotal(name string, v float64) error {
	if err := checkScore(name, v); err != nil {
		return err
	}
	if r.MaxTotal > r.MinTotal && (v < r.MinTotal || v > r.MaxTotal) {
		return &ParamError{Name: name, Value: v, Problem: "total out of range " + fmtFloat(r.MinTotal) + "-" + fmtFloat(r.MaxTotal)}
	}
	return nil
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
	// Category is the Jacobson-Truax category.
	Category ChangeCategory `json:"category"`
	Rule     ChangeRule     `json:"rule"`
}

// Improved reports a reliable change in the better direction.
func (c Change) Improved() bool {
	return c.Category == ChangeImproved || c.Category == ChangeRecovered
}

// Deteriorated reports a reliable change in the worse direction.
func (c Change) Deteriorated() bool { return c.Category == ChangeDeteriorated }

// Classify compares pre and post under the rule. A change is reliable when
// it meets the threshold; a reliable improvement is "recovered" when pre was
// a case and post is not (Jacobson & Truax 1991: passed both the RCI and the
// cut-off), "improved" otherwise; a reliable worsening is "deteriorated";
// anything else "unchanged". Non-finite scores, scores outside the rule's
// range of totals and an invalid rule are errors, and so is a change that
// cannot be computed (post - pre, or RC, overflowing: *ParamErrors naming
// "change" or "rc"): a change is classified only from numbers that hold,
// never "recovered" on degenerate parameters.
func (r ChangeRule) Classify(pre, post float64) (Change, error) {
	if err := errors.Join(r.Validate(), r.checkTotal("pre", pre), r.checkTotal("post", post)); err != nil {
		return Change{}, err
	}
	c := Change{Pre: pre, Post: post, Delta: post - pre, Rule: r, PreCase: r.IsCase(pre), PostCase: r.IsCase(post)}
	if r.Threshold.RCI != (RCI{}) {
		c.RC = c.Delta / r.Threshold.RCI.SDiff()
	}
	if err := checkChange(c.Delta, c.RC); err != nil {
		return Change{}, err
	}
	c.Reliable = r.Threshold.Met(c.Delta)
	better := c.Delta < 0
	if !r.HigherIsWorse {
		better = c.Delta > 0
	}
	switch {
	case !c.Reliable:
		c.Category = ChangeUnchanged
	case better && c.PreCase && !c.PostCase:
		c.Category = ChangeRecovered
	case better:
		c.Category = ChangeImproved
	default:
		c.Category = ChangeDeteriorated
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
