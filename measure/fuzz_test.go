package measure_test

import (
	"encoding/json"
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/groupwork/groupwork/measure"
)

// FuzzEnumText checks every enum's UnmarshalText: known text round-trips,
// anything else is a *ParseError wrapping ErrUnknownValue, never a panic.
func FuzzEnumText(f *testing.F) {
	for _, s := range []string{"phq-9", "gad-7", "gcq-s", "gsrs", "c-ssrs-screener", "unspecified", "moderately-severe",
		"conflict", "rci", "mcid", "recovered", "", "PHQ-9", "\x00", "to-self", "raised", "same-day", "outcome", "-x", "a--"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkEnum[measure.Instrument](t, s)
		checkEnum[measure.Subscale](t, s)
		checkEnum[measure.ThresholdKind](t, s)
		checkEnum[measure.ChangeCategory](t, s)
		checkEnum[measure.InstrumentKind](t, s)
		checkEnum[measure.TotalKind](t, s)
		checkEnum[measure.Aggregate](t, s)
		checkEnum[measure.Sex](t, s)
		checkEnum[measure.RiskStatus](t, s)
		checkEnum[measure.RiskKind](t, s)
		checkEnum[measure.FollowUpAction](t, s)
		checkEnum[measure.FollowUpActor](t, s)
		checkEnum[measure.FollowUpWindow](t, s)
		checkEnum[measure.AlertKind](t, s)
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
// and that what scores was valid.
func FuzzAdministrationJSON(f *testing.F) {
	f.Add(`{"instrument":"phq-9","member":"m","at":"2025-03-04T18:00:00Z","session":2,"answers":[1,2,3,0,null,1,1,1,1],"difficulty":2}`)
	f.Add(`{"instrument":"gsrs","member":"m","at":"2025-03-04T18:00:00+01:00","answers":[9.5,9,8.1,10]}`)
	f.Add(`{"instrument":"gcq-s","member":"m","at":"2025-03-04T18:00:00Z","answers":[1,2,3,4,5,6,0,null,null,null,null,null]}`)
	f.Add(`{"instrument":"c-ssrs-screener","member":"m","at":"2025-03-04T18:00:00Z","answers":[1,0,1,null,null,1,null]}`)
	f.Add(`{"instrument":"audit-c","member":"m","sex":"female","at":"2025-03-04T18:00:00Z","answers":[2,1,1]}`)
	f.Add(`{"instrument":"gad-7","answers":[1e308,-1,2.5]}`)
	f.Add(`{"instrument":"phq9"}`)
	f.Add(`[]`)
	cat := measure.BuiltinCatalog()
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
		verr := cat.Validate(a)
		r, serr := cat.Score(a, measure.Options{Prorate: true})
		if verr != nil && serr == nil {
			t.Fatalf("invalid administration scored: %v", verr)
		}
		if serr == nil && r.Instrument != a.Instrument {
			t.Fatalf("result for %v, administration of %v", r.Instrument, a.Instrument)
		}
	})
}

