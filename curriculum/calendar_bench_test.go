package curriculum_test

import (
	"testing"
	"time"

	"github.com/groupwork/groupwork/curriculum"
)

// weeks52 is the workload the two benchmarks below share: 52 weekly
// meetings at 17:30 in New York from Monday 6 January 2025, across both of
// the year's daylight-saving changes (9 March and 2 November).
func weeks52(b *testing.B) (curriculum.Program, curriculum.Spec) {
	b.Helper()
	topics := make([]int, 52)
	for i := range topics {
		topics[i] = i%10 + 1
	}
	return curriculum.OpenSupportGroup(), curriculum.Spec{
		First: slot(2025, time.January, 6, 17, 30), Location: zone(b, "America/New_York"), Topics: topics,
	}
}

// BenchmarkSchedule52Weeks lays out 52 weekly meetings of a topic bank.
func BenchmarkSchedule52Weeks(b *testing.B) {
	p, spec := weeks52(b)
	b.ReportAllocs()
	for b.Loop() {
		c, err := curriculum.Schedule(p, spec)
		if err != nil || len(c.Occurrences) != 52 {
			b.Fatal(err, len(c.Occurrences))
		}
	}
}

// BenchmarkTimeDate52Weeks is the floor Schedule is measured against: the
// plain loop a Go programmer would write for the same 52 starts, one
// time.Date per week in the zone (time.Date keeps the wall clock across
// daylight-saving changes), into a fresh slice.
func BenchmarkTimeDate52Weeks(b *testing.B) {
	_, spec := weeks52(b)
	f, loc := spec.First, spec.Location
	b.ReportAllocs()
	for b.Loop() {
		out := make([]time.Time, 0, 52)
		for k := range 52 {
			out = append(out, time.Date(f.Date.Year, f.Date.Month, f.Date.Day+7*k, f.At.Hour, f.At.Minute, 0, 0, loc))
		}
		if len(out) != 52 {
			b.Fatal(len(out))
		}
	}
}

// BenchmarkScheduleCancellations2000 schedules a four-session series after
// 2000 cancelled weeks: the spec's checks and the series walk stay linear
// in the list.
func BenchmarkScheduleCancellations2000(b *testing.B) {
	spec := curriculum.Spec{First: slot(2025, time.March, 4, 18, 0), Location: time.UTC}
	for i := range 2000 {
		spec.Cancelled = append(spec.Cancelled, curriculum.Cancellation{Date: date(2025, time.March, 4).AddDays(7 * i)})
	}
	p := tiny()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := curriculum.Schedule(p, spec); err != nil {
			b.Fatal(err)
		}
	}
}
