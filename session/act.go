package session

import (
	"encoding/json"
	"math/bits"

	"github.com/groupwork/groupwork/internal/vocab/enum"
)

// Act is a Bales Interaction Process Analysis category: what one act (about
// one simple sentence) does in the group. Categories run 1 to 12 in Bales'
// order; the zero value, ActUncoded, means the turn was not coded and is
// allowed on any turn.
//
// Source: Bales, R. F. (1950). Interaction Process Analysis: A Method for
// the Study of Small Groups. Addison-Wesley (category list and the six
// functional problems; see docs/reference/sessions.md).
type Act uint8

// The twelve IPA categories.
const (
	ActUncoded             Act = iota // (uncoded)
	ActShowsSolidarity                // (shows-solidarity) 1: raises others' status, gives help, rewards
	ActShowsTensionRelease            // (shows-tension-release) 2: jokes, laughs, shows satisfaction
	ActAgrees                         // (agrees) 3: shows passive acceptance, understands, complies
	ActGivesSuggestion                // (gives-suggestion) 4: gives direction, implying autonomy for others
	ActGivesOpinion                   // (gives-opinion) 5: evaluation, analysis, expresses feeling or wish
	ActGivesOrientation               // (gives-orientation) 6: information, repeats, clarifies, confirms
	ActAsksOrientation                // (asks-orientation) 7: asks for information, repetition, confirmation
	ActAsksOpinion                    // (asks-opinion) 8: asks for evaluation, analysis, expression of feeling
	ActAsksSuggestion                 // (asks-suggestion) 9: asks for direction, possible ways of action
	ActDisagrees                      // (disagrees) 10: passive rejection, formality, withholds help
	ActShowsTension                   // (shows-tension) 11: asks for help, withdraws out of field
	ActShowsAntagonism                // (shows-antagonism) 12: deflates others' status, defends or asserts self
)

// NumActs is the number of IPA categories (1 to NumActs).
const NumActs = 12

var actText = enum.Table[Act]{Pkg: "session", Type: "Act", Names: []string{
	"uncoded", "shows-solidarity", "shows-tension-release", "agrees", "gives-suggestion",
	"gives-opinion", "gives-orientation", "asks-orientation", "asks-opinion", "asks-suggestion",
	"disagrees", "shows-tension", "shows-antagonism",
}}

// String returns the category's text form.
func (a Act) String() string { return actText.String(a) }

// IsValid reports whether a is one of the twelve categories.
func (a Act) IsValid() bool { return actText.Valid(a) }

// MarshalText implements encoding.TextMarshaler.
func (a Act) MarshalText() ([]byte, error) { return actText.Marshal(a) }

// UnmarshalText implements encoding.TextUnmarshaler.
func (a *Act) UnmarshalText(b []byte) error { return actText.Unmarshal(a, b) }

// ParseAct returns the category whose text form is s.
func ParseAct(s string) (Act, error) { return actText.Parse(s) }

// Area is one of Bales' four areas, each of three categories.
type Area uint8

// The four IPA areas. The zero value means "no area" (an uncoded act).
const (
	AreaNone              Area = iota
	AreaPositiveReactions      // categories 1-3: social-emotional, positive
	AreaAttemptedAnswers       // categories 4-6: task area, answers
	AreaQuestions              // categories 7-9: task area, questions
	AreaNegativeReactions      // categories 10-12: social-emotional, negative
)

var areaText = enum.Table[Area]{Pkg: "session", Type: "Area", Names: []string{
	"none", "positive-reactions", "attempted-answers", "questions", "negative-reactions",
}}

// String returns the area's text form ("positive-reactions"), or "Area(n)"
// for an unknown value. Areas are derived from an Act and have no parser.
func (a Area) String() string { return areaText.String(a) }

// Area returns the area the category belongs to, or AreaNone for an
// uncoded or unknown act.
func (a Act) Area() Area {
	if !a.IsValid() {
		return AreaNone
	}
	return Area((a-1)/3 + 1)
}

// IsTask reports whether a belongs to the task area (categories 4-9).
func (a Act) IsTask() bool { return a >= ActGivesSuggestion && a <= ActAsksSuggestion }

// IsSocialEmotional reports whether a belongs to the social-emotional area
// (categories 1-3 and 10-12).
func (a Act) IsSocialEmotional() bool { return a.IsValid() && !a.IsTask() }

// IsPositive reports whether a is a positive reaction (categories 1-3).
func (a Act) IsPositive() bool { return a.Area() == AreaPositiveReactions }

// IsNegative reports whether a is a negative reaction (categories 10-12).
func (a Act) IsNegative() bool { return a.Area() == AreaNegativeReactions }

// IsQuestion reports whether a asks for something (categories 7-9).
func (a Act) IsQuestion() bool { return a.Area() == AreaQuestions }

// Problem is one of Bales' six functional problems; each pairs two
// categories symmetric about the middle of the list (6&7, 5&8, 4&9, 3&10,
// 2&11, 1&12).
type Problem uint8

// The six functional problems. The zero value means "none" (uncoded act).
const (
	ProblemNone              Problem = iota
	ProblemOrientation               // 6 & 7
	ProblemEvaluation                // 5 & 8
	ProblemControl                   // 4 & 9
	ProblemDecision                  // 3 & 10
	ProblemTensionManagement         // 2 & 11
	ProblemIntegration               // 1 & 12
)

