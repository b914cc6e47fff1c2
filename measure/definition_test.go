package measure_test

import (
	"encoding/json"
	"math"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/stretchr/testify/require"

	"github.com/groupwork/groupwork/measure"
)

// fieldPaths returns the paths of the *FieldErrors joined in err.
func fieldPaths(t *testing.T, err error) []string {
	t.Helper()
	var out []string
	list := []error{err}
	if j, ok := err.(interface{ Unwrap() []error }); ok && !errorsAsField(err) {
		list = j.Unwrap()
	}
	for _, e := range list {
		var fe *measure.FieldError
		require.ErrorAs(t, e, &fe)
		out = append(out, fe.Path)
	}
	return out
}

// TestDefinitionValidate checks that validation reports every problem of
// a definition at once, with its path.
func TestDefinitionValidate(t *testing.T) {
	base := builtin(t, measure.InstrumentPHQ9)
	tests := []struct {
		name  string
		edit  func(*measure.Definition)
		paths []string
	}{
		{"zero value", func(d *measure.Definition) { *d = measure.Definition{} },
			[]string{"instrument", "name", "kind", "citation", "licence", "scale.max", "items", "total"}},
		{"malformed name", func(d *measure.Definition) { d.Instrument = "PHQ 9" }, []string{"instrument"}},
		{"items out of order", func(d *measure.Definition) { d.Items[3].Number = 7; d.Items[4].Label = "" },
			[]string{"items[3].number", "items[4].label"}},
		{"labels that do not match the steps", func(d *measure.Definition) { d.Scale.Labels = d.Scale.Labels[:3] }, []string{"scale.labels"}},
		{"a step that does not divide the scale", func(d *measure.Definition) { d.Scale.Step = 2 }, []string{"scale.step"}},
		{"infinite bound", func(d *measure.Definition) { d.Scale.Max = math.Inf(1) }, []string{"scale"}},
		{"skip logic on a later item", func(d *measure.Definition) { d.Items[2].AskedIf = measure.Condition{Item: 5, AtLeast: 1} },
			[]string{"items[2].asked_if.item"}},
		{"subscale problems", func(d *measure.Definition) {
			d.Subscales[0].Items = []int{1, 1, 12}
			d.Subscales[0].MaxMissing = 9
			d.Subscales = append(d.Subscales, d.Subscales[0])
		}, []string{"subscales[0].items[1]", "subscales[0].items[2]", "subscales[0].max_missing",
			"subscales[1].subscale", "subscales[1].items[1]", "subscales[1].items[2]", "subscales[1].max_missing"}},
		{"overlapping bands", func(d *measure.Definition) { d.Bands[1].Min = 4; d.Bands[4].Max = 30 },
			[]string{"bands[1].min", "bands[4]"}},
		{"a wrong ordinal", func(d *measure.Definition) { d.Bands[0].Ordinal = 5 }, []string{"bands[0].ordinal"}},
		{"screens out of order", func(d *measure.Definition) {
			d.Screens = append(d.Screens, measure.Cutoff{Name: "looser", Value: 5})
		}, []string{"screens[1].value"}},
		{"risk problems", func(d *measure.Definition) {
			d.Risk[0].Item, d.Risk[0].Source, d.Risk[0].FollowUp = 10, "", measure.FollowUp{}
		}, []string{"risk[0].item", "risk[0].source", "risk[0].follow_up.action", "risk[0].follow_up.actor", "risk[0].follow_up.within"}},
		{"a risk level that is not listed", func(d *measure.Definition) { d.Risk[0].Level = "high" }, []string{"risk[0].level"}},
		{"missing-answer limits", func(d *measure.Definition) { d.Missing.MaxMissing = 10; d.Missing.MaxProrated = -1 },
			[]string{"missing.max_missing", "missing.max_prorated"}},
		{"a LOINC typo", func(d *measure.Definition) { d.PanelLOINC = "44249-2" }, []string{"panel_loinc"}},
		{"a total without a kind's needs", func(d *measure.Definition) { d.Total = measure.TotalScaled }, []string{"factor"}},
		{"no total but bands and proration", func(d *measure.Definition) { d.Total = measure.TotalNone }, []string{"total", "missing.max_prorated"}},
		{"a bad reliable change", func(d *measure.Definition) { d.ReliableChange.Points = -6 }, []string{"reliable_change"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := base.Clone()
			tc.edit(&d)
			err := d.Validate()
			require.ErrorIs(t, err, measure.ErrInvalid)
			require.Equal(t, tc.paths, fieldPaths(t, err))
			require.Error(t, measure.BuiltinCatalog().Set(d), "a catalogue refuses it")
		})
	}
	require.NoError(t, base.Validate(), "Clone shares nothing with the edits")
}

