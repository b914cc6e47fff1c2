package session

import (
	"fmt"
	"strings"
	"time"

	"github.com/groupwork/groupwork/group"
)

// This file holds the rules Apply checks for each kind of event.

// MaxTurn is the longest turn a session accepts: longer than any meeting
// runs (a day), so that sums of turns cannot overflow a time.Duration and a
// typing slip (hours for seconds) is caught.
const MaxTurn = 24 * time.Hour

// member looks up a roster member.
func (s *Session) member(path string, id group.MemberID) (int, error) {
	i, ok := s.memberIdx.Find(string(id))
	if !ok {
		if id == "" {
			return 0, &FieldError{Pkg: "session", Path: path, Problem: "must be set", Err: ErrMissingField}
		}
		return 0, &FieldError{Pkg: "session", Path: path, Problem: fmt.Sprintf("%q is not on the roster", id), Err: group.ErrUnknownMember}
	}
	return i, nil
}

// facilitator looks up a facilitator.
func (s *Session) facilitator(path string, id group.FacilitatorID) (int, error) {
	i, ok := s.facIdx.Find(string(id))
	if !ok {
		if id == "" {
			return 0, &FieldError{Pkg: "session", Path: path, Problem: "must be set", Err: ErrMissingField}
		}
		return 0, &FieldError{Pkg: "session", Path: path, Problem: fmt.Sprintf("%q is not a facilitator of this session", id), Err: group.ErrUnknownFacilitator}
	}
	return i, nil
}

// presentParty checks that p names someone known and present (or the
// whole group, when allowed). It returns a member's roster index, a
// facilitator's index, or -1 for the whole group.
func (s *Session) presentParty(path string, p Party, groupOK bool) (int, error) {
	switch p.Kind { // someone known and present: what nearly every turn names
	case PartyMember:
		if i, ok := s.memberIdx.Find(p.ID); ok && s.members[i].present {
			return i, nil
		}
	case PartyFacilitator:
		if i, ok := s.facIdx.Find(p.ID); ok && s.facs[i] {
			return i, nil
		}
	}
	switch p.Kind {
	case PartyMember:
		if p.ID != "" {
			i, err := s.member(path, group.MemberID(p.ID))
			if err != nil {
				return -1, err
			}
			if !s.members[i].present {
				return -1, &FieldError{Pkg: "session", Path: path, Problem: "member " + p.ID + " is not present", Err: ErrNotPresent}
			}
			return i, nil
		}
	case PartyFacilitator:
		if p.ID != "" {
			i, err := s.facilitator(path, group.FacilitatorID(p.ID))
			if err != nil {
				return -1, err
			}
			if !s.facs[i] {
				return -1, &FieldError{Pkg: "session", Path: path, Problem: "facilitator " + p.ID + " is not present", Err: ErrNotPresent}
			}
			return i, nil
		}
	case PartyGroup:
		if groupOK && p.ID == "" {
			return -1, nil
		}
	}
	if p.IsZero() {
		return -1, &FieldError{Pkg: "session", Path: path, Problem: "must be set", Err: ErrMissingField}
	}
	return -1, &FieldError{Pkg: "session", Path: path, Problem: "not a valid party here: " + p.String()}
}

func (s *Session) checkStart(st Start) error {
	fe := problems()
	if len(st.Facilitators) == 0 {
		fe.Add("start.facilitators", "at least one facilitator must be present", ErrMissingField)
	}
	seenF := make(map[group.FacilitatorID]bool, len(st.Facilitators))
	for i, id := range st.Facilitators {
		path := fmt.Sprintf("start.facilitators[%d]", i)
		if _, err := s.facilitator(path, id); err != nil {
			fe.Append(err)
		} else if seenF[id] {
			fe.Add(path, fmt.Sprintf("%q listed twice", id), ErrAlreadyPresent)
		}
		seenF[id] = true
	}
	seenM := make(map[group.MemberID]bool, len(st.Members))
	for i, id := range st.Members {
		path := fmt.Sprintf("start.members[%d]", i)
		j, err := s.member(path, id)
		switch {
		case err != nil:
			fe.Append(err)
		case seenM[id]:
			fe.Add(path, fmt.Sprintf("%q listed twice", id), ErrAlreadyPresent)
		case st.Recording && !s.spec.Roster[j].RecordingConsent:
			fe.Add(path, fmt.Sprintf("%q has not consented to recording", id), ErrNoRecordingConsent)
		}
		seenM[id] = true
	}
	return fe.Err()
}

