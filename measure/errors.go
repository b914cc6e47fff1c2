package measure

import (
	"errors"
	"strconv"

	"github.com/groupwork/groupwork/internal/vocab/fault"
)

// The shared vocabulary, the same in every package of the library: bad
// input is a *FieldError wrapping ErrInvalid, or a *ParseError wrapping
// ErrUnknownValue.
type (
	// FieldError reports one invalid field of a value; validation joins one
	// FieldError per problem with errors.Join. Err, when set, is the
	// underlying typed error (such as an *AnswerError).
	FieldError = fault.FieldError
	// ParseError reports enum text that names no value.
	ParseError = fault.ParseError
)

var (
	// ErrInvalid is wrapped by every *FieldError: a field of a value such as
	// an Administration fails validation.
	ErrInvalid = fault.ErrInvalid
	// ErrUnknownValue is wrapped by every *ParseError.
	ErrUnknownValue = fault.ErrUnknownValue
)

// Sentinel errors. Every typed error in the package wraps exactly one of
// them, so callers branch with errors.Is and read details with errors.As.
var (
	// ErrOutOfRange is wrapped by every *AnswerError: an answer lies outside
	// the item's response scale, is not a step of that scale, or is not a
	// finite number.
	ErrOutOfRange = errors.New("measure: answer out of range")
	// ErrNotFinite is wrapped by *AnswerError and *ParamError when a value is
	// NaN or infinite.
	ErrNotFinite = errors.New("measure: value is not a finite number")
	// ErrWrongCount is wrapped by *CountError: an instrument was given more
	// or fewer answers than it has items.
	ErrWrongCount = errors.New("measure: wrong number of answers")
	// ErrDuplicateItem is wrapped by *ItemError when an item number is
	// answered twice.
	ErrDuplicateItem = errors.New("measure: item answered twice")
	// ErrUnknownItem is wrapped by *ItemError when an item number is not an
	// item of the instrument.
	ErrUnknownItem = errors.New("measure: no such item")
	// ErrTooManyMissing is wrapped by *MissingError: too many items are
	// unanswered for the score to be valid.
	ErrTooManyMissing = errors.New("measure: too many missing answers")
	// ErrInvalidParameter is wrapped by *ParamError: a scoring or change
	// parameter (SD, reliability, threshold, cut-off) is unusable.
	ErrInvalidParameter = errors.New("measure: invalid parameter")
	// ErrWrongInstrument is wrapped by *InstrumentError: a value belongs to a
	// different instrument than the operation expects.
	ErrWrongInstrument = errors.New("measure: wrong instrument")
	// ErrNoTotal is returned when a total is asked of an instrument that has
	// none (the GCQ-S reports three subscale means instead).
	ErrNoTotal = errors.New("measure: instrument has no total score")
	// ErrTooFewPoints is returned when a change is asked of a trajectory
	// with fewer than two scored administrations.
	ErrTooFewPoints = errors.New("measure: fewer than two points")
	// ErrUnknownInstrument marks an instrument that a catalogue has no
	// Definition for: a missing row is an error, never an empty result.
	ErrUnknownInstrument = errors.New("measure: no definition for the instrument")
	// ErrNotAsked is wrapped by *ItemError when an item that the skip logic
	// leaves out (such as C-SSRS items 3-5 after a "no" to item 2) was
	// answered anyway.
	ErrNotAsked = errors.New("measure: item answered but not asked")
)

// problemList collects the problems of one input; see problems.
type problemList = fault.List

// problems returns a collector of *FieldErrors for this package.
func problems() problemList { return fault.List{Pkg: "measure"} }

// AnswerError reports an answer outside its item's response scale.
type AnswerError struct {
	Instrument Instrument
	Item       int     // 1-based item number
	Value      float64 // the offending answer
	Min, Max   float64 // the item's scale
	NotFinite  bool    // Value is NaN or infinite
	NotStep    bool    // Value lies in range but is not a step of the scale (such as 1.5 on a 0-3 scale)
}

// Error implements error.
func (e *AnswerError) Error() string {
	s := "measure: " + e.Instrument.String() + " item " + strconv.Itoa(e.Item) + " answer " + fmtFloat(e.Value)
	switch {
	case e.NotFinite:
		return s + " is not a finite number"
	case e.NotStep:
		return s + " is not a step of the response scale"
	}
	return s + " outside " + fmtFloat(e.Min) + "-" + fmtFloat(e.Max)
}

