package session

import (
	"encoding/json"
	"strconv"
	"time"

	"github.com/groupwork/groupwork/group"
	"github.com/groupwork/groupwork/internal/vocab/enum"
	"github.com/groupwork/groupwork/internal/vocab/fault"
)

// SegmentKind is a part of a session's agenda. The zero value is rejected by
// validation. Sources: the session structures of structured groups (Muñoz et
// al. 2000; Linehan 2015, ch. 3), process groups (Yalom & Leszcz 2005, chs.
// 5-6), support and art therapy groups, and mindfulness classes (Santorelli
// et al. 2017; Segal, Williams & Teasdale 2013); see
// docs/reference/sessions.md.
type SegmentKind uint8

// The segment kinds.
const (
	SegmentUnspecified        SegmentKind = iota
	SegmentOpening                        // (opening) welcome, guidelines, a brief practice
	SegmentCheckIn                        // (check-in) a round of about 1-1.5 min per member, with a risk screen
	SegmentHomeworkReview                 // (homework-review) review of the last session's homework
	SegmentNewMaterial                    // (new-material) psychoeducation, a mini-lecture
	SegmentSkillPractice                  // (skill-practice) role-play, worksheet, exercise
	SegmentMeditation                     // (meditation) formal mindfulness practice
	SegmentArtMaking                      // (art-making) making images
	SegmentSharing                        // (sharing) open forum
	SegmentProcessing                     // (processing) here-and-now discussion, sharing images, inquiry
	SegmentBreak                          // (break) a pause in a long session
	SegmentHomeworkAssignment             // (homework-assignment) setting the next homework
	SegmentCheckOut                       // (check-out) closing round, reflection
	SegmentMeasures                       // (measures) session measures such as PHQ-9, GCQ-S or GSRS
)

var segmentText = enum.Table[SegmentKind]{Pkg: "session", Type: "SegmentKind", Names: []string{
	"unspecified", "opening", "check-in", "homework-review", "new-material", "skill-practice",
	"meditation", "art-making", "sharing", "processing", "break", "homework-assignment",
	"check-out", "measures",
}}

// SegmentKinds returns every segment kind in declaration order.
func SegmentKinds() []SegmentKind { return segmentText.Values() }

// String returns the kind's text form.
func (k SegmentKind) String() string { return segmentText.String(k) }

// IsValid reports whether k is a specified kind.
func (k SegmentKind) IsValid() bool { return segmentText.Valid(k) }

// MarshalText implements encoding.TextMarshaler.
func (k SegmentKind) MarshalText() ([]byte, error) { return segmentText.Marshal(k) }

// UnmarshalText implements encoding.TextUnmarshaler.
func (k *SegmentKind) UnmarshalText(b []byte) error {
	return segmentText.Unmarshal(k, b)
}

// ParseSegmentKind returns the kind whose text form is s.
func ParseSegmentKind(s string) (SegmentKind, error) {
	return segmentText.Parse(s)
}

// Segment is one planned part of an agenda.
type Segment struct {
	Kind    SegmentKind   `json:"kind"`
	Planned time.Duration `json:"planned"`         // planned length
	Title   string        `json:"title,omitempty"` // optional, such as the practice or topic
}

// Agenda is a session's plan: an ordered list of segments. The zero value
// is an empty agenda, which validation rejects.
type Agenda struct {
	Segments []Segment `json:"segments"`
}

// Total returns the sum of the planned lengths.
func (a Agenda) Total() time.Duration {
	var t time.Duration
	for _, s := range a.Segments {
		t += s.Planned
	}
	return t
}

// segmentJSON is Segment's JSON form: the planned length as Go duration
// text ("15m") rather than nanoseconds, so agendas are readable in files.
type segmentJSON struct {
	Kind    SegmentKind `json:"kind"`
	Planned string      `json:"planned"`
	Title   string      `json:"title,omitempty"`
}

// MarshalJSON encodes the segment with its planned length as duration text
// such as "15m" or "90s".
func (s Segment) MarshalJSON() ([]byte, error) {
	return json.Marshal(segmentJSON{Kind: s.Kind, Planned: string(appendDuration(nil, s.Planned)), Title: s.Title})
}

// UnmarshalJSON decodes the form MarshalJSON writes; planned accepts any
// text time.ParseDuration accepts. s is unchanged on error.
func (s *Segment) UnmarshalJSON(b []byte) error {
	var w segmentJSON
	if err := json.Unmarshal(b, &w); err != nil {
		return err
	}
	d, err := time.ParseDuration(w.Planned)
	if err != nil {
		return &FieldError{Pkg: "session", Path: "planned", Problem: "not a duration: " + strconv.Quote(w.Planned)}
	}
	*s = Segment{Kind: w.Kind, Planned: d, Title: w.Title}
	return nil
}

// durationText returns d as Go duration text, or "" for 0.
func durationText(d time.Duration) string {
	if d == 0 {
		return ""
	}
	return string(appendDuration(nil, d))
}

