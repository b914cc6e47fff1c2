package main

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"time"

	"github.com/groupwork/groupwork/dynamics/stage"
	"github.com/groupwork/groupwork/group"
	"github.com/groupwork/groupwork/measure"
)

// climateLevels are the story's GCQ-S subscale levels by session
// (engagement, avoidance, conflict on the 0-6 scale): engagement rising
// over the life of the group, conflict peaking near the middle: the course
// docs/reference/stages.md reads from the stage descriptions, on the GCQ-S
// (MacKenzie 1983).
func climateLevels(n int) (engagement, avoidance, conflict float64) {
	levels := [12][3]float64{
		{2.4, 3.4, 0.9}, {2.7, 3.0, 1.1}, {2.9, 2.7, 1.8}, {3.0, 2.5, 2.4},
		{3.1, 2.4, 3.0}, {3.1, 2.3, 3.4}, {3.5, 2.1, 2.6}, {3.8, 1.9, 1.8},
		{3.95, 1.7, 1.5}, {4.4, 1.5, 1.2}, {4.6, 1.4, 1.1}, {4.6, 1.3, 0.9},
	}
	l := levels[(n-1)%12]
	return l[0], l[1], l[2]
}

// climate scores the GCQ-S forms the members present filled in at session n
// (measure.ScoreGCQS) and returns the group's mean of each subscale, which
// is what the stage estimate reads. Each member's answers spread one point
// either side of the session's level.
func climate(n, members int) (measure.GCQSScore, error) {
	levels := map[measure.Subscale]float64{}
	levels[measure.SubscaleEngagement], levels[measure.SubscaleAvoidance], levels[measure.SubscaleConflict] = climateLevels(n)
	forms := make([]measure.GCQSScore, 0, members)
	for k := range members {
		var form [12]measure.Answer
		for _, sub := range measure.GCQSSubscales() {
			for _, item := range measure.GCQSItems(sub) {
				// A dither keeps the mean near the level; the spread varies members.
				dither := float64((k*7+item*3+n)%10) / 10
				v := math.Floor(levels[sub]+dither) + float64((k+item)%3-1)
				form[item-1] = measure.Answered(min(6, max(0, v)))
			}
		}
		s, err := measure.ScoreGCQS(form)
		if err != nil {
			return measure.GCQSScore{}, err
		}
		forms = append(forms, s)
	}
	return measure.MeanGCQS(forms) // the group's climate: the members' mean
}

// away is the story's absence schedule: who missed which session. Priya
// sent word she would miss session 6, which the story plays; the others'
// absences fall on sessions it does not play. Everyone came to sessions 1
// and 12.
func away(n int) []group.MemberID {
	return map[int][]group.MemberID{
		3:  {owen},
		5:  {elena},
		6:  {priya},
		8:  {farah},
		11: {jonah},
	}[n]
}

// offscreen is what the app knows of a session the story does not play:
// the GCQ-S climate and attendance. Interaction data come only from played
// sessions.
func offscreen(n, planned, expected int) (stage.SessionEvidence, error) {
	absent := len(away(n))
	late := [12]int{1, 0, 0, 1, 0, 1, 0, 0, 0, 1, 0, 0}[n-1]
	c, err := climate(n, expected-absent)
	return stage.SessionEvidence{Session: n, Planned: planned, Climate: c,
		Attendance: stage.AttendanceEvidence{Expected: expected, Present: expected - absent, Late: late}}, err
}

