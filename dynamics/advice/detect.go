package advice

import (
	"errors"
	"slices"

	"github.com/groupwork/groupwork/dynamics"
)

// Detector finds situations in a Snapshot: it runs the detector of every
// situation in its table that has one, against a Config's thresholds. The
// thresholds are heuristics, not validated cut-offs: each detection says
// what it rests on and how sure it is, for a facilitator to weigh.
//
// Detector is a small value, safe for concurrent use once built.
type Detector struct {
	cfg  Config
	defs Definitions
}

// NewDetector returns a detector for the built-in situations and extra, the
// app's own, with the given thresholds. Problems with the thresholds or the
// definitions are reported together: an invalid row, or a situation named
// twice.
func NewDetector(c Config, extra ...Definition) (Detector, error) {
	defs, err := table(extra)
	err = errors.Join(c.Validate(), err)
	if err != nil {
		return Detector{}, err
	}
	return Detector{cfg: c, defs: defs}, nil
}

// table returns the built-in definitions followed by extra, after checking
// extra: every row valid, no situation twice.
func table(extra Definitions) (Definitions, error) {
	if len(extra) == 0 {
		return builtin.defs, nil // never written: detectors share it
	}
	defs := slices.Clone(builtin.defs)
	fe := problems()
	seen := make(map[Situation]bool, len(defs)+len(extra))
	for _, d := range defs {
		seen[d.Situation] = true
	}
	for i, d := range extra {
		p := idx("situations", i)
		d.validate(&fe, p)
		if seen[d.Situation] {
			fe.Add(p+".situation", "situation "+d.Situation.String()+" is defined twice", ErrInvalidSituation)
		}
		seen[d.Situation] = true
		defs = append(defs, d.clone())
	}
	if err := fe.Err(); err != nil {
		return nil, err
	}
	return defs, nil
}

// Config returns the detector's thresholds.
func (d Detector) Config() Config { return d.cfg }

// Definitions returns the detector's table of situations: the built-in
// ones, then the app's own.
func (d Detector) Definitions() Definitions {
	out := make(Definitions, len(d.defs))
	for i, x := range d.defs {
		out[i] = x.clone()
	}
	return out
}

// Detect returns what the snapshot shows, in the order of the situations'
// table and, within a situation, in member order: every situation whose
// deciding measure is past its threshold (Evidence.Margin at least 0). It
// has no memory: a Monitor, which does, fires on a margin or a measure held
// across checks, and clears with hysteresis (see Config.Margin). It
// allocates only for what it finds: a balanced, friendly session costs no
// allocation with the built-in detectors.
func (d Detector) Detect(s *dynamics.Snapshot) []Detection {
	out := d.candidates(s)
	kept := out[:0]
	for _, x := range out {
		if len(x.Evidence) == 0 || x.Evidence[0].Margin >= 0 {
			kept = append(kept, x)
		}
	}
	return kept
}

// candidates returns what every detector reports: past the threshold, or
// within Config.Margin short of it.
func (d Detector) candidates(s *dynamics.Snapshot) []Detection {
	var out []Detection
	for i := range d.defs {
		if f := d.defs[i].Detect; f != nil {
			out = f(s, d.cfg, out)
		}
	}
	return out
}

// order returns the place of situation s in the detector's table, or the
// table's length for a situation it does not know.
func (d Detector) order(s Situation) int {
	for i := range d.defs {
		if d.defs[i].Situation == s {
			return i
		}
	}
	return len(d.defs)
}

// sortDetections orders detections by their situations' places in the
// table, then by members, stably.
func (d Detector) sortDetections(ds []Detection) {
	slices.SortStableFunc(ds, func(a, b Detection) int {
		if a.Situation != b.Situation {
			return d.order(a.Situation) - d.order(b.Situation)
		}
		return slices.Compare(a.Members, b.Members)
	})
}
