package main

import (
	"bytes"
	"io"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"

	"github.com/groupwork/groupwork/curriculum"
	"github.com/groupwork/groupwork/dynamics/stage"
	"github.com/groupwork/groupwork/examples/internal/demo"
	"github.com/groupwork/groupwork/examples/internal/golden"
)

// TestGolden is the smoke test: the output matches testdata/mindfulness.golden
// (regenerate with go test ./examples/mindfulness -update) and is the same on
// every run.
func TestGolden(t *testing.T) {
	var out, again bytes.Buffer
	require.NoError(t, run(&out, nil))
	golden.Check(t, "mindfulness.golden", out.Bytes())
	require.NoError(t, run(&again, nil))
	require.Equal(t, out.String(), again.String(), "deterministic")
	require.Contains(t, out.String(), stage.HeuristicNote, "the stage estimates carry their heuristic label")
}

func TestICSFlag(t *testing.T) {
	var out bytes.Buffer
	require.NoError(t, run(&out, []string{"-ics"}))
	require.Contains(t, out.String(), "BEGIN:VCALENDAR")
	require.Contains(t, out.String(), "EXDATE;TZID=Europe/London:20251028T183000")
	require.Error(t, run(io.Discard, []string{"-no-such-flag"}))
}

func londonCalendar(t *testing.T) curriculum.Calendar {
	t.Helper()
	loc, err := time.LoadLocation("Europe/London")
	require.NoError(t, err)
	cal, err := schedule(curriculum.MindfulnessStressReduction(), loc)
	require.NoError(t, err)
	return cal
}

// TestCalendarAcrossDST checks that every class starts at 18:30 London time
// on both sides of the end of British Summer Time (26 October 2025), so the
// UTC instant moves by the hour.
func TestCalendarAcrossDST(t *testing.T) {
	cal := londonCalendar(t)
	offsets := map[int]int{}
	for n := 1; n <= 8; n++ {
		o, ok := cal.Session(n)
		require.True(t, ok, "class %d", n)
		require.Equal(t, "18:30", o.Start.Format("15:04"), "class %d keeps its wall-clock time", n)
		_, off := o.Start.Zone()
		offsets[off]++
	}
	require.Equal(t, map[int]int{3600: 4, 0: 4}, offsets, "classes 1-4 in BST, 5-8 in GMT")
}

func TestCalendarExtraDaysAndHoliday(t *testing.T) {
	cal := londonCalendar(t)
	c1, _ := cal.Session(1)
	c6, _ := cal.Session(6)
	c7, _ := cal.Session(7)
	var kinds []curriculum.ExtraKind
	for _, o := range cal.Occurrences {
		if o.Kind != curriculum.OccurrenceExtraDay {
			continue
		}
		kinds = append(kinds, o.Extra)
		switch o.Extra {
		case curriculum.ExtraOrientation:
			require.True(t, o.Start.Before(c1.Start), "orientation before class 1")
		case curriculum.ExtraPracticeDay:
			require.True(t, o.Start.After(c6.End) && o.End.Before(c7.Start), "practice day between classes 6 and 7")
			require.GreaterOrEqual(t, o.End.Sub(o.Start), 6*time.Hour, "an all-day practice")
		}
	}
	require.Equal(t, []curriculum.ExtraKind{curriculum.ExtraOrientation, curriculum.ExtraPracticeDay}, kinds)

	require.Len(t, cal.Excluded, 1)
	require.Equal(t, halfTerm, curriculum.DateOf(cal.Excluded[0].Start))
	require.False(t, cal.Excluded[0].Cancelled, "a skipped holiday, not a cancellation")
	r := cal.Recurrence()
	require.Equal(t, "FREQ=WEEKLY;INTERVAL=1;COUNT=9", r.Rule, "eight classes plus the skipped week")
	require.Len(t, r.ExDates, 1)
}

