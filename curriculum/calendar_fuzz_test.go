package curriculum_test

import (
	"encoding/json"
	"errors"
	"math"
	"runtime"
	"slices"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/stretchr/testify/require"

	"github.com/groupwork/groupwork/curriculum"
)

// allocated returns the heap bytes and objects f allocates in one run: the
// least over a few runs after a warm-up, as what else the process
// allocates meanwhile (a fuzz worker's own machinery) only ever adds.
func allocated(f func()) (bytes, objects uint64) {
	f()
	bytes, objects = math.MaxUint64, math.MaxUint64
	var before, after runtime.MemStats
	for range 3 {
		runtime.ReadMemStats(&before)
		f()
		runtime.ReadMemStats(&after)
		bytes = min(bytes, after.TotalAlloc-before.TotalAlloc)
		objects = min(objects, after.Mallocs-before.Mallocs)
	}
	return bytes, objects
}

// FuzzICalendar renders a calendar whose title, uid and zone name come
// from the fuzzer: the object must always come back, pass the test's own
// RFC 5545 reader, read back the calendar's instants, and cost memory
// linear in what went in.
func FuzzICalendar(f *testing.F) {
	f.Add("Café; groups, and \\ more", "uid@example.org", "UTC+05:30", int16(330), "Orientation")
	f.Add("\x80\x80\x80", "\x00u", "X;VALUE=DATE:1\r\nATTACH:x", int16(-60), "a\r\nb")
	f.Add("🌱🌱🌱🌱🌱🌱🌱🌱🌱🌱🌱🌱🌱🌱🌱🌱🌱🌱🌱🌱", "", "", int16(0), "")
	f.Add("t", "u", "far", int16(1440), "x")
	f.Fuzz(func(t *testing.T, title, uid, zoneName string, minutes int16, extra string) {
		p := curriculum.MindfulnessStressReduction()
		p.Title = title
		p.ExtraDays[0].Title = extra
		loc := time.FixedZone(zoneName, int(minutes)*60)
		c, err := curriculum.Schedule(p, curriculum.Spec{First: slot(2025, time.September, 9, 18, 0), Location: loc})
		require.NoError(t, err)
		stamp := time.Date(2025, time.August, 1, 0, 0, 0, 0, time.UTC)
		var data []byte
		bytes, objects := allocated(func() { data, err = c.ICalendar(uid, stamp) })
		if err != nil {
			require.ErrorIs(t, err, curriculum.ErrInvalid)
			require.Nil(t, data)
			return
		}
		require.Less(t, int(minutes), 1440)
		require.Greater(t, int(minutes), -1440)
		obj := readICS(t, data)
		var want []time.Time
		for _, o := range c.Occurrences {
			if o.Kind != curriculum.OccurrenceExtraDay {
				want = append(want, o.Start)
			}
		}
		if diff := cmp.Diff(want, obj.expand(t, obj.events[0]), cmp.Comparer(time.Time.Equal)); diff != "" {
			t.Errorf("sessions (-want +got):\n%s", diff)
		}
		in := len(title) + len(uid) + len(zoneName) + len(extra)
		// Text grows at most threefold (one byte of invalid UTF-8 becomes
		// U+FFFD), a title is written three times, the zone name four.
		require.LessOrEqual(t, len(data), 16*in+4096, "output linear in the input")
		require.LessOrEqual(t, bytes, uint64(8*(len(data)+in)+8192), "memory linear in the input and the output")
		require.LessOrEqual(t, objects, uint64(64), "a bounded number of allocations")
	})
}

