package measure

// RiskFlag is the reading of an instrument's risk items on one form: a
// separate flag that no total can hide. It carries its evidence: the
// instrument, the item and the answer (with the answer's label), the kind
// of risk, the level where the instrument publishes levels (the C-SSRS
// screener's triage), what it calls for, and the publication that says
// so. An unanswered risk item is unknown risk, never "no risk": such a flag
// has Status RiskUnknown and a missing Answer.
//
// When several risk items are positive, the flag reports the one at the
// highest level (the first in the definition's order among equals); the
// others are on the form for the clinician to read. The zero RiskFlag is
// what a form of an instrument without risk items carries. A RiskFlag is a
// comparable value and round-trips through JSON.
type RiskFlag struct {
	Instrument Instrument `json:"instrument"`
	Status     RiskStatus `json:"status"`
	// Kind is whom the risk concerns.
	Kind RiskKind `json:"kind,omitempty"`
	// Item is the 1-based number of the item that raised the flag, or of
	// the first unanswered one for an unknown risk; 0 for a clear reading.
	Item int `json:"item,omitempty"`
	// Answer is the item's answer, missing for an unknown risk.
	Answer Answer `json:"answer,omitzero"`
	// AnswerLabel is the response option's label, such as "several days".
	AnswerLabel string `json:"answer_label,omitempty"`
	// Level and LevelRank are the published risk level and its rank among
	// the definition's RiskLevels (1 for the lowest), where it has them.
	Level     string `json:"level,omitempty"`
	LevelRank int    `json:"level_rank,omitempty"`
	// Unanswered counts the risk items due on this form that were left
	// unanswered (or whose being asked depends on an unanswered item).
	Unanswered int `json:"unanswered,omitempty"`
	// FollowUp is what the flag calls for.
	FollowUp FollowUp `json:"follow_up,omitzero"`
	// Source names the publication the risk item comes from.
	Source string `json:"source,omitempty"`
}

// Raised reports whether a risk item was answered positively.
func (f RiskFlag) Raised() bool { return f.Status == RiskRaised }

// Known reports whether the flag is a reading, raised or clear, rather than
// unknown or not applicable.
func (f RiskFlag) Known() bool { return f.Status == RiskRaised || f.Status == RiskClear }

// askAgain is what an unanswered risk item calls for: the facilitator asks
// it in private before the member leaves, so that unknown risk becomes a
// reading (heuristic, the library's own).
func askAgain() FollowUp {
	return FollowUp{Action: ActionAskRiskItem, Actor: ActorFacilitator, Within: WindowImmediate}
}

// readRisk reads the definition's risk items, of which it has at least
// one, from a form that Score accepted into f. It allocates nothing.
func (d *Definition) readRisk(f *RiskFlag, answers []Answer) {
	f.Instrument, f.Status, f.Kind = d.Instrument, RiskClear, d.Risk[0].Kind
	best, bestRank := -1, 0 // index into d.Risk of the positive item reported, and its level's rank
	unknown := -1           // index of the first unanswered one
	for r := range d.Risk {
		ri := &d.Risk[r]
		k := ri.Item - 1
		if k < 0 || k >= len(answers) {
			continue
		}
		if d.Items[k].AskedIf.Item != 0 && d.askedAt(k, answers) == askedNo {
			continue
		}
		v, ok := answers[k].Value()
		if !ok {
			f.Unanswered++
			if unknown < 0 {
				unknown = r
			}
			continue
		}
		if v < ri.AtLeast {
			continue
		}
		if rank := d.riskLevelRank(ri.Level); best < 0 || rank > bestRank {
			best, bestRank = r, rank
		}
	}
	switch {
	case best >= 0:
		ri := &d.Risk[best]
		f.fill(d, ri, answers[ri.Item-1])
		f.Status = RiskRaised
	case unknown >= 0:
		ri := &d.Risk[unknown]
		f.Status, f.Kind, f.Item, f.Source = RiskUnknown, ri.Kind, ri.Item, ri.Source
		f.FollowUp = askAgain()
	}
}

// fill copies risk item ri and its answer a into f.
func (f *RiskFlag) fill(d *Definition, ri *RiskItem, a Answer) {
	v, _ := a.Value()
	f.Kind, f.Item, f.Answer = ri.Kind, ri.Item, a
	f.AnswerLabel = d.scaleAt(ri.Item - 1).label(v)
	f.Level, f.LevelRank = ri.Level, d.riskLevelRank(ri.Level)
	f.FollowUp, f.Source = ri.FollowUp, ri.Source
}
