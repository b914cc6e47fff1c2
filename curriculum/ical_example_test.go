package curriculum_test

import (
	"fmt"
	"strings"
	"time"

	"github.com/groupwork/groupwork/curriculum"
)

// Write a calendar as an iCalendar file. The group meets in a fixed zone
// that has no IANA name: its TZID is made a valid parameter value and the
// VTIMEZONE defines it; the title's comma and semicolon are escaped.
func ExampleCalendar_ICalendar() {
	program := curriculum.StressPsychoeducation()
	program.Title = "Stress, sleep; and you"
	cal, err := curriculum.Schedule(program, curriculum.Spec{
		First:    curriculum.Slot{Date: curriculum.Date{Year: 2025, Month: time.June, Day: 3}, At: curriculum.Clock{Hour: 18}},
		Location: time.FixedZone("UTC+05:30", 5*3600+30*60),
		Skip:     []curriculum.Date{{Year: 2025, Month: time.June, Day: 17}},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	data, err := cal.ICalendar("stress-2025@clinic.example", time.Date(2025, time.May, 1, 9, 0, 0, 0, time.UTC))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Print(strings.ReplaceAll(string(data), "\r\n", "\n"))
	// Output:
	// BEGIN:VCALENDAR
	// VERSION:2.0
	// PRODID:-//groupwork//curriculum//EN
	// CALSCALE:GREGORIAN
	// BEGIN:VTIMEZONE
	// TZID:UTC+05_30
	// BEGIN:STANDARD
	// DTSTART:20250603T000000
	// TZOFFSETFROM:+0530
	// TZOFFSETTO:+0530
	// TZNAME:UTC+05:30
	// END:STANDARD
	// END:VTIMEZONE
	// BEGIN:VEVENT
	// UID:stress-2025@clinic.example
	// DTSTAMP:20250501T090000Z
	// DTSTART;TZID=UTC+05_30:20250603T180000
	// DURATION:PT1H30M
	// RRULE:FREQ=WEEKLY;INTERVAL=1;COUNT=9
	// EXDATE;TZID=UTC+05_30:20250617T180000
	// SUMMARY:Stress\, sleep\; and you
	// END:VEVENT
	// END:VCALENDAR
}