var problemText = enum.Table[Problem]{Pkg: "session", Type: "Problem", Names: []string{
	"none", "orientation", "evaluation", "control", "decision", "tension-management", "integration",
}}

// String returns the problem's text form ("tension-management"), or
// "Problem(n)" for an unknown value. Problems are derived from an Act and
// have no parser.
func (p Problem) String() string { return problemText.String(p) }

// Problem returns the functional problem the category addresses.
func (a Act) Problem() Problem {
	if !a.IsValid() {
		return ProblemNone
	}
	// Categories c and 13-c share a problem; 6 is orientation and 1 integration.
	c := int(a)
	if c > 6 {
		c = 13 - c
	}
	return Problem(7 - c)
}

// Tag marks what a turn was like beyond its IPA category, as a facilitator
// or coder observed it. Tags feed the problem-behaviour detectors
// (storytelling, intellectualizing, emotionality, subgrouping) and the stage
// estimate (self-disclosure and feedback mark the working stage). Sources:
// Corey, Corey & Corey, Groups: Process and Practice (problem behaviours);
// Yalom & Leszcz (2005) on here-and-now and there-and-then talk.
type Tag uint16

// The tags. Several may be set on one turn (a Tags set).
const (
	TagThereAndThen     Tag = 1 << iota // (there-and-then) past or outside events, narrative
	TagHereAndNow                       // (here-and-now) about what is happening in the room
	TagAboutAbsent                      // (about-absent) details about people not in the group
	TagAbstract                         // (abstract) general or intellectual talk without feeling
	TagFeeling                          // (feeling) names a feeling, first person
	TagIntenseAffect                    // (intense-affect) strong emotion shown
	TagQuestion                         // (question) a question, whatever its IPA category
	TagSelfDisclosure                   // (self-disclosure) shares something personal
	TagFeedback                         // (feedback) tells another member how they come across
	TagAdvice                           // (advice) offers a solution to another's problem
	TagSideConversation                 // (side-conversation) a private exchange within the group
	TagReassurance                      // (reassurance) soothes or smooths over another's distress
)

var tagNames = [...]string{
	"there-and-then", "here-and-now", "about-absent", "abstract", "feeling", "intense-affect",
	"question", "self-disclosure", "feedback", "advice", "side-conversation", "reassurance",
}

// numTags is the number of defined tags.
const numTags = len(tagNames)

// String returns the tag's text form, or "Tag(0x..)" for anything that is
// not exactly one defined tag.
func (t Tag) String() string {
	if t != 0 && t&(t-1) == 0 && bits.TrailingZeros16(uint16(t)) < numTags {
		return tagNames[bits.TrailingZeros16(uint16(t))]
	}
	return "Tag(" + hex16(uint16(t)) + ")"
}

// ParseTag returns the tag whose text form is s.
func ParseTag(s string) (Tag, error) {
	for i, n := range tagNames {
		if n == s {
			return Tag(1) << i, nil
		}
	}
	return 0, newParseError("Tag", s)
}

// Tags is a set of tags. The zero value is the empty set.
type Tags uint16

// allTags is the mask of defined tags.
const allTags = Tags(1)<<numTags - 1

// TagsOf returns the set holding the given tags.
func TagsOf(tags ...Tag) Tags {
	var s Tags
	for _, t := range tags {
		s = s.With(t)
	}
	return s
}

// Has reports whether every tag in t is in s.
func (s Tags) Has(t Tag) bool { return t != 0 && Tags(t)&s == Tags(t) }

// With returns s with t added.
func (s Tags) With(t Tag) Tags { return s | Tags(t) }

// IsValid reports whether s holds only defined tags.
func (s Tags) IsValid() bool { return s&^allTags == 0 }

// List returns the tags in s in declaration order.
func (s Tags) List() []Tag {
	var out []Tag
	for i := range numTags {
		if s&(1<<i) != 0 {
			out = append(out, Tag(1)<<i)
		}
	}
	return out
}

// MarshalJSON encodes s as an array of tag names in declaration order.
// Undefined bits are an error.
func (s Tags) MarshalJSON() ([]byte, error) {
	if !s.IsValid() {
		return nil, newParseError("Tags", hex16(uint16(s)))
	}
	names := make([]string, 0, bits.OnesCount16(uint16(s)))
	for _, t := range s.List() {
		names = append(names, t.String())
	}
	return json.Marshal(names)
}

// UnmarshalJSON decodes an array of tag names (or null); s is unchanged on error.
func (s *Tags) UnmarshalJSON(b []byte) error {
	var names []string
	if err := json.Unmarshal(b, &names); err != nil {
		return err
	}
	var out Tags
	for _, n := range names {
		t, err := ParseTag(n)
		if err != nil {
			return err
		}
		out = out.With(t)
	}
	*s = out
	return nil
}

func hex16(v uint16) string {
	const digits = "0123456789abcdef"
	b := []byte("0x0000")
	for i := 5; i >= 2; i-- {
		b[i] = digits[v&0xf]
		v >>= 4
	}
	return string(b)
}
