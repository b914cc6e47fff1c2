package curriculum_test

import (
	"encoding/json"
	"errors"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"

	"github.com/groupwork/groupwork/curriculum"
	"github.com/groupwork/groupwork/group"
)

// TestBuiltinsRoundTrip: every built-in survives JSON and validates exactly
// like the original: a program loaded from JSON is checked exactly as a
// built-in one.
func TestBuiltinsRoundTrip(t *testing.T) {
	for _, p := range curriculum.Builtins() {
		t.Run(p.Name, func(t *testing.T) {
			b, err := json.Marshal(p)
			require.NoError(t, err)
			got, err := curriculum.ParseProgram(b)
			require.NoError(t, err)
			if diff := cmp.Diff(p, got); diff != "" {
				t.Errorf("round trip (-want +got):\n%s", diff)
			}
			wantF, wantErr := p.Check()
			gotF, gotErr := got.Check()
			require.Equal(t, wantErr, gotErr)
			if diff := cmp.Diff(wantF, gotF); diff != "" {
				t.Errorf("findings (-want +got):\n%s", diff)
			}
		})
	}
}

func TestProgramJSONForm(t *testing.T) {
	b, err := json.Marshal(curriculum.MindfulnessStressReduction())
	require.NoError(t, err)
	var raw map[string]any
	require.NoError(t, json.Unmarshal(b, &raw))
	require.Equal(t, "2h30m0s", raw["sessionLength"])
	require.Equal(t, "mindfulness", raw["modality"])
	require.Equal(t, "weekly", raw["cadence"])
	day := raw["extraDays"].([]any)[1].(map[string]any)
	require.Equal(t, "7h0m0s", day["length"])
	require.Equal(t, "practice-day", day["kind"])
	require.Equal(t, "09:30", day["at"])
}

// TestLoadedProgramValidatesLikeBuiltin: the same broken program gives the
// same errors whether built in Go or loaded from JSON.
func TestLoadedProgramValidatesLikeBuiltin(t *testing.T) {
	p := curriculum.GroupCBTDepression()
	p.Modules[2].Plans[0].Number = 4
	p.EntryPlans = []int{13}
	wantErr := p.Validate()
	require.Error(t, wantErr)

	b, err := json.Marshal(p)
	require.NoError(t, err)
	_, gotErr := curriculum.ParseProgram(b)
	require.Equal(t, wantErr.Error(), gotErr.Error())
	require.ElementsMatch(t, paths(t, wantErr), paths(t, gotErr))
	require.ErrorIs(t, gotErr, curriculum.ErrDuplicatePlan)
	require.ErrorIs(t, gotErr, curriculum.ErrNoSuchEntryPoint)
}

func TestParseProgramRejects(t *testing.T) {
	valid, err := json.Marshal(tiny())
	require.NoError(t, err)
	tests := []struct {
		name string
		in   string
		want error
	}{
		{"not json", "{", curriculum.ErrDecode},
		{"trailing data", string(valid) + " {}", curriculum.ErrDecode},
		{"unknown field", `{"name":"x","colour":"blue"}`, curriculum.ErrDecode},
		{"unknown field in an extra day", `{"name":"x","extraDays":[{"kind":"orientation","length":"1h","x":1}]}`, curriculum.ErrDecode},
		{"bad duration", `{"name":"x","sessionLength":"ninety minutes"}`, curriculum.ErrDecode},
		{"bad extra-day length", `{"name":"x","extraDays":[{"kind":"orientation","length":"long"}]}`, curriculum.ErrDecode},
		{"malformed modality", `{"name":"x","modality":"Hypnosis!"}`, curriculum.ErrDecode},
		{"modality without a profile", `{"name":"x","modality":"hypnosis","order":"sequence","sessionLength":"2h","cadence":"weekly","entry":"any-session","modules":[{"title":"m","plans":[{"number":1,"title":"p"}]}]}`, group.ErrUnknownModality},
		{"unknown cadence", `{"name":"x","cadence":"daily"}`, curriculum.ErrUnknownValue},
		{"bad clock", `{"name":"x","extraDays":[{"kind":"orientation","length":"1h","at":"25:00"}]}`, curriculum.ErrUnknownValue},
		{"decodes but invalid", `{"name":"x"}`, curriculum.ErrInvalid},
		{"zero cadence", `{"name":"x","modality":"cbt","order":"sequence","sessionLength":"2h","entry":"any-session","modules":[{"title":"m","plans":[{"number":1,"title":"p"}]}]}`, curriculum.ErrZeroCadence},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := curriculum.ParseProgram([]byte(tc.in))
			require.ErrorIs(t, err, tc.want)
			require.Empty(t, cmp.Diff(curriculum.Program{}, got))
		})
	}
}

func TestExtraDayJSON(t *testing.T) {
	x := curriculum.ExtraDay{Kind: curriculum.ExtraPracticeDay, After: 6, Title: "day", Length: 90 * time.Minute}
	b, err := json.Marshal(x)
	require.NoError(t, err)
	var got curriculum.ExtraDay
	require.NoError(t, json.Unmarshal(b, &got))
	require.Equal(t, x, got)
	var bad curriculum.ExtraDay
	err = json.Unmarshal([]byte(`{"kind":"orientation","length":"x"}`), &bad)
	var fe *curriculum.FieldError
	require.True(t, errors.As(err, &fe))
	require.Equal(t, "length", fe.Path)
}

func TestSpecJSONRoundTrip(t *testing.T) {
	mu := slot(2025, time.March, 13, 17, 30)
	spec := curriculum.Spec{
		First: slot(2025, time.March, 4, 18, 0), Cadence: curriculum.CadenceFortnightly, Cycles: 2,
		Skip:      []curriculum.Date{date(2025, time.April, 1)},
		Cancelled: []curriculum.Cancellation{{Date: date(2025, time.March, 18), MakeUp: &mu}},
		ExtraDays: []curriculum.Slot{slot(2025, time.February, 25, 10, 0)},
	}
	b, err := json.Marshal(spec)
	require.NoError(t, err)
	require.Contains(t, string(b), `"first":{"date":"2025-03-04","at":"18:00"}`)
	var got curriculum.Spec
	require.NoError(t, json.Unmarshal(b, &got))
	if diff := cmp.Diff(spec, got); diff != "" {
		t.Errorf("round trip (-want +got):\n%s", diff)
	}
}

// FuzzParseProgram: any input either decodes to a valid program that
// round-trips, or returns an error; never a panic.
func FuzzParseProgram(f *testing.F) {
	for _, p := range append(curriculum.Builtins(), tiny()) {
		b, err := json.Marshal(p)
		require.NoError(f, err)
		f.Add(b)
	}
	f.Add([]byte(`{}`))
	f.Add([]byte(`{"name":"x","sessionLength":"-1h"}`))
	f.Add([]byte(`[1,2]`))
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := curriculum.ParseProgram(data)
		if err != nil {
			require.True(t, errors.Is(err, curriculum.ErrDecode) || errors.Is(err, curriculum.ErrInvalid) ||
				errors.Is(err, curriculum.ErrUnknownValue), "untyped error %v", err)
			return
		}
		require.NoError(t, p.Validate())
		b, err := json.Marshal(p)
		require.NoError(t, err)
		again, err := curriculum.ParseProgram(b)
		require.NoError(t, err)
		if diff := cmp.Diff(p, again); diff != "" {
			t.Fatalf("round trip (-first +second):\n%s", diff)
		}
	})
}
