package measure_test

import (
	"errors"
	"fmt"
	"time"

	"github.com/groupwork/groupwork/measure"
)

// An app adds a published instrument the library does not ship, the PHQ-8
// (the PHQ-9 without its item 9, for settings where no clinician can
// follow up a self-harm answer), by deriving its row from the built-in
// PHQ-9 and changing what differs. This is the sketch of
// docs/guides/adding-an-instrument.md.
func Example_derivedInstrument() {
	const src = "Kroenke, Strine, Spitzer, Williams, Berry & Mokdad (2009), The PHQ-8 as a measure of current depression in the general population, J Affect Disord 114:163-173"
	cat := measure.BuiltinCatalog()
	d, err := cat.Lookup(measure.InstrumentPHQ9) // a deep copy, free to change
	if err != nil {
		fmt.Println(err)
		return
	}
	d.Instrument, d.Name = "phq-8", "Patient Health Questionnaire-8"
	d.Items = d.Items[:8]               // item 9 left out,
	d.Risk = nil                        // and with it the risk flag
	d.PanelLOINC, d.TotalLOINC = "", "" // not checked for the PHQ-8: left empty
	d.Bands = []measure.Band{
		{Label: "minimal", Min: 0, Max: 4}, {Label: "mild", Min: 5, Max: 9}, {Label: "moderate", Min: 10, Max: 14},
		{Label: "moderately-severe", Min: 15, Max: 19}, {Label: "severe", Min: 20, Max: 24},
	}
	d.Screens = []measure.Cutoff{{Name: "current depression", Value: 10, Source: src}}
	d.Caseness = measure.Cutoff{}                  // no service rule for the PHQ-8 here
	d.ReliableChange = measure.Threshold{}         // none published with the form
	d.Missing = measure.MissingRule{MaxMissing: 8} // no proration
	d.Citation, d.Sources = src, nil

	if err := cat.Add(d); err != nil {
		fmt.Println(err)
		return
	}
	r, err := cat.Score(measure.Administration{Instrument: "phq-8", Member: "ana",
		At: time.Date(2026, 3, 4, 18, 0, 0, 0, time.UTC), Answers: measure.Answers(2, 2, 1, 2, 1, 1, 1, 0)}, measure.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(r.Instrument, "total", r.Total, r.Band, "|", r.Screen.Name, r.Screen.Positive)

	// The row is checked as it goes in: a band that overlaps another is refused.
	bad := d.Clone()
	bad.Instrument = "phq-8-bad"
	bad.Bands[1].Min = 3
	fmt.Println(errors.Is(cat.Add(bad), measure.ErrInvalid))
	// Output:
	// phq-8 total 10 moderate | current depression true
	// true
}
