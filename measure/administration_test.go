package measure_test

import (
	"encoding/json"
	"math"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"

	"github.com/groupwork/groupwork/measure"
)

var t0 = time.Date(2025, 3, 4, 18, 0, 0, 0, time.UTC)

func phq9Admin(member string, session int, at time.Time, answers ...float64) measure.Administration {
	return measure.Administration{
		Instrument: measure.InstrumentPHQ9, Member: member, At: at, Group: "g1",
		Session: session, Answers: measure.Answers(answers...),
	}
}

func TestAdministrationJSONRoundTrip(t *testing.T) {
	a := measure.Administration{
		Instrument: measure.InstrumentPHQ9, Member: "m-17", At: t0, Group: "tuesday-cbt", Session: 3,
		Answers:    []measure.Answer{measure.Answered(2), measure.Missing(), measure.Answered(1), measure.Answered(0), measure.Answered(3), measure.Answered(0), measure.Answered(1), measure.Answered(0), measure.Answered(1)},
		Difficulty: measure.Answered(1),
	}
	b, err := json.Marshal(a)
	require.NoError(t, err)
	// The wire form, so apps know what to store.
	require.JSONEq(t, `{"instrument":"phq-9","member":"m-17","at":"2025-03-04T18:00:00Z","group":"tuesday-cbt",
		"session":3,"answers":[2,null,1,0,3,0,1,0,1],"difficulty":1}`, string(b))
	var got measure.Administration
	require.NoError(t, json.Unmarshal(b, &got))
	if diff := cmp.Diff(a, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	// A zero difficulty answer is kept apart from a missing one.
	a.Difficulty = measure.Answered(0)
	b, err = json.Marshal(a)
	require.NoError(t, err)
	require.Contains(t, string(b), `"difficulty":0`)
}

func TestAnswerJSON(t *testing.T) {
	var a measure.Answer
	require.Error(t, json.Unmarshal([]byte(`"2"`), &a))
	require.True(t, a.IsMissing(), "a failed decode leaves the answer alone")
	require.NoError(t, json.Unmarshal([]byte(`2.5`), &a))
	v, ok := a.Value()
	require.True(t, ok)
	require.Equal(t, 2.5, v)
	require.Equal(t, "2.5", a.String())
	require.Equal(t, "missing", measure.Missing().String())
	_, err := json.Marshal(measure.Answered(math.NaN()))
	require.ErrorIs(t, err, measure.ErrNotFinite)
}

func TestAdministrationValidate(t *testing.T) {
	cat := measure.BuiltinCatalog()
	good := phq9Admin("m", 1, t0, 1, 1, 1, 1, 1, 1, 1, 1, 1)
	require.NoError(t, good.Validate())
	require.NoError(t, cat.Validate(good))

	tests := []struct {
		name  string
		edit  func(*measure.Administration)
		paths []string
		is    []error
	}{
		{"zero value reports every field", func(a *measure.Administration) { *a = measure.Administration{} },
			[]string{"instrument", "member", "at"}, nil},
		{"negative session", func(a *measure.Administration) { a.Session = -1 }, []string{"session"}, nil},
		{"8 answers", func(a *measure.Administration) { a.Answers = a.Answers[:8] },
			[]string{"answers"}, []error{measure.ErrWrongCount}},
		{"10 answers", func(a *measure.Administration) { a.Answers = append(a.Answers, measure.Answered(0)) },
			[]string{"answers"}, []error{measure.ErrWrongCount}},
		{"two bad answers", func(a *measure.Administration) {
			a.Answers = measure.Answers(1, 5, 1, 1, 1, 1, 1, math.NaN(), 1)
		}, []string{"answers[1]", "answers[7]"}, []error{measure.ErrOutOfRange, measure.ErrNotFinite}},
		{"difficulty off its scale", func(a *measure.Administration) { a.Difficulty = measure.Answered(4) },
			[]string{"difficulty"}, []error{measure.ErrOutOfRange}},
		{"difficulty on a gad-7", func(a *measure.Administration) {
			a.Instrument = measure.InstrumentGAD7
			a.Answers = a.Answers[:7]
			a.Difficulty = measure.Answered(1)
		}, []string{"difficulty"}, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a := good
			a.Answers = append([]measure.Answer(nil), good.Answers...)
			tc.edit(&a)
			err := cat.Validate(a)
			require.ErrorIs(t, err, measure.ErrInvalid)
			for _, want := range tc.is {
				require.ErrorIs(t, err, want)
			}
			var paths []string
			for _, e := range err.(interface{ Unwrap() []error }).Unwrap() {
				var fe *measure.FieldError
				require.ErrorAs(t, e, &fe)
				paths = append(paths, fe.Path)
			}
			if diff := cmp.Diff(tc.paths, paths); diff != "" {
				t.Errorf("paths (-want +got):\n%s", diff)
			}
		})
	}
}

