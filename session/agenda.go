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

// Sources of the agenda rules.
const (
	srcStructure  = "DOMAIN.md section 9 (session structure), after Bieling, McCabe & Antony, Cognitive-Behavioral Therapy in Groups (2006), and SAMHSA TIP 41 (2005), ch. 2"
	srcDBTSession = "Linehan (2015), DBT Skills Training Manual: homework review takes about half of each session"
	srcSupportRun = "DOMAIN.md section 9: support groups run opening and guidelines, open sharing, closing; seed texts: no set agenda, no homework"
	srcArtRun     = "DOMAIN.md section 9: art therapy runs check-in, art-making, sharing and processing the images, closing"
	srcMindRun    = "DOMAIN.md section 9 and 10: mindfulness classes run practice, inquiry into the practice, teaching, home practice (Kabat-Zinn; Segal, Williams & Teasdale 2013)"
	srcProcessRun = "DOMAIN.md section 9: process groups have no fixed agenda (Yalom & Leszcz 2005, ch. 6 and 10)"
	srcProfile    = "the modality profile's session length (DOMAIN.md section 1)"
	srcNotes      = "DOMAIN.md section 6 (notes): one individualized note per attending member, never naming other members; identical notes are a top payer-denial reason"
	srcAttendance = "DOMAIN.md section 11 (attendance statuses and billing)"
)

// breakThreshold is the session length from which structured agendas
// include a break (DOMAIN.md section 9: the 120-minute split has one, the
// 90-minute split has none).
const breakThreshold = 120 * time.Minute

// underSlotSlack is how much of a slot may stay unplanned before Validate
// reports CodeAgendaUnderSlot (our choice: a quarter hour).
const underSlotSlack = 15 * time.Minute

// Validate checks the agenda against a modality profile and the time slot it
// has to fit (slot 0 means the agenda's own total: no fit check).
//
// Hard faults are errors, all reported at once as joined *FieldError values
// wrapping ErrInvalid: an empty agenda, an unknown segment kind, a negative
// planned length, a negative slot, a profile with no valid modality.
//
// Departures from published practice are findings, most serious first:
//   - CBT and skills groups review the last homework and set new homework
//     (DOMAIN.md section 9; Linehan 2015 for DBT skills);
//   - a support group has open sharing and sets no homework (seed texts);
//   - art therapy makes art and then processes the images;
//   - a mindfulness class includes formal meditation practice;
//   - structured groups (CBT, psychoeducational, skills) end with
//     check-out, optionally followed by session measures, and take a break
//     in sessions of two hours or more;
//   - a process group has no taught or homework segments (info);
//   - the total fits the slot, and the slot is a typical length for the
//     modality (profile.SessionMinutes).
func (a Agenda) Validate(p group.Profile, slot time.Duration) ([]group.Finding, error) {
	fe := problems()
	if !p.Modality.IsValid() {
		fe.Add("profile.modality", "must be a specified modality", nil)
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

	var out []group.Finding
	add := func(sev group.FindingSeverity, code, path, src, msg string) {
		out = append(out, group.Finding{Severity: sev, Code: code, Message: msg, Source: src, Path: path})
	}
	has := func(k SegmentKind) bool {
		return slices.ContainsFunc(a.Segments, func(s Segment) bool { return s.Kind == k })
	}
	total := a.Total()
	if slot == 0 {
		slot = total
	}

	structured := false
	switch p.Modality {
	case group.ModalityCBT, group.ModalitySkills:
		structured = true
		src := srcStructure
		if p.Modality == group.ModalitySkills {
			src = srcStructure + "; " + srcDBTSession
		}
		if !has(SegmentHomeworkReview) {
			add(group.SeverityWarning, CodeHomeworkReviewMissing, "segments", src,
				p.Modality.String()+" sessions review the last session's homework")
		}
		if !has(SegmentHomeworkAssignment) {
			add(group.SeverityWarning, CodeHomeworkAssignmentMissing, "segments", src,
				p.Modality.String()+" sessions set homework for the next session")
		}
	case group.ModalityPsychoeducational:
		structured = true
	case group.ModalitySupport:
		if !has(SegmentSharing) {
			add(group.SeverityWarning, CodeSharingMissing, "segments", srcSupportRun,
				"a support group's meeting centres on open sharing")
		}
		for i, s := range a.Segments {
			if s.Kind == SegmentHomeworkReview || s.Kind == SegmentHomeworkAssignment {
				add(group.SeverityWarning, CodeHomeworkInSupport, fmt.Sprintf("segments[%d]", i), srcSupportRun,
					"support groups set no homework")
			}
		}
	case group.ModalityArtTherapy:
		if !has(SegmentArtMaking) {
			add(group.SeverityWarning, CodeArtMakingMissing, "segments", srcArtRun,
				"an art therapy session includes art-making")
		}
		for i, s := range a.Segments {
			if s.Kind != SegmentArtMaking {
				continue
			}
			if !slices.ContainsFunc(a.Segments[i+1:], func(t Segment) bool { return t.Kind == SegmentProcessing }) {
				add(group.SeverityWarning, CodeProcessingAfterArtMissing, fmt.Sprintf("segments[%d]", i), srcArtRun,
					"art-making is followed by sharing and processing the images")
			}
		}
	case group.ModalityMindfulness:
		if !has(SegmentMeditation) {
			add(group.SeverityWarning, CodeMeditationMissing, "segments", srcMindRun,
				"a mindfulness class includes formal meditation practice")
		}
	case group.ModalityProcess:
		for i, s := range a.Segments {
			switch s.Kind {
			case SegmentNewMaterial, SegmentHomeworkReview, SegmentHomeworkAssignment, SegmentSkillPractice:
				add(group.SeverityInfo, CodeStructuredProcess, fmt.Sprintf("segments[%d]", i), srcProcessRun,
					"a process group has no fixed agenda; "+s.Kind.String()+" belongs to structured groups")
			}
		}
	}

	if structured {
		last := len(a.Segments) - 1
		for last > 0 && a.Segments[last].Kind == SegmentMeasures {
			last--
		}
		if a.Segments[last].Kind != SegmentCheckOut {
			add(group.SeverityWarning, CodeCheckOutNotLast, fmt.Sprintf("segments[%d]", last), srcStructure,
				"structured groups end with check-out (session measures may follow)")
		}
		if slot >= breakThreshold && !has(SegmentBreak) {
			add(group.SeverityInfo, CodeBreakMissing, "segments", srcStructure,
				"long structured sessions include a break")
		}
	}

	if total > slot {
		add(group.SeverityWarning, CodeAgendaOverSlot, "segments", srcStructure,
			fmt.Sprintf("the agenda plans %s but the slot is %s", minutes(total), minutes(slot)))
	} else if slot-total > underSlotSlack {
		add(group.SeverityInfo, CodeAgendaUnderSlot, "segments", srcStructure,
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
