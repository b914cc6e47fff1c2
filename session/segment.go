package session

import (
	"encoding/json"
	"strconv"
	"time"

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
