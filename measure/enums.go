package measure

import "github.com/groupwork/groupwork/internal/vocab/enum"

// InstrumentKind says what an instrument measures, which decides what
// session-by-session monitoring reads from it. The zero value,
// KindUnspecified, is rejected by validation.
type InstrumentKind uint8

// The instrument kinds.
const (
	KindUnspecified InstrumentKind = iota // (unspecified)
	KindOutcome                           // (outcome) symptoms, distress or well-being: change is the point of treatment
	KindScreen                            // (screen) a screen read item by item, such as a suicide-risk screen; no total
	KindAlliance                          // (alliance) the member's rating of the session or the alliance with the group
	KindClimate                           // (climate) the member's view of the group as a whole
)

var instrumentKindText = enum.Table[InstrumentKind]{Pkg: "measure", Type: "InstrumentKind", Names: []string{
	"unspecified", "outcome", "screen", "alliance", "climate",
}}

// String returns the kind's text form.
func (k InstrumentKind) String() string { return instrumentKindText.String(k) }

// IsValid reports whether k is a specified kind.
func (k InstrumentKind) IsValid() bool { return instrumentKindText.Valid(k) }

// MarshalText implements encoding.TextMarshaler.
func (k InstrumentKind) MarshalText() ([]byte, error) { return instrumentKindText.Marshal(k) }

// UnmarshalText implements encoding.TextUnmarshaler.
func (k *InstrumentKind) UnmarshalText(b []byte) error { return instrumentKindText.Unmarshal(k, b) }

// ParseInstrumentKind returns the kind whose text form is s.
func ParseInstrumentKind(s string) (InstrumentKind, error) { return instrumentKindText.Parse(s) }

// TotalKind says how an instrument's answers make its total. The zero
// value, TotalUnspecified, is rejected by validation.
type TotalKind uint8

// The total kinds.
const (
	TotalUnspecified TotalKind = iota // (unspecified)
	TotalSum                          // (sum) the sum of the items (PHQ-9, GAD-7, CORE-10)
	TotalMean                         // (mean) the mean of the answered items
	TotalScaled                       // (scaled) the sum times a factor, such as the WHO-5's raw score times 4, a percentage
	TotalNone                         // (none) no total: subscales (GCQ-S) or item-by-item reading (C-SSRS screener)
)

var totalKindText = enum.Table[TotalKind]{Pkg: "measure", Type: "TotalKind", Names: []string{
	"unspecified", "sum", "mean", "scaled", "none",
}}

// String returns the kind's text form.
func (k TotalKind) String() string { return totalKindText.String(k) }

// IsValid reports whether k is a specified kind.
func (k TotalKind) IsValid() bool { return totalKindText.Valid(k) }

// MarshalText implements encoding.TextMarshaler.
func (k TotalKind) MarshalText() ([]byte, error) { return totalKindText.Marshal(k) }

// UnmarshalText implements encoding.TextUnmarshaler.
func (k *TotalKind) UnmarshalText(b []byte) error { return totalKindText.Unmarshal(k, b) }

// ParseTotalKind returns the kind whose text form is s.
func ParseTotalKind(s string) (TotalKind, error) { return totalKindText.Parse(s) }

// Aggregate says how a subscale's items combine. The zero value,
// AggregateUnspecified, is rejected by validation.
type Aggregate uint8

// The aggregates.
const (
	AggregateUnspecified Aggregate = iota // (unspecified)
	AggregateSum                          // (sum) the sum of the items (PCL-5 clusters, PHQ-2)
	AggregateMean                         // (mean) the mean of the answered items (GCQ-S subscales)
)

var aggregateText = enum.Table[Aggregate]{Pkg: "measure", Type: "Aggregate", Names: []string{
	"unspecified", "sum", "mean",
}}

// String returns the aggregate's text form.
func (a Aggregate) String() string { return aggregateText.String(a) }

// IsValid reports whether a is a specified aggregate.
func (a Aggregate) IsValid() bool { return aggregateText.Valid(a) }

// MarshalText implements encoding.TextMarshaler.
func (a Aggregate) MarshalText() ([]byte, error) { return aggregateText.Marshal(a) }

