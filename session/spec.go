package session

import (
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/groupwork/groupwork/group"
)

// Participant is one member on a session's roster: who may arrive, what
// names to redact from other members' records, and whether they consented to
// recording. It is a plain value; Spec copies its Aliases.
type Participant struct {
	// ID identifies the member; non-empty and unique on the roster.
	ID group.MemberID `json:"id"`
	// Name is the member's name as it may appear in free text; it is
	// redacted, with the ID, from every other member's notes and export.
	// It must hold a letter or a digit.
	Name string `json:"name"`
	// Aliases are the member's other names, redacted like Name from every
	// other member's records: a nickname, a family name, a name in another
	// script ("Masha", "Мария"). Each must hold a letter or a digit.
	// Default none.
	Aliases []string `json:"aliases,omitempty"`
	// RecordingConsent says whether the member gave advance written consent
	// to recording (ACA Code of Ethics 2014, B.6.c-d). Default false.
	RecordingConsent bool `json:"recordingConsent,omitempty"`
	// Excused says the member let the group know in advance that they would
	// miss this session. An absent member is "absent excused" when set,
	// "absent unexcused" otherwise. Default false.
	Excused bool `json:"excused,omitempty"`
}

// Spec is what a session needs to know before it starts: the modality
// profile, the agenda, who may take part, and the clock it runs on. It
// imports nothing above session; SpecFromGroup fills the roster from a
// *group.Group. Spec round-trips through encoding/json.
type Spec struct {
	// ID identifies the session, in the app's own scheme ("g7-s3"): every
	// line of its log carries it, so that a line or a log of another
	// session is refused (ErrSequence). Optional; when set it must be valid
	// UTF-8 of at most 128 bytes without control characters.
	ID string `json:"id,omitempty"`
	// Profile is the modality profile the agenda is checked against.
	Profile group.Profile `json:"profile"`
	// Agenda is the session's plan; it must pass the shape's
	// ValidateAgenda without error (findings are kept and reported by
	// Session.Findings).
	Agenda Agenda `json:"agenda"`
	// Shape is the shape the agenda is checked against. Nil means the
	// built-in shape of the profile's modality; an app's own modality
	// needs its own (see Shape).
	Shape *Shape `json:"shape,omitempty"`
	// Number is the session's 1-based number in its program, 0 when not
	// known; agenda rules that start later in a program (homework review
	// from the second session) use it.
	Number int `json:"number,omitempty"`
	// Length is the scheduled length of the session, the slot the agenda
	// must fit. Zero means the agenda's total.
	Length time.Duration `json:"length,omitempty"`
	// Roster lists the members expected at this session. Only they may
	// arrive or speak. It must not be empty.
	Roster []Participant `json:"roster"`
	// Facilitators lists the facilitators who may run the session. At
	// least one is required.
	Facilitators []group.Facilitator `json:"facilitators"`
	// ScheduledStart is when the session is due to begin; arrivals later
	// than ScheduledStart+LateGrace are late. Zero means the time of the
	// started event.
	ScheduledStart time.Time `json:"scheduledStart,omitzero"`
	// LateGrace is how long after the scheduled start an arrival still
	// counts as on time. Zero means any arrival after the start is late;
	// it must not be negative. Lateness thresholds are local policy (group
	// agreements ask members to be on time: Yalom & Leszcz 2005, ch. 10).
	LateGrace time.Duration `json:"lateGrace,omitempty"`
}

// clone returns a deep copy of s: a session keeps its own, so that an app
// changing its spec or the one Session.Spec returns cannot change the
// session.
func (s Spec) clone() Spec {
	s.Profile = s.Profile.Clone()
	s.Agenda.Segments = slices.Clone(s.Agenda.Segments)
	if s.Shape != nil {
		sh := s.Shape.clone()
		s.Shape = &sh
	}
	s.Roster = slices.Clone(s.Roster)
	for i := range s.Roster {
		s.Roster[i].Aliases = slices.Clone(s.Roster[i].Aliases)
	}
	s.Facilitators = slices.Clone(s.Facilitators)
	for i := range s.Facilitators {
		s.Facilitators[i] = s.Facilitators[i].Clone()
	}
	return s
}