// FuzzSchedule lays built-in programs out on specs the fuzzer writes:
// Schedule returns a calendar or an error, never panics, keeps its
// invariants, costs memory linear in the spec, and what it returns renders
// as valid iCalendar.
func FuzzSchedule(f *testing.F) {
	f.Add(uint8(3), uint32(739000), uint16(18*60), uint8(1), uint8(2), []byte{1, 3, 7}, []byte{2, 9})
	f.Add(uint8(2), uint32(3652000), uint16(23*60+30), uint8(2), uint8(1), []byte{0}, []byte{1, 1})
	f.Add(uint8(0), uint32(0), uint16(0), uint8(0), uint8(0), []byte{}, []byte{})
	programs := curriculum.Builtins()
	zones := []string{"America/New_York", "Europe/London", "Australia/Lord_Howe", "Pacific/Apia", "UTC"}
	f.Fuzz(func(t *testing.T, which uint8, firstDay uint32, minute uint16, cadence, cycles uint8, skips, cancels []byte) {
		p := programs[int(which)%len(programs)]
		first := date(1, time.January, 1).AddDays(int(firstDay % 3652059))
		spec := curriculum.Spec{
			First:    curriculum.Slot{Date: first, At: curriculum.Clock{Hour: int(minute/60) % 24, Minute: int(minute % 60)}},
			Location: zone(t, zones[int(which/16)%len(zones)]),
			Cadence:  curriculum.Cadence(cadence % 4),
			Cycles:   int(cycles % 4),
		}
		for _, b := range skips {
			spec.Skip = append(spec.Skip, first.AddDays(int(b)))
		}
		for i, b := range cancels {
			x := curriculum.Cancellation{Date: first.AddDays(int(b))}
			if i%3 == 1 {
				x.MakeUp = &curriculum.Slot{Date: first.AddDays(int(b) + 1), At: spec.First.At}
			}
			spec.Cancelled = append(spec.Cancelled, x)
		}
		var c curriculum.Calendar
		var err error
		_, objects := allocated(func() { c, err = curriculum.Schedule(p, spec) })
		require.LessOrEqual(t, objects, uint64(64+16*(len(skips)+len(cancels))), "allocations linear in the spec (a dozen for each problem reported)")
		if err != nil {
			require.ErrorIs(t, err, curriculum.ErrInvalid)
			require.Empty(t, c.Occurrences)
			return
		}
		require.True(t, slices.IsSortedFunc(c.Occurrences, func(a, b curriculum.Occurrence) int { return a.Start.Compare(b.Start) }))
		sessions := 0
		for i, o := range c.Occurrences {
			if i > 0 {
				require.False(t, c.Occurrences[i-1].End.After(o.Start), "no overlap")
			}
			require.True(t, curriculum.DateOf(o.Start).IsValid() && curriculum.DateOf(o.End).IsValid(), "years 1 to 9999")
			if o.Kind != curriculum.OccurrenceExtraDay {
				sessions++
			}
		}
		require.Equal(t, p.NumPlans()*max(spec.Cycles, 1), sessions)
		data, err := c.ICalendar("u", time.Date(2025, time.January, 1, 0, 0, 0, 0, time.UTC))
		require.NoError(t, err)
		readICS(t, data)
	})
}

// FuzzSpecJSON decodes a Spec from JSON: a decoded spec writes back to the
// same value, or, when it cannot be written (a zero date), Schedule refuses
// it too; decoding costs memory linear in the input.
func FuzzSpecJSON(f *testing.F) {
	f.Add([]byte(`{"first":{"date":"2025-03-04","at":"18:00"},"cadence":"weekly","cycles":2,"skip":["2025-03-18"],"cancelled":[{"date":"2025-03-11","makeUp":{"date":"2025-03-13","at":"17:30"}}]}`))
	f.Add([]byte(`{"first":{}}`))
	f.Add([]byte(`{"topics":[1,2,2],"extraDays":[{"date":"2025-03-01","at":"09:30"}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		var s curriculum.Spec
		var err error
		bytes, _ := allocated(func() {
			s = curriculum.Spec{}
			err = json.Unmarshal(data, &s)
		})
		require.LessOrEqual(t, bytes, uint64(64*len(data)+16384), "memory linear in the input")
		if err != nil {
			return
		}
		out, err := json.Marshal(s)
		if err != nil {
			var pe *curriculum.ParseError
			require.True(t, errors.As(err, &pe), "only an invalid date or clock stops the writer: %v", err)
			s.Location = time.UTC
			_, err := curriculum.Schedule(curriculum.OpenSupportGroup(), s)
			require.Error(t, err, "what cannot be written cannot be scheduled")
			return
		}
		var back curriculum.Spec
		require.NoError(t, json.Unmarshal(out, &back))
		if diff := cmp.Diff(s, back, cmpopts.EquateEmpty()); diff != "" {
			t.Errorf("round trip (-first +second):\n%s", diff)
		}
	})
}
