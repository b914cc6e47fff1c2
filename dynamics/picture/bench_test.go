package picture_test

import (
	"fmt"
	"testing"

	"github.com/groupwork/groupwork/dynamics/picture"
	"github.com/groupwork/groupwork/dynamics/stage"
	sc "github.com/groupwork/groupwork/internal/testkit/script"
)

// The benchmarks draw what a clinic's report draws: a session of 8 members
// and 2 facilitators (and, for scale, of 40), its participation chart, a
// 12-session stage timeline and the PHQ-9 trajectories of 8 members over
// 12 sessions.

func BenchmarkSociogram(b *testing.B) {
	for _, n := range []int{8, 40} {
		s, opt := randomSession(b, n, 7)
		b.Run(fmt.Sprintf("%d members", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				_ = picture.Sociogram(&s, opt)
			}
		})
	}
}

func BenchmarkParticipationChart(b *testing.B) {
	s, opt := randomSession(b, 8, 7)
	b.ReportAllocs()
	for b.Loop() {
		_ = picture.ParticipationChart(&s, opt)
	}
}

func BenchmarkStageTimeline(b *testing.B) {
	h, err := stage.NewHistory(stage.Tuckman)
	if err != nil {
		b.Fatal(err)
	}
	for n := 1; n <= 12; n++ {
		if err := h.Estimated(n, sc.At(n*604800), stage.Estimate{Stage: stage.Stage(1 + (n-1)/3), Confidence: 0.6}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := picture.StageTimeline(h, picture.Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkTrajectoryChart(b *testing.B) {
	d := phq9(b)
	series := make([]picture.Series, 8)
	for k := range series {
		series[k].Name = fmt.Sprintf("member %d", k+1)
		for n := 1; n <= 12; n++ {
			series[k].Points = append(series[k].Points, picture.SeriesPoint{Session: n, Value: float64(20 - n + k%5)})
		}
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := picture.TrajectoryChart(d, series, picture.Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