func (s *Session) checkTurn(t *Turn, r *resolved) error {
	var err error
	if r.speaker, err = s.presentParty("turn.speaker", t.Speaker, false); err != nil {
		return err
	}
	if r.addressee, err = s.presentParty("turn.addressee", t.Addressee, true); err != nil {
		return err
	}
	if t.Speaker.Kind == t.Addressee.Kind && r.speaker == r.addressee { // the same person
		return &FieldError{Pkg: "session", Path: "turn.addressee", Problem: "a speaker does not address themselves"}
	}
	if t.Duration < 0 {
		return &FieldError{Pkg: "session", Path: "turn.duration", Problem: "must not be negative"}
	}
	if t.Duration > MaxTurn {
		return &FieldError{Pkg: "session", Path: "turn.duration", Problem: "longer than " + MaxTurn.String() + ", the longest turn a session takes"}
	}
	if t.Act > NumActs {
		return &FieldError{Pkg: "session", Path: "turn.act", Problem: "unknown act " + t.Act.String(), Err: ErrUnknownValue}
	}
	if !t.Tags.IsValid() {
		return &FieldError{Pkg: "session", Path: "turn.tags", Problem: "undefined tag bits", Err: ErrUnknownValue}
	}
	return nil
}

func (s *Session) checkIntervention(iv *Intervention) error {
	i, err := s.facilitator("intervention.facilitator", iv.Facilitator)
	if err != nil {
		return err
	}
	if !s.facs[i] {
		return &FieldError{Pkg: "session", Path: "intervention.facilitator", Problem: "facilitator is not present", Err: ErrNotPresent}
	}
	switch {
	case iv.Skill != 0 && iv.Step != 0:
		return &FieldError{Pkg: "session", Path: "intervention", Problem: "set a skill or a safety step, not both"}
	case iv.Skill == 0 && iv.Step == 0:
		return &FieldError{Pkg: "session", Path: "intervention.skill", Problem: "a skill or a safety step must be set", Err: ErrMissingField}
	case iv.Skill != 0 && !iv.Skill.IsValid():
		return &FieldError{Pkg: "session", Path: "intervention.skill", Problem: "unknown skill " + iv.Skill.String(), Err: ErrUnknownValue}
	case iv.Step != 0 && !iv.Step.IsValid():
		return &FieldError{Pkg: "session", Path: "intervention.step", Problem: "unknown safety step " + iv.Step.String(), Err: ErrUnknownValue}
	}
	if !iv.Target.IsZero() {
		_, err := s.presentParty("intervention.target", iv.Target, true)
		return err
	}
	return nil
}

func (s *Session) checkIncident(t EventType, in Incident) error {
	fe := problems()
	if t == EventIncidentRaised {
		if want := len(s.incidents) + 1; in.ID != want {
			fe.Add("incident.id", fmt.Sprintf("must be %d, the next incident number", want), nil)
		}
		if !in.Kind.IsValid() {
			fe.Add("incident.kind", "must be a specified incident kind", ErrUnknownValue)
		}
		if in.Member != "" {
			if _, err := s.member("incident.member", in.Member); err != nil {
				fe.Append(err)
			}
		}
		if in.Action != "" {
			fe.Add("incident.action", "is set by the resolution, not when raising", nil)
		}
		return fe.Err()
	}
	if in.ID < 1 || in.ID > len(s.incidents) {
		return &FieldError{Pkg: "session", Path: "incident.id", Problem: fmt.Sprintf("no incident %d", in.ID), Err: ErrUnknownIncident}
	}
	if s.incidents[in.ID-1].Resolved {
		return ErrIncidentResolved
	}
	if strings.TrimSpace(in.Action) == "" {
		fe.Add("incident.action", "a resolution documents the action taken", ErrMissingField)
	}
	if in.Kind != 0 || in.Member != "" {
		fe.Add("incident", "a resolution carries only id, action and text", nil)
	}
	return fe.Err()
}