// readDuration parses text, when there is any, into dst, recording a
// problem at path when it is not a duration.
func readDuration(fe *fault.List, path, text string, dst *time.Duration) {
	if text == "" {
		return
	}
	d, err := time.ParseDuration(text)
	if err != nil {
		fe.Add(path, "not a duration: "+strconv.Quote(text), nil)
		return
	}
	*dst = d
}

// Talk says what a segment expects of members' talk, so that metrics of
// participation count only the time in which talk was expected: a member
// who says nothing through 35 minutes of art-making or a body scan is not
// silent in the sense that calls for drawing out. The zero value is rejected
// by validation.
type Talk uint8

// The expectations of members' talk.
const (
	TalkUnspecified Talk = iota // (unspecified)
	// TalkQuiet: members are not expected to talk (art-making, formal
	// practice, a break, completing measures, a short lecture).
	TalkQuiet // (quiet)
	// TalkGuided: members are expected to talk in turn, mostly with the
	// leader (a check-in round, homework review, inquiry into a practice).
	TalkGuided // (guided)
	// TalkOpen: members are expected to talk with one another (sharing,
	// processing, role-play).
	TalkOpen // (open)
)

var talkText = enum.Table[Talk]{Pkg: "session", Type: "Talk", Names: []string{"unspecified", "quiet", "guided", "open"}}

// String returns the expectation's text form.
func (t Talk) String() string { return talkText.String(t) }

// IsValid reports whether t is a specified expectation.
func (t Talk) IsValid() bool { return talkText.Valid(t) }

// Expected reports whether members are expected to talk: guided or open.
func (t Talk) Expected() bool { return t == TalkGuided || t == TalkOpen }

// MarshalText implements encoding.TextMarshaler.
func (t Talk) MarshalText() ([]byte, error) { return talkText.Marshal(t) }

// UnmarshalText implements encoding.TextUnmarshaler; t is unchanged on error.
func (t *Talk) UnmarshalText(b []byte) error { return talkText.Unmarshal(t, b) }

// ParseTalk returns the expectation whose text form is s.
func ParseTalk(s string) (Talk, error) { return talkText.Parse(s) }

// TalkRow says what talk one segment kind expects of members, in one
// modality or, with Modality unspecified, in every modality that has no row
// of its own for the kind. It round-trips through encoding/json.
type TalkRow struct {
	Kind     SegmentKind    `json:"kind"`
	Modality group.Modality `json:"modality,omitzero"`
	Talk     Talk           `json:"talk"`
	Source   string         `json:"source"`
}

// TalkTable is a table of TalkRow values, the knowledge of what each segment
// kind expects of members' talk, beside the agenda shapes (Shapes).
// BuiltinTalk holds a row for every segment kind and the modalities where a
// kind is run its own way; an app appends rows of its own, and for a kind
// and modality the last matching row wins, a row naming the modality before
// one naming none.
type TalkTable []TalkRow

// Sources of the built-in rows.
const (
	srcTalkRounds   = "Jacobs, Schimmel, Masson & Harvill (2012), Group Counseling: Strategies and Skills, 7th ed., ch. 9 (rounds: each member speaks in turn); Muñoz et al. (2000) and Linehan (2015), ch. 3 (check-in and homework review: each member reports to the leaders)"
	srcTalkLecture  = "SAMHSA TIP 41 (2005), ch. 2 (in psychoeducational and structured groups the leader presents the material, and discussion follows in its own segment)"
	srcTalkOpen     = "Yalom & Leszcz (2005), The Theory and Practice of Group Psychotherapy, 5th ed., chs. 5-6 (members talk with one another in the here-and-now); peer support practice (open sharing); Linehan (2015), ch. 3 (practice in pairs and role-play)"
	srcTalkArt      = "Liebmann (2004), Art Therapy for Groups, 2nd ed. (art-making is largely silent; talk follows in sharing the images)"
	srcTalkPractice = "Santorelli, Meleo-Meyer, Koerbel & Kabat-Zinn (2017), MBSR Authorized Curriculum Guide; Segal, Williams & Teasdale (2013), Mindfulness-Based Cognitive Therapy for Depression, 2nd ed. (formal practice in silence; inquiry is a dialogue between the teacher and one participant at a time, and speaking is optional)"
	srcTalkPause    = "a break, the opening welcome and completing session measures ask no talk of members (heuristic, the library's own)"
)

