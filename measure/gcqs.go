package measure

import (
	"errors"
	"strconv"

	"github.com/groupwork/groupwork/internal/vocab/enum"
)

// Subscale is one of the three GCQ-S subscales. The zero value,
// SubscaleUnspecified, names no subscale.
type Subscale uint8

// The GCQ-S subscales (MacKenzie 1983).
const (
	SubscaleUnspecified Subscale = iota // (unspecified)
	SubscaleEngagement                  // (engagement) cohesion, work and self-disclosure
	SubscaleAvoidance                   // (avoidance) members avoiding responsibility for change
	SubscaleConflict                    // (conflict) interpersonal friction and distrust
)

var subscaleText = enum.Table[Subscale]{Pkg: "measure", Type: "Subscale", Names: []string{
	"unspecified", "engagement", "avoidance", "conflict",
}}

// Subscales returns the three GCQ-S subscales in order.
func Subscales() []Subscale { return subscaleText.Values() }

// String returns the subscale's text form, or "Subscale(n)" for an unknown value.
func (s Subscale) String() string { return subscaleText.String(s) }

// IsValid reports whether s is one of the three subscales.
func (s Subscale) IsValid() bool { return subscaleText.Valid(s) }

// MarshalText implements encoding.TextMarshaler. Unknown values are an error.
func (s Subscale) MarshalText() ([]byte, error) { return subscaleText.Marshal(s) }

// UnmarshalText implements encoding.TextUnmarshaler; it accepts the forms
// ParseSubscale accepts.
func (s *Subscale) UnmarshalText(b []byte) error { return subscaleText.Unmarshal(s, b) }

// ParseSubscale returns the subscale whose text form is s.
func ParseSubscale(s string) (Subscale, error) { return subscaleText.Parse(s) }

// GCQSMaxMissing is the most GCQ-S items that may be unanswered for the form
// to be scored: more than 4 missing makes it invalid (MacKenzie 1983, as
// summarised in DOMAIN.md section 7).
const GCQSMaxMissing = 4

// gcqsItemLabels are MacKenzie's one-word GCQ-S item labels, items 1 to 12.
func gcqsItemLabels() []string {
	return []string{
		"cared", "reasoned", "avoided", "participated", "depended", "angry",
		"distanced", "confronted", "conformed", "rejected", "revealed", "anxious",
	}
}

// GCQSItems returns the 1-based item numbers of subscale s, or nil for an
// unknown subscale: engagement 1, 2, 4, 8, 11; avoidance 3, 5, 9; conflict
// 6, 7, 10, 12 (MacKenzie 1983). No item is reverse scored.
func GCQSItems(s Subscale) []int {
	switch s {
	case SubscaleEngagement:
		return []int{1, 2, 4, 8, 11}
	case SubscaleAvoidance:
		return []int{3, 5, 9}
	case SubscaleConflict:
		return []int{6, 7, 10, 12}
	}
	return nil
}

// gcqsSubscaleOf maps item index 0-11 to its subscale (MacKenzie 1983). It
// returns an array by value, so no shared table can be modified.
func gcqsSubscaleOf() [12]Subscale {
	return [12]Subscale{
		SubscaleEngagement, SubscaleEngagement, SubscaleAvoidance, SubscaleEngagement,
		SubscaleAvoidance, SubscaleConflict, SubscaleConflict, SubscaleEngagement,
		SubscaleAvoidance, SubscaleConflict, SubscaleEngagement, SubscaleConflict,
	}
}

// GCQSScore is a scored GCQ-S: the mean of each subscale's answered items, on
// the 0-6 response scale. Comparing them across sessions shows how the
// members see the group's climate change.
type GCQSScore struct {
	Engagement float64 `json:"engagement"`
	Avoidance  float64 `json:"avoidance"`
	Conflict   float64 `json:"conflict"`
	// Answered counts answered items (8 to 12 for a valid form).
	Answered int `json:"answered"`
}

// Subscale returns the mean of subscale s, or 0 for an unknown subscale.
func (g GCQSScore) Subscale(s Subscale) float64 {
	switch s {
	case SubscaleEngagement:
		return g.Engagement
	case SubscaleAvoidance:
		return g.Avoidance
	case SubscaleConflict:
		return g.Conflict
	}
	return 0
}

