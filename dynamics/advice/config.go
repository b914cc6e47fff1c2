package advice

import (
	"encoding/json"
	"time"
)

// Config holds the detectors' thresholds and how a Monitor settles on a
// detection. The field publishes the signs of each problem behaviour
// (Corey, Corey & Corey; Jacobs et al.) but no validated cut-offs, so every
// threshold is a setting: the defaults (DefaultConfig, with each value and
// its reason on its field) are this library's heuristics for a 60-150
// minute group of 5-15 members, calibrated so that the balanced sessions of
// the calibration corpus (testdata/calibration) raise nothing. Shares and
// silences are read from the talk-expected figures (dynamics.Participation):
// art-making, formal practice, a break or a lecture count for none of them.
// Durations are written in JSON as Go duration strings ("15m").
//
// Config is a plain value; the zero value is not valid (use DefaultConfig).
type Config struct {
	// MinMemberTalk is how much member talk, in talk-expected time, must
	// have happened before the share-based detectors (monopolizing,
	// silence by share) speak. Default 5m: shares of less are noise
	// (heuristic, the library's own).
	MinMemberTalk time.Duration `json:"minMemberTalk"`
	// MinMemberTurns is the number of member turns, in talk-expected time,
	// the share-based detectors wait for besides MinMemberTalk, until
	// MinElapsed has passed. Default 10: a share of a handful of turns says
	// little (heuristic, the library's own).
	MinMemberTurns int `json:"minMemberTurns"`
	// MinElapsed is the talk-expected session time after which shares are
	// judged on talk time alone, without MinMemberTurns: a member who holds
	// most of the talk in a few long turns is monopolizing however few the
	// turns. Default 15m (heuristic, the library's own).
	MinElapsed time.Duration `json:"minElapsed"`

	// MonopolyFactor: a member monopolizes with a talk share of at least
	// MonopolyFactor times their fair share (dynamics.Participation: 1/n
	// for n members there throughout), as it stood before their latest
	// turn (checked just after a turn, a share peaks by it; a monologue of
	// twice LongTurn counts), or with a turn share that high together with
	// a talk share halfway from fair to that limit (many short
	// interjections). Default 2: twice a fair share, the chronic talker
	// who takes the time of others (Jacobs et al., chs. 7-8; the factor is
	// the library's own).
	MonopolyFactor float64 `json:"monopolyFactor"`
	// LongTurn marks a single turn as long, evidence for monopolizing and
	// needed for storytelling. Default 4m: over twice a check-in share of
	// 1-1.5 minutes per member (heuristic, the library's own).
	LongTurn time.Duration `json:"longTurn"`

	// SilentFor: a member who has not spoken is silent after SilentFor of
	// talk-expected time in the room; a member who has spoken and been
	// there at least SilentFor is silent with a talk share below
	// SilenceFactor times their fair share (times the median member's
	// share of theirs, when that is below 1). Silence is judged once the
	// share-based detectors speak (MinMemberTalk) and while talk is shared:
	// when the median member has had less than half a fair share, one
	// member has held the floor, and the others' silence is the group's
	// (monopolizing says so). Defaults 20m, a quarter of a 90-minute
	// session, and 0.25, a quarter of a fair share (heuristic, the
	// library's own; Corey, Corey & Corey name no figure: "no turns for a
	// long stretch").
	SilentFor     time.Duration `json:"silentFor"`
	SilenceFactor float64       `json:"silenceFactor"`

	// QuestionActs: questioning is at least QuestionActs IPA 7-9 acts aimed
	// at members. Default 4: a run of questions, more than a member's
	// usual one or two (heuristic, the library's own).
	QuestionActs int `json:"questionActs"`
	// AdviceActs: advice giving is at least AdviceActs IPA 4 acts (or
	// advice-tagged turns) aimed at members. Default 3 (heuristic, the
	// library's own).
	AdviceActs int `json:"adviceActs"`
	// BandAids: band-aiding is at least BandAids positive acts right after
	// another member's tension act. Default 2: once may be kindness, twice
	// is a pattern (heuristic, the library's own).
	BandAids int `json:"bandAids"`
	// HostileActs: hostility is at least HostileActs IPA 12 acts. Default
	// 2: Corey, Corey & Corey say not to ignore it, so the second act is
	// enough (the number is the library's own).
	HostileActs int `json:"hostileActs"`
	// Dependency: at least DependencyTurns turns in open segments, of which
	// at least DependencyShare are aimed at facilitators, not counting
	// disagreement or antagonism (IPA 10 and 12: a challenge is not
	// dependence). Guided segments (rounds, homework review, inquiry) do
	// not count. Defaults 5 and 0.7 (heuristic, the library's own).
	DependencyTurns int     `json:"dependencyTurns"`
	DependencyShare float64 `json:"dependencyShare"`
	// ScapegoatSenders: scapegoating is negative acts (IPA 10-12) from at
	// least ScapegoatSenders different members converging on one member.
	// Default 3: "several members" (Clark 2002), read as three.
	ScapegoatSenders int `json:"scapegoatSenders"`
	// Subgrouping: a subgroup whose members aim at least SubgroupInside of
	// all their turns inside it, over at least SubgroupTurns turns; or at
	// least SideConversations side-conversation turns. Defaults 0.8, 6 and
	// 3 (heuristic, the library's own).
	SubgroupInside    float64 `json:"subgroupInside"`
	SubgroupTurns     int     `json:"subgroupTurns"`
	SideConversations int     `json:"sideConversations"`
	// LeaderChallengeActs: a challenge to the leader is at least
	// LeaderChallengeActs IPA 10 or 12 acts by members aimed at one
	// facilitator. Default 2 (heuristic, the library's own).
	LeaderChallengeActs int `json:"leaderChallengeActs"`
	// ConflictActs: member-member conflict is at least ConflictActs IPA 10
	// or 12 acts each way between two members. Default 2: reciprocated,
	// more than a single exchange (heuristic, the library's own).
	ConflictActs int `json:"conflictActs"`
	// TagTurns: storytelling, intellectualizing and emotionality need at
	// least TagTurns turns with the telling tags (there-and-then or
	// about-absent; abstract without feeling; intense affect with a talk
	// share above one and a half fair shares). Default 3 (heuristic, the
	// library's own).
	TagTurns int `json:"tagTurns"`

	// Margin and Hold settle a Monitor on measures that move both ways
	// (shares, silences): a situation fires when its measure passes the
	// threshold by Margin (a fraction of the threshold), or stays past the
	// threshold at every check for Hold of session time; once fired, it
	// clears only when the measure falls Margin short of the threshold, so
	// that a value hovering at the threshold does not flap. Counts of acts
	// only grow and fire on reaching their threshold. Defaults 0.1 and 2m
	// (heuristic, the library's own). The evidence shows the margin.
	Margin float64       `json:"margin"`
	Hold   time.Duration `json:"hold"`
}

