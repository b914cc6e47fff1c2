package measure

import (
	"errors"
	"strconv"
	"time"
)

// Administration is one completed (or partly completed) form: which
// instrument, whose, when, in what context, and the answers in item order.
// It is a plain value: the zero value is invalid, copies are independent
// once Answers is copied, and it round-trips through encoding/json, with
// missing answers as null.
type Administration struct {
	// Instrument is the form filled in.
	Instrument Instrument `json:"instrument"`
	// Member identifies the respondent, in the caller's own ID scheme.
	Member string `json:"member"`
	// At is when the form was completed.
	At time.Time `json:"at"`
	// Group identifies the group, when the form belongs to one.
	Group string `json:"group,omitempty"`
	// Session is the 1-based number of the group session the form was
	// given at, or 0 when it was given outside a session (such as at intake).
	Session int `json:"session,omitempty"`
	// Answers are the scored items in order, Missing where unanswered.
	Answers []Answer `json:"answers"`
	// Difficulty is the PHQ-9's unscored tenth item (0-3, see
	// DifficultyLabels); it must be missing for other instruments.
	Difficulty Answer `json:"difficulty,omitzero"`
}

// Validate reports every problem at once, each a *FieldError wrapping
// ErrInvalid and, where there is one, the underlying typed error: an
// unspecified instrument, an empty member, a zero time, a negative session,
// a wrong number of answers (*CountError), answers off the item's scale
// (*AnswerError) and a difficulty answer off its 0-3 scale or on another
// instrument than the PHQ-9. Missing answers are not a validation problem;
// scoring decides what they mean.
func (a Administration) Validate() error {
	var errs []error
	add := func(path, problem string, err error) {
		errs = append(errs, &FieldError{Pkg: "measure", Path: path, Problem: problem, Err: err})
	}
	if !a.Instrument.IsValid() {
		add("instrument", "unspecified or unknown instrument", nil)
	}
	if a.Member == "" {
		add("member", "empty member id", nil)
	}
	if a.At.IsZero() {
		add("at", "zero time", nil)
	}
	if a.Session < 0 {
		add("session", "negative session number", nil)
	}
	if n := a.Instrument.NumItems(); n > 0 {
		if len(a.Answers) != n {
			add("answers", "wrong number of answers", &CountError{Instrument: a.Instrument, Got: len(a.Answers), Want: n})
		}
		scale := a.Instrument.Scale()
		for k, ans := range a.Answers {
			if v, ok := ans.Value(); ok && k < n {
				if err := scale.Check(a.Instrument, k+1, v); err != nil {
					add("answers["+strconv.Itoa(k)+"]", "answer off the response scale", err)
				}
			}
		}
	}
	if v, ok := a.Difficulty.Value(); ok {
		if a.Instrument != InstrumentPHQ9 {
			add("difficulty", "only the phq-9 has a difficulty item", nil)
		} else if err := (Scale{Min: 0, Max: 3, Step: 1}).Check(InstrumentPHQ9, 10, v); err != nil {
			add("difficulty", "answer off the response scale", err)
		}
	}
	return errors.Join(errs...)
}

// Scorer scores Administrations of any instrument. The zero value scores
// strictly with no proration, but its GSRS rule never alerts; start from
// DefaultScorer. A Scorer round-trips through JSON.
type Scorer struct {
	// Options tune PHQ-9 and GAD-7 scoring of forms with missing items.
	Options Options `json:"options"`
	// GSRS sets the GSRS alerts.
	GSRS GSRSRule `json:"gsrs"`
}

// DefaultScorer returns a Scorer with proration off and DefaultGSRSRule.
func DefaultScorer() Scorer { return Scorer{GSRS: DefaultGSRSRule()} }

// Result is a scored Administration. Exactly one of PHQ9, GAD7, GCQS and
// GSRS is filled in, the one for Instrument; the common fields let callers
// treat all instruments alike.
type Result struct {
	Instrument Instrument `json:"instrument"`
	Member     string     `json:"member"`
	At         time.Time  `json:"at"`
	Session    int        `json:"session,omitempty"`
	// Total is the total score, or 0 for the GCQ-S, which has none.
	Total float64 `json:"total"`
	// Complete reports that Total is usable: every item answered or
	// prorated. The GCQ-S, scored by subscale means, is complete when valid.
	Complete bool `json:"complete"`
	// SelfHarmRisk is the PHQ-9 item 9 flag, false for other instruments.
	SelfHarmRisk bool `json:"self_harm_risk"`
	// RiskKnown reports that item 9 of a PHQ-9 was answered, so SelfHarmRisk
	// is a reading and not an absence of one.
	RiskKnown bool `json:"risk_known"`

	PHQ9 PHQ9Score `json:"phq9,omitzero"`
	GAD7 GAD7Score `json:"gad7,omitzero"`
	GCQS GCQSScore `json:"gcqs,omitzero"`
	GSRS GSRSScore `json:"gsrs,omitzero"`
}

// Score scores a with the default scorer.
func (a Administration) Score() (Result, error) { return DefaultScorer().Score(a) }

// Score validates a (see Administration.Validate) and scores it.
func (s Scorer) Score(a Administration) (Result, error) {
	if err := a.Validate(); err != nil {
		return Result{}, err
	}
	r := Result{Instrument: a.Instrument, Member: a.Member, At: a.At, Session: a.Session}
	var err error
	switch a.Instrument {
	case InstrumentPHQ9:
		r.PHQ9, err = ScorePHQ9Answers(a.Answers, s.Options)
		r.Total, r.Complete = float64(r.PHQ9.Total), r.PHQ9.Complete
		r.SelfHarmRisk, r.RiskKnown = r.PHQ9.SelfHarmRisk, !r.PHQ9.Item9Missing
	case InstrumentGAD7:
		r.GAD7, err = ScoreGAD7Answers(a.Answers, s.Options)
		r.Total, r.Complete = float64(r.GAD7.Total), r.GAD7.Complete
	case InstrumentGCQS:
		r.GCQS, err = ScoreGCQSAnswers(a.Answers)
		r.Complete = err == nil
	case InstrumentGSRS:
		r.GSRS, err = s.GSRS.ScoreAnswers(a.Answers)
		r.Total, r.Complete = r.GSRS.Total, err == nil
	}
	if err != nil {
		return Result{}, err
	}
	return r, nil
}
