package picture_test

import (
	"errors"
	"math"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/groupwork/groupwork/dynamics/picture"
	"github.com/groupwork/groupwork/dynamics/stage"
	sc "github.com/groupwork/groupwork/internal/testkit/script"
	"github.com/groupwork/groupwork/measure"
)

// fieldErrors returns the *FieldErrors joined in err, by path.
func fieldErrors(t *testing.T, err error) map[string]*picture.FieldError {
	t.Helper()
	require.ErrorIs(t, err, picture.ErrInvalid)
	out := map[string]*picture.FieldError{}
	for _, e := range err.(interface{ Unwrap() []error }).Unwrap() {
		var fe *picture.FieldError
		require.ErrorAs(t, e, &fe)
		out[fe.Path] = fe
	}
	return out
}

// TestStageTimelineBound: the session axis ends at MaxSessions; a later
// session is an error, not a picture as wide as the number, and a history
// that reaches the bound draws a picture of bounded size.
func TestStageTimelineBound(t *testing.T) {
	history := func(sessions ...int) *stage.History {
		h, err := stage.NewHistory(stage.Tuckman)
		require.NoError(t, err)
		for _, n := range sessions {
			require.NoError(t, h.Estimated(n, sc.At(n), stage.Estimate{Stage: stage.Norming, Confidence: 0.5}))
		}
		return h
	}
	out, err := picture.StageTimeline(history(1, picture.MaxSessions), picture.Options{})
	require.NoError(t, err)
	els := parse(t, out)
	require.LessOrEqual(t, len(texts(els, "session-axis")), 25, "the axis labels a few sessions, not every one")
	require.Less(t, len(out), 12_000, "the picture's size does not grow with the session number")
	width := f(els[0], "width")
	require.Less(t, width, 800.0)

	_, err = picture.StageTimeline(history(1, picture.MaxSessions+1), picture.Options{})
	require.ErrorIs(t, err, picture.ErrTooLong)
	require.Contains(t, fieldErrors(t, err), "history[1].session")

	_, err = picture.StageTimeline(nil, picture.Options{})
	require.ErrorIs(t, err, picture.ErrInvalid)
}

func TestTrajectoryChartErrors(t *testing.T) {
	gcqs, err := measure.BuiltinCatalog().Lookup(measure.InstrumentGCQS)
	require.NoError(t, err)
	_, err = picture.TrajectoryChart(&gcqs, nil, picture.Options{})
	require.Contains(t, fieldErrors(t, err), "definition", "the GCQ-S has no total")
	_, err = picture.TrajectoryChart(nil, nil, picture.Options{})
	require.Contains(t, fieldErrors(t, err), "definition")

	bad := []picture.Series{
		{Name: "ok", Points: []picture.SeriesPoint{{Session: 1, Value: 3}}},
		{Name: "bad", Points: []picture.SeriesPoint{
			{Session: 0, Value: 3},
			{Session: 2, Value: math.NaN()},
			{Session: picture.MaxSessions + 1, Value: 3},
			{Session: 3, Value: math.Inf(1)},
		}},
	}
	_, err = picture.TrajectoryChart(phq9(t), bad, picture.Options{})
	got := fieldErrors(t, err)
	require.ElementsMatch(t, []string{"series[1].points[0].session", "series[1].points[1].value",
		"series[1].points[2].session", "series[1].points[3].value"}, keys(got), "every problem at once")
	require.ErrorIs(t, got["series[1].points[2].session"], picture.ErrTooLong)
	require.False(t, errors.Is(got["series[1].points[0].session"], picture.ErrTooLong))
	for _, fe := range got {
		require.True(t, strings.HasPrefix(fe.Error(), "picture: "), fe.Error())
	}

	// Values outside the instrument's range are drawn at its edge.
	out, err := picture.TrajectoryChart(phq9(t), []picture.Series{{Name: "x", Points: []picture.SeriesPoint{{Session: 1, Value: -4}, {Session: 2, Value: 40}}}}, picture.Options{})
	require.NoError(t, err)
	var ys []float64
	for _, e := range parse(t, out) {
		if e.name == "circle" && contains(e.under, "series") {
			ys = append(ys, f(e, "cy"))
		}
	}
	require.Len(t, ys, 2)
	var axis []float64
	for _, e := range parse(t, out) {
		if e.name == "line" && contains(e.under, "value-axis") {
			axis = append(axis, f(e, "y1"))
		}
	}
	require.Equal(t, axis[0], ys[0], "-4 at 0")
	require.Less(t, ys[1], axis[len(axis)-1], "40 above 25, at 27")
}

func keys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	return out
}
