package measure

import (
	"bytes"
	"encoding/json"
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
// leaves a unchanged. A number is read in place, so a form of n answers
// costs no allocation per answer.
func (a *Answer) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	if bytes.Equal(b, []byte("null")) {
		*a = Answer{}
		return nil
	}
	// encoding/json hands over one valid JSON value; one that starts like
	// a number is a JSON number, which ParseFloat reads the same way.
	if len(b) > 0 && (b[0] == '-' || b[0] >= '0' && b[0] <= '9') {
		if v, err := strconv.ParseFloat(string(b), 64); err == nil {
			*a = Answered(v)
			return nil
		}
	}
	var v float64 // not a number, or out of range: encoding/json's own error
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
