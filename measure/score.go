package measure

import (
	"errors"
	"math"
)

// Options tune scoring. The zero value scores strictly (no proration) for
// a respondent whose sex is not recorded. Options round-trip through JSON.
type Options struct {
	// Prorate fills missing items of a summed total with the mean of the
	// answered items, within the definition's MissingRule: no more than
	// MaxProrated items (or the definition's own limit when MaxProrated is
	// 0), never more than half of the items asked (see MissingRule), and
	// only for forms with at least one answer. Off by default.
	// Proration fills totals only: a risk item is read from an actual
	// answer or not at all.
	Prorate bool `json:"prorate"`
	// MaxProrated, when above 0, replaces the definition's limit, up to
	// the cap of half the items asked.
	MaxProrated int `json:"max_prorated,omitempty"`
	// Sex is the respondent's sex, for cut-offs that depend on it (the
	// AUDIT-C's). Scoring an Administration takes it from the
	// Administration when that records one.
	Sex Sex `json:"sex,omitempty"`
}

// Score is one scored form of any instrument. It holds no slice, so scoring
// allocates nothing; subscale scores come from Definition.ScoreSubscales.
// A Score is a comparable value and round-trips through JSON.
type Score struct {
	Instrument Instrument `json:"instrument"`
	// Raw is the total on the items' own scale: their sum (or mean, for a
	// mean total), reversed items turned round. For an incomplete summed
	// form it is the sum of the answered items, a lower bound; for a
	// prorated one, the mean of the answered items times the items asked.
	Raw float64 `json:"raw"`
	// Total is the reported total: Raw, or Raw times the definition's
	// Factor for a scaled total (the WHO-5's percentage). Bands, cut-offs
	// and caseness read it. It is 0 for an instrument without a total.
	Total float64 `json:"total"`
	// Complete reports that the score needs no more answers: every item
	// asked was answered, missing ones were prorated, or a mean stands for
	// the form.
	Complete bool `json:"complete"`
	// Asked counts the items the skip logic put to the respondent (every
	// item, for an instrument without skip logic), Answered the answered
	// ones, Prorated the missing ones proration filled.
	Asked    int `json:"asked"`
	Answered int `json:"answered"`
	Prorated int `json:"prorated,omitempty"`
	// Band is the severity band of a complete total, or the zero Band.
	Band Band `json:"band,omitzero"`
	// Screen is the strictest screening cut-off the total meets, or the
	// first cut-off with Positive false when it meets none. An incomplete
	// summed total of a symptom measure can still prove a positive screen,
	// since it is a lower bound.
	Screen ScreenResult `json:"screen,omitzero"`
	// Case reports that the total is at or beyond the caseness cut-off, on
	// the same terms as Screen.
	Case bool `json:"case"`
	// Risk is the reading of the instrument's risk items.
	Risk RiskFlag `json:"risk,omitzero"`
}

// ScreenResult is a total read against one screening cut-off.
type ScreenResult struct {
	// Name is the cut-off's name, what a positive screen suggests.
	Name string `json:"name"`
	// Cutoff is the value applied (sex-specific where the instrument has
	// such cut-offs).
	Cutoff float64 `json:"cutoff"`
	// Positive reports that the total is at or beyond it.
	Positive bool `json:"positive"`
}

// asked is whether an item was put to the respondent under the skip logic.
type asked uint8

const (
	askedYes     asked = iota // asked
	askedNo                   // left out by the skip logic
	askedUnknown              // depends on an earlier item left unanswered
)

// askedAt reports whether the item at index k was asked, given answers.
func (d *Definition) askedAt(k int, answers []Answer) asked {
	c := d.Items[k].AskedIf
	if c.Item == 0 {
		return askedYes
	}
	j := c.Item - 1
	if j < 0 || j >= k {
		return askedYes // Validate rejects this; score as if always asked
	}
	switch d.askedAt(j, answers) {
	case askedNo:
		return askedNo
	case askedUnknown:
		return askedUnknown
	}
	v, ok := answers[j].Value()
	switch {
	case !ok:
		return askedUnknown
	case v >= c.AtLeast:
		return askedYes
	}
	return askedNo
}

// Score scores one form given as its answers in item order, some possibly
// missing. A wrong number of answers is a *CountError; answers off an
// item's scale are *AnswerErrors, answers to items the skip logic left out
// *ItemErrors wrapping ErrNotAsked, and a negative Options.MaxProrated a
// *ParamError, all reported at once (errors.Join). More missing answers
// than the definition allows is a *MissingError. It allocates nothing
// unless it returns an error. d is not validated: validate app-defined
// definitions once, when they enter a Catalog.
func (d *Definition) Score(answers []Answer, opts Options) (s Score, err error) {
	if err = d.scoreInto(&s, answers, opts); err != nil {
		return Score{}, err
	}
	return s, nil
}

