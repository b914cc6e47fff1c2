package measure

import (
	"errors"
	"math"

	"github.com/groupwork/groupwork/internal/vocab/enum"
)

// Severity is a symptom-severity band of the PHQ-9 or GAD-7. The zero value,
// SeverityUnspecified, is what an incomplete score carries: a band is only
// read from a complete (or prorated) total.
type Severity uint8

// The severity bands. PHQ-9 uses all five; GAD-7 has no moderately-severe
// band (Kroenke, Spitzer & Williams 2001; Spitzer et al. 2006).
const (
	SeverityUnspecified      Severity = iota // (unspecified)
	SeverityMinimal                          // (minimal)
	SeverityMild                             // (mild)
	SeverityModerate                         // (moderate)
	SeverityModeratelySevere                 // (moderately-severe) PHQ-9 only
	SeveritySevere                           // (severe)
)

var severityText = enum.Table[Severity]{Pkg: "measure", Type: "Severity", Names: []string{
	"unspecified", "minimal", "mild", "moderate", "moderately-severe", "severe",
}}

// String returns the band's text form, or "Severity(n)" for an unknown value.
func (s Severity) String() string { return severityText.String(s) }

// IsValid reports whether s is one of the five named bands.
func (s Severity) IsValid() bool { return severityText.Valid(s) }

// MarshalText implements encoding.TextMarshaler. Unknown values are an error.
func (s Severity) MarshalText() ([]byte, error) { return severityText.Marshal(s) }

// UnmarshalText implements encoding.TextUnmarshaler; it accepts the forms
// ParseSeverity accepts.
func (s *Severity) UnmarshalText(b []byte) error { return severityText.Unmarshal(s, b) }

// ParseSeverity returns the band whose text form is s ("minimal", "mild",
// "moderate", "moderately-severe", "severe").
func ParseSeverity(s string) (Severity, error) { return severityText.Parse(s) }

// Band is one severity band: totals from Min to Max inclusive.
type Band struct {
	Severity Severity
	Min, Max int
}

// PHQ9Bands returns the PHQ-9 severity bands, lowest first: minimal 0-4,
// mild 5-9, moderate 10-14, moderately severe 15-19, severe 20-27 (Kroenke,
// Spitzer & Williams 2001, J Gen Intern Med 16:606-613, table 3).
func PHQ9Bands() []Band {
	return []Band{
		{SeverityMinimal, 0, 4},
		{SeverityMild, 5, 9},
		{SeverityModerate, 10, 14},
		{SeverityModeratelySevere, 15, 19},
		{SeveritySevere, 20, 27},
	}
}

// GAD7Bands returns the GAD-7 severity bands, lowest first: minimal 0-4,
// mild 5-9, moderate 10-14, severe 15-21 (Spitzer, Kroenke, Williams & Löwe
// 2006, Arch Intern Med 166:1092-1097).
func GAD7Bands() []Band {
	return []Band{
		{SeverityMinimal, 0, 4},
		{SeverityMild, 5, 9},
		{SeverityModerate, 10, 14},
		{SeveritySevere, 15, 21},
	}
}

// PHQ9Severity returns the PHQ-9 band of total, or SeverityUnspecified when
// total is outside 0-27. See PHQ9Bands for the table and its source.
func PHQ9Severity(total int) Severity {
	switch {
	case total < 0 || total > 27:
		return SeverityUnspecified
	case total <= 4:
		return SeverityMinimal
	case total <= 9:
		return SeverityMild
	case total <= 14:
		return SeverityModerate
	case total <= 19:
		return SeverityModeratelySevere
	}
	return SeveritySevere
}

// GAD7Severity returns the GAD-7 band of total, or SeverityUnspecified when
// total is outside 0-21. See GAD7Bands for the table and its source.
func GAD7Severity(total int) Severity {
	switch {
	case total < 0 || total > 21:
		return SeverityUnspecified
	case total <= 4:
		return SeverityMinimal
	case total <= 9:
		return SeverityMild
	case total <= 14:
		return SeverityModerate
	}
	return SeveritySevere
}

// Screening cut-offs: a total at or above the cut-off is a positive screen.
const (
	// PHQ9Cutoff is the PHQ-9 screening cut-off for major depression
	// (Kroenke, Spitzer & Williams 2001; confirmed by Manea, Gilbody &
	// McMillan 2012, CMAJ 184:E191, and the NHS Data Dictionary).
	PHQ9Cutoff = 10
	// GAD7Cutoff is the GAD-7 screening cut-off for generalised anxiety
	// disorder (Spitzer et al. 2006).
	GAD7Cutoff = 10
	// PHQ2Cutoff is the cut-off of the PHQ-2, the sum of PHQ-9 items 1 and 2
	// (Kroenke, Spitzer & Williams 2003, Med Care 41:1284-1292).
	PHQ2Cutoff = 3
	// GAD2Cutoff is the cut-off of the GAD-2, the sum of GAD-7 items 1 and 2
	// (Kroenke, Spitzer, Williams, Monahan & Löwe 2007, Ann Intern Med
	// 146:317-325).
	GAD2Cutoff = 3
)