func TestHomePractice(t *testing.T) {
	got, err := homePractice(demo.NewPrinter(io.Discard), curriculum.MindfulnessStressReduction())
	require.NoError(t, err)
	type fact struct {
		Status   curriculum.ProgressStatus
		Attended int
		MakeUp   []int
	}
	facts := map[string]fact{}
	for id, g := range got {
		facts[id] = fact{g.Status, g.Attended, g.MakeUp}
	}
	want := map[string]fact{
		"bronwen": {curriculum.StatusCompleted, 8, nil},
		"callum":  {curriculum.StatusCompleted, 7, []int{5}},
		"deepa":   {curriculum.StatusCompleted, 8, nil},
		"eamon":   {curriculum.StatusIncomplete, 3, []int{3, 4, 6, 7, 8}}, // below the dose of 4 classes
	}
	if diff := cmp.Diff(want, facts); diff != "" {
		t.Errorf("progress (-want +got):\n%s", diff)
	}
	require.InDelta(t, 1.0, got["bronwen"].HomeworkRate, 1e-9, "practised close to 270 min every week")
	require.Less(t, got["callum"].HomeworkRate, 0.5, "Callum's practice tailed off")
	require.Equal(t, curriculum.CodeMakeUpNeeded, got["eamon"].Findings[0].Code)
}

func TestReturnOf(t *testing.T) {
	for _, tc := range []struct {
		minutes int
		want    curriculum.HomeworkReturn
	}{
		{-1, curriculum.HomeworkNotRecorded},
		{0, curriculum.HomeworkNotReturned},
		{107, curriculum.HomeworkNotReturned},
		{108, curriculum.HomeworkPartial},  // 40% of 270
		{216, curriculum.HomeworkReturned}, // 80% of 270
		{300, curriculum.HomeworkReturned},
	} {
		require.Equal(t, tc.want, returnOf(tc.minutes, 270), "%d minutes", tc.minutes)
	}
}

// TestClimate checks the story the GCQ-S tells: engagement rises, conflict
// peaks in the middle, and the estimate moves from forming through storming
// to adjourning, naming no stage where the evidence ties, always labelled as
// a heuristic.
func TestClimate(t *testing.T) {
	history, es, err := climate(demo.NewPrinter(io.Discard), londonCalendar(t))
	require.NoError(t, err)
	require.Len(t, es, 8)
	peak := 0
	for i, h := range history {
		if i > 0 {
			require.GreaterOrEqual(t, h.Climate.Engagement, history[i-1].Climate.Engagement, "engagement never falls (class %d)", i+1)
		}
		if h.Climate.Conflict > history[peak].Climate.Conflict {
			peak = i
		}
	}
	require.Greater(t, history[7].Climate.Engagement, history[0].Climate.Engagement+1, "engagement rises")
	require.Equal(t, 3, peak, "conflict peaks at class 4, mid-way")
	stages := make([]stage.Stage, len(es))
	for i, e := range es {
		stages[i] = e.Stage
		require.Equal(t, stage.HeuristicNote, e.Note)
	}
	require.Equal(t, stage.Forming, stages[0])
	require.Equal(t, stage.Storming, stages[3], "conflict peaks at class 4")
	require.Equal(t, stage.Unspecified, stages[6], "class 7 is a three-way tie: no stage named")
	require.Zero(t, es[6].Confidence)
	for i, e := range es {
		require.Equal(t, e.Confidence >= stage.MinConfidence && e.Confidence > 0, e.Named(), "class %d: named only from the confidence floor", i+1)
	}
	require.False(t, es[7].Named(), "the last class: adjourning leads, but not by enough")
	require.Equal(t, stage.Adjourning, top(es[7]))

	codes := map[string]bool{}
	for _, s := range es[3].Evidence {
		codes[s.Code] = true
	}
	require.True(t, codes["climate-conflict-high"], "class 4 rests on the GCQ-S conflict peak")
}

// top returns the stage with the highest score of an estimate.
func top(e stage.Estimate) stage.Stage {
	best := e.Scores[0]
	for _, s := range e.Scores {
		if s.Score > best.Score {
			best = s
		}
	}
	return best.Stage
}