// Validate checks the spec and reports every problem at once as joined
// *FieldError values wrapping ErrInvalid.
func (s Spec) Validate() error {
	_, err := s.check()
	return err
}

// check validates the spec and returns the agenda's findings.
func (s Spec) check() ([]group.Finding, error) {
	fe := problems()
	var findings []group.Finding
	sh, err := s.shape()
	if err == nil {
		findings, err = sh.ValidateAgenda(s.Agenda, s.Profile, s.Length, s.Number)
	}
	if err != nil {
		for _, e := range unjoin(err) {
			if f, ok := e.(*FieldError); ok {
				path := f.Path
				switch {
				case path == "slot":
					continue // reported below as length
				case !strings.HasPrefix(path, "profile"):
					path = "agenda." + path
				}
				fe.Add(path, f.Problem, f.Err)
			}
		}
	}
	if len(s.ID) > 128 || !utf8.ValidString(s.ID) || strings.ContainsFunc(s.ID, unicode.IsControl) {
		fe.Add("id", "must be valid UTF-8 of at most 128 bytes without control characters", nil)
	}
	if len(s.Roster) == 0 {
		fe.Add("roster", "a session needs at least one member on its roster", nil)
	}
	seenM := make(map[group.MemberID]int, len(s.Roster))
	for i, p := range s.Roster {
		path := fmt.Sprintf("roster[%d]", i)
		if p.ID == "" {
			fe.Add(path+".id", "must not be empty", nil)
		} else if j, dup := seenM[p.ID]; dup {
			fe.Add(path+".id", fmt.Sprintf("duplicate member id %q (also roster[%d])", p.ID, j), nil)
		} else {
			seenM[p.ID] = i
		}
		checkNames(&fe, path, p)
	}
	if len(s.Facilitators) == 0 {
		fe.Add("facilitators", "a session needs at least one facilitator", nil)
	}
	seenF := make(map[group.FacilitatorID]int, len(s.Facilitators))
	for i, f := range s.Facilitators {
		path := fmt.Sprintf("facilitators[%d]", i)
		if f.ID == "" {
			fe.Add(path+".id", "must not be empty", nil)
		} else if j, dup := seenF[f.ID]; dup {
			fe.Add(path+".id", fmt.Sprintf("duplicate facilitator id %q (also facilitators[%d])", f.ID, j), nil)
		} else {
			seenF[f.ID] = i
		}
	}
	if s.Number < 0 {
		fe.Add("number", "must not be negative", nil)
	}
	if s.Shape != nil {
		fe.AddAll("shape", s.Shape.Validate())
	}
	for i, p := range s.Roster {
		if !utf8.ValidString(string(p.ID)) || !utf8.ValidString(p.Name) {
			fe.Add(fmt.Sprintf("roster[%d]", i), "ID and name must be valid UTF-8", nil)
		}
	}
	for i, f := range s.Facilitators {
		if !utf8.ValidString(string(f.ID)) || !utf8.ValidString(f.Name) {
			fe.Add(fmt.Sprintf("facilitators[%d]", i), "ID and name must be valid UTF-8", nil)
		}
	}
	if s.LateGrace < 0 {
		fe.Add("lateGrace", "must not be negative", nil)
	}
	if s.Length < 0 {
		fe.Add("length", "must not be negative", nil)
	}
	if err := fe.Err(); err != nil {
		return nil, err
	}
	return findings, nil
}

