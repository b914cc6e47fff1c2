package measure

import (
	"math"

	"github.com/groupwork/groupwork/internal/vocab/enum"
)

// Instrument names a standard outcome or process measure. The zero value,
// InstrumentUnspecified, is rejected by validation.
type Instrument uint8

// The instruments. Their text forms are in parentheses.
const (
	InstrumentUnspecified Instrument = iota // (unspecified)
	InstrumentPHQ9                          // (phq-9) Patient Health Questionnaire, depression, 9 items
	InstrumentGAD7                          // (gad-7) Generalized Anxiety Disorder scale, 7 items
	InstrumentGCQS                          // (gcq-s) Group Climate Questionnaire, short form, 12 items
	InstrumentGSRS                          // (gsrs) Group Session Rating Scale, 4 items
)

var instrumentText = enum.Table[Instrument]{Pkg: "measure", Type: "Instrument", Names: []string{
	"unspecified", "phq-9", "gad-7", "gcq-s", "gsrs",
}}

// Instruments returns every specified instrument in declaration order.
func Instruments() []Instrument { return instrumentText.Values() }

// String returns the instrument's text form, or "Instrument(n)" for an unknown value.
func (i Instrument) String() string { return instrumentText.String(i) }

// IsValid reports whether i is one of the four specified instruments.
func (i Instrument) IsValid() bool { return instrumentText.Valid(i) }

// MarshalText implements encoding.TextMarshaler. Unknown values are an error.
func (i Instrument) MarshalText() ([]byte, error) { return instrumentText.Marshal(i) }

// UnmarshalText implements encoding.TextUnmarshaler; it accepts the forms
// ParseInstrument accepts.
func (i *Instrument) UnmarshalText(b []byte) error { return instrumentText.Unmarshal(i, b) }

// ParseInstrument returns the instrument whose text form is s ("phq-9",
// "gad-7", "gcq-s", "gsrs"). Unknown text is a *ParseError wrapping
// ErrUnknownValue.
func ParseInstrument(s string) (Instrument, error) { return instrumentText.Parse(s) }

// NumItems returns the number of scored items of the instrument (9, 7, 12,
// 4), or 0 for an unknown instrument. The PHQ-9 difficulty item is not scored
// and not counted.
func (i Instrument) NumItems() int {
	switch i {
	case InstrumentPHQ9:
		return 9
	case InstrumentGAD7:
		return 7
	case InstrumentGCQS:
		return 12
	case InstrumentGSRS:
		return 4
	}
	return 0
}

// Scale returns the response scale shared by every scored item of the
// instrument, or the zero Scale for an unknown instrument.
func (i Instrument) Scale() Scale {
	switch i {
	case InstrumentPHQ9, InstrumentGAD7:
		return Scale{Min: 0, Max: 3, Step: 1, Labels: frequencyLabels()}
	case InstrumentGCQS:
		return Scale{Min: 0, Max: 6, Step: 1, Labels: gcqsLabels()}
	case InstrumentGSRS:
		return Scale{Min: 0, Max: 10, Step: 0.1}
	}
	return Scale{}
}

// HasTotal reports whether the instrument is summarised by one total score.
// The GCQ-S is not: it reports three subscale means.
func (i Instrument) HasTotal() bool {
	return i == InstrumentPHQ9 || i == InstrumentGAD7 || i == InstrumentGSRS
}

// HigherIsWorse reports whether a higher total means more trouble: true for
// the symptom measures PHQ-9 and GAD-7, false for the GSRS, where a higher
// total means a stronger alliance.
func (i Instrument) HigherIsWorse() bool { return i == InstrumentPHQ9 || i == InstrumentGAD7 }

// Scale is an item's response scale: answers run from Min to Max in steps of
// Step. Labels, when present, name each step from Min upward.
type Scale struct {
	Min, Max, Step float64
	Labels         []string
}

// Check reports whether v is an answer on the scale. It returns an
// *AnswerError (wrapping ErrNotFinite or ErrOutOfRange) naming inst and the
// 1-based item otherwise.
func (s Scale) Check(inst Instrument, item int, v float64) error {
	if !isFinite(v) {
		return &AnswerError{Instrument: inst, Item: item, Value: v, Min: s.Min, Max: s.Max, NotFinite: true}
	}
	if v < s.Min || v > s.Max {
		return &AnswerError{Instrument: inst, Item: item, Value: v, Min: s.Min, Max: s.Max}
	}
	if s.Step > 0 {
		steps := (v - s.Min) / s.Step
		if math.Abs(steps-math.Round(steps)) > 1e-9 {
			return &AnswerError{Instrument: inst, Item: item, Value: v, Min: s.Min, Max: s.Max, NotStep: true}
		}
	}
	return nil
}

// Item is one scored item of an instrument: its 1-based number, a short
// label for tables and charts, the wording put to the respondent (empty where
// the wording is not public domain) and, where verified, its LOINC code.
type Item struct {
	Number int
	Label  string
	Text   string
	LOINC  LOINC
}

// LOINC is a LOINC code such as "44261-6". Named constants below keep the
// panel, total and item codes from being mixed up.
type LOINC string

