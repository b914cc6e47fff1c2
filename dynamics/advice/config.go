package advice

import (
	"encoding/json"
	"time"
)

// Config holds the detectors' thresholds. The defaults (DefaultConfig) are
// this library's heuristics for a 60-150 minute group of 5-15 members, chosen
// so that a balanced session raises nothing; the field publishes the signs
// (DOMAIN.md section 5) but no validated cut-offs, so every threshold is a
// setting. Durations are written in JSON as Go duration strings ("15m").
//
// Config is a plain value; the zero value is not valid (use DefaultConfig).
type Config struct {
	// MinMemberTalk is how much member talk must have happened before the
	// share-based detectors (monopolizing, silence by share) speak: early
	// shares are noise.
	MinMemberTalk time.Duration `json:"minMemberTalk"`
	// MinMemberTurns is the number of member turns the share-based
	// detectors wait for besides MinMemberTalk: a share of a handful of
	// turns says little.
	MinMemberTurns int `json:"minMemberTurns"`

	// Monopolizing: a talk share at least MonopolyFactor times the fair
	// share (1 / members attending), or a turn share that high together with
	// a talk share halfway from fair to that limit (many short interjections). LongTurn marks a
	// single turn as long (evidence for monopolizing and storytelling).
	MonopolyFactor float64       `json:"monopolyFactor"`
	LongTurn       time.Duration `json:"longTurn"`

	// Silence: present with no turn for SilentFor, or, for a member present
	// at least SilentFor who has spoken, a talk share below SilenceFactor
	// times the fair share.
	SilentFor     time.Duration `json:"silentFor"`
	SilenceFactor float64       `json:"silenceFactor"`

	// Questioning: at least QuestionActs IPA 7-9 acts aimed at members.
	QuestionActs int `json:"questionActs"`
	// Advice giving: at least AdviceActs IPA 4 acts (or advice-tagged turns)
	// aimed at members.
	AdviceActs int `json:"adviceActs"`
	// Band-aiding: at least BandAids positive acts right after another
	// member's tension act.
	BandAids int `json:"bandAids"`
	// Hostility: at least HostileActs IPA 12 acts.
	HostileActs int `json:"hostileActs"`
	// Dependency: at least DependencyTurns turns, of which at least
	// DependencyShare aimed at facilitators, not counting disagreement or
	// antagonism (IPA 10 and 12: a challenge is not dependence).
	DependencyTurns int     `json:"dependencyTurns"`
	DependencyShare float64 `json:"dependencyShare"`
	// Scapegoating: negative acts (IPA 10-12) from at least ScapegoatSenders
	// different members converge on one member.
	ScapegoatSenders int `json:"scapegoatSenders"`
	// Subgrouping: a subgroup whose members aim at least SubgroupInside of
	// all their turns inside it, over at least SubgroupTurns
	// turns; or at least SideConversations side-conversation turns.
	SubgroupInside    float64 `json:"subgroupInside"`
	SubgroupTurns     int     `json:"subgroupTurns"`
	SideConversations int     `json:"sideConversations"`
	// Challenge to the leader: at least LeaderChallengeActs IPA 10 or 12
	// acts by members aimed at one facilitator.
	LeaderChallengeActs int `json:"leaderChallengeActs"`
	// Member-member conflict: at least ConflictActs IPA 10 or 12 acts each
	// way between two members.
	ConflictActs int `json:"conflictActs"`
	// Storytelling, intellectualizing and emotionality: at least TagTurns
	// turns with the telling tags (there-and-then or about-absent; abstract
	// without feeling; intense affect with an above-fair talk share).
	TagTurns int `json:"tagTurns"`
}

// DefaultConfig returns the documented default thresholds.
func DefaultConfig() Config {
	return Config{
		MinMemberTalk:       5 * time.Minute,
		MinMemberTurns:      10,
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
	}
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
	return f.Err()
}

// configJSON is Config with its durations as strings.
type configJSON struct {
	MinMemberTalk string `json:"minMemberTalk"`
	LongTurn      string `json:"longTurn"`
	SilentFor     string `json:"silentFor"`
	configNumbers
}

// configNumbers aliases Config without its methods, so its durations can be
// shadowed by configJSON's strings.
type configNumbers Config

// MarshalJSON writes c with durations as Go duration strings.
func (c Config) MarshalJSON() ([]byte, error) {
	return json.Marshal(configJSON{
		MinMemberTalk: c.MinMemberTalk.String(),
		LongTurn:      c.LongTurn.String(),
		SilentFor:     c.SilentFor.String(),
		configNumbers: configNumbers(c),
	})
}

// UnmarshalJSON reads a Config written by MarshalJSON. Fields it does not
// mention keep their values, so decoding onto DefaultConfig overrides only
// what the file sets. The result must pass Validate, so that whatever JSON
// a Config accepts builds a monitor and encodes again; the one exception is
// the zero Config, which a MonitorSpec reads as DefaultConfig and writes
// as it is. c is unchanged on error.
func (c *Config) UnmarshalJSON(b []byte) error {
	in := configJSON{
		MinMemberTalk: c.MinMemberTalk.String(),
		LongTurn:      c.LongTurn.String(),
		SilentFor:     c.SilentFor.String(),
		configNumbers: configNumbers(*c),
	}
	if err := json.Unmarshal(b, &in); err != nil {
		return err
	}
	out := Config(in.configNumbers)
	f := problems()
	for _, d := range []struct {
		path string
		text string
		dst  *time.Duration
	}{{"minMemberTalk", in.MinMemberTalk, &out.MinMemberTalk}, {"longTurn", in.LongTurn, &out.LongTurn}, {"silentFor", in.SilentFor, &out.SilentFor}} {
		v, err := time.ParseDuration(d.text)
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