// ScoreGCQS scores a GCQ-S from its twelve answers, some possibly missing.
// Answers must be whole numbers 0-6 (*AnswerError, all reported at once).
// More than GCQSMaxMissing missing answers is a *MissingError wrapping
// ErrTooManyMissing; so is a subscale with no answered item at all, since a
// mean of nothing is undefined (our own rule: the source is silent because
// with at most four missing only the three-item avoidance subscale can be
// emptied).
func ScoreGCQS(answers [12]Answer) (GCQSScore, error) {
	scale := InstrumentGCQS.Scale()
	subOf := gcqsSubscaleOf()
	var sums, counts [4]float64
	var errs []error
	answered := 0
	for k, a := range answers {
		v, ok := a.Value()
		if !ok {
			continue
		}
		if err := scale.Check(InstrumentGCQS, k+1, v); err != nil {
			errs = append(errs, err)
			continue
		}
		sub := subOf[k]
		sums[sub] += v
		counts[sub]++
		answered++
	}
	if len(errs) > 0 {
		return GCQSScore{}, errors.Join(errs...)
	}
	if missing := len(answers) - answered; missing > GCQSMaxMissing {
		return GCQSScore{}, &MissingError{Instrument: InstrumentGCQS, Missing: missing, Max: GCQSMaxMissing}
	}
	for _, s := range []Subscale{SubscaleEngagement, SubscaleAvoidance, SubscaleConflict} {
		if counts[s] == 0 {
			n := len(GCQSItems(s))
			return GCQSScore{}, &MissingError{Instrument: InstrumentGCQS, Subscale: s, Missing: n, Max: n - 1}
		}
	}
	return GCQSScore{
		Engagement: sums[SubscaleEngagement] / counts[SubscaleEngagement],
		Avoidance:  sums[SubscaleAvoidance] / counts[SubscaleAvoidance],
		Conflict:   sums[SubscaleConflict] / counts[SubscaleConflict],
		Answered:   answered,
	}, nil
}

// ScoreGCQSAnswers is ScoreGCQS for a slice, as stored in an Administration.
// A slice of other than twelve answers is a *CountError.
func ScoreGCQSAnswers(answers []Answer) (GCQSScore, error) {
	if len(answers) != 12 {
		return GCQSScore{}, &CountError{Instrument: InstrumentGCQS, Got: len(answers), Want: 12}
	}
	return ScoreGCQS([12]Answer(answers))
}

// MeanGCQS returns the group's climate for one session: the mean, subscale
// by subscale, of the members' scores from ScoreGCQS, each member's form
// counting once however many items it answered. Group-level GCQ-S results
// are reported as the mean across the members who filled in the form
// (MacKenzie 1983; unverified against the primary text, since DOMAIN.md
// section 7 covers only the scoring of one form).
//
// Answered in the result is the fewest items any one form answered, so 12
// means every form was complete. A mean is no better supported than its
// least complete form, and the minimum keeps Answered in the range a single
// valid form has (8 to 12), so the result passes the same checks as any
// score: it can itself be averaged or handed to a stage estimate.
//
// An empty slice is a *FieldError (path "scores") wrapping ErrInvalid. Each
// invalid score is reported, all at once, as a *FieldError naming it
// ("scores[2].conflict") that wraps ErrInvalid and: ErrNotFinite for a NaN
// or infinite mean, ErrOutOfRange for a mean outside the 0-6 response
// scale, or a *MissingError (ErrTooManyMissing) for fewer than 8 answered
// items. The zero GCQSScore, which no scored form produces, is invalid.
func MeanGCQS(scores []GCQSScore) (GCQSScore, error) {
	if len(scores) == 0 {
		return GCQSScore{}, &FieldError{Pkg: "measure", Path: "scores", Problem: "no scores to average"}
	}
	var errs []error
	for i, s := range scores {
		errs = s.check("scores["+strconv.Itoa(i)+"]", errs)
	}
	if len(errs) > 0 {
		return GCQSScore{}, errors.Join(errs...)
	}
	out := GCQSScore{Answered: InstrumentGCQS.NumItems()}
	for _, s := range scores {
		out.Engagement += s.Engagement
		out.Avoidance += s.Avoidance
		out.Conflict += s.Conflict
		out.Answered = min(out.Answered, s.Answered)
	}
	n := float64(len(scores))
	out.Engagement /= n
	out.Avoidance /= n
	out.Conflict /= n
	return out, nil
}

// check appends to errs a *FieldError for each problem with g, a score
// found at path.
func (g GCQSScore) check(path string, errs []error) []error {
	scale := InstrumentGCQS.Scale()
	for _, s := range Subscales() {
		v, p := g.Subscale(s), path+"."+s.String()
		switch {
		case !isFinite(v):
			errs = append(errs, &FieldError{Pkg: "measure", Path: p, Problem: "mean is not a finite number", Err: ErrNotFinite})
		case v < scale.Min || v > scale.Max:
			errs = append(errs, &FieldError{Pkg: "measure", Path: p, Problem: "mean " + fmtFloat(v) + " outside " +
				fmtFloat(scale.Min) + "-" + fmtFloat(scale.Max), Err: ErrOutOfRange})
		}
	}
	items := InstrumentGCQS.NumItems()
	switch {
	case g.Answered < 0 || g.Answered > items:
		errs = append(errs, &FieldError{Pkg: "measure", Path: path + ".answered", Problem: "must be 0-" + strconv.Itoa(items)})
	case items-g.Answered > GCQSMaxMissing:
		errs = append(errs, &FieldError{Pkg: "measure", Path: path + ".answered", Problem: "too few items answered",
			Err: &MissingError{Instrument: InstrumentGCQS, Missing: items - g.Answered, Max: GCQSMaxMissing}})
	}
	return errs
}