// LOINC codes, from the LOINC database as used by the HL7 US Core and
// personal health record implementation guides.
const (
	LOINCPHQ9Panel LOINC = "44249-1" // PHQ-9 quick depression assessment panel
	LOINCPHQ9Total LOINC = "44261-6" // PHQ-9 total score
	LOINCPHQ9Item9 LOINC = "44260-8" // PHQ-9 item 9, thoughts of being better off dead or of self-harm
	LOINCGAD7Panel LOINC = "69737-5" // GAD-7 panel
	LOINCGAD7Total LOINC = "70274-6" // GAD-7 total score
)

// frequencyLabels are the PHQ-9 and GAD-7 response options, 0 to 3
// (Kroenke, Spitzer & Williams 2001; Spitzer et al. 2006).
func frequencyLabels() []string {
	return []string{"not at all", "several days", "more than half the days", "nearly every day"}
}

// gcqsLabels are the GCQ-S response anchors, 0 to 6, as the scale is
// commonly reproduced from MacKenzie (1983); DOMAIN.md gives only the range,
// so treat the wording as unverified.
func gcqsLabels() []string {
	return []string{"not at all", "a little bit", "somewhat", "moderately", "quite a bit", "a great deal", "extremely"}
}

// PHQ9Stem is the PHQ-9's instruction to the respondent (Kroenke, Spitzer &
// Williams 2001; public domain).
const PHQ9Stem = "Over the last 2 weeks, how often have you been bothered by any of the following problems?"

// GAD7Stem is the GAD-7's instruction to the respondent (Spitzer et al.
// 2006; public domain).
const GAD7Stem = "Over the last 2 weeks, how often have you been bothered by the following problems?"

// PHQ9DifficultyText is the PHQ-9's tenth, unscored question about how much
// the problems get in the way of daily life. Its answer is recorded (see
// Administration.Difficulty) but never enters the total.
const PHQ9DifficultyText = "If you checked off any problems, how difficult have these problems made it for you to do your work, take care of things at home, or get along with other people?"

// DifficultyLabels returns the four answers to the PHQ-9 difficulty item,
// 0 to 3 (Kroenke, Spitzer & Williams 2001).
func DifficultyLabels() []string {
	return []string{"not difficult at all", "somewhat difficult", "very difficult", "extremely difficult"}
}

// Items returns the instrument's scored items in order, or nil for an
// unknown instrument. Each call returns a fresh slice.
//
// PHQ-9 and GAD-7 wording is public domain (Kroenke, Spitzer & Williams
// 2001; Spitzer et al. 2006) and item LOINC codes are included where they
// were checked against published FHIR questionnaires. GCQ-S items carry only
// MacKenzie's (1983) one-word labels, GSRS items only their domain names
// (Duncan & Miller), since neither wording is public domain.
func (i Instrument) Items() []Item {
	switch i {
	case InstrumentPHQ9:
		return []Item{
			{1, "anhedonia", "Little interest or pleasure in doing things", "44250-9"},
			{2, "depressed mood", "Feeling down, depressed, or hopeless", "44255-8"},
			{3, "sleep", "Trouble falling or staying asleep, or sleeping too much", "44259-0"},
			{4, "fatigue", "Feeling tired or having little energy", "44254-1"},
			{5, "appetite", "Poor appetite or overeating", "44251-7"},
			{6, "self-worth", "Feeling bad about yourself, or that you are a failure or have let yourself or your family down", "44258-2"},
			{7, "concentration", "Trouble concentrating on things, such as reading the newspaper or watching television", "44252-5"},
			{8, "psychomotor", "Moving or speaking so slowly that other people could have noticed, or the opposite: being so fidgety or restless that you have been moving around a lot more than usual", "44253-3"},
			{9, "self-harm thoughts", "Thoughts that you would be better off dead or of hurting yourself in some way", LOINCPHQ9Item9},
		}
	case InstrumentGAD7:
		return []Item{
			{1, "nervous", "Feeling nervous, anxious or on edge", "69725-0"},
			{2, "uncontrolled worry", "Not being able to stop or control worrying", "68509-9"},
			{3, "worry too much", "Worrying too much about different things", "69733-4"},
			{4, "trouble relaxing", "Trouble relaxing", "69734-2"},
			{5, "restless", "Being so restless that it is hard to sit still", "69735-9"},
			{6, "irritable", "Becoming easily annoyed or irritable", "69689-8"},
			{7, "afraid", "Feeling afraid as if something awful might happen", "69736-7"},
		}
	case InstrumentGCQS:
		labels := gcqsItemLabels()
		out := make([]Item, len(labels))
		for k, l := range labels {
			out[k] = Item{Number: k + 1, Label: l}
		}
		return out
	case InstrumentGSRS:
		return []Item{
			{Number: 1, Label: "relationship"},
			{Number: 2, Label: "goals and topics"},
			{Number: 3, Label: "approach or method"},
			{Number: 4, Label: "overall"},
		}
	}
	return nil
}

func isFinite(v float64) bool { return !math.IsNaN(v) && !math.IsInf(v, 0) }