// scoreInto is Score writing into *s, which must be the zero Score, so
// that the package's conveniences read the score without copying it.
func (d *Definition) scoreInto(s *Score, answers []Answer, opts Options) error {
	n := len(d.Items)
	if len(answers) != n {
		return &CountError{Instrument: d.Instrument, Got: len(answers), Want: n}
	}
	t, plain := d.tallyPlain(answers)
	if !plain || opts.MaxProrated < 0 {
		var err error
		if t, err = d.tallyGeneral(answers, opts); err != nil {
			return err
		}
	}
	if t.missing > d.Missing.MaxMissing {
		return &MissingError{Instrument: d.Instrument, Missing: t.missing, Max: d.Missing.MaxMissing}
	}
	s.Instrument = d.Instrument
	s.Asked = n - t.skipped
	s.Answered = s.Asked - t.missing
	d.total(s, t.sum, t.missing, opts)
	if d.Total != TotalNone {
		d.readTotal(s, opts.Sex)
	}
	if len(d.Risk) > 0 {
		d.readRisk(&s.Risk, answers)
	}
	return nil
}

// tally is the count of one form's items: the sum of the valid answers,
// the items the skip logic left out and the missing ones.
type tally struct {
	sum              float64
	skipped, missing int
}

// tallyPlain counts a form on the common path: items without skip logic,
// scale of their own or reversal, on a scale of whole steps of 1, every
// answer valid. It reports false as soon as the form leaves that path, and
// tallyGeneral counts it instead.
func (d *Definition) tallyPlain(answers []Answer) (tally, bool) {
	var t tally
	sc := &d.Scale
	if sc.Step != 1 || !(sc.Max-sc.Min <= 1000) {
		return t, false
	}
	lo, span := sc.Min, uint64(sc.Max-sc.Min)
	items := d.Items[:len(answers)]
	for k := range answers {
		it, a := &items[k], &answers[k]
		if it.AskedIf.Item != 0 || it.Scale.Max != it.Scale.Min || it.Reversed {
			return t, false
		}
		if !a.ok {
			t.missing++
			continue
		}
		// A valid answer lies a whole number of steps, 0 to span, above
		// the scale's Min; NaN and infinity never do.
		v := a.value
		if steps := int64(v - lo); float64(steps) != v-lo || uint64(steps) > span {
			return t, false
		}
		t.sum += v
	}
	return t, true
}

// tallyGeneral counts a form with everything the definition allows (skip
// logic, items with scales of their own, reversed items, decimal steps)
// and reports every problem at once.
func (d *Definition) tallyGeneral(answers []Answer, opts Options) (tally, error) {
	var t tally
	var errs []error
	if opts.MaxProrated < 0 {
		errs = append(errs, &ParamError{Name: "max prorated", Value: float64(opts.MaxProrated), Problem: "must not be negative"})
	}
	for k, a := range answers {
		it := &d.Items[k]
		if it.AskedIf.Item != 0 && d.askedAt(k, answers) == askedNo {
			if a.ok {
				errs = append(errs, &ItemError{Instrument: d.Instrument, Item: k + 1, NotAsked: true})
			}
			t.skipped++
			continue
		}
		if !a.ok {
			t.missing++
			continue
		}
		sc, v := d.scaleAt(k), a.value
		if !sc.accepts(v) {
			errs = append(errs, sc.check(d.Instrument, k+1, v))
			continue
		}
		if it.Reversed {
			v = sc.Min + sc.Max - v
		}
		t.sum += v
	}
	return t, errors.Join(errs...)
}

// lowerBound reports whether the sum of a form's answered items is a lower
// bound of its total, so that an incomplete form can still prove a
// positive screen: a symptom measure summed over items that score 0 or
// more.
func (d *Definition) lowerBound() bool {
	if !d.HigherIsWorse || d.Total != TotalSum && d.Total != TotalScaled {
		return false
	}
	for k := range d.Items {
		if d.scaleAt(k).Min < 0 {
			return false
		}
	}
	return true
}

// total fills s's Raw, Total and Complete from the sum of the answered
// items.
func (d *Definition) total(s *Score, sum float64, missing int, opts Options) {
	s.Complete = missing == 0
	switch d.Total {
	case TotalMean:
		if s.Answered > 0 {
			s.Raw, s.Complete = sum/float64(s.Answered), true
		}
	case TotalSum, TotalScaled:
		s.Raw = d.roundToStep(sum)
		limit := d.Missing.MaxProrated
		if opts.MaxProrated > 0 {
			limit = opts.MaxProrated
		}
		if missing > 0 && opts.Prorate && missing <= limit && withinShare(missing, s.Asked) && s.Answered > 0 {
			s.Raw = sum / float64(s.Answered) * float64(s.Asked)
			if d.Missing.Round {
				s.Raw = math.Floor(s.Raw + 0.5)
			}
			s.Prorated, s.Complete = missing, true
		}
	case TotalNone:
		// A form read by its mean-scored subscales stands for itself.
		if !s.Complete && len(d.Subscales) > 0 {
			s.Complete = true
			for _, sd := range d.Subscales {
				s.Complete = s.Complete && sd.Aggregate == AggregateMean
			}
		}
	}
	s.Total = s.Raw
	if d.Total == TotalScaled {
		s.Total = s.Raw * d.Factor
	}
}

