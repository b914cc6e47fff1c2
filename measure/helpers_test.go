package measure_test

import (
	"testing"

	"github.com/groupwork/groupwork/measure"
)

// builtin returns a fresh copy of built-in instrument inst's definition.
func builtin(tb testing.TB, inst measure.Instrument) measure.Definition {
	tb.Helper()
	d, err := measure.BuiltinCatalog().Lookup(inst)
	if err != nil {
		tb.Fatal(err)
	}
	return d
}

// bandOf returns the band labelled label of built-in instrument inst, with
// its ordinal, as scores carry it.
func bandOf(inst measure.Instrument, label string) measure.Band {
	for _, d := range measure.Builtins() {
		if d.Instrument != inst {
			continue
		}
		for _, b := range d.Bands {
			if b.Label == label {
				got, _ := d.BandOf(b.Min)
				return got
			}
		}
	}
	panic("no band " + label + " on " + inst.String())
}

func phq9Band(label string) measure.Band { return bandOf(measure.InstrumentPHQ9, label) }
func gad7Band(label string) measure.Band { return bandOf(measure.InstrumentGAD7, label) }
