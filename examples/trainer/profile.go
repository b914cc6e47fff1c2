package main

import (
	"time"

	"github.com/groupwork/groupwork/group"
	"github.com/groupwork/groupwork/session"
)

// profile is how a simulated member behaves: how often they take the floor,
// how long they hold it, what their acts are (Bales IPA categories) and
// whom they address, which observation tags their turns carry, and how they
// react to what just happened. The problem profiles follow the signs that
// Corey, Corey & Corey (Groups: Process and Practice) and Jacobs et al. (on
// the chronic talker) describe, as docs/reference/behaviours.md lists them;
// the numbers are this
// simulator's own choices, tuned so each behaviour shows within a 90-minute
// session.
type profile struct {
	Name   string // "monopolizer"
	Sketch string // what the behaviour looks like, in a few words

	Speak            float64       // relative weight of taking the next turn (an ordinary member: 1)
	TurnMin, TurnMax time.Duration // turn length, uniform in 15-second steps
	Acts             []weightedAct // IPA categories of the member's own turns
	ToLeader         float64       // share of turns aimed at the leader
	ToMember         float64       // share aimed at another member (the last member who spoke, if not self)
	Tags             []tagChance   // tags each turn carries with some probability

	Rescue float64 // chance of soothing another member's tension act at once (IPA 1 right after their IPA 11)
	Retort float64 // chance of answering a negative act aimed at them with disagreement (IPA 10)

	// Responds lists the leader skills the behaviour yields to; after one
	// of them is aimed at the member, Eased replaces the profile for
	// EasedTicks turns of the session. Any other skill changes nothing.
	Responds   []session.Skill
	Eased      *profile
	EasedTicks int
	// Answers says the member takes the next turn after a skill from
	// Responds, answering the leader (a drawn-out member speaks up).
	Answers bool
}

type weightedAct struct {
	Act session.Act
	W   float64
}

type tagChance struct {
	Tag session.Tag
	P   float64
}

// Shorthands for the tables below.
const (
	sec    = time.Second
	minute = time.Minute
)

var (
	actsOrdinary = []weightedAct{
		{session.ActGivesOpinion, 4}, {session.ActGivesOrientation, 2}, {session.ActAgrees, 2},
		{session.ActShowsSolidarity, 1}, {session.ActShowsTension, 1.5}, {session.ActAsksOpinion, 0.5},
	}
	tagsOrdinary = []tagChance{
		{session.TagHereAndNow, 0.4}, {session.TagFeeling, 0.4}, {session.TagSelfDisclosure, 0.25}, {session.TagFeedback, 0.1},
	}
)

// ordinary is a member with no problem behaviour: shares the floor, talks
// to the others, names feelings, sometimes shows tension (IPA 11).
var ordinary = profile{
	Name: "ordinary", Sketch: "takes a fair share, names feelings, sometimes shows tension",
	Speak: 1, TurnMin: 30 * sec, TurnMax: 2 * minute,
	Acts: actsOrdinary, ToLeader: 0.15, ToMember: 0.45, Tags: tagsOrdinary,
	Retort: 0.3,
}

// monopolizer holds the floor with frequent, long, there-and-then turns.
// Cut off gently and linked to others, he shortens his turns for a while
// (Jacobs et al., the chronic talker).
var monopolizer = profile{
	Name: "monopolizer", Sketch: "frequent, long turns, often about there-and-then",
	Speak: 1.6, TurnMin: 2 * minute, TurnMax: 5 * minute,
	Acts:     []weightedAct{{session.ActGivesOpinion, 5}, {session.ActGivesOrientation, 4}, {session.ActAgrees, 1}},
	ToLeader: 0.2, ToMember: 0.1,
	Tags:   []tagChance{{session.TagThereAndThen, 0.25}, {session.TagSelfDisclosure, 0.2}},
	Retort: 0.3,
	Responds: []session.Skill{session.SkillCuttingOff, session.SkillLinking, session.SkillFacilitating,
		session.SkillRounds, session.SkillGivingFeedback, session.SkillBlocking,
		session.SkillReflectingFeelings, session.SkillQuestioning},
	Eased: &profile{
		Name: "monopolizer, cut off", Speak: 0.8, TurnMin: 30 * sec, TurnMax: 90 * sec,
		Acts: actsOrdinary, ToLeader: 0.1, ToMember: 0.5, Tags: tagsOrdinary, Retort: 0.3,
	},
	EasedTicks: 30,
}

// silent is present but rarely speaks; drawn out, she answers and takes
// part for a while (Corey: never force, invite).
var silent = profile{
	Name: "silent", Sketch: "present, rarely speaks",
	Speak: 0.03, TurnMin: 20 * sec, TurnMax: 45 * sec,
	Acts: []weightedAct{{session.ActAgrees, 2}, {session.ActShowsTension, 1}}, ToLeader: 0.5,
	Tags: []tagChance{{session.TagFeeling, 0.3}},
	Responds: []session.Skill{session.SkillDrawingOut, session.SkillRounds, session.SkillDyads,
		session.SkillReflectingFeelings, session.SkillSupporting, session.SkillEmpathizing},
	Eased: &profile{
		Name: "silent, drawn out", Speak: 0.8, TurnMin: 45 * sec, TurnMax: 2 * minute,
		Acts: actsOrdinary, ToLeader: 0.3, ToMember: 0.4, Tags: tagsOrdinary,
	},
	EasedTicks: 15, Answers: true,
}

