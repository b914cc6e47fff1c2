package session

import (
	"fmt"
	"slices"
	"time"

	"github.com/groupwork/groupwork/group"
)

// The stable codes of the findings this package reports. Codes never change
// meaning; apps may branch on them and translate them.
const (
	CodeHomeworkReviewMissing     = "homework-review-missing"      // a CBT or skills agenda without homework review
	CodeHomeworkAssignmentMissing = "homework-assignment-missing"  // a CBT or skills agenda without new homework
	CodeSharingMissing            = "sharing-missing"              // a support-group agenda without open sharing
	CodeHomeworkInSupport         = "homework-in-support"          // a support-group agenda that sets or reviews homework
	CodeArtMakingMissing          = "art-making-missing"           // an art-therapy agenda without art-making
	CodeProcessingAfterArtMissing = "processing-after-art-missing" // art-making not followed by processing the images
	CodeMeditationMissing         = "meditation-missing"           // a mindfulness agenda without formal practice
	CodeCheckOutNotLast           = "check-out-not-last"           // a structured agenda that does not end with check-out
	CodeStructuredProcess         = "structured-process"           // a process-group agenda with taught or homework segments
	CodeBreakMissing              = "break-missing"                // a long structured session without a break
	CodeAgendaOverSlot            = "agenda-over-slot"             // the planned total exceeds the time slot
	CodeAgendaUnderSlot           = "agenda-under-slot"            // the planned total leaves a large part of the slot unplanned
	CodeSessionLengthAtypical     = "session-length-atypical"      // the slot is outside the modality's session length
	CodeSegmentOverrun            = "segment-overrun"              // a segment ran longer than planned
	CodeProgressNoteMissing       = "progress-note-missing"        // an attending member has no progress note
	CodeGroupNoteMissing          = "group-note-missing"           // a finished session has no group note
	CodeNoteUnsigned              = "note-unsigned"                // a note has not been signed
	CodeIdenticalNotes            = "identical-notes"              // two members' progress notes have the same narrative
)

// Sources of the general agenda checks.
const (
	srcProfile    = "the typical session length of the modality's profile (Yalom & Leszcz 2005, ch. 10; SAMHSA TIP 41, 2005, ch. 2; the profile's own Sources); the ranges are a heuristic, the library's own"
	srcNotes      = "ACA Code of Ethics (2014), B.4-B.6 (records, confidentiality in groups); one individualized note per attending member, never naming another (docs/reference/records.md); cloned notes can be denied by payers (CMS program integrity guidance)"
	srcAttendance = "AMA CPT 90853 (group psychotherapy, reported per attending participant): attendance statuses and the participant count of group records (docs/reference/records.md)"
	srcOverrun    = "the session's own agenda: a segment ran past its plan (heuristic, the library's own: a fifth over, and at least a minute)"
)

// underSlotSlack is how much of a slot may stay unplanned before Validate
// reports CodeAgendaUnderSlot (heuristic, the library's own: a quarter
// hour).
const underSlotSlack = 15 * time.Minute

// Validate checks the agenda against the built-in shape of the profile's
// modality and the time slot it has to fit (slot 0 means the agenda's own
// total: no fit check), for a session whose number in its program is not
// known. A modality without a built-in shape is an error wrapping
// group.ErrUnknownModality; an app's own modality takes its own shape's
// Validate. See Shape.Validate for the checks.
func (a Agenda) Validate(p group.Profile, slot time.Duration) ([]group.Finding, error) {
	sh, err := builtinShape(p.Modality)
	if err != nil && p.Modality.IsValid() {
		return nil, err
	}
	return sh.ValidateAgenda(a, p, slot, 0)
}

