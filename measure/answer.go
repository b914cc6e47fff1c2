package measure

import (
	"bytes"
	"encoding/json"
	"errors"
	"strconv"
)

// Answer is one item's response, or no response. The zero value is a missing
// answer. Answers are comparable values, safe to copy and to share.
//
// In JSON an Answer is a number, or null when missing.
type Answer struct {
	value float64
	ok    bool
}

// Answered returns the Answer v. It does not check v against any scale;
// scoring does.
func Answered(v float64) Answer { return Answer{value: v, ok: true} }

// Missing returns the missing Answer, the same as the zero value.
func Missing() Answer { return Answer{} }

// Value returns the answer and true, or 0 and false when it is missing.
func (a Answer) Value() (float64, bool) { return a.value, a.ok }

// IsMissing reports whether the item was left unanswered.
func (a Answer) IsMissing() bool { return !a.ok }

// Equal reports whether a and b are both missing or both the same number.
// go-cmp uses it to compare values holding Answers.
func (a Answer) Equal(b Answer) bool { return a == b }

// String returns the answer as a number, or "missing".
func (a Answer) String() string {
	if !a.ok {
		return "missing"
	}
	return strconv.FormatFloat(a.value, 'g', -1, 64)
}

// MarshalJSON encodes the answer as a number or null. A NaN or infinite
// answer cannot be encoded and is an *AnswerError wrapping ErrNotFinite.
func (a Answer) MarshalJSON() ([]byte, error) {
	if !a.ok {
		return []byte("null"), nil
	}
	if !isFinite(a.value) {
		return nil, &AnswerError{Value: a.value, NotFinite: true}
	}
	return strconv.AppendFloat(nil, a.value, 'g', -1, 64), nil
}

// UnmarshalJSON decodes a number or null. Anything else is an error and
// leaves a unchanged.
func (a *Answer) UnmarshalJSON(b []byte) error {
	if bytes.Equal(bytes.TrimSpace(b), []byte("null")) {
		*a = Answer{}
		return nil
	}
	var v float64
	if err := json.Unmarshal(b, &v); err != nil {
		return err
	}
	*a = Answered(v)
	return nil
}

// Answers returns the answers vs as a slice of answered Answers, a shorthand
// for building complete forms.
func Answers(vs ...float64) []Answer {
	out := make([]Answer, len(vs))
	for k, v := range vs {
		out[k] = Answered(v)
	}
	return out
}

// ItemAnswer is an answer keyed by its 1-based item number, the shape in
// which keyed records (such as FHIR QuestionnaireResponse items) arrive.
type ItemAnswer struct {
	Item  int     `json:"item"`
	Value float64 `json:"value"`
}

// Arrange puts keyed answers in item order for inst, leaving unanswered items
// Missing. It reports every problem at once (errors.Join): an unknown
// instrument, item numbers outside 1..inst.NumItems() (*ItemError wrapping
// ErrUnknownItem) and items answered twice (*ItemError wrapping
// ErrDuplicateItem). Values are checked by scoring, not here.
func Arrange(inst Instrument, answers []ItemAnswer) ([]Answer, error) {
	n := inst.NumItems()
	if n == 0 {
		return nil, &ParseError{Pkg: "measure", Type: "Instrument", Text: inst.String()}
	}
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
