package measure_test

import (
	"testing"

	"github.com/groupwork/groupwork/measure"
)

var sinkPHQ9 measure.PHQ9Score

// BenchmarkScorePHQ9 shows that scoring a complete PHQ-9 from a fixed-size
// array allocates nothing.
func BenchmarkScorePHQ9(b *testing.B) {
	answers := [9]int{2, 1, 3, 0, 2, 1, 1, 0, 1}
	b.ReportAllocs()
	for b.Loop() {
		s, err := measure.ScorePHQ9(answers)
		if err != nil {
			b.Fatal(err)
		}
		sinkPHQ9 = s
	}
}

func BenchmarkScorePHQ9Answers(b *testing.B) {
	answers := measure.Answers(2, 1, 3, 0, 2, 1, 1, 0, 1)
	answers[4] = measure.Missing()
	opts := measure.Options{Prorate: true}
	b.ReportAllocs()
	for b.Loop() {
		s, err := measure.ScorePHQ9Answers(answers, opts)
		if err != nil {
			b.Fatal(err)
		}
		sinkPHQ9 = s
	}
}

func BenchmarkScoreGCQS(b *testing.B) {
	var answers [12]measure.Answer
	for k := range answers {
		answers[k] = measure.Answered(float64(k % 7))
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := measure.ScoreGCQS(answers); err != nil {
			b.Fatal(err)
		}
	}
}

// TestScorePHQ9AllocatesNothing pins the zero-allocation property so that a
// regression fails the ordinary test run, not only the benchmark.
func TestScorePHQ9AllocatesNothing(t *testing.T) {
	answers := [9]int{2, 1, 3, 0, 2, 1, 1, 0, 1}
	allocs := testing.AllocsPerRun(100, func() {
		sinkPHQ9, _ = measure.ScorePHQ9(answers)
	})
	if allocs != 0 {
		t.Errorf("ScorePHQ9 allocates %v times per call, want 0", allocs)
	}
}
