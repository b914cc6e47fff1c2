package group

import (
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/groupwork/groupwork/internal/vocab/enum"
	"github.com/groupwork/groupwork/internal/vocab/fault"
)

// Concern is a problem a group focuses on. The built-in concerns are the
// ones groups commonly focus on (SAMHSA TIP 41, 2005; Corey, Corey & Corey,
// Groups: Process and Practice); apps may use any other
// non-empty, lower-case text as a custom concern ("perinatal", "caregiving").
// The zero value, "", is not a valid concern.
type Concern string

// The built-in concerns.
const (
	ConcernDepression     Concern = "depression"
	ConcernAnxiety        Concern = "anxiety"
	ConcernTrauma         Concern = "trauma"
	ConcernAddiction      Concern = "addiction"
	ConcernGrief          Concern = "grief"
	ConcernStress         Concern = "stress"
	ConcernLoneliness     Concern = "loneliness" // loneliness and isolation
	ConcernChronicIllness Concern = "chronic-illness"
	ConcernAnger          Concern = "anger"
)

// Concerns returns the built-in concerns in catalogue order.
func Concerns() []Concern {
	return []Concern{
		ConcernDepression, ConcernAnxiety, ConcernTrauma, ConcernAddiction, ConcernGrief,
		ConcernStress, ConcernLoneliness, ConcernChronicIllness, ConcernAnger,
	}
}

// IsBuiltin reports whether c is one of the built-in concerns.
func (c Concern) IsBuiltin() bool {
	return slices.Contains(Concerns(), c)
}

// IsValid reports whether c is usable: non-empty, lower case, and free of
// surrounding or control white space.
func (c Concern) IsValid() bool {
	s := string(c)
	return s != "" && utf8.ValidString(s) && s == strings.TrimSpace(s) && s == strings.ToLower(s) && !strings.ContainsAny(s, "\n\t\r")
}

// MeetingAccess says who may attend a peer support meeting, in the 12-step
// sense of "open" and "closed": an open meeting admits anyone (family,
// students, the curious), a closed one only people who share the problem.
// It is independent of the membership Policy: the two meanings of "open"
// are kept apart. It applies only to support groups; the zero value,
// MeetingAccessUnspecified, is required for therapy groups and rejected for
// support groups.
type MeetingAccess uint8

// The meeting access values.
const (
	MeetingAccessUnspecified MeetingAccess = iota // (unspecified) not a peer meeting
	MeetingAccessOpen                             // (open) anyone may attend
	MeetingAccessClosed                           // (closed) only people who share the problem
)

var meetingAccessText = enum.Table[MeetingAccess]{Pkg: "group", Type: "MeetingAccess", Names: []string{
	"unspecified", "open", "closed",
}}

// String returns the access value's text form.
func (a MeetingAccess) String() string { return meetingAccessText.String(a) }

// IsValid reports whether a is a specified access value.
func (a MeetingAccess) IsValid() bool { return meetingAccessText.Valid(a) }

// MarshalText implements encoding.TextMarshaler.
func (a MeetingAccess) MarshalText() ([]byte, error) { return meetingAccessText.Marshal(a) }

// UnmarshalText implements encoding.TextUnmarshaler.
func (a *MeetingAccess) UnmarshalText(b []byte) error {
	return meetingAccessText.Unmarshal(a, b)
}

// ParseMeetingAccess returns the access value whose text form is s.
func ParseMeetingAccess(s string) (MeetingAccess, error) { return meetingAccessText.Parse(s) }

// Admission holds the knobs of the membership policy. Every zero field takes
// its documented default, so the zero value is the standard policy.
type Admission struct {
	// JoinWindow is, for closed groups, how many sessions may pass before
	// joining closes: 2 (the default) admits members until the third
	// session starts. Yalom & Leszcz (2005), ch. 10: closed groups may add
	// members in their first one or two meetings.
	JoinWindow int `json:"joinWindow,omitempty"`
	// MaxNewcomers is, for slow-open groups, how many members may join
	// within one intake (see NewcomerSessions). Default 2: newcomers join
	// "one or two at a time" (Yalom & Leszcz 2005, ch. 10).
	MaxNewcomers int `json:"maxNewcomers,omitempty"`
	// NewcomerSessions is, for slow-open groups, how many session intervals
	// an admission counts as "new" for MaxNewcomers. Default 1: members
	// joining before the same session form one intake.
	NewcomerSessions int `json:"newcomerSessions,omitempty"`
	// EntryPoints are, for rolling-entry groups, the only times at which
	// members may be admitted, typically the starts of curriculum modules
	// (Linehan 2015: entry to DBT skills at module starts). An admission's
	// time must equal one of them.
	EntryPoints []time.Time `json:"entryPoints,omitempty"`
}