// BuiltinTalk returns a fresh copy of the built-in rows: a row for every
// segment kind, and the mindfulness class's inquiry (a processing segment
// held as a dialogue with the teacher) as guided rather than open.
//
//   - quiet: opening, new material, formal practice, art-making, a break,
//     measures;
//   - guided: check-in, homework review, homework assignment, check-out,
//     and inquiry in a mindfulness class;
//   - open: skill practice, sharing, processing.
func BuiltinTalk() TalkTable {
	row := func(k SegmentKind, t Talk, src string) TalkRow { return TalkRow{Kind: k, Talk: t, Source: src} }
	return TalkTable{
		row(SegmentOpening, TalkQuiet, srcTalkPause),
		row(SegmentCheckIn, TalkGuided, srcTalkRounds),
		row(SegmentHomeworkReview, TalkGuided, srcTalkRounds),
		row(SegmentNewMaterial, TalkQuiet, srcTalkLecture),
		row(SegmentSkillPractice, TalkOpen, srcTalkOpen),
		row(SegmentMeditation, TalkQuiet, srcTalkPractice),
		row(SegmentArtMaking, TalkQuiet, srcTalkArt),
		row(SegmentSharing, TalkOpen, srcTalkOpen),
		row(SegmentProcessing, TalkOpen, srcTalkOpen),
		row(SegmentBreak, TalkQuiet, srcTalkPause),
		row(SegmentHomeworkAssignment, TalkGuided, srcTalkRounds),
		row(SegmentCheckOut, TalkGuided, srcTalkRounds),
		row(SegmentMeasures, TalkQuiet, srcTalkPause),
		{Kind: SegmentProcessing, Modality: group.ModalityMindfulness, Talk: TalkGuided, Source: srcTalkPractice},
	}
}

// For returns what segment kind k expects of members' talk in modality m:
// the last row for k naming m, else the last row for k naming no modality.
// A kind the table has no row for is an error wrapping ErrUnknownValue:
// a missing row is never a silent default.
func (t TalkTable) For(m group.Modality, k SegmentKind) (Talk, error) {
	var any, own Talk
	for _, r := range t {
		switch {
		case r.Kind != k:
		case r.Modality == m && m.IsValid():
			own = r.Talk
		case r.Modality == group.ModalityUnspecified:
			any = r.Talk
		}
	}
	if own.IsValid() {
		return own, nil
	}
	if any.IsValid() {
		return any, nil
	}
	return 0, &FieldError{Pkg: "session", Path: "talk", Problem: "no row for segment kind " + k.String(), Err: ErrUnknownValue}
}

// Plan resolves the table for modality m into a TalkPlan: what every
// segment kind expects. Problems are reported all at once: an invalid row
// (see Validate) or a kind with no row.
func (t TalkTable) Plan(m group.Modality) (TalkPlan, error) {
	fe := problems()
	fe.AddAll("talk", t.Validate())
	var p TalkPlan
	p[SegmentUnspecified] = TalkOpen
	for _, k := range SegmentKinds() {
		v, err := t.For(m, k)
		if err != nil {
			fe.Append(err)
			continue
		}
		p[k] = v
	}
	if err := fe.Err(); err != nil {
		return TalkPlan{}, err
	}
	return p, nil
}

// Validate reports every problem with the table at once: a row with an
// unknown segment kind, an invalid modality, an unspecified expectation or
// no source.
func (t TalkTable) Validate() error {
	fe := problems()
	for i, r := range t {
		p := idx("", i)
		if !r.Kind.IsValid() {
			fe.Add(p+".kind", "unknown segment kind "+r.Kind.String(), ErrUnknownValue)
		}
		if r.Modality != group.ModalityUnspecified && !r.Modality.IsValid() {
			fe.Add(p+".modality", "unknown modality "+r.Modality.String(), ErrUnknownValue)
		}
		if !r.Talk.IsValid() {
			fe.Add(p+".talk", "must be quiet, guided or open", ErrUnknownValue)
		}
		if r.Source == "" {
			fe.Add(p+".source", "every row names its source", nil)
		}
	}
	return fe.Err()
}

// TalkPlan is what every segment kind expects of members' talk in one
// modality, indexed by SegmentKind: a TalkTable resolved by Plan, small
// enough to copy. Before any segment has begun, talk is open
// (TalkPlan[SegmentUnspecified]). The zero value reads every segment as
// open; use DefaultTalkPlan or TalkTable.Plan.
type TalkPlan [segmentKinds]Talk

// segmentKinds is the number of SegmentKind values, the unspecified one
// included.
const segmentKinds = int(SegmentMeasures) + 1

// For returns what segment kind k expects; TalkOpen for a kind the plan
// does not know.
func (p TalkPlan) For(k SegmentKind) Talk {
	if int(k) < len(p) && p[k].IsValid() {
		return p[k]
	}
	return TalkOpen
}

// defaultPlan is BuiltinTalk resolved for no modality in particular, built
// once and never written: DefaultTalkPlan copies it.
var defaultPlan = func() TalkPlan {
	p, _ := BuiltinTalk().Plan(group.ModalityUnspecified) // covers every kind (tested)
	return p
}()

// DefaultTalkPlan returns BuiltinTalk resolved for no modality in
// particular: the plan a dynamics.Tracker starts with.
func DefaultTalkPlan() TalkPlan { return defaultPlan }
