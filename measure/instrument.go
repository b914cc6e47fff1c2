package measure

import (
	"cmp"
	"math"
)

// Instrument names a standard outcome or process measure. Everything the
// library knows about an instrument is a row, its Definition, found in a
// Catalog: the ten built-in instruments are the constants below, and an app
// names one of its own (Instrument("orq-5")) by adding its Definition to a
// catalogue. The zero value, InstrumentUnspecified, is rejected by
// validation.
//
// An instrument's text form is its value: lower-case letters, digits and
// hyphens, starting with a letter, at most 64 bytes. The zero value's text
// form is "unspecified".
type Instrument string

// The built-in instruments, in catalogue order. Each one's Definition
// (see Builtins) names its publication.
const (
	InstrumentUnspecified Instrument = ""                // (unspecified)
	InstrumentPHQ9        Instrument = "phq-9"           // Patient Health Questionnaire, depression, 9 items
	InstrumentGAD7        Instrument = "gad-7"           // Generalized Anxiety Disorder scale, 7 items
	InstrumentCORE10      Instrument = "core-10"         // Clinical Outcomes in Routine Evaluation, distress, 10 items
	InstrumentK10         Instrument = "k10"             // Kessler Psychological Distress Scale, 10 items
	InstrumentWHO5        Instrument = "who-5"           // WHO-Five Well-Being Index, 5 items
	InstrumentPCL5        Instrument = "pcl-5"           // PTSD Checklist for DSM-5, 20 items
	InstrumentAUDITC      Instrument = "audit-c"         // Alcohol Use Disorders Identification Test, consumption items, 3 items
	InstrumentCSSRS       Instrument = "c-ssrs-screener" // Columbia Suicide Severity Rating Scale, screener
	InstrumentGCQS        Instrument = "gcq-s"           // Group Climate Questionnaire, short form, 12 items
	InstrumentGSRS        Instrument = "gsrs"            // Group Session Rating Scale, 4 items
)

// builtinInstruments lists the built-in instruments in catalogue order.
var builtinInstruments = [...]Instrument{
	InstrumentPHQ9, InstrumentGAD7, InstrumentCORE10, InstrumentK10, InstrumentWHO5,
	InstrumentPCL5, InstrumentAUDITC, InstrumentCSSRS, InstrumentGCQS, InstrumentGSRS,
}

// Instruments returns the built-in instruments in catalogue order.
func Instruments() []Instrument { return append([]Instrument(nil), builtinInstruments[:]...) }

// String returns the instrument's text form: "unspecified" for the zero value.
func (i Instrument) String() string {
	if i == InstrumentUnspecified {
		return "unspecified"
	}
	return string(i)
}

// IsValid reports whether i is a well-formed, specified instrument name:
// one of the built-ins or an app's own. Whether a catalogue has a
// Definition for it is a separate question (Catalog.Lookup).
func (i Instrument) IsValid() bool { return validName(string(i)) }

// IsBuiltin reports whether i is one of the built-in instruments.
func (i Instrument) IsBuiltin() bool { return i.order() < len(builtinInstruments) }

// order returns i's place in the catalogue: a built-in's index, or the
// number of built-ins for any other.
func (i Instrument) order() int {
	for k, b := range builtinInstruments {
		if b == i {
			return k
		}
	}
	return len(builtinInstruments)
}

// CompareInstruments orders instruments as catalogues list them: the
// built-ins in catalogue order, then others by name.
func CompareInstruments(a, b Instrument) int {
	return cmp.Or(cmp.Compare(a.order(), b.order()), cmp.Compare(a, b))
}

// MarshalText implements encoding.TextMarshaler. A malformed name is a
// *ParseError.
func (i Instrument) MarshalText() ([]byte, error) {
	if i != InstrumentUnspecified && !i.IsValid() {
		return nil, &ParseError{Pkg: "measure", Type: "Instrument", Text: string(i)}
	}
	return []byte(i.String()), nil
}

// UnmarshalText implements encoding.TextUnmarshaler; it accepts the forms
// ParseInstrument accepts and leaves i unchanged on error.
func (i *Instrument) UnmarshalText(b []byte) error {
	x, err := ParseInstrument(string(b))
	if err != nil {
		return err
	}
	*i = x
	return nil
}