// Options tune scoring of forms with missing items. The zero value scores
// strictly: a missing item leaves the score incomplete.
type Options struct {
	// Prorate fills each missing PHQ-9 or GAD-7 item with the mean of the
	// answered items, provided no more than MaxProrated items are missing.
	// Off by default. The rule is the NHS Data Dictionary's for the PHQ-9
	// ("if one or two values are missing ... substituted with the average
	// score of the non-missing items"). Proration fills the total only: the
	// self-harm flag is read from an actual answer to item 9 or not at all,
	// so a prorated form without item 9 still reports Item9Missing.
	Prorate bool `json:"prorate"`
	// MaxProrated is the most missing items Prorate will fill. Zero means
	// the default for the instrument: 2 for the PHQ-9 (NHS Data Dictionary),
	// 1 for the GAD-7 (our own proportionate choice, unverified; set it
	// explicitly if your service follows another rule).
	MaxProrated int `json:"max_prorated,omitempty"`
}

// maxProrated returns the limit for inst.
func (o Options) maxProrated(inst Instrument) int {
	if o.MaxProrated > 0 {
		return o.MaxProrated
	}
	if inst == InstrumentPHQ9 {
		return 2
	}
	return 1
}

// PHQ9Score is a scored PHQ-9. Severity, ScreenPositive and the total are
// read only from complete (or prorated) forms; SelfHarmRisk is read from item
// 9 alone and is set whatever the total, including a total of 0.
type PHQ9Score struct {
	// Total is the sum of the nine items, 0-27. For an incomplete form it is
	// the sum of the answered items, a lower bound; for a prorated form it is
	// nine times the mean of the answered items, rounded half up.
	Total int
	// Severity is the band of Total, or SeverityUnspecified when incomplete.
	Severity Severity
	// ScreenPositive reports Total >= PHQ9Cutoff. For an incomplete form the
	// lower-bound total can still prove a positive screen.
	ScreenPositive bool
	// PHQ2 is the sum of items 1 and 2 (answered ones only); PHQ2Positive
	// reports PHQ2 >= PHQ2Cutoff.
	PHQ2         int
	PHQ2Positive bool
	// Item9 is the answer to item 9, thoughts of being better off dead or of
	// self-harm, and Item9Missing reports it was not answered.
	Item9        int
	Item9Missing bool
	// SelfHarmRisk reports Item9 > 0. It is a separate flag that no total can
	// hide: a clinician must follow it up whatever the severity (Kroenke,
	// Spitzer & Williams 2001; DOMAIN.md section 7).
	SelfHarmRisk bool
	// Answered counts answered items, Prorated the missing items filled by
	// proration, and Complete reports Answered+Prorated == 9.
	Answered, Prorated int
	Complete           bool
}

// GAD7Score is a scored GAD-7. Severity is read only from complete (or
// prorated) forms.
type GAD7Score struct {
	// Total is the sum of the seven items, 0-21, with the same conventions
	// for incomplete and prorated forms as PHQ9Score.Total.
	Total int
	// Severity is the band of Total, or SeverityUnspecified when incomplete.
	Severity Severity
	// ScreenPositive reports Total >= GAD7Cutoff.
	ScreenPositive bool
	// GAD2 is the sum of items 1 and 2 (answered ones only); GAD2Positive
	// reports GAD2 >= GAD2Cutoff.
	GAD2         int
	GAD2Positive bool
	// Answered counts answered items, Prorated the missing items filled by
	// proration, and Complete reports Answered+Prorated == 7.
	Answered, Prorated int
	Complete           bool
}

// ScorePHQ9 scores a complete PHQ-9. Each answer must be 0-3; every bad
// answer is reported at once as an *AnswerError (errors.Join). It does not
// allocate unless it returns an error.
func ScorePHQ9(answers [9]int) (PHQ9Score, error) {
	t, err := tallyInts(InstrumentPHQ9, answers[:])
	if err != nil {
		return PHQ9Score{}, err
	}
	return t.phq9(), nil
}

