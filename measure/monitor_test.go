package measure_test

import (
	"encoding/json"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/stretchr/testify/require"

	"github.com/groupwork/groupwork/measure"
)

// phq9At is a PHQ-9 totalling total at session n, item 9 at 0.
func phq9At(member string, n, total int) measure.Administration {
	a := make([]float64, 9)
	left := float64(total)
	for k := range 8 {
		a[k] = min(left, 3)
		left -= a[k]
	}
	return phq9Admin(member, n, day(n), a...)
}

// gsrsAt is a GSRS totalling total at session n, spread evenly.
func gsrsAt(member string, n int, total float64) measure.Administration {
	v := total / 4
	return measure.Administration{Instrument: measure.InstrumentGSRS, Member: member, At: day(n).Add(90 * 60e9), Session: n,
		Answers: measure.Answers(v, v, v, v)}
}

// blank is a PHQ-9 handed back with no answer.
func blank(member string, n int) measure.Administration {
	a := phq9At(member, n, 0)
	a.Answers = make([]measure.Answer, 9)
	return a
}

func alerts(t *testing.T, s measure.Series) []measure.Alert {
	t.Helper()
	got, err := measure.DefaultAlertRules().Alerts(measure.BuiltinCatalog(), measure.Options{}, s)
	require.NoError(t, err)
	return got
}

// kinds lists the alerts' kinds with their sessions.
func kinds(as []measure.Alert) []string {
	out := []string{}
	for _, a := range as {
		out = append(out, a.Kind.String()+"@"+itoa(a.Session))
	}
	return out
}

// TestAlertsScripted reads scripted series under the default rules: PHQ-9
// reliable change 6 and caseness 10 (NHS Talking Therapies), improvement
// expected within 6 sessions of the member's first score (heuristic), GSRS
// cut-off 36 (Duncan et al. 2003), a 2-point drop against the member's own
// mean and 2 of the last 3 sessions missed (heuristics).
func TestAlertsScripted(t *testing.T) {
	series := func(admins ...measure.Administration) measure.Series {
		return measure.Series{Member: "ana", Administrations: admins}
	}
	tests := []struct {
		name string
		s    measure.Series
		want []string
	}{
		{"reliable deterioration: 12 to 19", series(phq9At("ana", 1, 12), phq9At("ana", 3, 19)), []string{"reliable-deterioration@3"}},
		{"a rise of 5 is not reliable", series(phq9At("ana", 1, 12), phq9At("ana", 3, 17)), []string{}},
		{"not on track: still a case 6 sessions on", series(phq9At("ana", 1, 16), phq9At("ana", 4, 15), phq9At("ana", 7, 14)),
			[]string{"not-on-track@7"}},
		{"5 sessions on is not yet the point", series(phq9At("ana", 1, 16), phq9At("ana", 6, 14)), []string{}},
		{"reliably improved: on track", series(phq9At("ana", 1, 16), phq9At("ana", 7, 10)), []string{}},
		{"below caseness: on track", series(phq9At("ana", 1, 12), phq9At("ana", 7, 9)), []string{}},
		{"deterioration is not also not-on-track", series(phq9At("ana", 1, 12), phq9At("ana", 9, 20)), []string{"reliable-deterioration@9"}},
		// A member who joined at session 5 is measured from session 5.
		{"late joiner, 5 sessions in", series(phq9At("ana", 5, 16), phq9At("ana", 10, 15)), []string{}},
		{"late joiner, 6 sessions in", series(phq9At("ana", 5, 16), phq9At("ana", 11, 15)), []string{"not-on-track@11"}},
		{"one score only", series(phq9At("ana", 1, 22)), []string{}},
		{"every form blank", series(blank("ana", 1), blank("ana", 7)), []string{}},
		{"alliance at the cut-off", series(gsrsAt("ana", 1, 38), gsrsAt("ana", 2, 36)), []string{"alliance-rupture@2"}},
		{"alliance above it", series(gsrsAt("ana", 1, 38), gsrsAt("ana", 2, 36.4)), []string{}},
		{"alliance drop against the own mean", series(gsrsAt("ana", 1, 39.6), gsrsAt("ana", 2, 39.2), gsrsAt("ana", 3, 37.2)),
			[]string{"alliance-rupture@3"}},
		{"a drop needs two earlier ratings", series(gsrsAt("ana", 1, 39.6), gsrsAt("ana", 2, 37.2)), []string{}},
		{"only the latest rating counts", series(gsrsAt("ana", 1, 30), gsrsAt("ana", 2, 38)), []string{}},
		{"dropout: two missed and a low rating", measure.Series{Member: "ana",
			Administrations: []measure.Administration{gsrsAt("ana", 1, 34)},
			Attendance:      []measure.SessionAttendance{{Session: 3, Attended: false}, {Session: 1, Attended: true}, {Session: 2, Attended: false}}},
			[]string{"alliance-rupture@1", "dropout-risk@3"}},
		{"missed sessions alone are no dropout alert", measure.Series{Member: "ana",
			Administrations: []measure.Administration{gsrsAt("ana", 1, 38)},
			Attendance:      []measure.SessionAttendance{{Session: 1, Attended: true}, {Session: 2, Attended: false}, {Session: 3, Attended: false}}},
			[]string{}},
		{"one miss in the window is not enough", measure.Series{Member: "ana",
			Administrations: []measure.Administration{gsrsAt("ana", 1, 30)},
			Attendance:      []measure.SessionAttendance{{Session: 1, Attended: false}, {Session: 2, Attended: true}, {Session: 3, Attended: false}, {Session: 4, Attended: true}}},
			[]string{"alliance-rupture@1"}},
		{"no forms at all", measure.Series{Member: "ana"}, []string{}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			require.Equal(t, tc.want, kinds(alerts(t, tc.s)))
		})
	}
}

