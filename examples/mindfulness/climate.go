package main

import (
	"fmt"
	"math"
	"strings"

	"github.com/groupwork/groupwork/curriculum"
	"github.com/groupwork/groupwork/dynamics/stage"
	"github.com/groupwork/groupwork/examples/internal/demo"
	"github.com/groupwork/groupwork/measure"
)

// climateTargets is the group climate the story gives each class, as GCQ-S
// subscale levels (0-6): engagement rises, avoidance falls, conflict peaks
// at class 4 and settles. Members answer around these levels.
var climateTargets = [8]struct{ engagement, avoidance, conflict float64 }{
	{2.6, 3.2, 1.0}, {2.9, 2.9, 1.5}, {3.1, 2.6, 2.3}, {3.0, 2.5, 3.2},
	{3.6, 2.2, 2.4}, {4.1, 1.9, 1.6}, {4.4, 1.7, 1.2}, {4.6, 1.6, 1.0},
}

// answers builds one member's twelve GCQ-S answers at class c (0-based):
// each item at the subscale's level plus the member's offset, with a fixed
// spread across items, rounded to the 0-6 scale. Conflict and avoidance
// run opposite to the member's engagement offset.
func answers(m member, k, c int) [12]measure.Answer {
	var a [12]measure.Answer
	t := climateTargets[c]
	for _, sub := range []struct {
		s     measure.Subscale
		level float64
		sign  float64
	}{{measure.SubscaleEngagement, t.engagement, 1}, {measure.SubscaleAvoidance, t.avoidance, -1}, {measure.SubscaleConflict, t.conflict, -0.5}} {
		for _, item := range measure.GCQSItems(sub.s) {
			spread := float64((k*7+item*3+c)%3-1) * 0.5
			v := math.Round(sub.level + sub.sign*m.offset + spread)
			a[item-1] = measure.Answered(math.Max(0, math.Min(6, v)))
		}
	}
	return a
}

// climate scores every present member's GCQ-S at each class, averages the
// subscales over the group and estimates the stage from the weeks so far.
func climate(p *demo.Printer, cal curriculum.Calendar) ([]stage.SessionEvidence, []stage.Estimate, error) {
	p.Section("4. Group climate over eight weeks (measure.ScoreGCQS, stage.Infer)")
	p.Printf("Every member present fills in the GCQ-S (12 items, 0-6) at the end of class.\n")
	p.Printf("measure scores each form; the group mean of each subscale, with attendance,\n")
	p.Printf("goes to stage.Infer, which reads the weeks so far for trends.\n\n")
	members := cohort()
	var history []stage.SessionEvidence
	var estimates []stage.Estimate
	rows := [][]string{{"class", "date", "forms", "engagement", "avoidance", "conflict", "stage (Tuckman)", "confidence"}}
	for c := range 8 {
		var sum measure.GCQSScore
		n := 0
		for k, m := range members {
			if !m.attend[c].Attended() {
				continue
			}
			s, err := measure.ScoreGCQS(answers(m, k, c))
			if err != nil {
				return nil, nil, fmt.Errorf("mindfulness: %s's gcq-s at class %d: %w", m.name, c+1, err)
			}
			sum.Engagement += s.Engagement
			sum.Avoidance += s.Avoidance
			sum.Conflict += s.Conflict
			n++
		}
		mean := measure.GCQSScore{Engagement: sum.Engagement / float64(n), Avoidance: sum.Avoidance / float64(n),
			Conflict: sum.Conflict / float64(n), Answered: 12}
		history = append(history, stage.SessionEvidence{Session: c + 1, Planned: 8, Climate: mean,
			Attendance: stage.AttendanceEvidence{Expected: len(members), Present: n}})
		e, err := stage.Infer(history)
		if err != nil {
			return nil, nil, err
		}
		estimates = append(estimates, e)
		o, _ := cal.Session(c + 1)
		rows = append(rows, []string{fmt.Sprint(c + 1), o.Start.Format("2 Jan"), fmt.Sprintf("%d/%d", n, len(members)),
			fmt.Sprintf("%.2f", mean.Engagement), fmt.Sprintf("%.2f", mean.Avoidance), fmt.Sprintf("%.2f", mean.Conflict),
			e.Name(), fmt.Sprintf("%.2f", e.Confidence)})
	}
	table(p, rows)
	peak := estimates[3]
	p.Printf("\n  What the estimate rests on at class %d, where conflict peaks:\n", peak.Session)
	for _, s := range peak.Evidence {
		p.Printf("    %s -> %s (+%.2f): %s\n", s.Code, s.Stage, s.Weight, s.Detail)
	}
	var unnamed []string
	for _, e := range estimates {
		if !e.Named() {
			unnamed = append(unnamed, fmt.Sprint(e.Session))
		}
		if !e.Named() && e.Confidence == 0 {
			p.Printf("  Class %d is a tie: %s.\n", e.Session, topScores(e))
		}
	}
	if len(unnamed) > 0 {
		p.Printf("  At classes %s the estimate names no stage: the evidence leaves its\n", strings.Join(unnamed, ", "))
		p.Printf("  confidence below the floor of %.1f (a tie leaves none), so it says %q and\n", stage.MinConfidence, stage.NotEnoughEvidence)
		p.Printf("  keeps the scores; the facilitators decide (record it with stage.History.Set).\n")
	}
	p.Printf("  Label: %s.\n", peak.Note)
	return history, estimates, nil
}

// topScores lists the stages sharing the estimate's top score.
func topScores(e stage.Estimate) string {
	top := 0.0
	for _, s := range e.Scores {
		top = math.Max(top, s.Score)
	}
	out := ""
	for _, s := range e.Scores {
		if s.Score == top {
			if out != "" {
				out += ", "
			}
			out += fmt.Sprintf("%s %.2f", s.Stage, s.Score)
		}
	}
	return out
}