// Unwrap returns ErrOutOfRange, and also ErrNotFinite for NaN or infinite
// values, so errors.Is(err, ErrOutOfRange) catches every bad answer.
func (e *AnswerError) Unwrap() []error {
	if e.NotFinite {
		return []error{ErrOutOfRange, ErrNotFinite}
	}
	return []error{ErrOutOfRange}
}

// CountError reports a wrong number of answers for an instrument.
type CountError struct {
	Instrument Instrument
	Got, Want  int
}

// Error implements error.
func (e *CountError) Error() string {
	return "measure: " + e.Instrument.String() + " needs " + strconv.Itoa(e.Want) +
		" answers, got " + strconv.Itoa(e.Got)
}

// Unwrap returns ErrWrongCount.
func (e *CountError) Unwrap() error { return ErrWrongCount }

// ItemError reports an item number that is unknown to the instrument,
// answered more than once, or answered although the skip logic left it out.
type ItemError struct {
	Instrument Instrument
	Item       int
	Duplicate  bool // answered twice
	NotAsked   bool // answered although not asked
}

// Error implements error.
func (e *ItemError) Error() string {
	switch {
	case e.Duplicate:
		return "measure: " + e.Instrument.String() + " item " + strconv.Itoa(e.Item) + " answered twice"
	case e.NotAsked:
		return "measure: " + e.Instrument.String() + " item " + strconv.Itoa(e.Item) + " answered but not asked"
	}
	return "measure: " + e.Instrument.String() + " has no item " + strconv.Itoa(e.Item)
}

// Unwrap returns ErrDuplicateItem, ErrNotAsked or ErrUnknownItem.
func (e *ItemError) Unwrap() error {
	switch {
	case e.Duplicate:
		return ErrDuplicateItem
	case e.NotAsked:
		return ErrNotAsked
	}
	return ErrUnknownItem
}

// UnknownInstrumentError reports an instrument that a catalogue has no
// Definition for. It wraps ErrUnknownInstrument.
type UnknownInstrumentError struct {
	Instrument Instrument
}

// Error implements error.
func (e *UnknownInstrumentError) Error() string {
	return "measure: no definition for instrument " + strconv.Quote(e.Instrument.String())
}

// Unwrap returns ErrUnknownInstrument.
func (e *UnknownInstrumentError) Unwrap() error { return ErrUnknownInstrument }

// MissingError reports more unanswered items than a score allows.
type MissingError struct {
	Instrument Instrument
	Subscale   Subscale // the subscale with too few answered items, or SubscaleUnspecified for the whole form
	Missing    int      // unanswered items
	Max        int      // most that may be missing
}

// Error implements error.
func (e *MissingError) Error() string {
	where := e.Instrument.String()
	if e.Subscale != SubscaleUnspecified {
		where += " " + e.Subscale.String() + " subscale"
	}
	return "measure: " + where + " has " + strconv.Itoa(e.Missing) + " missing answers, at most " +
		strconv.Itoa(e.Max) + " allowed"
}

// Unwrap returns ErrTooManyMissing.
func (e *MissingError) Unwrap() error { return ErrTooManyMissing }

// ParamError reports an unusable parameter such as a negative SD or a
// reliability outside 0-1.
type ParamError struct {
	Name    string  // the parameter, such as "sd" or "reliability"
	Value   float64 // the offending value
	Problem string  // what is wrong, lower case
}

// Error implements error.
func (e *ParamError) Error() string {
	return "measure: " + e.Name + " " + fmtFloat(e.Value) + ": " + e.Problem
}

// Unwrap returns ErrInvalidParameter, and also ErrNotFinite for NaN or
// infinite values.
func (e *ParamError) Unwrap() []error {
	if !isFinite(e.Value) {
		return []error{ErrInvalidParameter, ErrNotFinite}
	}
	return []error{ErrInvalidParameter}
}

// InstrumentError reports a value of one instrument where another was
// expected.
type InstrumentError struct {
	Got, Want Instrument
}

// Error implements error.
func (e *InstrumentError) Error() string {
	return "measure: got " + e.Got.String() + ", want " + e.Want.String()
}

// Unwrap returns ErrWrongInstrument.
func (e *InstrumentError) Unwrap() error { return ErrWrongInstrument }

// checkParam returns a *ParamError when v is not finite or fails ok.
func checkParam(name string, v float64, ok bool, problem string) error {
	if !isFinite(v) {
		return &ParamError{Name: name, Value: v, Problem: "not a finite number"}
	}
	if !ok {
		return &ParamError{Name: name, Value: v, Problem: problem}
	}
	return nil
}

func fmtFloat(v float64) string { return strconv.FormatFloat(v, 'g', -1, 64) }