// TestAlertEvidence checks what an alert carries: its rule, source,
// evidence and follow-up, as data a work queue can take.
func TestAlertEvidence(t *testing.T) {
	got := alerts(t, measure.Series{Member: "ana", Administrations: []measure.Administration{
		phq9At("ana", 1, 12), phq9At("ana", 3, 19), gsrsAt("ana", 1, 39.6), gsrsAt("ana", 2, 39.2), gsrsAt("ana", 3, 37.2),
	}, Attendance: []measure.SessionAttendance{{1, true}, {2, true}, {3, true}}})
	require.Len(t, got, 2)
	det, rupture := got[0], got[1]
	require.Equal(t, measure.AlertReliableDeterioration, det.Kind)
	if diff := cmp.Diff(measure.Evidence{Baseline: 12, BaselineSession: 1, Latest: 19, LatestSession: 3, Change: 7, Threshold: 6, Sessions: 2},
		det.Evidence); diff != "" {
		t.Errorf("deterioration evidence (-want +got):\n%s", diff)
	}
	require.Equal(t, measure.FollowUp{Action: measure.ActionReviewTreatmentPlan, Actor: measure.ActorClinician, Within: measure.WindowBeforeNextSession}, det.FollowUp)
	require.False(t, det.Heuristic)
	require.Contains(t, det.Source, "Jacobson & Truax 1991")
	require.Equal(t, measure.InstrumentPHQ9, det.Instrument)
	require.Equal(t, day(3), det.At)

	require.Equal(t, measure.AlertAllianceRupture, rupture.Kind)
	require.True(t, rupture.Heuristic, "the drop rule is the library's own")
	require.InDelta(t, 39.4, rupture.Evidence.OwnMean, 1e-9)
	require.InDelta(t, -2.2, rupture.Evidence.Change, 1e-9)
	require.Equal(t, measure.ActionAllianceCheckIn, rupture.FollowUp.Action)
	require.Equal(t, measure.ActorFacilitator, rupture.FollowUp.Actor)

	b, err := json.Marshal(got)
	require.NoError(t, err)
	var back []measure.Alert
	require.NoError(t, json.Unmarshal(b, &back))
	if diff := cmp.Diff(got, back, cmpopts.EquateApproxTime(0)); diff != "" {
		t.Errorf("JSON round trip (-want +got):\n%s", diff)
	}
}

func TestAlertsErrors(t *testing.T) {
	cat := measure.BuiltinCatalog()
	bad := measure.Series{Member: "ana", Administrations: []measure.Administration{
		phq9At("ben", 1, 12),
		{Instrument: "orq-5", Member: "ana", At: t0, Answers: measure.Answers(1)},
		{Instrument: measure.InstrumentGSRS, Member: "ana", At: t0, Answers: []measure.Answer{measure.Answered(9), {}, {}, {}}},
	}, Attendance: []measure.SessionAttendance{{Session: 0}, {Session: 2}, {Session: 2}}}
	_, err := measure.AlertRules{}.Alerts(cat, measure.Options{}, bad)
	require.ErrorIs(t, err, measure.ErrInvalid)
	require.ErrorIs(t, err, measure.ErrUnknownInstrument)
	require.ErrorIs(t, err, measure.ErrTooManyMissing)
	var paths []string
	for _, e := range err.(interface{ Unwrap() []error }).Unwrap() {
		var fe *measure.FieldError
		require.ErrorAs(t, e, &fe)
		paths = append(paths, fe.Path)
	}
	require.Equal(t, []string{"rules.on_track_by", "rules.alliance_drop", "rules.dropout_window", "rules.dropout_missed",
		"administrations[0].member", "administrations[1].instrument", "administrations[2]",
		"attendance[0].session", "attendance[2].session"}, paths)

	_, err = measure.DefaultAlertRules().Alerts(cat, measure.Options{}, measure.Series{})
	require.ErrorIs(t, err, measure.ErrInvalid)
}

func TestAlertRulesJSON(t *testing.T) {
	want := measure.DefaultAlertRules()
	want.OnTrackBy = 4
	b, err := json.Marshal(want)
	require.NoError(t, err)
	require.JSONEq(t, `{"on_track_by":4,"alliance_drop":2,"dropout_window":3,"dropout_missed":2}`, string(b))
	var got measure.AlertRules
	require.NoError(t, json.Unmarshal(b, &got))
	require.Equal(t, want, got)
	require.NoError(t, got.Validate())
}
