package safety

import (
	"slices"
	"time"

	"github.com/groupwork/groupwork/internal/vocab/enum"
)

// Victim says whom disclosed abuse or neglect concerns; reporting duties
// differ for each (Child Welfare Information Gateway, Mandatory Reporting
// of Child Abuse and Neglect; NCEA and NAPSA, Mandated Reporting of Abuse
// of Older Adults and Adults with Disabilities). The zero value means not
// yet known: every duty of the jurisdiction is listed, for the clinician to
// decide which applies.
type Victim uint8

// The victims reporting duties name.
const (
	VictimUnspecified    Victim = iota // (unspecified) not yet known
	VictimChild                        // (child) a child or young person
	VictimElder                        // (elder) an older adult
	VictimDependentAdult               // (dependent-adult) an adult who depends on others for care, or an adult at risk
)

var victimText = enum.Table[Victim]{Pkg: "safety", Type: "Victim", Names: []string{
	"unspecified", "child", "elder", "dependent-adult",
}}

// String returns the victim's text form.
func (v Victim) String() string { return victimText.String(v) }

// IsValid reports whether v is a specified victim.
func (v Victim) IsValid() bool { return victimText.Valid(v) }

// MarshalText implements encoding.TextMarshaler.
func (v Victim) MarshalText() ([]byte, error) { return victimText.Marshal(v) }

// UnmarshalText implements encoding.TextUnmarshaler.
func (v *Victim) UnmarshalText(b []byte) error { return victimText.Unmarshal(v, b) }

// ParseVictim returns the victim whose text form is s.
func ParseVictim(s string) (Victim, error) { return victimText.Parse(s) }

// DutyToWarn is what the law of a place asks of a clinician whose client
// threatens an identifiable person. Since Tarasoff v. Regents of the
// University of California (1976) the US states differ: some make the duty
// mandatory, some permit disclosure, some have no statute (NCSL, Mental
// Health Professionals' Duty to Warn). The zero value is rejected by
// validation.
type DutyToWarn uint8

// The duties to warn or protect.
const (
	WarnUnspecified DutyToWarn = iota // (unspecified)
	WarnMandatory                     // (mandatory) the law requires warning or protecting when its conditions are met
	WarnPermissive                    // (permissive) the law permits disclosure to protect, without requiring it
	WarnNone                          // (none) no statute sets a duty or a permission
	WarnVaries                        // (varies) the duty is set by the states or provinces within: find the local rule
)

var warnText = enum.Table[DutyToWarn]{Pkg: "safety", Type: "DutyToWarn", Names: []string{
	"unspecified", "mandatory", "permissive", "none", "varies",
}}

// String returns the duty's text form.
func (d DutyToWarn) String() string { return warnText.String(d) }

// IsValid reports whether d is a specified duty.
func (d DutyToWarn) IsValid() bool { return warnText.Valid(d) }

// MarshalText implements encoding.TextMarshaler.
func (d DutyToWarn) MarshalText() ([]byte, error) { return warnText.Marshal(d) }

// UnmarshalText implements encoding.TextUnmarshaler.
func (d *DutyToWarn) UnmarshalText(b []byte) error { return warnText.Unmarshal(d, b) }

// ParseDutyToWarn returns the duty whose text form is s.
func ParseDutyToWarn(s string) (DutyToWarn, error) { return warnText.Parse(s) }

// Period is a length of time written in JSON as a Go duration string
// ("48h"). The zero Period means at once.
type Period time.Duration

// String returns the period as a Go duration string ("48h0m0s").
func (p Period) String() string { return time.Duration(p).String() }

