package curriculum_test

import (
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/groupwork/groupwork/curriculum"
	"github.com/groupwork/groupwork/internal/testkit/budget"
)

// TestICalendarWorkIsLinear holds the iCalendar writer to work that grows
// linearly with its calendar: eight times the skipped dates (EXDATE
// values), the make-ups (VEVENTs of their own), or the title (folded
// lines, escaped text) may cost at most about eight times the output and
// the memory (sixteen, for buffers that grow in steps), where a writer
// quadratic in any of them would cost sixty-four. A calendar in a zone
// with daylight saving is used, so the VTIMEZONE is written too.
func TestICalendarWorkIsLinear(t *testing.T) {
	ny := zone(t, "America/New_York")
	stamp := time.Date(2025, time.January, 1, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		name  string
		build func(t *testing.T, n int) curriculum.Calendar
	}{
		{"skipped dates", func(t *testing.T, n int) curriculum.Calendar {
			spec := curriculum.Spec{First: slot(2025, time.March, 4, 18, 0), Location: ny}
			for i := range n {
				spec.Cancelled = append(spec.Cancelled, curriculum.Cancellation{Date: date(2025, time.March, 4).AddDays(7 * i)})
			}
			c, err := curriculum.Schedule(tiny(), spec)
			require.NoError(t, err)
			return c
		}},
		{"make-ups", func(t *testing.T, n int) curriculum.Calendar {
			spec := curriculum.Spec{First: slot(2025, time.March, 4, 18, 0), Location: ny, Cycles: curriculum.MaxCycles}
			for i := range n {
				d := date(2025, time.March, 4).AddDays(7 * i)
				spec.Cancelled = append(spec.Cancelled, curriculum.Cancellation{Date: d,
					MakeUp: &curriculum.Slot{Date: d.AddDays(2), At: curriculum.Clock{Hour: 10}}})
			}
			c, err := curriculum.Schedule(curriculum.DBTSkills(), spec)
			require.NoError(t, err)
			return c
		}},
		{"a long title", func(t *testing.T, n int) curriculum.Calendar {
			p := tiny()
			p.Title = strings.Repeat("Café; 🌱, \\ ", n/4)
			c, err := curriculum.Schedule(p, curriculum.Spec{First: slot(2025, time.March, 4, 18, 0), Location: ny})
			require.NoError(t, err)
			return c
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			// What the writer spends on the grown part alone: the cost at
			// n less the cost at 0.
			var base, small, large [2]uint64 // output bytes, allocated bytes
			for _, m := range []struct {
				n   int
				dst *[2]uint64
			}{{0, &base}, {50, &small}, {400, &large}} {
				c := tc.build(t, m.n)
				var out []byte
				var err error
				a, _ := budget.Allocated(func() { out, err = c.ICalendar("u@example.org", stamp) })
				require.NoError(t, err)
				*m.dst = [2]uint64{uint64(len(out)), a}
			}
			for i, what := range []string{"output", "memory"} {
				grownSmall, grownLarge := int64(small[i])-int64(base[i]), int64(large[i])-int64(base[i])
				require.Positive(t, grownSmall, "%s grows with the calendar", what)
				require.LessOrEqual(t, grownLarge, 16*grownSmall+4096, "%s: %d at 0, %d at 50, %d at 400", what, base[i], small[i], large[i])
			}
		})
	}
}
