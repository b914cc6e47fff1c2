package session

import (
	"fmt"
	"strings"
	"time"

	"github.com/groupwork/groupwork/group"
)

// GroupContent is the shared part of a session's documentation: the group
// note's theme, the leader skills used, the group process and the shared
// content. In a member's progress note or export it is redacted.
type GroupContent struct {
	Theme         string   `json:"theme,omitempty"`
	Interventions SkillSet `json:"interventions,omitzero"`
	Process       string   `json:"process,omitempty"`
	Content       string   `json:"content,omitempty"`
}

// ProgressNote is one attending member's progress note for the clinical
// record, fanned out from the session: the member's attendance and
// participation (from the events), the narrative and goal progress the
// facilitator wrote for them, the incidents that concern them, and the group
// content with every other member's name and ID redacted: one member's
// record never names another, since the member (HIPAA right of access, 45
// CFR 164.524) and others may read it. See docs/reference/records.md#notes.
type ProgressNote struct {
	Member        group.MemberID   `json:"member"`
	Name          string           `json:"name"`
	Date          time.Time        `json:"date"`
	Attendance    Attendance       `json:"attendance"`
	Participation Participation    `json:"participation"`
	Narrative     string           `json:"narrative,omitempty"`
	GoalProgress  string           `json:"goalProgress,omitempty"`
	Incidents     []IncidentRecord `json:"incidents,omitempty"`
	Group         GroupContent     `json:"group"`
	// NoteID is the member's progress note, 0 when none is written yet.
	NoteID   int        `json:"noteId,omitempty"`
	Signed   bool       `json:"signed"`
	Addenda  []Addendum `json:"addenda,omitempty"`
	Billable bool       `json:"billable"`
}

// ProgressNotes returns one progress note per attending member, in roster
// order; absent members, who received no service, get none. A group whose
// profile keeps no clinical records (a support group) gets none at all.
// Free text is redacted as the package doc's section Redaction
// describes; the group note's text is scanned once for all the notes.
func (s *Session) ProgressNotes() []ProgressNote {
	if !s.spec.Profile.ClinicalRecords {
		return nil // a support group keeps no clinical records
	}
	var out []ProgressNote
	r := s.redaction(nil)
	for i := range s.members {
		a := s.attendance(i)
		if !a.Status.NeedsNote() {
			continue
		}
		out = append(out, s.progressNote(i, a, r.of(i)))
	}
	return out
}

func (s *Session) progressNote(i int, a Attendance, r memberRedaction) ProgressNote {
	p := s.spec.Roster[i]
	pn := ProgressNote{
		Member: p.ID, Name: p.Name, Date: s.startedAt, Attendance: a,
		Participation: s.members[i].p, Group: s.groupContent(r), Billable: a.Status.Billable(),
	}
	if n, ok := s.noteFor(NoteProgress, p.ID); ok {
		pn.NoteID, pn.Signed = n.Note.ID, n.Signed
		pn.Narrative, pn.GoalProgress = r.text("narrative", n.Note.Text), r.text("goalProgress", n.Note.GoalProgress)
		for k, ad := range n.Addenda {
			pn.Addenda = append(pn.Addenda, Addendum{At: ad.At, Author: ad.Author, Text: r.text(fmt.Sprintf("addenda[%d].text", k), ad.Text)})
		}
	}
	pn.Incidents = s.incidentsOf(p.ID, r)
	return pn
}

// incidentsOf returns the incidents concerning one member, with free text
// redacted.
func (s *Session) incidentsOf(id group.MemberID, r memberRedaction) []IncidentRecord {
	var out []IncidentRecord
	for _, in := range s.incidents {
		if in.Member != id {
			continue
		}
		path := fmt.Sprintf("incidents[%d]", len(out))
		in.Text, in.Action, in.Resolution = r.text(path+".text", in.Text), r.text(path+".action", in.Action), r.text(path+".resolution", in.Resolution)
		out = append(out, in)
	}
	return out
}

// groupContent returns the group note's content, redacted by r; without a
// group note it lists only the skills recorded as interventions.
func (s *Session) groupContent(r memberRedaction) GroupContent {
	var g GroupContent
	if n, ok := s.noteFor(NoteGroup, ""); ok {
		g = GroupContent{
			Theme: r.text("group.theme", n.Note.Theme), Process: r.text("group.process", n.Note.Process),
			Content: r.text("group.content", n.Note.Text), Interventions: n.Note.Interventions,
		}
	}
	if g.Interventions == 0 {
		for sk, n := range s.skillsUsed {
			if n > 0 && sk > 0 {
				g.Interventions = g.Interventions.With(Skill(sk))
			}
		}
	}
	return g
}

func (s *Session) noteFor(kind NoteKind, id group.MemberID) (NoteRecord, bool) {
	for _, n := range s.notes {
		if n.Note.Kind == kind && n.Note.Member == id {
			return n, true
		}
	}
	return NoteRecord{}, false
}

