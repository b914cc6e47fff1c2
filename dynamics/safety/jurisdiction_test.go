package safety_test

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"

	"github.com/groupwork/groupwork/dynamics/safety"
)

// TestBuiltinJurisdictions pins the numbers of each built-in jurisdiction
// against the services that publish them (988: SAMHSA and FCC; 9-8-8:
// Public Health Agency of Canada; NHS 111 and Samaritans; Lifeline
// Australia) and checks that each is valid, names its sources and says
// what to verify locally.
func TestBuiltinJurisdictions(t *testing.T) {
	type row struct {
		emergency string
		crisis    []string
		warn      safety.DutyToWarn
		victims   []safety.Victim
	}
	want := map[string]row{
		"US":     {"911", []string{"988"}, safety.WarnVaries, []safety.Victim{safety.VictimChild, safety.VictimElder, safety.VictimDependentAdult}},
		"GB-ENG": {"999", []string{"111", "116 123"}, safety.WarnPermissive, []safety.Victim{safety.VictimChild, safety.VictimElder, safety.VictimDependentAdult}},
		"CA":     {"911", []string{"988"}, safety.WarnPermissive, []safety.Victim{safety.VictimChild, safety.VictimDependentAdult}},
		"AU":     {"000", []string{"13 11 14"}, safety.WarnPermissive, []safety.Victim{safety.VictimChild}},
	}
	js := safety.Jurisdictions()
	require.Len(t, js, len(want))
	for _, j := range js {
		require.NoError(t, j.Validate(), j.Code)
		w, ok := want[j.Code]
		require.True(t, ok, j.Code)
		got := row{emergency: j.Emergency.Number, warn: j.Warn}
		for _, c := range j.Crisis {
			got.crisis = append(got.crisis, c.Number)
		}
		for _, d := range j.Reporting {
			got.victims = append(got.victims, d.Victim)
		}
		if diff := cmp.Diff(w, got, cmp.AllowUnexported(row{})); diff != "" {
			t.Errorf("%s (-want +got):\n%s", j.Code, diff)
		}
		require.NotEmpty(t, j.Sources, j.Code)
		require.Contains(t, j.Verify, "Verify", j.Code)
	}
	us := safety.USFederal()
	child, ok := us.Duty(safety.VictimChild)
	require.True(t, ok)
	require.True(t, child.Mandatory)
	require.Equal(t, safety.Period(0), child.OralWithin, "an immediate oral report (Child Welfare Information Gateway)")
	require.Equal(t, safety.Period(48*time.Hour), child.WrittenWithin)
	eng, _ := safety.England().Duty(safety.VictimChild)
	require.False(t, eng.Mandatory, "England: statutory guidance, not a general statute (Working Together 2023)")
	_, ok = safety.Australia().Duty(safety.VictimElder)
	require.False(t, ok)
}

// TestJurisdictionJSON checks that every built-in round-trips through
// JSON, that Clone shares nothing, and that the durations read as Go
// duration strings.
func TestJurisdictionJSON(t *testing.T) {
	for _, j := range safety.Jurisdictions() {
		b, err := json.Marshal(j)
		require.NoError(t, err)
		var back safety.Jurisdiction
		require.NoError(t, json.Unmarshal(b, &back))
		if diff := cmp.Diff(j, back); diff != "" {
			t.Errorf("%s round trip (-want +got):\n%s", j.Code, diff)
		}
	}
	j := safety.USFederal()
	c := j.Clone()
	c.Crisis[0].Number = "changed"
	c.Reporting[0].Agency = "changed"
	require.Equal(t, "988", j.Crisis[0].Number)
	require.NotEqual(t, "changed", j.Reporting[0].Agency)

	var d safety.ReportingDuty
	require.NoError(t, json.Unmarshal([]byte(`{"victim":"elder","oralWithin":"24h","written":true,"writtenWithin":"72h"}`), &d))
	require.Equal(t, safety.Period(24*time.Hour), d.OralWithin)
	require.Error(t, json.Unmarshal([]byte(`{"oralWithin":"soon"}`), &d))
	require.Error(t, json.Unmarshal([]byte(`{"victim":"teenager"}`), &d))
}

// TestJurisdictionValidate checks that every problem is reported at once.
func TestJurisdictionValidate(t *testing.T) {
	j := safety.Jurisdiction{Reporting: []safety.ReportingDuty{
		{Victim: safety.VictimChild, OralWithin: -1},
		{Victim: safety.VictimChild, Agency: "x", Reporters: "y", Source: "z"},
	}}
	err := j.Validate()
	require.ErrorIs(t, err, safety.ErrInvalidJurisdiction)
	require.ErrorIs(t, err, safety.ErrInvalid)
	var paths []string
	for _, e := range err.(interface{ Unwrap() []error }).Unwrap() {
		var fe *safety.FieldError
		require.ErrorAs(t, e, &fe)
		paths = append(paths, fe.Path)
	}
	require.Equal(t, []string{"code", "emergency", "crisis", "reporting[0]", "reporting[0]", "reporting[1].victim", "warn", "sources"}, paths)
}

// FuzzJurisdictionJSON checks that any JSON either fails to decode with an
// error or, when it decodes to a valid jurisdiction, round-trips.
func FuzzJurisdictionJSON(f *testing.F) {
	for _, j := range safety.Jurisdictions() {
		b, _ := json.Marshal(j)
		f.Add(b)
	}
	f.Add([]byte(`{"code":"X","reporting":[{"victim":"child","oralWithin":"-1h"}]}`))
	f.Add([]byte(`{"warn":"sometimes"}`))
	f.Add([]byte(`null`))
	f.Fuzz(func(t *testing.T, b []byte) {
		var j safety.Jurisdiction
		if err := json.Unmarshal(b, &j); err != nil {
			return
		}
		if j.Validate() != nil {
			return
		}
		out, err := json.Marshal(j)
		require.NoError(t, err)
		var back safety.Jurisdiction
		require.NoError(t, json.Unmarshal(out, &back))
		if diff := cmp.Diff(j, back); diff != "" {
			t.Fatalf("round trip (-want +got):\n%s", diff)
		}
	})
}