// DefaultConfig returns the default thresholds, each documented with its
// reason on its Config field:
//
//	MinMemberTalk        5m     MonopolyFactor    2     QuestionActs         4
//	MinMemberTurns       10     LongTurn          4m    AdviceActs           3
//	MinElapsed           15m    SilentFor         20m   BandAids             2
//	Margin               0.1    SilenceFactor     0.25  HostileActs          2
//	Hold                 2m     DependencyTurns   5     ScapegoatSenders     3
//	SubgroupInside       0.8    DependencyShare   0.7   LeaderChallengeActs  2
//	SubgroupTurns        6      SideConversations 3     ConflictActs         2
//	TagTurns             3
func DefaultConfig() Config {
	return Config{
		MinMemberTalk:       5 * time.Minute,
		MinMemberTurns:      10,
		MinElapsed:          15 * time.Minute,
		MonopolyFactor:      2,
		LongTurn:            4 * time.Minute,
		SilentFor:           20 * time.Minute,
		SilenceFactor:       0.25,
		QuestionActs:        4,
		AdviceActs:          3,
		BandAids:            2,
		HostileActs:         2,
		DependencyTurns:     5,
		DependencyShare:     0.7,
		ScapegoatSenders:    3,
		SubgroupInside:      0.8,
		SubgroupTurns:       6,
		SideConversations:   3,
		LeaderChallengeActs: 2,
		ConflictActs:        2,
		TagTurns:            3,
		Margin:              0.1,
		Hold:                2 * time.Minute,
	}
}

// past measures value against threshold in the direction its metric goes
// (below: a silence's share falls under it) and returns the margin, the
// distance past the threshold as a fraction of it (negative when short of
// it), and whether a detector reports it: past the threshold, or within
// Margin short of it, where a Monitor keeps an open episode open. A
// threshold of 0 or less (a fair share of nothing) reports nothing.
func (c Config) past(value, threshold float64, below bool) (margin float64, report bool) {
	if !(threshold > 0) {
		return 0, false
	}
	if below {
		margin = (threshold - value) / threshold
	} else {
		margin = (value - threshold) / threshold
	}
	return margin, margin >= -c.Margin
}