// ScoreGAD7 scores a complete GAD-7. Each answer must be 0-3; every bad
// answer is reported at once. It does not allocate unless it returns an error.
func ScoreGAD7(answers [7]int) (GAD7Score, error) {
	t, err := tallyInts(InstrumentGAD7, answers[:])
	if err != nil {
		return GAD7Score{}, err
	}
	return t.gad7(), nil
}

// ScorePHQ9Answers scores a PHQ-9 given as nine Answers, some possibly
// missing. A wrong number of answers is a *CountError; out-of-range, NaN or
// fractional answers are *AnswerErrors, all reported at once. Missing items
// leave the score incomplete unless opts.Prorate allows filling them.
func ScorePHQ9Answers(answers []Answer, opts Options) (PHQ9Score, error) {
	t, err := tallyAnswers(InstrumentPHQ9, answers, opts)
	if err != nil {
		return PHQ9Score{}, err
	}
	return t.phq9(), nil
}

// ScoreGAD7Answers scores a GAD-7 given as seven Answers, on the same terms
// as ScorePHQ9Answers.
func ScoreGAD7Answers(answers []Answer, opts Options) (GAD7Score, error) {
	t, err := tallyAnswers(InstrumentGAD7, answers, opts)
	if err != nil {
		return GAD7Score{}, err
	}
	return t.gad7(), nil
}

// tally is the instrument-neutral result of reading a 0-3 symptom form.
type tally struct {
	n                  int    // items on the form
	vals               [9]int // answers, 0 where missing
	missing            [9]bool
	sum                int // sum of answered items
	answered, prorated int
	total              int
	complete           bool
}

// tallyInts reads a complete form of ints.
func tallyInts(inst Instrument, answers []int) (tally, error) {
	t := tally{n: len(answers)}
	var errs []error
	for k, v := range answers {
		if v < 0 || v > 3 {
			errs = append(errs, &AnswerError{Instrument: inst, Item: k + 1, Value: float64(v), Min: 0, Max: 3})
			continue
		}
		t.vals[k] = v
		t.sum += v
	}
	if len(errs) > 0 {
		return tally{}, errors.Join(errs...)
	}
	t.answered, t.total, t.complete = t.n, t.sum, true
	return t, nil
}

// tallyAnswers reads a form of Answers, applying proration when allowed.
func tallyAnswers(inst Instrument, answers []Answer, opts Options) (tally, error) {
	n := inst.NumItems()
	if len(answers) != n {
		return tally{}, &CountError{Instrument: inst, Got: len(answers), Want: n}
	}
	if opts.MaxProrated < 0 {
		return tally{}, &ParamError{Name: "max prorated", Value: float64(opts.MaxProrated), Problem: "must not be negative"}
	}
	scale := inst.Scale()
	t := tally{n: n}
	var errs []error
	for k, a := range answers {
		v, ok := a.Value()
		if !ok {
			t.missing[k] = true
			continue
		}
		if err := scale.Check(inst, k+1, v); err != nil {
			errs = append(errs, err)
			continue
		}
		t.vals[k] = int(v)
		t.sum += int(v)
		t.answered++
	}
	if len(errs) > 0 {
		return tally{}, errors.Join(errs...)
	}
	t.total = t.sum
	missing := n - t.answered
	switch {
	case missing == 0:
		t.complete = true
	case opts.Prorate && missing <= opts.maxProrated(inst) && t.answered > 0:
		mean := float64(t.sum) / float64(t.answered)
		t.total = int(math.Floor(mean*float64(n) + 0.5))
		t.prorated = missing
		t.complete = true
	}
	return t, nil
}

func (t tally) phq9() PHQ9Score {
	s := PHQ9Score{
		Total:        t.total,
		PHQ2:         t.vals[0] + t.vals[1],
		Item9:        t.vals[8],
		Item9Missing: t.missing[8],
		Answered:     t.answered,
		Prorated:     t.prorated,
		Complete:     t.complete,
	}
	s.SelfHarmRisk = !s.Item9Missing && s.Item9 > 0
	s.PHQ2Positive = s.PHQ2 >= PHQ2Cutoff
	s.ScreenPositive = s.Total >= PHQ9Cutoff
	if s.Complete {
		s.Severity = PHQ9Severity(s.Total)
	}
	return s
}

func (t tally) gad7() GAD7Score {
	s := GAD7Score{
		Total:    t.total,
		GAD2:     t.vals[0] + t.vals[1],
		Answered: t.answered,
		Prorated: t.prorated,
		Complete: t.complete,
	}
	s.GAD2Positive = s.GAD2 >= GAD2Cutoff
	s.ScreenPositive = s.Total >= GAD7Cutoff
	if s.Complete {
		s.Severity = GAD7Severity(s.Total)
	}
	return s
}