// withinShare reports whether prorating missing of asked items stays within
// the cap of half of them (see MissingRule).
func withinShare(missing, asked int) bool { return 2*missing <= asked }

// roundToStep removes the floating-point noise that summing decimal steps
// leaves (0.1 + 0.2), rounding a sum of answers on a scale with a step
// below 1 to that step's precision.
func (d *Definition) roundToStep(sum float64) float64 {
	if st := d.Scale.Step; st > 0 && st < 1 {
		inv := math.Round(1 / st)
		return math.Round(sum*inv) / inv
	}
	return sum
}

// readTotal fills s's band, screen and caseness. An incomplete total reads
// only what its lower bound proves.
func (d *Definition) readTotal(s *Score, sex Sex) {
	readable := s.Complete || d.lowerBound()
	if s.Complete {
		d.bandOf(&s.Band, s.Total)
	}
	for k := range d.Screens {
		c := &d.Screens[k]
		met := readable && c.met(s.Total, sex, d.HigherIsWorse)
		if k == 0 || met {
			s.Screen = ScreenResult{Name: c.Name, Cutoff: c.value(sex), Positive: met}
		}
	}
	if c := &d.Caseness; c.Name != "" || c.Value != 0 {
		s.Case = readable && c.met(s.Total, sex, d.HigherIsWorse)
	}
}

// SubscaleScore is one subscale of a scored form.
type SubscaleScore struct {
	Subscale Subscale `json:"subscale"`
	// Score is the subscale's sum or mean; for an incomplete sum, the sum
	// of the answered items, a lower bound.
	Score float64 `json:"score"`
	// Complete reports that every item was answered, or that the subscale
	// is a mean of the answered ones.
	Complete bool `json:"complete"`
	// Answered counts the subscale's answered items.
	Answered int `json:"answered"`
	// ScreenPositive reports that the score meets the subscale's cut-off.
	ScreenPositive bool `json:"screen_positive,omitempty"`
}

// ScoreSubscales scores the form (as Score does, with the same errors) and
// returns its subscale scores in the definition's order, or nil when it has
// none. A subscale with more missing items than its MaxMissing is a
// *MissingError naming the subscale.
func (d *Definition) ScoreSubscales(answers []Answer, opts Options) ([]SubscaleScore, error) {
	if _, err := d.Score(answers, opts); err != nil {
		return nil, err
	}
	return d.subscales(answers)
}

// subscales scores every subscale of a form that Score accepted.
func (d *Definition) subscales(answers []Answer) ([]SubscaleScore, error) {
	if len(d.Subscales) == 0 {
		return nil, nil
	}
	out := make([]SubscaleScore, len(d.Subscales))
	var errs []error
	for k := range d.Subscales {
		var err error
		if out[k], err = d.subscale(k, answers); err != nil {
			errs = append(errs, err)
		}
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return out, nil
}

// subscale scores subscale k of a form that Score accepted. Items the skip
// logic left out count as missing.
func (d *Definition) subscale(k int, answers []Answer) (out SubscaleScore, err error) {
	sd := &d.Subscales[k]
	out.Subscale = sd.Subscale
	sum := 0.0
	for _, n := range sd.Items {
		if n < 1 || n > len(answers) || !answers[n-1].ok {
			continue
		}
		v := answers[n-1].value
		if d.Items[n-1].Reversed {
			sc := d.scaleAt(n - 1)
			v = sc.Min + sc.Max - v
		}
		sum += v
		out.Answered++
	}
	missing := len(sd.Items) - out.Answered
	if missing > sd.MaxMissing || sd.Aggregate == AggregateMean && out.Answered == 0 {
		return SubscaleScore{}, &MissingError{Instrument: d.Instrument, Subscale: sd.Subscale, Missing: missing, Max: sd.MaxMissing}
	}
	out.Complete = missing == 0
	out.Score = d.roundToStep(sum)
	if sd.Aggregate == AggregateMean {
		out.Score, out.Complete = sum/float64(out.Answered), true
	}
	if c := &sd.Cutoff; c.Name != "" && (out.Complete || d.HigherIsWorse && sd.Aggregate == AggregateSum) {
		out.ScreenPositive = c.met(out.Score, SexUnspecified, d.HigherIsWorse)
	}
	return out, nil
}
