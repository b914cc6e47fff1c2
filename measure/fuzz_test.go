package measure_test

import (
	"encoding/json"
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/groupwork/groupwork/measure"
)

// FuzzEnumText checks every enum's UnmarshalText: known text round-trips,
// anything else is a *ParseError wrapping ErrUnknownValue, never a panic.
func FuzzEnumText(f *testing.F) {
	for _, s := range []string{"phq-9", "gad-7", "gcq-s", "gsrs", "unspecified", "moderately-severe",
		"conflict", "rci", "mcid", "recovered", "", "PHQ-9", "\x00"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkEnum[measure.Instrument](t, s)
		checkEnum[measure.Severity](t, s)
		checkEnum[measure.Subscale](t, s)
		checkEnum[measure.ThresholdKind](t, s)
		checkEnum[measure.Outcome](t, s)
	})
}

type enumPtr[T any] interface {
	*T
	UnmarshalText([]byte) error
	MarshalText() ([]byte, error)
}

func checkEnum[T any, P enumPtr[T]](t *testing.T, s string) {
	var v T
	err := P(&v).UnmarshalText([]byte(s))
	if err != nil {
		if !errors.Is(err, measure.ErrUnknownValue) {
			t.Fatalf("UnmarshalText(%q): error %v does not wrap ErrUnknownValue", s, err)
		}
		return
	}
	b, err := P(&v).MarshalText()
	if err != nil {
		t.Fatalf("MarshalText after UnmarshalText(%q): %v", s, err)
	}
	if string(b) != s {
		t.Fatalf("round trip %q -> %q", s, b)
	}
}

// FuzzAdministrationJSON checks that any JSON either fails to decode or
// decodes to an Administration that re-encodes and decodes to the same
// value; that validation and scoring return errors rather than panicking;
// and that valid forms score.
func FuzzAdministrationJSON(f *testing.F) {
	f.Add(`{"instrument":"phq-9","member":"m","at":"2025-03-04T18:00:00Z","session":2,"answers":[1,2,3,0,null,1,1,1,1],"difficulty":2}`)
	f.Add(`{"instrument":"gsrs","member":"m","at":"2025-03-04T18:00:00+01:00","answers":[9.5,9,8.1,10]}`)
	f.Add(`{"instrument":"gcq-s","member":"m","at":"2025-03-04T18:00:00Z","answers":[1,2,3,4,5,6,0,null,null,null,null,null]}`)
	f.Add(`{"instrument":"gad-7","answers":[1e308,-1,2.5]}`)
	f.Add(`{"instrument":"phq9"}`)
	f.Add(`[]`)
	f.Fuzz(func(t *testing.T, in string) {
		var a measure.Administration
		if err := json.Unmarshal([]byte(in), &a); err != nil {
			return
		}
		b, err := json.Marshal(a)
		if err != nil {
			// Only an unencodable enum or time can fail; a decoded value has neither.
			t.Fatalf("re-encoding %+v: %v", a, err)
		}
		var back measure.Administration
		if err := json.Unmarshal(b, &back); err != nil {
			t.Fatalf("decoding own output %s: %v", b, err)
		}
		if diff := cmp.Diff(a, back); diff != "" {
			t.Fatalf("round trip (-first +second):\n%s", diff)
		}
		verr := a.Validate()
		r, serr := a.Score()
		if verr != nil && serr == nil {
			t.Fatalf("invalid administration scored: %v", verr)
		}
		if serr == nil && r.Instrument != a.Instrument {
			t.Fatalf("result for %v, administration of %v", r.Instrument, a.Instrument)
		}
	})
}

// FuzzConfigJSON checks the JSON of the configuration types apps load from
// files: Scorer, ChangeRule and TalkingTherapies. Whatever decodes must
// re-encode to the same value, and validation must not panic.
func FuzzConfigJSON(f *testing.F) {
	seed := func(v any) {
		b, err := json.Marshal(v)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(string(b))
	}
	seed(measure.DefaultScorer())
	seed(measure.NHSTalkingTherapies())
	r, _ := measure.NewRCI(5, 0.84)
	rule, _ := measure.JacobsonTruax("x", r, 10, true)
	seed(rule)
	f.Add(`{"threshold":{"kind":"nope"}}`)
	f.Add(`{"phq9":{"threshold":{"kind":"rci","points":-1,"rci":{"sd":-3}}}}`)
	f.Fuzz(func(t *testing.T, in string) {
		roundTrip(t, in, func(v measure.Scorer) error {
			_, err := v.Score(measure.Administration{})
			return errors.Join(v.GSRS.Validate(), err)
		})
		roundTrip(t, in, func(v measure.ChangeRule) error {
			_, err := v.Classify(10, 4)
			return errors.Join(v.Validate(), err)
		})
		roundTrip(t, in, func(v measure.TalkingTherapies) error {
			_, err := v.Assess(measure.Pair{PHQ9: 12, GAD7: 9}, measure.Pair{PHQ9: 4, GAD7: 3})
			return err
		})
	})
}

func roundTrip[T any](t *testing.T, in string, use func(T) error) {
	var v T
	if err := json.Unmarshal([]byte(in), &v); err != nil {
		return
	}
	_ = use(v) // must not panic; errors are fine
	b, err := json.Marshal(v)
	if err != nil {
		// A decoded float can be out of float64 range only as an error, so
		// what decoded can always be encoded.
		t.Fatalf("re-encoding %T: %v", v, err)
	}
	var back T
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatalf("decoding own output %s: %v", b, err)
	}
	if diff := cmp.Diff(v, back); diff != "" {
		t.Fatalf("%T round trip (-first +second):\n%s", v, diff)
	}
}