// hostile attacks (IPA 12) and disagrees (IPA 10), at the leader or at the
// member who just spoke. Confronted with care, or given feedback on the
// impact, he speaks for himself instead for a while (Corey).
var hostile = profile{
	Name: "hostile", Sketch: "sarcasm and attacks at the leader or the last speaker",
	Speak: 1.5, TurnMin: 30 * sec, TurnMax: 90 * sec,
	Acts: []weightedAct{{session.ActShowsAntagonism, 3}, {session.ActDisagrees, 2.5},
		{session.ActGivesOpinion, 2.5}, {session.ActGivesOrientation, 1}},
	ToLeader: 0.3, ToMember: 0.5,
	Retort: 0.6,
	Responds: []session.Skill{session.SkillConfronting, session.SkillGivingFeedback, session.SkillProtecting,
		session.SkillHoldingFocus, session.SkillFacilitating, session.SkillInterpreting, session.SkillBlocking,
		session.SkillActiveListening, session.SkillClarifying},
	Eased: &profile{
		Name: "hostile, owning it", Speak: 0.9, TurnMin: 30 * sec, TurnMax: 90 * sec,
		Acts:     []weightedAct{{session.ActGivesOpinion, 4}, {session.ActShowsTension, 1}, {session.ActDisagrees, 0.5}},
		ToLeader: 0.2, ToMember: 0.4, Tags: []tagChance{{session.TagFeeling, 0.4}, {session.TagHereAndNow, 0.4}},
		Retort: 0.2,
	},
	EasedTicks: 18, Answers: true,
}

// rescuer soothes another member's pain the moment it shows (band-aiding).
// Gently blocked, she lets others stay with their feelings for a while.
var rescuer = profile{
	Name: "rescuer", Sketch: "soothes others' pain the moment it shows",
	Speak: 0.9, TurnMin: 30 * sec, TurnMax: 75 * sec,
	Acts:     []weightedAct{{session.ActShowsSolidarity, 3}, {session.ActAgrees, 3}, {session.ActGivesOpinion, 2}},
	ToMember: 0.6, Tags: []tagChance{{session.TagHereAndNow, 0.3}},
	Rescue: 0.85,
	Responds: []session.Skill{session.SkillBlocking, session.SkillHoldingFocus, session.SkillQuestioning,
		session.SkillReflectingFeelings, session.SkillGivingFeedback},
	Eased: &profile{
		Name: "rescuer, holding back", Speak: 0.9, TurnMin: 30 * sec, TurnMax: 75 * sec,
		Acts: actsOrdinary, ToMember: 0.5, Tags: tagsOrdinary, Rescue: 0.1,
	},
	EasedTicks: 20,
}

// intellectualizer talks in the abstract and rarely names a feeling. Asked
// for feelings in the first person, he answers with one and stays closer
// to them for a while (Corey).
var intellectualizer = profile{
	Name: "intellectualizer", Sketch: "abstract, theory-laden talk without feeling",
	Speak: 1, TurnMin: 45 * sec, TurnMax: 150 * sec,
	Acts:     []weightedAct{{session.ActGivesOpinion, 4}, {session.ActGivesOrientation, 4}, {session.ActAsksOrientation, 0.5}},
	ToLeader: 0.1, ToMember: 0.3,
	Tags:   []tagChance{{session.TagAbstract, 0.7}},
	Retort: 0.6,
	Responds: []session.Skill{session.SkillReflectingFeelings, session.SkillQuestioning, session.SkillInitiating,
		session.SkillGivingFeedback, session.SkillConfronting, session.SkillHoldingFocus},
	Eased: &profile{
		Name: "intellectualizer, feeling", Speak: 1, TurnMin: 45 * sec, TurnMax: 2 * minute,
		Acts: actsOrdinary, ToLeader: 0.1, ToMember: 0.4,
		Tags: []tagChance{{session.TagFeeling, 0.7}, {session.TagHereAndNow, 0.5}, {session.TagAbstract, 0.2}}, Retort: 0.3,
	},
	EasedTicks: 20, Answers: true,
}

// leader is how the simulated trainee keeps the session going between the
// moments they are asked to decide: short, open process comments and
// questions to the group.
var leader = profile{
	Name: "leader", Speak: 0.5, TurnMin: 20 * sec, TurnMax: 60 * sec,
	Acts: []weightedAct{{session.ActAsksOpinion, 3}, {session.ActGivesOrientation, 2}, {session.ActAgrees, 1}},
	Tags: []tagChance{{session.TagHereAndNow, 0.5}},
}

// castMember is one simulated member: who, and how they behave.
type castMember struct {
	ID      group.MemberID
	Name    string
	Profile *profile
}

// cast is the simulated group: seven members of an interpersonal process
// group (about the ideal size, seven or eight: Yalom & Leszcz 2005, ch. 10),
// five of them showing
// one problem behaviour each.
var cast = []castMember{
	{"marcus", "Marcus", &monopolizer},
	{"nina", "Nina", &silent},
	{"owen", "Owen", &intellectualizer},
	{"priya", "Priya", &ordinary},
	{"rosa", "Rosa", &rescuer},
	{"tom", "Tom", &ordinary},
	{"victor", "Victor", &hostile},
}