// ParseInstrument returns the instrument whose text form is s: a built-in
// ("phq-9", "gad-7", ...), an app's own well-formed name, or "unspecified"
// for the zero value. Malformed text is a *ParseError wrapping
// ErrUnknownValue. Matching is exact: "PHQ-9" is malformed.
func ParseInstrument(s string) (Instrument, error) {
	if s == "unspecified" {
		return InstrumentUnspecified, nil
	}
	if i := Instrument(s); i.IsValid() {
		return i, nil
	}
	return InstrumentUnspecified, &ParseError{Pkg: "measure", Type: "Instrument", Text: s}
}

// Subscale names a subscale of an instrument, such as the GCQ-S's
// engagement or the PCL-5's intrusion cluster. Subscale names are scoped
// by their instrument's Definition; the constants below are the built-ins'.
// The text form follows the same rules as an Instrument's, and the zero
// value, SubscaleUnspecified, names no subscale.
type Subscale string

// The built-in instruments' subscales.
const (
	SubscaleUnspecified       Subscale = ""                   // (unspecified)
	SubscaleEngagement        Subscale = "engagement"         // GCQ-S: cohesion, work and self-disclosure
	SubscaleAvoidance         Subscale = "avoidance"          // GCQ-S: avoiding responsibility for change; PCL-5 cluster C
	SubscaleConflict          Subscale = "conflict"           // GCQ-S: interpersonal friction and distrust
	SubscaleIntrusion         Subscale = "intrusion"          // PCL-5 cluster B, items 1-5
	SubscaleCognitionMood     Subscale = "cognition-mood"     // PCL-5 cluster D, items 8-14: negative alterations in cognitions and mood
	SubscaleArousalReactivity Subscale = "arousal-reactivity" // PCL-5 cluster E, items 15-20
	SubscalePHQ2              Subscale = "phq-2"              // PHQ-9 items 1 and 2, the ultra-brief depression screen
	SubscaleGAD2              Subscale = "gad-2"              // GAD-7 items 1 and 2, the ultra-brief anxiety screen
)

// String returns the subscale's text form: "unspecified" for the zero value.
func (s Subscale) String() string {
	if s == SubscaleUnspecified {
		return "unspecified"
	}
	return string(s)
}

// IsValid reports whether s is a well-formed, specified subscale name.
func (s Subscale) IsValid() bool { return validName(string(s)) }

// MarshalText implements encoding.TextMarshaler. A malformed name is a
// *ParseError.
func (s Subscale) MarshalText() ([]byte, error) {
	if s != SubscaleUnspecified && !s.IsValid() {
		return nil, &ParseError{Pkg: "measure", Type: "Subscale", Text: string(s)}
	}
	return []byte(s.String()), nil
}

// UnmarshalText implements encoding.TextUnmarshaler; it accepts the forms
// ParseSubscale accepts and leaves s unchanged on error.
func (s *Subscale) UnmarshalText(b []byte) error {
	x, err := ParseSubscale(string(b))
	if err != nil {
		return err
	}
	*s = x
	return nil
}

// ParseSubscale returns the subscale whose text form is text, or
// "unspecified" for the zero value. Malformed text is a *ParseError.
func ParseSubscale(text string) (Subscale, error) {
	if text == "unspecified" {
		return SubscaleUnspecified, nil
	}
	if s := Subscale(text); s.IsValid() {
		return s, nil
	}
	return SubscaleUnspecified, &ParseError{Pkg: "measure", Type: "Subscale", Text: text}
}

// validName reports whether s is a well-formed name: lower-case letters,
// digits and hyphens, starting with a letter, at most 64 bytes, and not
// "unspecified".
func validName(s string) bool {
	if len(s) == 0 || len(s) > 64 || s == "unspecified" || s[0] < 'a' || s[0] > 'z' {
		return false
	}
	for k := 0; k < len(s); k++ {
		c := s[k]
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-') {
			return false
		}
	}
	return true
}

