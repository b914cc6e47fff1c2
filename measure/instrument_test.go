package measure_test

import (
	"encoding"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"

	"github.com/groupwork/groupwork/measure"
)

// textEnum is what every enum of the package implements.
type textEnum interface {
	String() string
	IsValid() bool
	encoding.TextMarshaler
}

func TestEnumText(t *testing.T) {
	tests := []struct {
		name  string
		v     textEnum
		text  string
		valid bool
		parse func(string) (textEnum, error)
	}{
		{"instrument phq-9", measure.InstrumentPHQ9, "phq-9", true, wrap(measure.ParseInstrument)},
		{"instrument gad-7", measure.InstrumentGAD7, "gad-7", true, wrap(measure.ParseInstrument)},
		{"instrument gcq-s", measure.InstrumentGCQS, "gcq-s", true, wrap(measure.ParseInstrument)},
		{"instrument gsrs", measure.InstrumentGSRS, "gsrs", true, wrap(measure.ParseInstrument)},
		{"instrument zero", measure.InstrumentUnspecified, "unspecified", false, wrap(measure.ParseInstrument)},
		{"severity moderately severe", measure.SeverityModeratelySevere, "moderately-severe", true, wrap(measure.ParseSeverity)},
		{"subscale conflict", measure.SubscaleConflict, "conflict", true, wrap(measure.ParseSubscale)},
		{"threshold mcid", measure.ThresholdMCID, "mcid", true, wrap(measure.ParseThresholdKind)},
		{"outcome recovered", measure.OutcomeRecovered, "recovered", true, wrap(measure.ParseOutcome)},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			require.Equal(t, tc.text, tc.v.String())
			require.Equal(t, tc.valid, tc.v.IsValid())
			b, err := tc.v.MarshalText()
			require.NoError(t, err)
			require.Equal(t, tc.text, string(b))
			got, err := tc.parse(tc.text)
			require.NoError(t, err)
			require.Equal(t, tc.v, got)
		})
	}
}

func wrap[T textEnum](f func(string) (T, error)) func(string) (textEnum, error) {
	return func(s string) (textEnum, error) { return f(s) }
}

func TestEnumBadText(t *testing.T) {
	_, err := measure.ParseInstrument("PHQ-9")
	require.ErrorIs(t, err, measure.ErrUnknownValue, "matching is exact")
	var pe *measure.ParseError
	require.ErrorAs(t, err, &pe)
	require.Equal(t, measure.ParseError{Pkg: "measure", Type: "Instrument", Text: "PHQ-9"}, *pe)

	i := measure.InstrumentGAD7
	require.ErrorIs(t, i.UnmarshalText([]byte("phq9")), measure.ErrUnknownValue)
	require.Equal(t, measure.InstrumentGAD7, i, "a failed unmarshal leaves the value alone")

	require.Equal(t, "Instrument(9)", measure.Instrument(9).String())
	_, err = measure.Instrument(9).MarshalText()
	require.ErrorIs(t, err, measure.ErrUnknownValue)

	for _, f := range []func() error{
		func() error { var v measure.Severity; return v.UnmarshalText([]byte("huge")) },
		func() error { var v measure.Subscale; return v.UnmarshalText([]byte("x")) },
		func() error { var v measure.ThresholdKind; return v.UnmarshalText([]byte("x")) },
		func() error { var v measure.Outcome; return v.UnmarshalText([]byte("x")) },
	} {
		require.ErrorIs(t, f(), measure.ErrUnknownValue)
	}
	if diff := cmp.Diff([]measure.Instrument{measure.InstrumentPHQ9, measure.InstrumentGAD7, measure.InstrumentGCQS, measure.InstrumentGSRS},
		measure.Instruments()); diff != "" {
		t.Errorf("Instruments (-want +got):\n%s", diff)
	}
}