// totals are each member's scripted totals of inst, sessions 1 to 12; -1
// marks a session the member missed (see away). The PHQ-9 totals at
// sessions 1, 6 and 12 are the story's own, and the scores fall slowly
// between them, faster from session 7. Marcus and Grace have made no
// reliable improvement on the PHQ-9 by session 7 and are still cases
// there, so monitoring raises an alert for each; every other member has
// improved reliably by then on both measures, or is below caseness.
// Marcus's anxiety stays below the GAD-7's caseness; Owen's GAD-7 ends at
// its cut-off.
func totals(inst measure.Instrument, id group.MemberID) ([12]int, bool) {
	table := map[measure.Instrument]map[group.MemberID][12]int{
		measure.InstrumentPHQ9: {
			priya:  {16, 15, 14, 13, 12, -1, 9, 10, 9, 9, 8, 8},
			marcus: {14, 15, 14, 16, 15, 15, 15, 14, 14, 13, 13, 12},
			elena:  {18, 17, 17, 16, -1, 14, 12, 11, 11, 10, 10, 9},
			dmitri: {19, 18, 17, 16, 16, 16, 13, 12, 12, 12, 12, 12},
			jonah:  {12, 12, 11, 11, 10, 10, 9, 8, 8, 7, -1, 6},
			grace:  {15, 15, 14, 14, 13, 13, 13, 12, 12, 12, 11, 11},
			owen:   {13, 13, -1, 12, 12, 12, 9, 9, 8, 8, 7, 7},
			farah:  {17, 16, 15, 14, 14, 13, 10, -1, 11, 10, 10, 10},
		},
		measure.InstrumentGAD7: {
			priya:  {12, 12, 11, 10, 9, -1, 8, 8, 7, 7, 6, 6},
			marcus: {6, 7, 6, 7, 7, 7, 6, 6, 6, 5, 5, 5},
			elena:  {9, 9, 8, 8, -1, 7, 6, 5, 5, 5, 4, 4},
			dmitri: {14, 14, 13, 13, 12, 12, 10, 10, 9, 9, 9, 9},
			jonah:  {8, 8, 7, 7, 6, 6, 5, 5, 4, 4, -1, 3},
			grace:  {11, 11, 10, 10, 9, 9, 7, 7, 7, 6, 6, 6},
			owen:   {12, 12, -1, 11, 11, 10, 8, 8, 7, 8, 8, 8},
			farah:  {15, 14, 14, 13, 12, 11, 10, -1, 9, 8, 8, 7},
		},
	}
	t, ok := table[inst][id]
	return t, ok
}

// form returns member id's form of inst, filled in at session n at the
// given time. The answers spread the story's total evenly over the items
// that carry no risk; risk items are answered with the scale's lowest
// answer at every session (Dmitri's thoughts of being better off dead,
// reported at screening, did not recur). A form the story has no total
// for is an error.
func form(cat *measure.Catalog, inst measure.Instrument, id group.MemberID, n int, at time.Time) (measure.Administration, error) {
	d, err := cat.Lookup(inst)
	if err != nil {
		return measure.Administration{}, err
	}
	t, ok := totals(inst, id)
	if !ok || n < 1 || n > len(t) || t[n-1] < 0 {
		return measure.Administration{}, fmt.Errorf("quickstart: the story has no %s total for %s at session %d", label(inst), id, n)
	}
	var free []int // indexes of the items the total is spread over
	for k, it := range d.Items {
		if !slices.ContainsFunc(d.Risk, func(r measure.RiskItem) bool { return r.Item == it.Number }) {
			free = append(free, k)
		}
	}
	total := t[n-1]
	vals := make([]float64, len(d.Items))
	for k := range vals {
		vals[k] = d.Scale.Min
	}
	for j, k := range free {
		vals[k] = d.Scale.Min + float64(total/len(free))
		if j < total%len(free) {
			vals[k]++
		}
	}
	a := measure.Administration{Instrument: inst, Member: string(id), At: at,
		Group: groupName, Session: n, Answers: measure.Answers(vals...)}
	// The spread holds only for a plain sum on one scale: scoring the
	// form must give the story's total back.
	r, err := cat.Score(a, measure.Options{})
	if err != nil {
		return measure.Administration{}, err
	}
	if r.Total != float64(total) {
		return measure.Administration{}, fmt.Errorf("quickstart: a %s total of %d cannot be spread over its items", label(inst), total)
	}
	return a, nil
}

// label is an instrument's name as the walkthrough prints it: "PHQ-9".
func label(inst measure.Instrument) string { return strings.ToUpper(string(inst)) }