// MarshalText implements encoding.TextMarshaler.
func (p Period) MarshalText() ([]byte, error) { return []byte(time.Duration(p).String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler; p is unchanged on
// error.
func (p *Period) UnmarshalText(b []byte) error {
	d, err := time.ParseDuration(string(b))
	if err != nil {
		return &FieldError{Pkg: "safety", Problem: "not a duration such as \"48h\": " + string(b), Err: ErrInvalidJurisdiction}
	}
	*p = Period(d)
	return nil
}

// Contact is a number to call: an emergency service or a crisis line.
type Contact struct {
	Name   string `json:"name"`
	Number string `json:"number"`
	// Note says how and when to use it ("call or text, 24 hours").
	Note   string `json:"note,omitempty"`
	Source string `json:"source"`
}

// ReportingDuty is who must report abuse or neglect of one kind of victim,
// to whom, and by when: an oral report within OralWithin of learning of it
// (zero: at once), and, when Written, a written one within WrittenWithin.
// Mandatory false records a duty that guidance sets rather than a statute
// (England's referral to children's social care, say); the protocol reports
// all the same.
type ReportingDuty struct {
	Victim        Victim `json:"victim"`
	Mandatory     bool   `json:"mandatory"`
	Reporters     string `json:"reporters"`
	Agency        string `json:"agency"`
	OralWithin    Period `json:"oralWithin"`
	Written       bool   `json:"written,omitempty"`
	WrittenWithin Period `json:"writtenWithin,omitzero"`
	Note          string `json:"note,omitempty"`
	Source        string `json:"source"`
}

// Jurisdiction is the law and the services of the place a group meets, as
// data an app supplies: the emergency number, the crisis lines, who must
// report which kinds of abuse to whom and by when, and the duty to warn or
// protect. The protocols take every number and agency from it; none is
// written into their steps. The built-ins (USFederal, England, Canada,
// Australia) name their sources and say what to verify locally; an app
// derives its own from one of them (see docs/guides/jurisdiction.md).
//
// Jurisdiction is a plain value that round-trips through encoding/json;
// Clone makes a copy that shares nothing. A room does not copy the
// jurisdiction of its book (see Book): build the book once and share it.
type Jurisdiction struct {
	// Code is the ISO 3166 code of the country or subdivision ("US",
	// "US-CA", "GB-ENG"); Name names it for people.
	Code string `json:"code"`
	Name string `json:"name"`
	// Emergency is the emergency number; Crisis the crisis lines, the
	// first the one to give first.
	Emergency Contact   `json:"emergency"`
	Crisis    []Contact `json:"crisis"`
	// Reporting holds at most one duty per victim.
	Reporting []ReportingDuty `json:"reporting"`
	// Warn is the duty to warn or protect; WarnNote says what it rests on.
	Warn     DutyToWarn `json:"warn"`
	WarnNote string     `json:"warnNote"`
	// Sources are the publications the data come from; Verify says what
	// to check locally before relying on it.
	Sources []string `json:"sources"`
	Verify  string   `json:"verify"`
}

// Clone returns a copy of j that shares nothing with it.
func (j Jurisdiction) Clone() Jurisdiction {
	j.Crisis = slices.Clone(j.Crisis)
	j.Reporting = slices.Clone(j.Reporting)
	j.Sources = slices.Clone(j.Sources)
	return j
}

// Duty returns the reporting duty for victim v, and false when the
// jurisdiction records none.
func (j Jurisdiction) Duty(v Victim) (ReportingDuty, bool) {
	for _, d := range j.Reporting {
		if d.Victim == v {
			return d, true
		}
	}
	return ReportingDuty{}, false
}

// Validate reports every problem with j at once, each a *FieldError
// wrapping ErrInvalidJurisdiction: no code or name, an emergency contact or
// crisis line without a name, number or source, no crisis line, a
// reporting duty with an unspecified or repeated victim, no agency,
// reporters or source, or a negative deadline, an unspecified duty to
// warn or no note on it, no sources, or no note on what to verify locally.
func (j Jurisdiction) Validate() error {
	f := problems()
	if j.Code == "" || j.Name == "" {
		f.Add("code", "a jurisdiction has a code and a name", ErrInvalidJurisdiction)
	}
	contact := func(path string, c Contact) {
		if c.Name == "" || c.Number == "" || c.Source == "" {
			f.Add(path, "a contact has a name, a number and a source", ErrInvalidJurisdiction)
		}
	}
	contact("emergency", j.Emergency)
	if len(j.Crisis) == 0 {
		f.Add("crisis", "a jurisdiction names at least one crisis line", ErrInvalidJurisdiction)
	}
	for i, c := range j.Crisis {
		contact(idx("crisis", i), c)
	}
	seen := map[Victim]bool{}
	for i, d := range j.Reporting {
		p := idx("reporting", i)
		switch {
		case !d.Victim.IsValid():
			f.Add(p+".victim", "unspecified or unknown victim", ErrInvalidJurisdiction)
		case seen[d.Victim]:
			f.Add(p+".victim", "a second duty for "+d.Victim.String(), ErrInvalidJurisdiction)
		}
		seen[d.Victim] = true
		if d.Agency == "" || d.Reporters == "" || d.Source == "" {
			f.Add(p, "a reporting duty names the agency, the reporters and its source", ErrInvalidJurisdiction)
		}
		if d.OralWithin < 0 || d.WrittenWithin < 0 || !d.Written && d.WrittenWithin != 0 {
			f.Add(p, "deadlines are not negative, and a written deadline needs a written report", ErrInvalidJurisdiction)
		}
	}
	if !j.Warn.IsValid() || j.WarnNote == "" {
		f.Add("warn", "a jurisdiction says its duty to warn or protect and what it rests on", ErrInvalidJurisdiction)
	}
	if len(j.Sources) == 0 || j.Verify == "" {
		f.Add("sources", "a jurisdiction names its sources and what to verify locally", ErrInvalidJurisdiction)
	}
	return f.Err()
}