func (s *Session) checkNote(t EventType, n *Note) error {
	if _, err := s.facilitator("note.author", n.Author); err != nil {
		return err
	}
	existing := n.ID >= 1 && n.ID <= len(s.notes)
	switch t {
	case EventNoteSigned, EventNoteAmended:
		if !existing {
			return &FieldError{Pkg: "session", Path: "note.id", Problem: fmt.Sprintf("no note %d", n.ID), Err: ErrUnknownNote}
		}
		r := &s.notes[n.ID-1]
		if t == EventNoteSigned {
			if r.Signed {
				return ErrNoteSigned
			}
			if n.Kind != 0 || n.Member != "" || n.Text != "" || n.Theme != "" || n.Process != "" ||
				n.GoalProgress != "" || n.Interventions != 0 {
				return &FieldError{Pkg: "session", Path: "note", Problem: "a signature carries only id and author"}
			}
			return nil
		}
		if !r.Signed {
			return ErrNoteNotSigned
		}
		if strings.TrimSpace(n.Text) == "" {
			return &FieldError{Pkg: "session", Path: "note.text", Problem: "an addendum needs text", Err: ErrMissingField}
		}
		if n.Kind != 0 || n.Member != "" || n.Theme != "" || n.Process != "" || n.GoalProgress != "" || n.Interventions != 0 {
			return &FieldError{Pkg: "session", Path: "note", Problem: "an addendum carries only id, author and text"}
		}
		return nil
	}

	fe := problems()
	if !n.Kind.IsValid() {
		fe.Add("note.kind", "must be group or progress", ErrUnknownValue)
	}
	if !n.Interventions.IsValid() {
		fe.Add("note.interventions", "a skill outside the catalogue", ErrUnknownValue)
	}
	switch n.Kind {
	case NoteGroup:
		if n.Member != "" {
			fe.Add("note.member", "a group note concerns no single member", nil)
		}
		if n.GoalProgress != "" {
			fe.Add("note.goalProgress", "goal progress belongs in progress notes", nil)
		}
	case NoteProgress:
		if !s.spec.Profile.ClinicalRecords {
			fe.Add("note.kind", "the "+s.spec.Profile.Name+" profile keeps no clinical records", ErrNoClinicalRecords)
		}
		if i, err := s.member("note.member", n.Member); err != nil {
			fe.Append(err)
		} else if !s.members[i].attended {
			fe.Add("note.member", fmt.Sprintf("%q did not attend; absent members get no progress note", n.Member), ErrAbsentMember)
		}
		if n.Theme != "" || n.Process != "" || n.Interventions != 0 {
			fe.Add("note", "theme, interventions and process belong in the group note", nil)
		}
	}
	if err := fe.Err(); err != nil {
		return err
	}
	switch {
	case existing:
		r := &s.notes[n.ID-1]
		if r.Signed {
			return ErrNoteSigned
		}
		if r.Note.Kind != n.Kind || r.Note.Member != n.Member {
			return &FieldError{Pkg: "session", Path: "note", Problem: "a revision keeps the draft's kind and member"}
		}
	case n.ID == len(s.notes)+1:
		for _, r := range s.notes {
			if r.Note.Kind == n.Kind && r.Note.Member == n.Member {
				return &FieldError{Pkg: "session", Path: "note.id", Problem: fmt.Sprintf("note %d already covers this; revise or amend it", r.Note.ID), Err: ErrDuplicateNote}
			}
		}
	default:
		return &FieldError{Pkg: "session", Path: "note.id", Problem: fmt.Sprintf("must be an existing draft or %d, the next note number", len(s.notes)+1)}
	}
	return nil
}