// Defaults for the zero fields of Spec and Admission.
const (
	DefaultFrequency        = 7 * 24 * time.Hour // weekly sessions
	DefaultJoinWindow       = 2                  // closed groups: join before the third session
	DefaultMaxNewcomers     = 2                  // slow-open groups: one or two newcomers at a time
	DefaultNewcomerSessions = 1                  // slow-open groups: an intake spans one session interval
)

// Spec describes a group to be built with New. It is a plain value that
// round-trips through encoding/json; durations encode as Go duration text
// ("1h30m0s") and times as RFC 3339.
type Spec struct {
	// Name is the group's display name; it must not be empty.
	Name string `json:"name"`
	// Modality is the base kind of group; it must be specified.
	Modality Modality `json:"modality"`
	// Profile, when set, replaces the built-in profile of Modality (an
	// app's own profile from its Catalog, or a built-in with its numbers
	// overridden). Its Modality must equal the spec's. Default: the
	// built-in profile.
	Profile *Profile `json:"profile,omitempty"`
	// Focus lists the concerns the group works on, without duplicates.
	// It may be empty for a general group.
	Focus []Concern `json:"focus,omitempty"`
	// Policy is the membership policy; it must be specified and among the
	// profile's Policies.
	Policy Policy `json:"policy"`
	// MeetingAccess says who may attend a peer support meeting. Required
	// for support groups, and must be unspecified for therapy groups.
	MeetingAccess MeetingAccess `json:"meetingAccess,omitempty"`
	// Capacity is the most members who may be active at once. 0 means the
	// profile's maximum size, or no limit when the profile has none.
	// Negative is an error.
	Capacity int `json:"capacity,omitempty"`
	// SessionLength is how long each session runs; it must be positive.
	SessionLength time.Duration `json:"-"`
	// PlannedSessions is the number of sessions the group is planned to run;
	// 0 means open-ended. Negative is an error.
	PlannedSessions int `json:"plannedSessions,omitempty"`
	// Frequency is the time from one session's start to the next. Default
	// DefaultFrequency (weekly). It must not be shorter than SessionLength.
	// Each whole 24 hours of it counts as one calendar day (7*24h is a week,
	// 14*24h a fortnight), so sessions keep their local clock time across
	// daylight-saving changes; see Group.SessionStart.
	Frequency time.Duration `json:"-"`
	// Start is when the first session begins; it must be set.
	Start time.Time `json:"start"`
	// Facilitators are the people who run or supervise the group. They are
	// checked against the profile (see New).
	Facilitators []Facilitator `json:"facilitators"`
	// Agreement is the group agreement members sign. Therapy groups need
	// one (Version >= 1) before anyone can be admitted.
	Agreement Agreement `json:"agreement"`
	// Admission tunes the membership policy.
	Admission Admission `json:"admission"`
}

// profile returns the profile the spec uses: the override, or the
// built-in of its modality. ok is false when there is none.
func (s Spec) profile() (Profile, bool) {
	if s.Profile != nil {
		return s.Profile.Clone(), true
	}
	return BuiltinProfile(s.Modality)
}

// capacity returns the effective capacity; 0 means unlimited.
func (s Spec) capacity(p Profile) int {
	if s.Capacity > 0 {
		return s.Capacity
	}
	return p.Size.Max
}

func (s Spec) frequency() time.Duration { return orDefault(s.Frequency, DefaultFrequency) }
func (s Spec) joinWindow() int          { return orDefault(s.Admission.JoinWindow, DefaultJoinWindow) }
func (s Spec) maxNewcomers() int        { return orDefault(s.Admission.MaxNewcomers, DefaultMaxNewcomers) }
func (s Spec) newcomerSessions() int {
	return orDefault(s.Admission.NewcomerSessions, DefaultNewcomerSessions)
}

// advance returns t moved k session intervals on (back, for negative k). The
// whole days of the k intervals move on the calendar, so the clock time in
// t's location stays put across daylight-saving changes; what is left, less
// than a day, is added as elapsed time.
func (s Spec) advance(t time.Time, k int) time.Time {
	const day = 24 * time.Hour
	f := s.frequency()
	rest := time.Duration(k) * (f % day)
	days := k*int(f/day) + int(rest/day)
	return t.AddDate(0, 0, days).Add(rest % day)
}

