package measure

import (
	"errors"
	"strconv"
)

// Publications the GCQ-S and GSRS definitions rest on.
const (
	srcGCQS     = "MacKenzie 1983, The clinical application of a group climate measure, in Dies & MacKenzie (eds), Advances in Group Psychotherapy: Integrating Research and Practice, International Universities Press, 159-170"
	srcGCQSMean = "MacKenzie 1983: the group's climate is reported as the mean across the members who filled in the form (unverified against the primary text)"
	licGCQS     = "published in MacKenzie 1983; item wording not reproduced here, MacKenzie's one-word labels only"
)

// GCQSMaxMissing is the most GCQ-S items that may be unanswered for the form
// to be scored: more than 4 missing makes it invalid (MacKenzie 1983).
const GCQSMaxMissing = 4

// gcqsDefinition is the GCQ-S (MacKenzie 1983): twelve items on the group
// as a whole, 0-6, no total, three subscales scored as the mean of their
// answered items: engagement 1, 2, 4, 8, 11; avoidance 3, 5, 9; conflict 6,
// 7, 10, 12. No item is reverse scored. A subscale with no answered item
// has no mean, so each may miss all but one (our own rule: the source is
// silent, since with at most four missing only avoidance can be emptied).
// The response anchors are as the scale is commonly reproduced (unverified).
func gcqsDefinition() Definition {
	labels := []string{
		"cared", "reasoned", "avoided", "participated", "depended", "angry",
		"distanced", "confronted", "conformed", "rejected", "revealed", "anxious",
	}
	items := make([]Item, len(labels))
	for k, l := range labels {
		items[k] = Item{Number: k + 1, Label: l}
	}
	sub := func(s Subscale, name string, items ...int) SubscaleDefinition {
		return SubscaleDefinition{Subscale: s, Name: name, Items: items, Aggregate: AggregateMean,
			MaxMissing: len(items) - 1, Source: srcGCQS}
	}
	return Definition{
		Instrument: InstrumentGCQS, Name: "Group Climate Questionnaire, short form", Kind: KindClimate,
		Construct: "group climate",
		Scale: Scale{Min: 0, Max: 6, Step: 1, Labels: []string{"not at all", "a little bit", "somewhat", "moderately",
			"quite a bit", "a great deal", "extremely"}},
		Items: items,
		Subscales: []SubscaleDefinition{
			sub(SubscaleEngagement, "Engagement", 1, 2, 4, 8, 11),
			sub(SubscaleAvoidance, "Avoidance", 3, 5, 9),
			sub(SubscaleConflict, "Conflict", 6, 7, 10, 12),
		},
		Total:    TotalNone,
		Missing:  MissingRule{MaxMissing: GCQSMaxMissing, Source: srcGCQS},
		Citation: srcGCQS, Sources: []string{srcGCQSMean},
		Licence: licGCQS,
	}
}

// GCQSSubscales returns the three GCQ-S subscales in order.
func GCQSSubscales() []Subscale {
	return []Subscale{SubscaleEngagement, SubscaleAvoidance, SubscaleConflict}
}

// GCQSItems returns the 1-based item numbers of GCQ-S subscale s, or nil
// for a subscale the GCQ-S does not have: engagement 1, 2, 4, 8, 11;
// avoidance 3, 5, 9; conflict 6, 7, 10, 12 (MacKenzie 1983).
func GCQSItems(s Subscale) []int {
	sd, ok := builtin(InstrumentGCQS).SubscaleDefinition(s)
	if !ok {
		return nil
	}
	return sd.Items
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

// Subscale returns the mean of subscale s, or 0 for a subscale the GCQ-S
// does not have.
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

// ScoreGCQS scores a GCQ-S from its twelve answers, some possibly missing,
// with the built-in definition. Answers must be whole numbers 0-6
// (*AnswerError, all reported at once). More than GCQSMaxMissing missing
// answers is a *MissingError wrapping ErrTooManyMissing; so is a subscale
// with no answered item at all, since a mean of nothing is undefined.
func ScoreGCQS(answers [12]Answer) (GCQSScore, error) { return scoreGCQS(answers[:]) }

// ScoreGCQSAnswers is ScoreGCQS for a slice, as stored in an Administration.
// A slice of other than twelve answers is a *CountError.
func ScoreGCQSAnswers(answers []Answer) (GCQSScore, error) { return scoreGCQS(answers) }

func scoreGCQS(answers []Answer) (GCQSScore, error) {
	d := builtin(InstrumentGCQS)
	s, err := d.Score(answers, Options{})
	if err != nil {
		return GCQSScore{}, err
	}
	return gcqsFrom(d, s, answers)
}

// gcqsFrom reads the subscale means of a form that Score accepted.
func gcqsFrom(d *Definition, s Score, answers []Answer) (GCQSScore, error) {
	out := GCQSScore{Answered: s.Answered}
	for k := range d.Subscales {
		ss, err := d.subscale(k, answers)
		if err != nil {
			return GCQSScore{}, err
		}
		switch ss.Subscale {
		case SubscaleEngagement:
			out.Engagement = ss.Score
		case SubscaleAvoidance:
			out.Avoidance = ss.Score
		case SubscaleConflict:
			out.Conflict = ss.Score
		}
	}
	return out, nil
}

// MeanGCQS returns the group's climate for one session: the mean, subscale
// by subscale, of the members' scores from ScoreGCQS, each member's form
// counting once however many items it answered (MacKenzie 1983, the mean
// across the members who filled in the form; unverified against the
// primary text).
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
	out := GCQSScore{Answered: builtin(InstrumentGCQS).NumItems()}
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
	d := builtin(InstrumentGCQS)
	scale := d.Scale
	for _, s := range GCQSSubscales() {
		v, p := g.Subscale(s), path+"."+s.String()
		switch {
		case !isFinite(v):
			errs = append(errs, &FieldError{Pkg: "measure", Path: p, Problem: "mean is not a finite number", Err: ErrNotFinite})
		case v < scale.Min || v > scale.Max:
			errs = append(errs, &FieldError{Pkg: "measure", Path: p, Problem: "mean " + fmtFloat(v) + " outside " +
				fmtFloat(scale.Min) + "-" + fmtFloat(scale.Max), Err: ErrOutOfRange})
		}
	}
	items := d.NumItems()
	switch {
	case g.Answered < 0 || g.Answered > items:
		errs = append(errs, &FieldError{Pkg: "measure", Path: path + ".answered", Problem: "must be 0-" + strconv.Itoa(items)})
	case items-g.Answered > GCQSMaxMissing:
		errs = append(errs, &FieldError{Pkg: "measure", Path: path + ".answered", Problem: "too few items answered",
			Err: &MissingError{Instrument: InstrumentGCQS, Missing: items - g.Answered, Max: GCQSMaxMissing}})
	}
	return errs
}