// TestInstrumentShape checks item counts and response scales against the
// instruments' publications (DOMAIN.md section 7).
func TestInstrumentShape(t *testing.T) {
	tests := []struct {
		inst     measure.Instrument
		items    int
		min, max float64
		step     float64
		labels   int
		total    bool
		worse    bool
	}{
		{measure.InstrumentPHQ9, 9, 0, 3, 1, 4, true, true},
		{measure.InstrumentGAD7, 7, 0, 3, 1, 4, true, true},
		{measure.InstrumentGCQS, 12, 0, 6, 1, 7, false, false},
		{measure.InstrumentGSRS, 4, 0, 10, 0.1, 0, true, false},
		{measure.InstrumentUnspecified, 0, 0, 0, 0, 0, false, false},
	}
	for _, tc := range tests {
		t.Run(tc.inst.String(), func(t *testing.T) {
			sc := tc.inst.Scale()
			got := []any{tc.inst.NumItems(), len(tc.inst.Items()), sc.Min, sc.Max, sc.Step, len(sc.Labels), tc.inst.HasTotal(), tc.inst.HigherIsWorse()}
			want := []any{tc.items, tc.items, tc.min, tc.max, tc.step, tc.labels, tc.total, tc.worse}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
			for k, it := range tc.inst.Items() {
				require.Equal(t, k+1, it.Number)
				require.NotEmpty(t, it.Label)
			}
		})
	}
	require.Equal(t, []string{"not at all", "several days", "more than half the days", "nearly every day"},
		measure.InstrumentPHQ9.Scale().Labels)
	require.Len(t, measure.DifficultyLabels(), 4)
}

// TestLOINC checks the codes named in DOMAIN.md section 7 and the item codes
// as used in the HL7 US Core PHQ-9 and PHR GAD-7 questionnaires.
func TestLOINC(t *testing.T) {
	require.Equal(t, measure.LOINC("44249-1"), measure.LOINCPHQ9Panel)
	require.Equal(t, measure.LOINC("44261-6"), measure.LOINCPHQ9Total)
	require.Equal(t, measure.LOINC("44260-8"), measure.LOINCPHQ9Item9)
	require.Equal(t, measure.LOINC("69737-5"), measure.LOINCGAD7Panel)
	require.Equal(t, measure.LOINC("70274-6"), measure.LOINCGAD7Total)

	codes := func(inst measure.Instrument) []measure.LOINC {
		var out []measure.LOINC
		for _, it := range inst.Items() {
			out = append(out, it.LOINC)
		}
		return out
	}
	if diff := cmp.Diff([]measure.LOINC{"44250-9", "44255-8", "44259-0", "44254-1", "44251-7", "44258-2", "44252-5", "44253-3", "44260-8"},
		codes(measure.InstrumentPHQ9)); diff != "" {
		t.Errorf("PHQ-9 (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]measure.LOINC{"69725-0", "68509-9", "69733-4", "69734-2", "69735-9", "69689-8", "69736-7"},
		codes(measure.InstrumentGAD7)); diff != "" {
		t.Errorf("GAD-7 (-want +got):\n%s", diff)
	}
}

func TestArrange(t *testing.T) {
	got, err := measure.Arrange(measure.InstrumentGAD7, []measure.ItemAnswer{{Item: 7, Value: 3}, {Item: 1, Value: 2}})
	require.NoError(t, err)
	want := []measure.Answer{measure.Answered(2), {}, {}, {}, {}, {}, measure.Answered(3)}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}

	_, err = measure.Arrange(measure.InstrumentPHQ9, []measure.ItemAnswer{{Item: 2, Value: 1}, {Item: 2, Value: 2}, {Item: 10, Value: 0}, {Item: 0}})
	require.ErrorIs(t, err, measure.ErrDuplicateItem)
	require.ErrorIs(t, err, measure.ErrUnknownItem)
	var ie *measure.ItemError
	require.ErrorAs(t, err, &ie)
	require.Len(t, err.(interface{ Unwrap() []error }).Unwrap(), 3)

	_, err = measure.Arrange(measure.InstrumentUnspecified, nil)
	require.ErrorIs(t, err, measure.ErrUnknownValue)
}
