package curriculum_test

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/groupwork/groupwork/curriculum"
	"github.com/groupwork/groupwork/session"
)

func BenchmarkValidateDBT(b *testing.B) {
	p := curriculum.DBTSkills()
	b.ReportAllocs()
	for b.Loop() {
		if err := p.Validate(); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkScheduleDBTTwoCycles(b *testing.B) {
	p := curriculum.DBTSkills()
	spec := curriculum.Spec{First: slot(2025, time.January, 6, 17, 30), Location: zone(b, "America/New_York"), Cycles: 2,
		Skip: []curriculum.Date{date(2025, time.May, 26)}}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := curriculum.Schedule(p, spec); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkICalendar(b *testing.B) {
	c, err := curriculum.Schedule(curriculum.MindfulnessStressReduction(), curriculum.Spec{
		First: slot(2025, time.September, 9, 18, 0), Location: zone(b, "Europe/London")})
	if err != nil {
		b.Fatal(err)
	}
	stamp := time.Date(2025, time.August, 1, 0, 0, 0, 0, time.UTC)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := c.ICalendar("u", stamp); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkAssess(b *testing.B) {
	p := curriculum.DBTSkills()
	att := make([]session.AttendanceStatus, 24)
	for i := range att {
		att[i] = session.AttendancePresent
	}
	r := curriculum.Record{Sessions: sessions(seq(9, 24, 24), att...)}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := curriculum.Assess(p, r); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkParseProgram(b *testing.B) {
	data, err := json.Marshal(curriculum.DBTSkills())
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := curriculum.ParseProgram(data); err != nil {
			b.Fatal(err)
		}
	}
}