// LOINC is a LOINC code such as "44261-6": digits, a hyphen and a check
// digit. Definitions carry LOINC codes only where they were checked against
// a published HL7 FHIR implementation guide or questionnaire.
type LOINC string

// IsValid reports whether c is well formed and its check digit is right
// (the mod-10 check digit the LOINC users' guide describes: double every
// other digit from the right, add the digits, and take what is needed to
// reach a multiple of ten).
func (c LOINC) IsValid() bool {
	n := len(c)
	if n < 3 || n > 10 || c[n-2] != '-' {
		return false
	}
	sum := 0
	for k := n - 3; k >= 0; k-- {
		d := int(c[k]) - '0'
		if d < 0 || d > 9 {
			return false
		}
		if (n-3-k)%2 == 0 {
			d *= 2
			if d > 9 {
				d -= 9
			}
		}
		sum += d
	}
	check := int(c[n-1]) - '0'
	return check >= 0 && check <= 9 && (10-sum%10)%10 == check
}

// Scale is an item's response scale: answers run from Min to Max in steps
// of Step (0 for a continuous scale). Labels, when present, name each step
// from Min upward. A Scale round-trips through JSON.
type Scale struct {
	Min    float64  `json:"min"`
	Max    float64  `json:"max"`
	Step   float64  `json:"step"`
	Labels []string `json:"labels,omitempty"`
}

// Check reports whether v is an answer on the scale. It returns an
// *AnswerError (wrapping ErrOutOfRange, and ErrNotFinite for NaN or
// infinity) naming inst and the 1-based item otherwise.
func (s Scale) Check(inst Instrument, item int, v float64) error { return s.check(inst, item, v) }

func (s *Scale) check(inst Instrument, item int, v float64) error {
	switch {
	case s.accepts(v):
		return nil
	case !isFinite(v):
		return &AnswerError{Instrument: inst, Item: item, Value: v, Min: s.Min, Max: s.Max, NotFinite: true}
	case v < s.Min || v > s.Max:
		return &AnswerError{Instrument: inst, Item: item, Value: v, Min: s.Min, Max: s.Max}
	}
	return &AnswerError{Instrument: inst, Item: item, Value: v, Min: s.Min, Max: s.Max, NotStep: true}
}

// accepts reports whether v is an answer on the scale: finite, within it,
// and a whole number of steps from Min (within 1e-9 of one, for decimal
// steps such as 0.1 that floating point cannot hold exactly).
func (s *Scale) accepts(v float64) bool {
	if !(v >= s.Min && v <= s.Max) { // also false for NaN
		return false
	}
	switch {
	case s.Step <= 0:
		return isFinite(v)
	case s.Step == 1:
		d := v - s.Min // whole steps of 1: no division needed
		return d == float64(int64(d))
	}
	steps, ok := s.steps(v)
	return ok || math.Abs(steps-math.Round(steps)) <= 1e-9
}

// steps returns how many steps v lies above Min, and whether that is
// exactly a whole number (the usual case, tested without rounding).
func (s *Scale) steps(v float64) (float64, bool) {
	steps := (v - s.Min) / s.Step
	return steps, steps == float64(int64(steps))
}

// Label returns the label of answer v, or "" when the scale has no label
// for it.
func (s Scale) Label(v float64) string { return s.label(v) }

func (s *Scale) label(v float64) string {
	if len(s.Labels) == 0 || s.Step <= 0 || !(v >= s.Min && v <= s.Max) {
		return ""
	}
	if s.Step == 1 {
		if k := int(v - s.Min); k < len(s.Labels) && float64(k) == v-s.Min {
			return s.Labels[k]
		}
		return ""
	}
	k, whole := s.steps(v)
	if !whole {
		k = math.Round(k)
	}
	if k < 0 || k >= float64(len(s.Labels)) {
		return ""
	}
	return s.Labels[int(k)]
}

// clone returns a copy of s that shares no slice with it.
func (s Scale) clone() Scale {
	s.Labels = append([]string(nil), s.Labels...)
	return s
}

// isFinite reports whether v is neither NaN nor infinite: v-v is 0 for
// every finite v and NaN otherwise.
func isFinite(v float64) bool { return v-v == 0 }