func orDefault[T int | time.Duration](v, d T) T {
	if v == 0 {
		return d
	}
	return v
}

// Validate reports every hard invariant the spec breaks, as *FieldError
// values joined with errors.Join (each wrapping ErrInvalid and, where one
// applies, a more specific sentinel such as ErrNoLicensedClinician). It
// returns nil for a spec New accepts. Guidance that is not an error is
// reported by Group.Findings.
func (s Spec) Validate() error {
	fe := problems()
	s.check(&fe)
	return fe.Err()
}

// check validates s into fe and returns its guidance findings.
func (s Spec) check(fe *fault.List) []Finding {
	checkText(fe, "name", s.Name)
	p, ok := s.profile()
	switch {
	case !s.Modality.IsValid():
		fe.Add("modality", "must be a built-in modality ("+enumList(Modalities())+") or an app's own name", nil)
	case !ok:
		fe.Add("profile", "modality "+s.Modality.String()+" has no built-in profile: give the group's profile", ErrUnknownModality)
	}
	if s.Profile != nil {
		pe := problems()
		p.validate(&pe)
		fe.AddAll("profile", pe.Err())
		if pe.Err() != nil {
			ok = false
		}
		if s.Modality.IsValid() && p.Modality != s.Modality {
			fe.Add("profile.modality", "must equal the spec's modality "+s.Modality.String(), nil)
		}
	}
	seen := make(map[Concern]bool, len(s.Focus))
	for i, c := range s.Focus {
		path := fmt.Sprintf("focus[%d]", i)
		switch {
		case !c.IsValid():
			fe.Add(path, "a concern must be non-empty lower-case text", nil)
		case seen[c]:
			fe.Add(path, fmt.Sprintf("duplicate concern %q", c), ErrDuplicateID)
		}
		seen[c] = true
	}
	switch {
	case !s.Policy.IsValid():
		fe.Add("policy", "must be one of "+enumList(policyText.Values()), nil)
	case ok && !p.AllowsPolicy(s.Policy):
		fe.Add("policy", fmt.Sprintf("the %s profile allows only %s; got %s", p.Name, enumList(p.Policies), s.Policy), nil)
	}
	if ok {
		switch {
		case p.Kind == KindSupport && !s.MeetingAccess.IsValid():
			fe.Add("meetingAccess", "a support group must say whether its meetings are open or closed", nil)
		case p.Kind != KindSupport && s.MeetingAccess != MeetingAccessUnspecified:
			fe.Add("meetingAccess", "only support groups have open or closed meetings; use policy for membership", nil)
		}
	}
	if s.Capacity < 0 {
		fe.Add("capacity", "must not be negative", nil)
	}
	if s.SessionLength <= 0 {
		fe.Add("sessionLength", "must be positive", nil)
	}
	if s.PlannedSessions < 0 {
		fe.Add("plannedSessions", "must not be negative", nil)
	}
	switch {
	case s.Frequency < 0:
		fe.Add("frequency", "must not be negative", nil)
	case s.SessionLength > 0 && s.frequency() < s.SessionLength:
		fe.Add("frequency", "must not be shorter than the session length", nil)
	}
	if s.Start.IsZero() {
		fe.Add("start", "must be set", nil)
	} else {
		checkStart(fe, s.Start)
	}
	a := s.Admission
	if a.JoinWindow < 0 {
		fe.Add("admission.joinWindow", "must not be negative", nil)
	}
	if a.MaxNewcomers < 0 {
		fe.Add("admission.maxNewcomers", "must not be negative", nil)
	}
	if a.NewcomerSessions < 0 {
		fe.Add("admission.newcomerSessions", "must not be negative", nil)
	}
	for i, t := range a.EntryPoints {
		path := fmt.Sprintf("admission.entryPoints[%d]", i)
		if t.IsZero() {
			fe.Add(path, "must be set", nil)
		} else {
			checkWritable(fe, path, t)
		}
	}
	ae := problems()
	s.Agreement.validate(&ae)
	fe.AddAll("agreement", ae.Err())
	if !ok {
		return nil
	}
	capacity := s.capacity(p)
	out := checkStaffing(p, s.Facilitators, capacity, fe)
	if s.Capacity > 0 {
		out = append(out, sizeFindings(p, s.Capacity, "capacity", "the capacity of")...)
	}
	if s.SessionLength > 0 && !p.SessionLength(s.SessionLength) {
		out = append(out, Finding{
			Severity: SeverityWarning, Code: CodeSessionLengthAtypical, Path: "sessionLength",
			Message: fmt.Sprintf("sessions of %s are outside the %s range of %s minutes",
				s.SessionLength, p.Name, rangeText(p.SessionMinutes)),
			Source: profileSource(p),
		})
	}
	switch {
	case s.PlannedSessions == 0 && !p.OpenEnded:
		out = append(out, Finding{
			Severity: SeverityWarning, Code: CodeOpenEndedAtypical, Path: "plannedSessions",
			Message: fmt.Sprintf("%s groups are time-limited (%s sessions); this one has no planned end", p.Name, rangeText(p.Sessions)),
			Source:  profileSource(p),
		})
	case s.PlannedSessions > 0 && !p.Sessions.Contains(s.PlannedSessions):
		out = append(out, Finding{
			Severity: SeverityWarning, Code: CodeSessionsAtypical, Path: "plannedSessions",
			Message: fmt.Sprintf("%d sessions is outside the %s range of %s", s.PlannedSessions, p.Name, rangeText(p.Sessions)),
			Source:  profileSource(p),
		})
	}
	if s.Policy == PolicyRolling && len(a.EntryPoints) == 0 {
		out = append(out, Finding{
			Severity: SeverityWarning, Code: CodeNoEntryPoints, Path: "admission.entryPoints",
			Message: "a rolling-entry group admits only at entry points, and none are set",
			Source:  "Linehan (2015): entry to DBT skills groups at module starts",
		})
	}
	out = append(out, s.Agreement.findings(p)...)
	return out
}