// TestCatalog checks the catalogue: lookups of unknown instruments are
// errors, definitions go in and out as copies, overrides replace, and the
// whole round-trips through JSON.
func TestCatalog(t *testing.T) {
	cat := measure.BuiltinCatalog()
	require.Equal(t, 10, cat.Len())
	require.Equal(t, measure.Instruments(), cat.Instruments())

	_, err := cat.Lookup("orq-5")
	require.ErrorIs(t, err, measure.ErrUnknownInstrument)
	var ue *measure.UnknownInstrumentError
	require.ErrorAs(t, err, &ue)
	require.Equal(t, measure.Instrument("orq-5"), ue.Instrument)
	var empty *measure.Catalog
	_, err = empty.Lookup(measure.InstrumentPHQ9)
	require.ErrorIs(t, err, measure.ErrUnknownInstrument, "a nil catalogue defines nothing")

	d, err := cat.Lookup(measure.InstrumentGAD7)
	require.NoError(t, err)
	d.Items[0].Label = "changed"
	again, _ := cat.Lookup(measure.InstrumentGAD7)
	require.Equal(t, "nervous", again.Items[0].Label, "lookups are copies")

	require.ErrorIs(t, cat.Add(again), measure.ErrInvalid, "already defined")
	own := again.Clone()
	own.Instrument = "gad-7-service"
	require.NoError(t, cat.Add(own))
	require.Equal(t, measure.Instrument("gad-7-service"), cat.Instruments()[10], "an app's own after the built-ins")
	require.True(t, cat.Remove("gad-7-service"))
	require.False(t, cat.Remove("gad-7-service"))

	b, err := json.Marshal(cat)
	require.NoError(t, err)
	var back measure.Catalog
	require.NoError(t, json.Unmarshal(b, &back))
	if diff := cmp.Diff(cat.Definitions(), back.Definitions(), cmpopts.EquateEmpty()); diff != "" {
		t.Errorf("JSON round trip (-want +got):\n%s", diff)
	}

	// A bad document leaves the catalogue as it was and says what is wrong.
	bad := []measure.Definition{builtin(t, measure.InstrumentPHQ9), builtin(t, measure.InstrumentPHQ9), {}}
	b, err = json.Marshal(bad)
	require.NoError(t, err)
	err = json.Unmarshal(b, &back)
	require.ErrorIs(t, err, measure.ErrInvalid)
	paths := fieldPaths(t, err)
	require.Equal(t, "[1].instrument", paths[0])
	require.Equal(t, "[2].instrument", paths[1])
	require.Equal(t, 10, back.Len())
}

// TestScaleAndLOINC checks the response-scale checks and labels, and the
// LOINC check digit, on their own.
func TestScaleAndLOINC(t *testing.T) {
	s := measure.Scale{Min: 0, Max: 10, Step: 0.1}
	require.NoError(t, s.Check("gsrs", 1, 9.3))
	require.ErrorIs(t, s.Check("gsrs", 1, 9.25), measure.ErrOutOfRange)
	require.ErrorIs(t, s.Check("gsrs", 1, math.NaN()), measure.ErrNotFinite)
	require.Equal(t, "", s.Label(3), "a scale without labels")
	k10 := builtin(t, measure.InstrumentK10).Scale
	require.Equal(t, "none of the time", k10.Label(1))
	require.Equal(t, "all of the time", k10.Label(5))
	require.Equal(t, "", k10.Label(6))
	for _, c := range []measure.LOINC{"44261-6", "72109-2", "75626-2", "68518-0"} {
		require.True(t, c.IsValid(), c)
	}
}