// ValidateAgenda checks agenda a against the shape, under profile p, in a
// time slot (0: the agenda's own total), for session number n of its
// program (0 when not known: every rule applies).
//
// Hard faults are errors, all reported at once as joined *FieldError
// values wrapping ErrInvalid: an empty agenda, an unknown segment kind, a
// negative planned length, a negative slot, a profile with no valid
// modality or of another modality than the shape's.
//
// Departures from practice are findings, most serious first: each of the
// shape's rules that the agenda breaks (see AgendaRule), the total over
// the slot or leaving more than a quarter hour of it unplanned, and a slot
// that is not a typical length for the profile (Profile.SessionMinutes).
func (sh Shape) ValidateAgenda(a Agenda, p group.Profile, slot time.Duration, n int) ([]group.Finding, error) {
	fe := problems()
	switch {
	case !p.Modality.IsValid():
		fe.Add("profile.modality", "must be a specified modality", nil)
	case p.Modality != sh.Modality:
		fe.Add("profile.modality", "the profile is of modality "+p.Modality.String()+", the shape of "+sh.Modality.String(), group.ErrUnknownModality)
	}
	if slot < 0 {
		fe.Add("slot", "must not be negative", nil)
	}
	if len(a.Segments) == 0 {
		fe.Add("segments", "an agenda needs at least one segment", nil)
	}
	for i, s := range a.Segments {
		if !s.Kind.IsValid() {
			fe.Add(fmt.Sprintf("segments[%d].kind", i), "unknown segment kind "+s.Kind.String(), ErrUnknownValue)
		}
		if s.Planned < 0 {
			fe.Add(fmt.Sprintf("segments[%d].planned", i), "must not be negative", nil)
		}
	}
	if err := fe.Err(); err != nil {
		return nil, err
	}
	total := a.Total()
	if slot == 0 {
		slot = total
	}
	var out []group.Finding
	for _, r := range sh.Rules {
		out = r.check(out, a, slot, n)
	}
	add := func(sev group.FindingSeverity, code, path, src, msg string) {
		out = append(out, group.Finding{Severity: sev, Code: code, Message: msg, Source: src, Path: path})
	}
	if total > slot {
		add(group.SeverityWarning, CodeAgendaOverSlot, "segments", sh.Source,
			fmt.Sprintf("the agenda plans %s but the slot is %s", minutes(total), minutes(slot)))
	} else if slot-total > underSlotSlack {
		add(group.SeverityInfo, CodeAgendaUnderSlot, "segments", sh.Source,
			fmt.Sprintf("the agenda plans %s of the %s slot", minutes(total), minutes(slot)))
	}
	if p.SessionMinutes != (group.Range{}) && !p.SessionLength(slot) {
		add(group.SeverityInfo, CodeSessionLengthAtypical, "slot", srcProfile,
			fmt.Sprintf("%s sessions typically run %s; this one is %s",
				p.Modality, minuteRange(p.SessionMinutes), minutes(slot)))
	}
	group.SortFindings(out)
	return out, nil
}

// check appends the findings of rule r on agenda a.
func (r AgendaRule) check(out []group.Finding, a Agenda, slot time.Duration, n int) []group.Finding {
	if slot < r.MinSlot || n > 0 && n < r.FromSession {
		return out
	}
	add := func(path string) []group.Finding {
		return append(out, group.Finding{Severity: r.Severity, Code: r.Code, Message: r.Message, Source: r.Source, Path: path})
	}
	segs := a.Segments
	switch r.Kind {
	case RuleRequires:
		if !slices.ContainsFunc(segs, func(s Segment) bool { return s.Kind == r.Segment }) {
			out = add("segments")
		}
	case RuleForbids:
		for i, s := range segs {
			if s.Kind == r.Segment {
				out = add(fmt.Sprintf("segments[%d]", i))
			}
		}
	case RuleFollowedBy:
		for i, s := range segs {
			if s.Kind == r.Segment && !slices.ContainsFunc(segs[i+1:], func(t Segment) bool { return t.Kind == r.Then }) {
				out = add(fmt.Sprintf("segments[%d]", i))
			}
		}
	case RuleEndsWith:
		last := len(segs) - 1
		for last > 0 && r.Then != 0 && segs[last].Kind == r.Then {
			last--
		}
		if last >= 0 && segs[last].Kind != r.Segment {
			out = add(fmt.Sprintf("segments[%d]", last))
		}
	}
	return out
}

// minutes prints a duration for a message: "90 min", or Go's form when it
// is not whole minutes.
func minutes(d time.Duration) string {
	if d%time.Minute == 0 {
		return fmt.Sprintf("%d min", d/time.Minute)
	}
	return d.String()
}

func minuteRange(r group.Range) string {
	if r.Max == 0 {
		return fmt.Sprintf("at least %d min", r.Min)
	}
	return fmt.Sprintf("%d-%d min", r.Min, r.Max)
}
