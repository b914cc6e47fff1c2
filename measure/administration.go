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
	// Sex is the respondent's sex, recorded only where an instrument's
	// cut-offs depend on it (the AUDIT-C's).
	Sex Sex `json:"sex,omitempty"`
	// Answers are the scored items in order, Missing where unanswered (and
	// for items the skip logic left out).
	Answers []Answer `json:"answers"`
	// Difficulty is the answer to the instrument's unscored item (the
	// PHQ-9's tenth question, see DifficultyLabels); it must be missing for
	// instruments without one.
	Difficulty Answer `json:"difficulty,omitzero"`
}

// Validate reports the problems an Administration has whatever its
// instrument, all at once, each a *FieldError wrapping ErrInvalid: a
// malformed or unspecified instrument, an empty member, a zero time, a
// negative session, a sex that is not one of the values. Whether the
// answers fit the instrument is the Definition's to say: see
// Catalog.Validate.
func (a Administration) Validate() error {
	pr := problems()
	if !a.Instrument.IsValid() {
		pr.Add("instrument", "unspecified or malformed instrument", nil)
	}
	if a.Member == "" {
		pr.Add("member", "empty member id", nil)
	}
	if a.At.IsZero() {
		pr.Add("at", "zero time", nil)
	}
	if a.Session < 0 {
		pr.Add("session", "negative session number", nil)
	}
	if a.Sex != SexUnspecified && !a.Sex.IsValid() {
		pr.Add("sex", "unknown value", nil)
	}
	return pr.Err()
}

// Validate reports every problem with a at once: those of
// Administration.Validate, an instrument c has no definition for
// (wrapping ErrUnknownInstrument), a wrong number of answers
// (*CountError), answers off the item's scale (*AnswerError), answers to
// items the skip logic left out (*ItemError wrapping ErrNotAsked), and a
// difficulty answer off its scale or on an instrument without that item.
// Missing answers are not a validation problem; scoring decides what they
// mean.
func (c *Catalog) Validate(a Administration) error {
	pr := problems()
	pr.AddAll("", a.Validate())
	d, err := c.definition(a.Instrument)
	if err != nil {
		if a.Instrument.IsValid() {
			pr.Add("instrument", "no definition for "+a.Instrument.String(), err)
		}
		return pr.Err()
	}
	d.checkAnswers(&pr, a)
	return pr.Err()
}

// checkAnswers reports a's answers that do not fit d.
func (d *Definition) checkAnswers(pr *problemList, a Administration) {
	if n := len(d.Items); len(a.Answers) != n {
		pr.Add("answers", "wrong number of answers", &CountError{Instrument: a.Instrument, Got: len(a.Answers), Want: n})
	} else {
		for k, ans := range a.Answers {
			v, ok := ans.Value()
			if !ok {
				continue
			}
			if d.askedAt(k, a.Answers) == askedNo {
				pr.Add("answers["+strconv.Itoa(k)+"]", "answered but not asked", &ItemError{Instrument: a.Instrument, Item: k + 1, NotAsked: true})
			} else if sc := d.scaleAt(k); !sc.accepts(v) {
				pr.Add("answers["+strconv.Itoa(k)+"]", "answer off the response scale", sc.check(a.Instrument, k+1, v))
			}
		}
	}
	if v, ok := a.Difficulty.Value(); ok {
		if itemIsZero(d.Difficulty) {
			pr.Add("difficulty", a.Instrument.String()+" has no unscored difficulty item", nil)
		} else if err := d.Difficulty.Scale.Check(a.Instrument, d.Difficulty.Number, v); err != nil {
			pr.Add("difficulty", "answer off the response scale", err)
		}
	}
}

// Result is a scored Administration: who, when, the Score, and the
// subscale scores. Risk (inside Score) is the form's risk flag.
type Result struct {
	Member  string    `json:"member"`
	At      time.Time `json:"at"`
	Group   string    `json:"group,omitempty"`
	Session int       `json:"session,omitempty"`
	Score
	// Subscales are the subscale scores in the definition's order.
	Subscales []SubscaleScore `json:"subscales,omitempty"`
}

// Score validates a (see Catalog.Validate) and scores it with its
// instrument's definition and opts; a's Sex, when recorded, replaces
// opts.Sex. An instrument without a definition is an error wrapping
// ErrUnknownInstrument; a form with too many missing answers a
// *MissingError.
func (c *Catalog) Score(a Administration, opts Options) (Result, error) {
	if err := c.Validate(a); err != nil {
		return Result{}, err
	}
	d, _ := c.definition(a.Instrument) // Validate found it
	if a.Sex != SexUnspecified {
		opts.Sex = a.Sex
	}
	s, err := d.Score(a.Answers, opts)
	if err != nil {
		return Result{}, err
	}
	subs, err := d.subscales(a.Answers)
	if err != nil {
		return Result{}, err
	}
	return Result{Member: a.Member, At: a.At, Group: a.Group, Session: a.Session, Score: s, Subscales: subs}, nil
}

// ItemAnswer is an answer keyed by its 1-based item number, the shape in
// which keyed records (such as FHIR QuestionnaireResponse items) arrive.
type ItemAnswer struct {
	Item  int     `json:"item"`
	Value float64 `json:"value"`
}

// Arrange puts keyed answers in item order for inst, leaving unanswered
// items Missing. It reports every problem at once (errors.Join): an
// instrument c has no definition for, item numbers outside 1..n (*ItemError
// wrapping ErrUnknownItem) and items answered twice (*ItemError wrapping
// ErrDuplicateItem). Values are checked by scoring, not here.
func (c *Catalog) Arrange(inst Instrument, answers []ItemAnswer) ([]Answer, error) {
	d, err := c.definition(inst)
	if err != nil {
		return nil, err
	}
	n := d.NumItems()
	out := make([]Answer, n)
	var errs []error
	for _, ia := range answers {
		switch {
		case ia.Item < 1 || ia.Item > n:
			errs = append(errs, &ItemError{Instrument: inst, Item: ia.Item})
		case out[ia.Item-1].ok:
			errs = append(errs, &ItemError{Instrument: inst, Item: ia.Item, Duplicate: true})
		default:
			out[ia.Item-1] = Answered(ia.Value)
		}
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return out, nil
}
