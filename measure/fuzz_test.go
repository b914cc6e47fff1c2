package measure_test

import (
	"encoding"
	"encoding/json"
	"errors"
	"fmt"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/groupwork/groupwork/internal/testkit/budget"
	"github.com/groupwork/groupwork/measure"
)

// Allocation bounds of the decoders, in bytes per input byte plus a fixed
// allowance (see budget.Linear). encoding/json grows a slice by half again
// as it fills, so over its growth a list costs up to about five times its
// element's size for each element; the per-byte numbers below are that for
// the largest element the shortest text can make ("{}," is three bytes,
// "0," two), with room to spare, and the fixed allowances cover the
// decoder's own state and an error. A decoder that allocated more than
// linearly would break them on long inputs.
var (
	// enumBound is for all fourteen enums decoding one text: each copies
	// the text at most twice (the string it looks up, the *ParseError).
	enumBound = budget.Linear{PerByte: 32, Fixed: 4 << 10}
	// administrationBound: an answer is 16 bytes for "0," (two bytes).
	administrationBound = budget.Linear{PerByte: 64, Fixed: 8 << 10}
	// configBound: the configuration types hold no list; strings are
	// copied once or twice, and validation adds a handful of errors.
	configBound = budget.Linear{PerByte: 40, Fixed: 16 << 10} // encoding/json's scanner keeps an int per level of nesting in a slice grown by doubling: up to 32 bytes per input byte for a text of nothing but '['
	// definitionBound: a subscale definition is about 130 bytes for "{},",
	// an item about 120.
	definitionBound = budget.Linear{PerByte: 512, Fixed: 16 << 10}
	// catalogBound: a Catalog also validates every definition and reports
	// every problem with its path, about a dozen errors for "{}," (an
	// empty definition).
	catalogBound = budget.Linear{PerByte: 4 << 10, Fixed: 32 << 10}
)

// FuzzEnumText checks every enum's UnmarshalText: known text round-trips,
// anything else is a *ParseError wrapping ErrUnknownValue, never a panic.
func FuzzEnumText(f *testing.F) {
	for _, s := range []string{"phq-9", "gad-7", "gcq-s", "gsrs", "c-ssrs-screener", "unspecified", "moderately-severe",
		"conflict", "rci", "mcid", "recovered", "", "PHQ-9", "\x00", "to-self", "raised", "same-day", "outcome", "-x", "a--"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		b := []byte(s)
		enumBound.Check(t, "UnmarshalText", len(b), func() {
			var (
				i  measure.Instrument
				sc measure.Subscale
				tk measure.ThresholdKind
				cc measure.ChangeCategory
				ik measure.InstrumentKind
				tt measure.TotalKind
				ag measure.Aggregate
				sx measure.Sex
				rs measure.RiskStatus
				rk measure.RiskKind
				fa measure.FollowUpAction
				fo measure.FollowUpActor
				fw measure.FollowUpWindow
				ak measure.AlertKind
			)
			for _, u := range []encoding.TextUnmarshaler{&i, &sc, &tk, &cc, &ik, &tt, &ag, &sx, &rs, &rk, &fa, &fo, &fw, &ak} {
				_ = u.UnmarshalText(b)
			}
		})
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
// value; that decoding allocates within administrationBound; that
// validation and scoring return errors rather than panicking; and that
// what scores was valid.
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
		var err error
		administrationBound.Check(t, "Administration", len(in), func() {
			a = measure.Administration{}
			err = json.Unmarshal([]byte(in), &a)
		})
		if err != nil {
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
// files: Options, ChangeRule, TalkingTherapies and AlertRules. Decoding
// allocates within configBound; whatever decodes must re-encode to the same
// value, and using it must not panic. A ChangeRule, TalkingTherapies or
// AlertRules that decodes passes its Validate; Options are checked where
// they are used, so scoring with bad ones is an error, never a panic.
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
		roundTrip(t, in, nil, func(v measure.Options) error {
			_, err := cat.Score(phq9Admin("m", 1, t0, 1, 1, 1, 1, 1, 1, 1, 1, 1), v)
			return err
		})
		roundTrip(t, in, measure.ChangeRule.Validate, func(v measure.ChangeRule) error {
			_, err := v.Classify(10, 4)
			return err
		})
		roundTrip(t, in, measure.TalkingTherapies.Validate, func(v measure.TalkingTherapies) error {
			_, err := v.Assess(measure.Pair{Depression: 12, Anxiety: 9}, measure.Pair{Depression: 4, Anxiety: 3})
			return err
		})
		roundTrip(t, in, measure.AlertRules.Validate, func(v measure.AlertRules) error {
			_, err := v.Alerts(cat, measure.Options{}, measure.Series{Member: "m", Administrations: []measure.Administration{
				phq9Admin("m", 1, t0, 2, 2, 2, 2, 2, 2, 2, 2, 0), phq9Admin("m", 2, day(1), 3, 3, 3, 3, 3, 3, 3, 3, 0)}})
			return err
		})
	})
}

