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
		{"instrument c-ssrs", measure.InstrumentCSSRS, "c-ssrs-screener", true, wrap(measure.ParseInstrument)},
		{"an app's own instrument", measure.Instrument("orq-5"), "orq-5", true, wrap(measure.ParseInstrument)},
		{"subscale conflict", measure.SubscaleConflict, "conflict", true, wrap(measure.ParseSubscale)},
		{"subscale zero", measure.SubscaleUnspecified, "unspecified", false, wrap(measure.ParseSubscale)},
		{"threshold mcid", measure.ThresholdMCID, "mcid", true, wrap(measure.ParseThresholdKind)},
		{"change recovered", measure.ChangeRecovered, "recovered", true, wrap(measure.ParseChangeCategory)},
		{"risk raised", measure.RiskRaised, "raised", true, wrap(measure.ParseRiskStatus)},
		{"risk to self", measure.RiskToSelf, "to-self", true, wrap(measure.ParseRiskKind)},
		{"sex female", measure.SexFemale, "female", true, wrap(measure.ParseSex)},
		{"total scaled", measure.TotalScaled, "scaled", true, wrap(measure.ParseTotalKind)},
		{"aggregate mean", measure.AggregateMean, "mean", true, wrap(measure.ParseAggregate)},
		{"kind alliance", measure.KindAlliance, "alliance", true, wrap(measure.ParseInstrumentKind)},
		{"action outreach", measure.ActionOutreach, "outreach", true, wrap(measure.ParseFollowUpAction)},
		{"actor clinician", measure.ActorClinician, "clinician", true, wrap(measure.ParseFollowUpActor)},
		{"window same day", measure.WindowSameDay, "same-day", true, wrap(measure.ParseFollowUpWindow)},
		{"alert dropout", measure.AlertDropoutRisk, "dropout-risk", true, wrap(measure.ParseAlertKind)},
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
	require.ErrorIs(t, i.UnmarshalText([]byte("phq 9")), measure.ErrUnknownValue)
	require.Equal(t, measure.InstrumentGAD7, i, "a failed unmarshal leaves the value alone")

	require.Equal(t, "PHQ 9", measure.Instrument("PHQ 9").String())
	_, err = measure.Instrument("PHQ 9").MarshalText()
	require.ErrorIs(t, err, measure.ErrUnknownValue)
	require.False(t, measure.Instrument("unspecified").IsValid(), "the zero value's text is not a name")
	require.False(t, measure.Instrument("9-items").IsValid(), "names start with a letter")

	for _, f := range []func() error{
		func() error { var v measure.Subscale; return v.UnmarshalText([]byte("X")) },
		func() error { var v measure.ThresholdKind; return v.UnmarshalText([]byte("x")) },
		func() error { var v measure.ChangeCategory; return v.UnmarshalText([]byte("x")) },
		func() error { var v measure.RiskStatus; return v.UnmarshalText([]byte("x")) },
	} {
		require.ErrorIs(t, f(), measure.ErrUnknownValue)
	}
	if diff := cmp.Diff([]measure.Instrument{measure.InstrumentPHQ9, measure.InstrumentGAD7, measure.InstrumentCORE10,
		measure.InstrumentK10, measure.InstrumentWHO5, measure.InstrumentPCL5, measure.InstrumentAUDITC, measure.InstrumentCSSRS,
		measure.InstrumentGCQS, measure.InstrumentGSRS}, measure.Instruments()); diff != "" {
		t.Errorf("Instruments (-want +got):\n%s", diff)
	}
	for _, inst := range measure.Instruments() {
		require.True(t, inst.IsBuiltin(), inst)
	}
	require.False(t, measure.Instrument("orq-5").IsBuiltin())
}