// FuzzConfigJSON checks the JSON of the configuration types apps load from
// files: Options, ChangeRule, TalkingTherapies and AlertRules. Whatever
// decodes must re-encode to the same value, and using it must not panic.
func FuzzConfigJSON(f *testing.F) {
	seed := func(v any) {
		b, err := json.Marshal(v)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(string(b))
	}
	seed(measure.Options{Prorate: true, Sex: measure.SexMale})
	seed(measure.NHSTalkingTherapies())
	seed(measure.DefaultAlertRules())
	r, _ := measure.NewRCI(5, 0.84)
	rule, _ := measure.JacobsonTruax("x", r, 10, true)
	seed(rule)
	f.Add(`{"threshold":{"kind":"nope"}}`)
	f.Add(`{"depression":{"threshold":{"kind":"rci","points":-1,"rci":{"sd":-3}}}}`)
	f.Add(`{"on_track_by":-2,"alliance_drop":"x"}`)
	cat := measure.BuiltinCatalog()
	f.Fuzz(func(t *testing.T, in string) {
		roundTrip(t, in, func(v measure.Options) error {
			_, err := cat.Score(phq9Admin("m", 1, t0, 1, 1, 1, 1, 1, 1, 1, 1, 1), v)
			return err
		})
		roundTrip(t, in, func(v measure.ChangeRule) error {
			_, err := v.Classify(10, 4)
			return errors.Join(v.Validate(), err)
		})
		roundTrip(t, in, func(v measure.TalkingTherapies) error {
			_, err := v.Assess(measure.Pair{Depression: 12, Anxiety: 9}, measure.Pair{Depression: 4, Anxiety: 3})
			return err
		})
		roundTrip(t, in, func(v measure.AlertRules) error {
			_, err := v.Alerts(cat, measure.Options{}, measure.Series{Member: "m", Administrations: []measure.Administration{
				phq9Admin("m", 1, t0, 2, 2, 2, 2, 2, 2, 2, 2, 0), phq9Admin("m", 2, day(1), 3, 3, 3, 3, 3, 3, 3, 3, 0)}})
			return errors.Join(v.Validate(), err)
		})
	})
}

// FuzzDefinitionJSON checks that any JSON either fails to decode or decodes
// to a Definition that re-encodes to the same value; that validation never
// panics; and that a definition that validates scores any form of the
// right length with an error or a result, never a panic, and round-trips
// through a Catalog.
func FuzzDefinitionJSON(f *testing.F) {
	for _, d := range measure.Builtins() {
		b, err := json.Marshal(d)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(string(b), 1.0)
	}
	f.Add(`{"instrument":"x","items":[{"number":1,"label":"a","asked_if":{"item":1,"at_least":1}}]}`, 0.0)
	f.Add(`{"instrument":"x","name":"x","kind":"outcome","total":"scaled","factor":0,"scale":{"min":0,"max":1e308,"step":1e-300}}`, 2.0)
	f.Add(`{"bands":[{"label":"a","min":5,"max":1}],"risk":[{"item":9}]}`, -1.0)
	f.Fuzz(func(t *testing.T, in string, answer float64) {
		var d measure.Definition
		if err := json.Unmarshal([]byte(in), &d); err != nil {
			return
		}
		b, err := json.Marshal(d)
		if err != nil {
			t.Fatalf("re-encoding: %v", err)
		}
		var back measure.Definition
		if err := json.Unmarshal(b, &back); err != nil {
			t.Fatalf("decoding own output %s: %v", b, err)
		}
		if diff := cmp.Diff(d, back, cmpopts.EquateEmpty()); diff != "" {
			t.Fatalf("round trip (-first +second):\n%s", diff)
		}
		// Scoring never panics, even with a definition that would not
		// validate (an app scoring before it validates).
		answers := make([]measure.Answer, min(d.NumItems(), 1000))
		for k := range answers {
			if k%3 != 2 {
				answers[k] = measure.Answered(answer)
			}
		}
		_, _ = d.Score(answers, measure.Options{Prorate: true})
		_, _ = d.ScoreSubscales(answers, measure.Options{})
		if err := d.Validate(); err != nil {
			if !errors.Is(err, measure.ErrInvalid) {
				t.Fatalf("validation error %v does not wrap ErrInvalid", err)
			}
			return
		}
		var cat measure.Catalog
		if err := cat.Add(d); err != nil {
			t.Fatalf("a valid definition was refused: %v", err)
		}
		cb, err := json.Marshal(&cat)
		if err != nil {
			t.Fatalf("encoding the catalogue: %v", err)
		}
		var cat2 measure.Catalog
		if err := json.Unmarshal(cb, &cat2); err != nil {
			t.Fatalf("decoding the catalogue: %v", err)
		}
		if diff := cmp.Diff(cat.Definitions(), cat2.Definitions(), cmpopts.EquateEmpty()); diff != "" {
			t.Fatalf("catalogue round trip (-first +second):\n%s", diff)
		}
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
