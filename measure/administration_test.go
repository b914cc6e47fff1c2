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
	good := phq9Admin("m", 1, t0, 1, 1, 1, 1, 1, 1, 1, 1, 1)
	require.NoError(t, good.Validate())

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
			err := a.Validate()
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

func TestScorerScore(t *testing.T) {
	s := measure.DefaultScorer()
	tests := []struct {
		name string
		a    measure.Administration
		want measure.Result
	}{
		{
			name: "phq-9 with the flag",
			a:    phq9Admin("m", 2, t0, 0, 0, 0, 0, 0, 0, 0, 0, 2),
			want: measure.Result{Instrument: measure.InstrumentPHQ9, Member: "m", At: t0, Session: 2, Total: 2,
				Complete: true, SelfHarmRisk: true, RiskKnown: true,
				PHQ9: measure.PHQ9Score{Total: 2, Severity: measure.SeverityMinimal, Item9: 2, SelfHarmRisk: true, Answered: 9, Complete: true}},
		},
		{
			name: "gad-7",
			a:    measure.Administration{Instrument: measure.InstrumentGAD7, Member: "m", At: t0, Answers: measure.Answers(2, 2, 2, 2, 1, 1, 1)},
			want: measure.Result{Instrument: measure.InstrumentGAD7, Member: "m", At: t0, Total: 11, Complete: true,
				GAD7: measure.GAD7Score{Total: 11, Severity: measure.SeverityModerate, ScreenPositive: true, GAD2: 4, GAD2Positive: true, Answered: 7, Complete: true}},
		},
		{
			name: "gcq-s has no total",
			a:    measure.Administration{Instrument: measure.InstrumentGCQS, Member: "m", At: t0, Answers: measure.Answers(3, 3, 1, 3, 1, 2, 2, 3, 1, 2, 3, 2)},
			want: measure.Result{Instrument: measure.InstrumentGCQS, Member: "m", At: t0, Complete: true,
				GCQS: measure.GCQSScore{Engagement: 3, Avoidance: 1, Conflict: 2, Answered: 12}},
		},
		{
			name: "gsrs",
			a:    measure.Administration{Instrument: measure.InstrumentGSRS, Member: "m", At: t0, Answers: measure.Answers(9.5, 9.5, 9.5, 9.5)},
			want: measure.Result{Instrument: measure.InstrumentGSRS, Member: "m", At: t0, Total: 38, Complete: true,
				GSRS: measure.GSRSScore{Items: [4]float64{9.5, 9.5, 9.5, 9.5}, Total: 38, Rule: measure.DefaultGSRSRule()}},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := s.Score(tc.a)
			require.NoError(t, err)
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
	t.Run("errors", func(t *testing.T) {
		_, err := measure.Administration{}.Score()
		require.ErrorIs(t, err, measure.ErrInvalid)
		gcqs := measure.Administration{Instrument: measure.InstrumentGCQS, Member: "m", At: t0, Answers: make([]measure.Answer, 12)}
		_, err = s.Score(gcqs)
		require.ErrorIs(t, err, measure.ErrTooManyMissing)
	})
}

func TestScorerJSON(t *testing.T) {
	want := measure.Scorer{Options: measure.Options{Prorate: true, MaxProrated: 1}, GSRS: measure.DefaultGSRSRule()}
	b, err := json.Marshal(want)
	require.NoError(t, err)
	var got measure.Scorer
	require.NoError(t, json.Unmarshal(b, &got))
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}