// UnmarshalText implements encoding.TextUnmarshaler.
func (a *Aggregate) UnmarshalText(b []byte) error { return aggregateText.Unmarshal(a, b) }

// ParseAggregate returns the aggregate whose text form is s.
func ParseAggregate(s string) (Aggregate, error) { return aggregateText.Parse(s) }

// Sex is the respondent's sex as far as an instrument's norms use it, such
// as the AUDIT-C's sex-specific cut-offs. The zero value, SexUnspecified,
// means not recorded; instruments then use their sex-neutral cut-off.
type Sex uint8

// The values.
const (
	SexUnspecified Sex = iota // (unspecified)
	SexFemale                 // (female)
	SexMale                   // (male)
)

var sexText = enum.Table[Sex]{Pkg: "measure", Type: "Sex", Names: []string{
	"unspecified", "female", "male",
}}

// String returns the value's text form.
func (s Sex) String() string { return sexText.String(s) }

// IsValid reports whether s is female or male.
func (s Sex) IsValid() bool { return sexText.Valid(s) }

// MarshalText implements encoding.TextMarshaler.
func (s Sex) MarshalText() ([]byte, error) { return sexText.Marshal(s) }

// UnmarshalText implements encoding.TextUnmarshaler.
func (s *Sex) UnmarshalText(b []byte) error { return sexText.Unmarshal(s, b) }

// ParseSex returns the value whose text form is s.
func ParseSex(s string) (Sex, error) { return sexText.Parse(s) }

// RiskStatus is the reading of an instrument's risk items on one form. The
// zero value, RiskUnspecified, is what a form of an instrument without
// risk items carries.
type RiskStatus uint8

// The risk statuses.
const (
	RiskUnspecified RiskStatus = iota // (unspecified) the instrument has no risk items
	RiskClear                         // (clear) every risk item due was answered, none positively
	RiskRaised                        // (raised) a risk item was answered positively
	RiskUnknown                       // (unknown) no positive answer, but a risk item due was left unanswered
)

var riskStatusText = enum.Table[RiskStatus]{Pkg: "measure", Type: "RiskStatus", Names: []string{
	"unspecified", "clear", "raised", "unknown",
}}

// String returns the status's text form.
func (s RiskStatus) String() string { return riskStatusText.String(s) }

// IsValid reports whether s is a specified status.
func (s RiskStatus) IsValid() bool { return riskStatusText.Valid(s) }

// MarshalText implements encoding.TextMarshaler.
func (s RiskStatus) MarshalText() ([]byte, error) { return riskStatusText.Marshal(s) }

// UnmarshalText implements encoding.TextUnmarshaler.
func (s *RiskStatus) UnmarshalText(b []byte) error { return riskStatusText.Unmarshal(s, b) }

// ParseRiskStatus returns the status whose text form is s.
func ParseRiskStatus(s string) (RiskStatus, error) { return riskStatusText.Parse(s) }

// RiskKind says whom a risk item concerns. The zero value,
// RiskKindUnspecified, is rejected by validation.
type RiskKind uint8

// The risk kinds.
const (
	RiskKindUnspecified RiskKind = iota // (unspecified)
	RiskToSelf                          // (to-self) thoughts of death, suicide or self-harm
	RiskToOthers                        // (to-others) thoughts or plans of harming someone else
)

var riskKindText = enum.Table[RiskKind]{Pkg: "measure", Type: "RiskKind", Names: []string{
	"unspecified", "to-self", "to-others",
}}

// String returns the kind's text form.
func (k RiskKind) String() string { return riskKindText.String(k) }

// IsValid reports whether k is a specified kind.
func (k RiskKind) IsValid() bool { return riskKindText.Valid(k) }

// MarshalText implements encoding.TextMarshaler.
func (k RiskKind) MarshalText() ([]byte, error) { return riskKindText.Marshal(k) }

// UnmarshalText implements encoding.TextUnmarshaler.
func (k *RiskKind) UnmarshalText(b []byte) error { return riskKindText.Unmarshal(k, b) }

// ParseRiskKind returns the kind whose text form is s.
func ParseRiskKind(s string) (RiskKind, error) { return riskKindText.Parse(s) }
