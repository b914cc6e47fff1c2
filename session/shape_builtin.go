package session

import (
	"time"

	"github.com/groupwork/groupwork/group"
)

// Sources of the built-in shapes. The minutes of each template are the
// library's own reading of practice norms (heuristic, the library's own;
// see docs/reference/sessions.md); the order of segments is the sources'.
const (
	srcStructure  = "Muñoz et al. (2000), Manual for Group Cognitive-Behavioral Therapy of Major Depression (each session: agenda, review, practice review, new material, take-home message, next practice, feedback); SAMHSA TIP 41 (2005), ch. 2; minutes: heuristic, the library's own (docs/reference/sessions.md)"
	srcDBTSession = "Linehan (2015), DBT Skills Training Manual, 2nd ed., ch. 3: homework review takes about the first half of each session"
	srcSupportRun = "SAMHSA TIP 41 (2005), Substance Abuse Treatment: Group Therapy, ch. 2: support groups have no set agenda; the format of a welcome with the group's guidelines, open sharing and a closing, without homework, is heuristic, the library's own (docs/reference/sessions.md)"
	srcArtRun     = "Liebmann (2004), Art Therapy for Groups: A Handbook of Themes and Exercises, 2nd ed.: a start, art-making on a theme or in open studio, then sharing and processing the images, and a closing (docs/reference/sessions.md); equal split: heuristic, the library's own"
	srcMindRun    = "Santorelli, Meleo-Meyer, Koerbel & Kabat-Zinn (2017), MBSR Authorized Curriculum Guide; Segal, Williams & Teasdale (2013), Mindfulness-Based Cognitive Therapy for Depression, 2nd ed.: formal practice, inquiry, teaching, home practice; 9:5:6 split: heuristic, the library's own"
	srcProcessRun = "Yalom & Leszcz (2005), The Theory and Practice of Group Psychotherapy, 5th ed., chs. 5-6 and 10: no fixed agenda, here-and-now work, start and end on time"
)

// The lengths every built-in shape shares (heuristic, the library's own):
// a check-in round of 75 seconds per member (practice norms give 1 to 1.5
// minutes), at least 5 minutes and at most a fifth of the session; a
// closing of 10 minutes, 5 in sessions under 90 minutes; a break of 5
// minutes from 120 minutes, 10 from 150.
func checkInRound(title string) ShapeSegment {
	return ShapeSegment{Kind: SegmentCheckIn, Title: title, PerMember: 75 * time.Second, Min: 5 * time.Minute, MaxShare: 0.2}
}

func closing(kind SegmentKind, title string) ShapeSegment {
	return ShapeSegment{Kind: kind, Title: title, Steps: []Step{{0, 5 * time.Minute}, {90 * time.Minute, 10 * time.Minute}}}
}

func fixed(kind SegmentKind, title string, d time.Duration) ShapeSegment {
	return ShapeSegment{Kind: kind, Title: title, Steps: []Step{{0, d}}}
}