// TestInstrumentShape checks item counts and response scales against the
// instruments' publications: PHQ-9 (Kroenke, Spitzer & Williams 2001), GAD-7
// (Spitzer et al. 2006), GCQ-S (MacKenzie 1983), GSRS (Duncan & Miller;
// Quirk et al. 2013).
func TestInstrumentShape(t *testing.T) {
	cat := measure.BuiltinCatalog()
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
	}
	for _, tc := range tests {
		t.Run(tc.inst.String(), func(t *testing.T) {
			d, err := cat.Lookup(tc.inst)
			require.NoError(t, err)
			sc := d.Scale
			got := []any{d.NumItems(), len(d.Items), sc.Min, sc.Max, sc.Step, len(sc.Labels), d.HasTotal(), d.HigherIsWorse}
			want := []any{tc.items, tc.items, tc.min, tc.max, tc.step, tc.labels, tc.total, tc.worse}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
			for k, it := range d.Items {
				require.Equal(t, k+1, it.Number)
				require.NotEmpty(t, it.Label)
			}
		})
	}
	_, err := cat.Lookup(measure.InstrumentUnspecified)
	require.ErrorIs(t, err, measure.ErrUnknownInstrument)
	require.Equal(t, []string{"not at all", "several days", "more than half the days", "nearly every day"},
		builtin(t, measure.InstrumentPHQ9).Scale.Labels)
	require.Len(t, measure.DifficultyLabels(), 4)
	require.Equal(t, measure.DifficultyLabels(), builtin(t, measure.InstrumentPHQ9).Difficulty.Scale.Labels)
}

// TestLOINC checks the panel and total codes as used in the HL7 US Core
// PHQ-9 and PHR GAD-7 questionnaires and the HL7 Multiple Chronic
// Conditions guide (AUDIT-C), and the item codes as used in published FHIR
// questionnaires. Instruments whose codes were not checked carry none.
func TestLOINC(t *testing.T) {
	phq9, gad7, auditc := builtin(t, measure.InstrumentPHQ9), builtin(t, measure.InstrumentGAD7), builtin(t, measure.InstrumentAUDITC)
	require.Equal(t, measure.LOINC("44249-1"), phq9.PanelLOINC)
	require.Equal(t, measure.LOINC("44261-6"), phq9.TotalLOINC)
	require.Equal(t, measure.LOINC("44260-8"), phq9.Items[8].LOINC)
	require.Equal(t, measure.LOINC("69737-5"), gad7.PanelLOINC)
	require.Equal(t, measure.LOINC("70274-6"), gad7.TotalLOINC)
	require.Equal(t, measure.LOINC("72109-2"), auditc.PanelLOINC)
	require.Equal(t, measure.LOINC("75626-2"), auditc.TotalLOINC)

	codes := func(inst measure.Instrument) []measure.LOINC {
		var out []measure.LOINC
		for _, it := range builtin(t, inst).Items {
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
	if diff := cmp.Diff([]measure.LOINC{"68518-0", "68519-8", "68520-6"}, codes(measure.InstrumentAUDITC)); diff != "" {
		t.Errorf("AUDIT-C (-want +got):\n%s", diff)
	}
	for _, inst := range []measure.Instrument{measure.InstrumentCORE10, measure.InstrumentK10, measure.InstrumentWHO5,
		measure.InstrumentPCL5, measure.InstrumentCSSRS, measure.InstrumentGCQS, measure.InstrumentGSRS} {
		d := builtin(t, inst)
		require.Empty(t, d.PanelLOINC, inst)
		require.Empty(t, d.TotalLOINC, inst)
		for _, c := range codes(inst) {
			require.Empty(t, c, inst)
		}
	}
	// Every code carries a valid check digit; a typo does not.
	for _, d := range measure.Builtins() {
		for _, c := range append(codes(d.Instrument), d.PanelLOINC, d.TotalLOINC) {
			require.True(t, c == "" || c.IsValid(), "%v %v", d.Instrument, c)
		}
	}
	for _, bad := range []measure.LOINC{"44261-5", "44261", "4426a-6", "-6", "44261-66"} {
		require.False(t, bad.IsValid(), bad)
	}
}

func TestArrange(t *testing.T) {
	cat := measure.BuiltinCatalog()
	got, err := cat.Arrange(measure.InstrumentGAD7, []measure.ItemAnswer{{Item: 7, Value: 3}, {Item: 1, Value: 2}})
	require.NoError(t, err)
	want := []measure.Answer{measure.Answered(2), {}, {}, {}, {}, {}, measure.Answered(3)}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}

	_, err = cat.Arrange(measure.InstrumentPHQ9, []measure.ItemAnswer{{Item: 2, Value: 1}, {Item: 2, Value: 2}, {Item: 10, Value: 0}, {Item: 0}})
	require.ErrorIs(t, err, measure.ErrDuplicateItem)
	require.ErrorIs(t, err, measure.ErrUnknownItem)
	var ie *measure.ItemError
	require.ErrorAs(t, err, &ie)
	require.Len(t, err.(interface{ Unwrap() []error }).Unwrap(), 3)

	_, err = cat.Arrange(measure.InstrumentUnspecified, nil)
	require.ErrorIs(t, err, measure.ErrUnknownInstrument)
}
