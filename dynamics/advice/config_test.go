package advice_test

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/groupwork/groupwork/dynamics/advice"
	"github.com/stretchr/testify/require"
)

func TestConfigValidateReportsEverything(t *testing.T) {
	require.NoError(t, advice.DefaultConfig().Validate())
	c := advice.DefaultConfig()
	c.SilentFor = -time.Minute
	c.MonopolyFactor = 0.5 // below 1 would flag members at their fair share
	c.DependencyShare = 1.5
	c.ScapegoatSenders = 1 // one member is not a convergence
	c.MinElapsed = 0
	c.Margin = 1 // a margin of the whole threshold would never clear
	c.Hold = -time.Minute
	err := c.Validate()
	require.ErrorIs(t, err, advice.ErrInvalidConfig)
	if diff := cmp.Diff([]string{"minElapsed", "monopolyFactor", "silentFor", "dependencyShare", "scapegoatSenders", "margin", "hold"}, paths(t, err)); diff != "" {
		t.Errorf("paths (-want +got):\n%s", diff)
	}
	_, err = advice.NewDetector(advice.Config{})
	require.ErrorIs(t, err, advice.ErrInvalidConfig)
}

// paths lists the Path of every *FieldError joined in err, in order.
func paths(t *testing.T, err error) []string {
	t.Helper()
	var out []string
	for _, e := range err.(interface{ Unwrap() []error }).Unwrap() {
		var fe *advice.FieldError
		require.ErrorAs(t, e, &fe)
		out = append(out, fe.Path)
	}
	return out
}

func TestConfigJSON(t *testing.T) {
	c := advice.DefaultConfig()
	b, err := json.Marshal(c)
	require.NoError(t, err)
	require.Contains(t, string(b), `"silentFor":"20m0s"`)
	require.Contains(t, string(b), `"minElapsed":"15m0s"`)
	require.Contains(t, string(b), `"hold":"2m0s"`)
	var back advice.Config
	require.NoError(t, json.Unmarshal(b, &back))
	if diff := cmp.Diff(c, back); diff != "" {
		t.Errorf("round trip (-want +got):\n%s", diff)
	}

	// A file that sets two thresholds overrides only those.
	over := advice.DefaultConfig()
	require.NoError(t, json.Unmarshal([]byte(`{"silentFor":"10m","questionActs":6}`), &over))
	want := advice.DefaultConfig()
	want.SilentFor, want.QuestionActs = 10*time.Minute, 6
	if diff := cmp.Diff(want, over); diff != "" {
		t.Errorf("override (-want +got):\n%s", diff)
	}

	keep := advice.DefaultConfig()
	err = json.Unmarshal([]byte(`{"longTurn":"soon","tagTurns":9}`), &keep)
	require.ErrorIs(t, err, advice.ErrInvalidConfig)
	if diff := cmp.Diff(advice.DefaultConfig(), keep); diff != "" {
		t.Errorf("a rejected config changed the value (-want +got):\n%s", diff)
	}
}

func FuzzConfigJSON(f *testing.F) {
	b, _ := json.Marshal(advice.DefaultConfig())
	f.Add(b)
	f.Add([]byte(`{"silentFor":"-5m"}`))
	f.Add([]byte(`{"monopolyFactor":"x"}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		c := advice.DefaultConfig()
		if err := json.Unmarshal(data, &c); err != nil {
			return
		}
		if c.Validate() != nil {
			return
		}
		out, err := json.Marshal(c)
		require.NoError(t, err)
		var back advice.Config
		require.NoError(t, json.Unmarshal(out, &back))
		if diff := cmp.Diff(c, back); diff != "" {
			t.Fatalf("round trip (-want +got):\n%s", diff)
		}
	})
}