// BuiltinShapes returns fresh copies of the seven built-in modalities'
// shapes:
//   - CBT, psychoeducational and skills groups run like a class: opening,
//     check-in, homework review, new material, a break in long sessions,
//     skill practice, homework assignment, check-out with the session's
//     measures; review, material and practice share the rest 25:25:30 (the
//     proportions of a two-hour session), and in skills groups homework
//     review runs to the middle of the session (Linehan 2015). They review
//     homework from the second session on, set new homework, end with
//     check-out (measures may follow) and take a break from two hours.
//   - Support groups: a welcome and guidelines, open sharing, a closing;
//     no homework.
//   - Art therapy: check-in, art-making, sharing and processing the
//     images (an equal share each), closing; art-making is followed by
//     processing.
//   - Mindfulness: arriving, formal practice, inquiry into the practice,
//     teaching, home practice, closing.
//   - Process groups: open here-and-now work and a closing reflection; no
//     taught or homework segments.
func BuiltinShapes() Shapes {
	m := time.Minute
	structured := func(mod group.Modality, reviewEndsBy float64, src string) Shape {
		reviewWeight := 25
		materialWeight, practiceWeight := 25, 30
		if reviewEndsBy > 0 {
			materialWeight, practiceWeight = 1, 1
			reviewWeight = 1
		}
		return Shape{Modality: mod, Source: src, Segments: []ShapeSegment{
			fixed(SegmentOpening, "agenda and a brief practice", 5*m),
			checkInRound("check-in round with a risk screen"),
			{Kind: SegmentHomeworkReview, Weight: reviewWeight, EndsBy: reviewEndsBy},
			{Kind: SegmentNewMaterial, Weight: materialWeight},
			{Kind: SegmentBreak, Steps: []Step{{120 * m, 5 * m}, {150 * m, 10 * m}}},
			{Kind: SegmentSkillPractice, Title: "role-play, worksheet or exercise", Weight: practiceWeight},
			fixed(SegmentHomeworkAssignment, "", 5*m),
			closing(SegmentCheckOut, "check-out and session measures"),
		}, Rules: structuredRules(mod, src)}
	}
	return Shapes{
		{Modality: group.ModalitySupport, Source: srcSupportRun, Segments: []ShapeSegment{
			closing(SegmentOpening, "welcome and guidelines"),
			{Kind: SegmentSharing, Title: "open sharing", Weight: 1},
			closing(SegmentCheckOut, "closing"),
		}, Rules: []AgendaRule{
			{Code: CodeSharingMissing, Severity: group.SeverityWarning, Kind: RuleRequires, Segment: SegmentSharing,
				Message: "a support group's meeting centres on open sharing", Source: srcSupportRun},
			{Code: CodeHomeworkInSupport, Severity: group.SeverityWarning, Kind: RuleForbids, Segment: SegmentHomeworkReview,
				Message: "support groups set no homework", Source: srcSupportRun},
			{Code: CodeHomeworkInSupport, Severity: group.SeverityWarning, Kind: RuleForbids, Segment: SegmentHomeworkAssignment,
				Message: "support groups set no homework", Source: srcSupportRun},
		}},
		structured(group.ModalityPsychoeducational, 0, srcStructure),
		structured(group.ModalityCBT, 0, srcStructure),
		{Modality: group.ModalityMindfulness, Source: srcMindRun, Segments: []ShapeSegment{
			fixed(SegmentOpening, "arriving", 5*m),
			{Kind: SegmentMeditation, Title: "formal practice", Weight: 9},
			{Kind: SegmentProcessing, Title: "inquiry into the practice", Weight: 5},
			{Kind: SegmentNewMaterial, Title: "teaching", Weight: 6},
			fixed(SegmentHomeworkAssignment, "home practice", 10*m),
			fixed(SegmentCheckOut, "closing", 5*m),
		}, Rules: []AgendaRule{
			{Code: CodeMeditationMissing, Severity: group.SeverityWarning, Kind: RuleRequires, Segment: SegmentMeditation,
				Message: "a mindfulness class includes formal meditation practice", Source: srcMindRun},
		}},
		{Modality: group.ModalityArtTherapy, Source: srcArtRun, Segments: []ShapeSegment{
			checkInRound(""),
			{Kind: SegmentArtMaking, Weight: 1},
			{Kind: SegmentProcessing, Title: "sharing and processing the images", Weight: 1},
			closing(SegmentCheckOut, "closing"),
		}, Rules: []AgendaRule{
			{Code: CodeArtMakingMissing, Severity: group.SeverityWarning, Kind: RuleRequires, Segment: SegmentArtMaking,
				Message: "an art therapy session includes art-making", Source: srcArtRun},
			{Code: CodeProcessingAfterArtMissing, Severity: group.SeverityWarning, Kind: RuleFollowedBy, Segment: SegmentArtMaking, Then: SegmentProcessing,
				Message: "art-making is followed by sharing and processing the images", Source: srcArtRun},
		}},
		{Modality: group.ModalityProcess, Source: srcProcessRun, Segments: []ShapeSegment{
			{Kind: SegmentProcessing, Title: "open here-and-now work", Weight: 1},
			closing(SegmentCheckOut, "closing reflection"),
		}, Rules: processRules()},
		structured(group.ModalitySkills, 0.5, srcStructure+"; "+srcDBTSession),
	}
}

// structuredRules are the rules of the class-like modalities.
func structuredRules(m group.Modality, src string) []AgendaRule {
	out := []AgendaRule{
		{Code: CodeCheckOutNotLast, Severity: group.SeverityWarning, Kind: RuleEndsWith, Segment: SegmentCheckOut, Then: SegmentMeasures,
			Message: "structured groups end with check-out (session measures may follow)", Source: srcStructure},
		{Code: CodeBreakMissing, Severity: group.SeverityInfo, Kind: RuleRequires, Segment: SegmentBreak, MinSlot: 120 * time.Minute,
			Message: "long structured sessions include a break", Source: srcStructure},
	}
	if m == group.ModalityPsychoeducational {
		return out
	}
	return append(out,
		AgendaRule{Code: CodeHomeworkReviewMissing, Severity: group.SeverityWarning, Kind: RuleRequires, Segment: SegmentHomeworkReview, FromSession: 2,
			Message: m.String() + " sessions review the last session's homework", Source: src},
		AgendaRule{Code: CodeHomeworkAssignmentMissing, Severity: group.SeverityWarning, Kind: RuleRequires, Segment: SegmentHomeworkAssignment,
			Message: m.String() + " sessions set homework for the next session", Source: src},
	)
}

// processRules are the process group's: no taught or homework segments.
func processRules() []AgendaRule {
	var out []AgendaRule
	for _, k := range []SegmentKind{SegmentNewMaterial, SegmentHomeworkReview, SegmentHomeworkAssignment, SegmentSkillPractice} {
		out = append(out, AgendaRule{Code: CodeStructuredProcess, Severity: group.SeverityInfo, Kind: RuleForbids, Segment: k,
			Message: "a process group has no fixed agenda; " + k.String() + " belongs to structured groups", Source: srcProcessRun})
	}
	return out
}

// BuiltinShape returns a fresh copy of the built-in shape of m, or an
// error wrapping group.ErrUnknownModality.
func BuiltinShape(m group.Modality) (Shape, error) { return builtinShapes.For(m) }

// builtinShapes are the built-in shapes, built once when the package is
// loaded and never written after: the package reads its rows from them
// (builtinShape) rather than building the table for every spec it checks.
var builtinShapes = BuiltinShapes()

// builtinShape returns the built-in shape of m for reading only: its
// slices are builtinShapes', which nothing may change.
func builtinShape(m group.Modality) (Shape, error) {
	for _, sh := range builtinShapes {
		if sh.Modality == m {
			return sh, nil
		}
	}
	return builtinShapes.For(m) // the error
}