// checkStart checks that the first session's time can be saved and read
// back with its time zone: a zone with a portable name (not time.Local,
// which names whatever zone a machine runs in), an IANA-shaped name or
// none (a fixed offset), and a time RFC 3339 can write (see checkWritable).
func checkStart(fe *fault.List, t time.Time) {
	loc := t.Location()
	switch name := loc.String(); {
	case loc == time.Local || name == "Local":
		fe.Add("start", "time.Local has no portable name: load the zone by name (time.LoadLocation) or use UTC", nil)
	case name != "" && !validZoneName(name):
		fe.Add("start", fmt.Sprintf("time zone %q is not an IANA name: load the zone by name, or use a fixed zone without a name", name), nil)
	}
	checkWritable(fe, "start", t)
}

// checkWritable checks that t can be written as RFC 3339 and read back to
// the same instant: a year from 1 to 9999 in its own zone, and a UTC offset
// of whole minutes (local mean time before 1900 has seconds, which RFC 3339
// cannot carry).
func checkWritable(fe *fault.List, path string, t time.Time) {
	if y := t.Year(); y < 1 || y > 9999 {
		fe.Add(path, "must fall in the years 1 to 9999", nil)
	}
	if _, off := t.Zone(); off%60 != 0 {
		fe.Add(path, "the time zone's UTC offset then is not a whole number of minutes", nil)
	}
}

// sizeFindings compares n members (or places) with the profile's size
// guidance. Size outside the ideal range is a warning, never an error
// (Yalom & Leszcz 2005, ch. 10; TIP 41).
func sizeFindings(p Profile, n int, path, what string) []Finding {
	s := p.Size
	f := Finding{Severity: SeverityWarning, Path: path, Source: profileSource(p)}
	switch {
	case n < s.Min:
		f.Code, f.Message = CodeSizeBelowMin, fmt.Sprintf("%s %d is below the %s minimum of %d", what, n, p.Name, s.Min)
	case n < s.IdealMin:
		f.Code, f.Message = CodeSizeBelowIdeal, fmt.Sprintf("%s %d is below the %s ideal of %s", what, n, p.Name, idealText(s))
	case s.Max != 0 && n > s.Max:
		f.Code, f.Message = CodeSizeAboveMax, fmt.Sprintf("%s %d is above the %s maximum of %d", what, n, p.Name, s.Max)
	case n > s.IdealMax:
		f.Code, f.Message = CodeSizeAboveIdeal, fmt.Sprintf("%s %d is above the %s ideal of %s", what, n, p.Name, idealText(s))
	default:
		return nil
	}
	return []Finding{f}
}

func idealText(s SizeRange) string {
	if s.IdealMin == s.IdealMax {
		return fmt.Sprint(s.IdealMin)
	}
	return fmt.Sprintf("%d-%d", s.IdealMin, s.IdealMax)
}

func rangeText(r Range) string {
	if r.Max == 0 {
		return fmt.Sprintf("%d+", r.Min)
	}
	return fmt.Sprintf("%d-%d", r.Min, r.Max)
}