// shape returns the shape the session's agenda is checked against: the
// spec's own, or the built-in shape of the profile's modality, for reading
// only.
func (s Spec) shape() (Shape, error) {
	if s.Shape != nil {
		return *s.Shape, nil
	}
	if !s.Profile.Modality.IsValid() {
		return Shape{}, &FieldError{Pkg: "session", Path: "profile.modality", Problem: "must be a specified modality"}
	}
	return builtinShape(s.Profile.Modality)
}

// unjoin returns the errors inside a joined error, or err alone.
func unjoin(err error) []error {
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		if _, field := err.(*FieldError); !field {
			return j.Unwrap()
		}
	}
	return []error{err}
}

// SpecFromGroup returns a spec for one session of g: its profile, its
// facilitators, and a roster of its active members with their names and
// current recording consent (group.Group.RecordingAllowed). The caller adds
// excused absences and may adjust anything before passing the spec to New.
func SpecFromGroup(g *group.Group, agenda Agenda, start time.Time, length time.Duration, lateGrace time.Duration) Spec {
	members := g.ActiveMembers()
	roster := make([]Participant, len(members))
	for i, m := range members {
		ok, _ := g.RecordingAllowed([]group.MemberID{m.ID})
		roster[i] = Participant{ID: m.ID, Name: m.Name, RecordingConsent: ok}
	}
	return Spec{
		Profile: g.Profile(), Agenda: agenda, Length: length, Roster: roster,
		Facilitators: g.Facilitators(), ScheduledStart: start, LateGrace: lateGrace,
	}
}

// specJSON is Spec's JSON form, with durations as text ("90m").
type specJSON struct {
	Profile        group.Profile       `json:"profile"`
	Agenda         Agenda              `json:"agenda"`
	Length         string              `json:"length,omitempty"`
	Roster         []Participant       `json:"roster"`
	Facilitators   []group.Facilitator `json:"facilitators"`
	ScheduledStart time.Time           `json:"scheduledStart,omitzero"`
	LateGrace      string              `json:"lateGrace,omitempty"`
	ID             string              `json:"id,omitempty"`
	Shape          *Shape              `json:"shape,omitempty"`
	Number         int                 `json:"number,omitempty"`
}

// MarshalJSON encodes the spec with Length and LateGrace as duration text.
func (s Spec) MarshalJSON() ([]byte, error) {
	w := specJSON{ID: s.ID, Shape: s.Shape, Number: s.Number, Profile: s.Profile, Agenda: s.Agenda, Roster: s.Roster, Facilitators: s.Facilitators, ScheduledStart: s.ScheduledStart}
	if s.Length != 0 {
		w.Length = string(appendDuration(nil, s.Length))
	}
	if s.LateGrace != 0 {
		w.LateGrace = string(appendDuration(nil, s.LateGrace))
	}
	return json.Marshal(w)
}

// UnmarshalJSON decodes the form MarshalJSON writes and validates it, so
// that whatever JSON it accepts passes Validate (and so builds a session)
// and encodes again; s is unchanged on error.
func (s *Spec) UnmarshalJSON(b []byte) error {
	var w specJSON
	if err := json.Unmarshal(b, &w); err != nil {
		return err
	}
	x := Spec{ID: w.ID, Shape: w.Shape, Number: w.Number, Profile: w.Profile, Agenda: w.Agenda, Roster: w.Roster, Facilitators: w.Facilitators, ScheduledStart: w.ScheduledStart}
	fe := problems()
	for _, f := range []struct {
		path, text string
		dst        *time.Duration
	}{{"length", w.Length, &x.Length}, {"lateGrace", w.LateGrace, &x.LateGrace}} {
		if f.text == "" {
			continue
		}
		d, err := time.ParseDuration(f.text)
		if err != nil {
			fe.Add(f.path, "not a duration: "+strconv.Quote(f.text), nil)
		}
		*f.dst = d
	}
	if err := fe.Err(); err != nil {
		return err
	}
	if err := x.Validate(); err != nil {
		return err
	}
	*s = x
	return nil
}