// FuzzDefinitionJSON checks that any JSON either fails to decode or decodes
// to a Definition that re-encodes to the same value, allocating within
// definitionBound; that validation never panics; and that a definition
// that validates scores any form of the right length with an error or a
// result, never a panic, and round-trips through a Catalog. A Definition
// is a row: it may decode invalid, and a Catalog validates it.
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
		var err error
		definitionBound.Check(t, "Definition", len(in), func() {
			d = measure.Definition{}
			err = json.Unmarshal([]byte(in), &d)
		})
		if err != nil {
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

// roundTrip decodes in as a T within configBound; what decodes must pass
// validate (when it is not nil), be usable without a panic, and re-encode
// and decode to the same value.
func roundTrip[T any](t *testing.T, in string, validate func(T) error, use func(T) error) {
	t.Helper()
	var v T
	var err error
	configBound.Check(t, fmt.Sprintf("%T", v), len(in), func() {
		v = *new(T)
		err = json.Unmarshal([]byte(in), &v)
	})
	if err != nil {
		return
	}
	if validate != nil {
		if err := validate(v); err != nil {
			t.Fatalf("%T decoded but does not validate: %v", v, err)
		}
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

// FuzzCatalogJSON checks that any JSON either fails to decode as a Catalog
// or decodes to one whose every definition validates; that decoding
// allocates within catalogBound; and that what decodes encodes and decodes
// to the same definitions.
func FuzzCatalogJSON(f *testing.F) {
	b, err := json.Marshal(measure.BuiltinCatalog())
	if err != nil {
		f.Fatal(err)
	}
	f.Add(b)
	f.Add([]byte(`[{},{}]`))
	f.Add([]byte(`[{"instrument":"x","items":[{},{}],"bands":[{}],"risk":[{}],"subscales":[{"items":[1,1]}]}]`))
	f.Fuzz(func(t *testing.T, in []byte) {
		var c measure.Catalog
		var err error
		catalogBound.Check(t, "Catalog", len(in), func() {
			c = measure.Catalog{}
			err = json.Unmarshal(in, &c)
		})
		if err != nil {
			return
		}
		defs := c.Definitions()
		for _, d := range defs {
			if err := d.Validate(); err != nil {
				t.Fatalf("%s decoded into a catalogue but does not validate: %v", d.Instrument, err)
			}
		}
		out, err := json.Marshal(&c)
		if err != nil {
			t.Fatalf("encoding a decoded catalogue: %v", err)
		}
		var back measure.Catalog
		if err := json.Unmarshal(out, &back); err != nil {
			t.Fatalf("decoding own output: %v", err)
		}
		if diff := cmp.Diff(defs, back.Definitions(), cmpopts.EquateEmpty()); diff != "" {
			t.Fatalf("round trip (-first +second):\n%s", diff)
		}
	})
}