func TestCatalogScore(t *testing.T) {
	cat := measure.BuiltinCatalog()
	// got is what the test compares: the common fields and each
	// instrument's own reading.
	type got struct {
		Instrument measure.Instrument
		Member     string
		At         time.Time
		Session    int
		Total      float64
		Complete   bool
		Band       string
		Risk       measure.RiskStatus
		RiskItem   int
		Subscales  []measure.SubscaleScore
	}
	tests := []struct {
		name string
		a    measure.Administration
		want got
	}{
		{
			name: "phq-9 with the flag",
			a:    phq9Admin("m", 2, t0, 0, 0, 0, 0, 0, 0, 0, 0, 2),
			want: got{Instrument: measure.InstrumentPHQ9, Member: "m", At: t0, Session: 2, Total: 2, Complete: true,
				Band: "minimal", Risk: measure.RiskRaised, RiskItem: 9,
				Subscales: []measure.SubscaleScore{{Subscale: measure.SubscalePHQ2, Complete: true, Answered: 2}}},
		},
		{
			name: "gad-7",
			a:    measure.Administration{Instrument: measure.InstrumentGAD7, Member: "m", At: t0, Answers: measure.Answers(2, 2, 2, 2, 1, 1, 1)},
			want: got{Instrument: measure.InstrumentGAD7, Member: "m", At: t0, Total: 11, Complete: true, Band: "moderate",
				Subscales: []measure.SubscaleScore{{Subscale: measure.SubscaleGAD2, Score: 4, Complete: true, Answered: 2, ScreenPositive: true}}},
		},
		{
			name: "gcq-s has no total",
			a:    measure.Administration{Instrument: measure.InstrumentGCQS, Member: "m", At: t0, Answers: measure.Answers(3, 3, 1, 3, 1, 2, 2, 3, 1, 2, 3, 2)},
			want: got{Instrument: measure.InstrumentGCQS, Member: "m", At: t0, Complete: true, Subscales: []measure.SubscaleScore{
				{Subscale: measure.SubscaleEngagement, Score: 3, Complete: true, Answered: 5},
				{Subscale: measure.SubscaleAvoidance, Score: 1, Complete: true, Answered: 3},
				{Subscale: measure.SubscaleConflict, Score: 2, Complete: true, Answered: 4},
			}},
		},
		{
			name: "gsrs",
			a:    measure.Administration{Instrument: measure.InstrumentGSRS, Member: "m", At: t0, Answers: measure.Answers(9.5, 9.5, 9.5, 9.5)},
			want: got{Instrument: measure.InstrumentGSRS, Member: "m", At: t0, Total: 38, Complete: true},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r, err := cat.Score(tc.a, measure.Options{})
			require.NoError(t, err)
			g := got{r.Instrument, r.Member, r.At, r.Session, r.Total, r.Complete, r.Band.Label, r.Risk.Status, r.Risk.Item, r.Subscales}
			if diff := cmp.Diff(tc.want, g); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
	t.Run("errors", func(t *testing.T) {
		_, err := cat.Score(measure.Administration{}, measure.Options{})
		require.ErrorIs(t, err, measure.ErrInvalid)
		gcqs := measure.Administration{Instrument: measure.InstrumentGCQS, Member: "m", At: t0, Answers: make([]measure.Answer, 12)}
		_, err = cat.Score(gcqs, measure.Options{})
		require.ErrorIs(t, err, measure.ErrTooManyMissing)
		unknown := measure.Administration{Instrument: "orq-5", Member: "m", At: t0, Answers: measure.Answers(1)}
		_, err = cat.Score(unknown, measure.Options{})
		require.ErrorIs(t, err, measure.ErrUnknownInstrument)
		require.ErrorIs(t, err, measure.ErrInvalid)
	})
}

func TestOptionsJSON(t *testing.T) {
	want := measure.Options{Prorate: true, MaxProrated: 1, Sex: measure.SexFemale}
	b, err := json.Marshal(want)
	require.NoError(t, err)
	require.JSONEq(t, `{"prorate":true,"max_prorated":1,"sex":"female"}`, string(b))
	var got measure.Options
	require.NoError(t, json.Unmarshal(b, &got))
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}
