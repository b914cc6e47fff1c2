package advice

import "github.com/groupwork/groupwork/internal/vocab/enum"

// ConflictMode is one of the five Thomas-Kilmann conflict-handling modes,
// placed on two dimensions: assertiveness (satisfying one's own concerns) and
// cooperativeness (satisfying the other's). It is meant for training
// simulators and teaching, not for clinical decisions. The zero value is
// rejected by validation.
//
// Source: Thomas, K. W., & Kilmann, R. H. (1974). Thomas-Kilmann Conflict
// Mode Instrument; Kilmann & Thomas (1977), Educational and Psychological
// Measurement 37(2); see docs/reference/behaviours.md.
type ConflictMode uint8

// The five modes.
const (
	ModeUnspecified   ConflictMode = iota
	ModeCompeting                  // (competing) assertive, uncooperative
	ModeCollaborating              // (collaborating) assertive, cooperative
	ModeCompromising               // (compromising) intermediate on both
	ModeAvoiding                   // (avoiding) unassertive, uncooperative
	ModeAccommodating              // (accommodating) unassertive, cooperative
)

var modeText = enum.Table[ConflictMode]{Pkg: "advice", Type: "ConflictMode", Names: []string{
	"unspecified", "competing", "collaborating", "compromising", "avoiding", "accommodating",
}}

// Level is a position on one Thomas-Kilmann dimension.
type Level uint8

// The levels. The zero value means "unknown".
const (
	LevelUnknown Level = iota
	LevelLow
	LevelIntermediate
	LevelHigh
)

var levelText = enum.Table[Level]{Pkg: "advice", Type: "Level", Names: []string{"unknown", "low", "intermediate", "high"}}

// String returns the level's text form.
func (l Level) String() string { return levelText.String(l) }

// modeDims holds {assertiveness, cooperativeness} per mode.
var modeDims = [...][2]Level{
	ModeCompeting:     {LevelHigh, LevelLow},
	ModeCollaborating: {LevelHigh, LevelHigh},
	ModeCompromising:  {LevelIntermediate, LevelIntermediate},
	ModeAvoiding:      {LevelLow, LevelLow},
	ModeAccommodating: {LevelLow, LevelHigh},
}

// ConflictModes returns the five modes in declaration order.
func ConflictModes() []ConflictMode { return modeText.Values() }

// String returns the mode's text form.
func (m ConflictMode) String() string { return modeText.String(m) }

// IsValid reports whether m is one of the five modes.
func (m ConflictMode) IsValid() bool { return modeText.Valid(m) }

// MarshalText implements encoding.TextMarshaler.
func (m ConflictMode) MarshalText() ([]byte, error) { return modeText.Marshal(m) }

// UnmarshalText implements encoding.TextUnmarshaler.
func (m *ConflictMode) UnmarshalText(b []byte) error {
	return modeText.Unmarshal(m, b)
}

// ParseConflictMode returns the mode whose text form is s.
func ParseConflictMode(s string) (ConflictMode, error) { return modeText.Parse(s) }

// Assertiveness returns how far the mode pursues one's own concerns.
func (m ConflictMode) Assertiveness() Level {
	if !m.IsValid() {
		return LevelUnknown
	}
	return modeDims[m][0]
}

// Cooperativeness returns how far the mode pursues the other party's concerns.
func (m ConflictMode) Cooperativeness() Level {
	if !m.IsValid() {
		return LevelUnknown
	}
	return modeDims[m][1]
}

// ModeFor returns the mode at the given assertiveness and cooperativeness,
// or ModeUnspecified for a combination the model does not name (such as high
// and intermediate).
func ModeFor(assertiveness, cooperativeness Level) ConflictMode {
	for _, m := range ConflictModes() {
		if modeDims[m] == [2]Level{assertiveness, cooperativeness} {
			return m
		}
	}
	return ModeUnspecified
}