// noteFindings reports missing, unsigned and identical notes.
func (s *Session) noteFindings() []group.Finding {
	var out []group.Finding
	add := func(sev group.FindingSeverity, code, path, msg string) {
		out = append(out, group.Finding{Severity: sev, Code: code, Message: msg, Source: srcNotes, Path: path})
	}
	clinical := s.spec.Profile.ClinicalRecords // a support group keeps no clinical records
	if _, ok := s.noteFor(NoteGroup, ""); !ok && clinical {
		add(group.SeverityWarning, CodeGroupNoteMissing, "notes", "the session has no group note")
	}
	byText := map[string][]group.MemberID{}
	var texts []string // byText's keys in roster order, for a deterministic report
	for i, p := range s.spec.Roster {
		if !clinical || !s.attendance(i).Status.NeedsNote() {
			continue
		}
		n, ok := s.noteFor(NoteProgress, p.ID)
		if !ok {
			add(group.SeverityWarning, CodeProgressNoteMissing, fmt.Sprintf("roster[%d]", i),
				fmt.Sprintf("member %q attended and has no progress note", p.ID))
			continue
		}
		key := normalize(n.Note.Text) + "\x00" + normalize(n.Note.GoalProgress)
		if _, seen := byText[key]; !seen {
			texts = append(texts, key)
		}
		byText[key] = append(byText[key], p.ID)
	}
	for _, n := range s.notes {
		if !n.Signed {
			add(group.SeverityInfo, CodeNoteUnsigned, fmt.Sprintf("notes[%d]", n.Note.ID),
				fmt.Sprintf("note %d is not signed", n.Note.ID))
		}
	}
	for _, key := range texts {
		ids := byText[key]
		if len(ids) < 2 {
			continue
		}
		names := make([]string, len(ids))
		for i, id := range ids {
			names[i] = fmt.Sprintf("%q", id)
		}
		add(group.SeverityWarning, CodeIdenticalNotes, "notes",
			"progress notes of members "+strings.Join(names, ", ")+" are identical; each note should be individualized")
	}
	return out
}

// normalize folds case and collapses white space, so trivially different
// copies of one note compare equal.
func normalize(s string) string { return strings.ToLower(strings.Join(strings.Fields(s), " ")) }

// MemberExport is what a member may be given about a session: the session's
// shape, the member's own attendance, participation, narrative and goal
// progress, the incidents that concern them, and the shared group content,
// all with every other member's name and ID redacted. It holds nothing else
// about any other member: no roster, no counts of others, no one else's
// turns.
type MemberExport struct {
	Member        group.MemberID   `json:"member"`
	Name          string           `json:"name"`
	Modality      group.Modality   `json:"modality"`
	Date          time.Time        `json:"date,omitzero"`
	Facilitators  []string         `json:"facilitators,omitempty"` // names of the facilitators present
	Agenda        []Segment        `json:"agenda,omitempty"`
	Attendance    Attendance       `json:"attendance"`
	Participation Participation    `json:"participation"`
	Narrative     string           `json:"narrative,omitempty"`
	GoalProgress  string           `json:"goalProgress,omitempty"`
	Incidents     []IncidentRecord `json:"incidents,omitempty"`
	Group         GroupContent     `json:"group"`
}

// MemberExport returns the member-facing export of the session for one
// roster member. A member who did not attend gets their attendance and the
// session's shape only. Free text, agenda titles and facilitator names are
// redacted as the package doc's section Redaction describes: every other
// member's ID, names and aliases in their written forms, so IDs or names
// that are common words over-redact, and apps should keep IDs out of free
// text.
func (s *Session) MemberExport(id group.MemberID) (MemberExport, error) {
	i, ok := s.memberIdx.Find(string(id))
	if !ok {
		return MemberExport{}, &FieldError{Pkg: "session", Path: "member", Problem: fmt.Sprintf("%q is not on the roster", id), Err: group.ErrUnknownMember}
	}
	return s.memberExport(i, s.redaction(nil).of(i)), nil
}

// memberExport returns roster member i's export, redacted by r.
func (s *Session) memberExport(i int, r memberRedaction) MemberExport {
	p := s.spec.Roster[i]
	a := s.attendance(i)
	x := MemberExport{Member: p.ID, Name: p.Name, Modality: s.spec.Profile.Modality, Date: s.startedAt, Attendance: a}
	for j, here := range s.facs {
		if here {
			x.Facilitators = append(x.Facilitators, r.text(fmt.Sprintf("facilitators[%d]", len(x.Facilitators)), s.spec.Facilitators[j].Name))
		}
	}
	for k, seg := range s.spec.Agenda.Segments {
		seg.Title = r.text(fmt.Sprintf("agenda[%d].title", k), seg.Title)
		x.Agenda = append(x.Agenda, seg)
	}
	if !a.Status.Attended() {
		return x
	}
	pn := s.progressNote(i, a, r)
	x.Participation, x.Narrative, x.GoalProgress = pn.Participation, pn.Narrative, pn.GoalProgress
	x.Incidents, x.Group = pn.Incidents, pn.Group
	return x
}