// Validate reports every problem with c at once: a negative or zero
// threshold, a factor or share out of range.
func (c Config) Validate() error {
	f := problems()
	pos := func(path string, ok bool) {
		if !ok {
			f.Add(path, "must be positive", ErrInvalidConfig)
		}
	}
	share := func(path string, v float64) {
		if !(v > 0 && v <= 1) {
			f.Add(path, "must be within (0, 1]", ErrInvalidConfig)
		}
	}
	pos("minMemberTalk", c.MinMemberTalk > 0)
	pos("minMemberTurns", c.MinMemberTurns > 0)
	pos("minElapsed", c.MinElapsed > 0)
	pos("monopolyFactor", c.MonopolyFactor > 1)
	pos("longTurn", c.LongTurn > 0)
	pos("silentFor", c.SilentFor > 0)
	share("silenceFactor", c.SilenceFactor)
	pos("questionActs", c.QuestionActs > 0)
	pos("adviceActs", c.AdviceActs > 0)
	pos("bandAids", c.BandAids > 0)
	pos("hostileActs", c.HostileActs > 0)
	pos("dependencyTurns", c.DependencyTurns > 0)
	share("dependencyShare", c.DependencyShare)
	pos("scapegoatSenders", c.ScapegoatSenders > 1)
	share("subgroupInside", c.SubgroupInside)
	pos("subgroupTurns", c.SubgroupTurns > 0)
	pos("sideConversations", c.SideConversations > 0)
	pos("leaderChallengeActs", c.LeaderChallengeActs > 0)
	pos("conflictActs", c.ConflictActs > 0)
	pos("tagTurns", c.TagTurns > 0)
	if !(c.Margin >= 0 && c.Margin < 1) {
		f.Add("margin", "must be within [0, 1)", ErrInvalidConfig)
	}
	if c.Hold < 0 {
		f.Add("hold", "must not be negative", ErrInvalidConfig)
	}
	return f.Err()
}

// configJSON is Config with its durations as strings.
type configJSON struct {
	MinMemberTalk string `json:"minMemberTalk"`
	MinElapsed    string `json:"minElapsed"`
	LongTurn      string `json:"longTurn"`
	SilentFor     string `json:"silentFor"`
	Hold          string `json:"hold"`
	configNumbers
}

// configNumbers aliases Config without its methods, so its durations can be
// shadowed by configJSON's strings.
type configNumbers Config

// durations returns the duration fields of c with their JSON names and
// text, for MarshalJSON and UnmarshalJSON to share.
func (w *configJSON) durations(c *Config) []struct {
	path string
	text *string
	dst  *time.Duration
} {
	return []struct {
		path string
		text *string
		dst  *time.Duration
	}{
		{"minMemberTalk", &w.MinMemberTalk, &c.MinMemberTalk}, {"minElapsed", &w.MinElapsed, &c.MinElapsed},
		{"longTurn", &w.LongTurn, &c.LongTurn}, {"silentFor", &w.SilentFor, &c.SilentFor}, {"hold", &w.Hold, &c.Hold},
	}
}

// MarshalJSON writes c with durations as Go duration strings.
func (c Config) MarshalJSON() ([]byte, error) {
	w := configJSON{configNumbers: configNumbers(c)}
	for _, d := range w.durations(&c) {
		*d.text = d.dst.String()
	}
	return json.Marshal(w)
}

// UnmarshalJSON reads a Config written by MarshalJSON. Fields it does not
// mention keep their values, so decoding onto DefaultConfig overrides only
// what the file sets. The result must pass Validate, so that whatever JSON
// a Config accepts builds a monitor and encodes again; the one exception is
// the zero Config, which a MonitorSpec reads as DefaultConfig and writes
// as it is. c is unchanged on error.
func (c *Config) UnmarshalJSON(b []byte) error {
	in := configJSON{configNumbers: configNumbers(*c)}
	for _, d := range in.durations(c) {
		*d.text = d.dst.String()
	}
	if err := json.Unmarshal(b, &in); err != nil {
		return err
	}
	out := Config(in.configNumbers)
	f := problems()
	for _, d := range in.durations(&out) {
		v, err := time.ParseDuration(*d.text)
		if err != nil {
			f.Add(d.path, "not a duration such as \"15m\"", ErrInvalidConfig)
			continue
		}
		*d.dst = v
	}
	if err := f.Err(); err != nil {
		return err
	}
	if out != (Config{}) {
		if err := out.Validate(); err != nil {
			return err
		}
	}
	*c = out
	return nil
}
