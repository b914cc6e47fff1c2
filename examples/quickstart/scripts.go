package main

import (
	"time"

	"github.com/groupwork/groupwork/group"
	"github.com/groupwork/groupwork/session"
)

const (
	second = time.Second
	minute = time.Minute
)

// The parties who speak: the two facilitators, the whole group, a member.
var (
	lead   = session.FacilitatorParty(reyes)
	colead = session.FacilitatorParty(okafor)
	all    = session.WholeGroup()
	member = session.MemberParty
)

// leads are the facilitators who run every session.
var leads = []group.FacilitatorID{reyes, okafor}

// scripts returns the sessions the story plays, by number.
func scripts() map[int]script {
	return map[int]script{1: sessionOne(), 6: sessionSix()}
}

// sessionOne is the first meeting: polite, guarded, members talking to the
// leaders and asking about the rules.
func sessionOne() script {
	return script{
		heading: "4. Session 1: forming",
		about: []string{
			"The first meeting, played from scripted events through an advice.Room (a session.Session and its",
			"advice.Monitor). In forming, members talk to the leaders, ask how things work, say little.",
		},
		events: func(s *scene) {
			room := s.room
			turn := func(from, to session.Party, d time.Duration, act session.Act, tags ...session.Tag) {
				s.keep(room.Speak(s.now, session.Turn{Speaker: from, Addressee: to, Duration: d, Act: act, Tags: session.TagsOf(tags...)}))
				s.now = s.now.Add(d)
			}
			intervene := func(f group.FacilitatorID, k session.Skill, target session.Party) {
				s.keep(room.Intervene(s.now, session.Intervention{Facilitator: f, Skill: k, Target: target}))
			}
			s.keep(room.Start(s.now, leads, []group.MemberID{priya, marcus, elena, dmitri, grace, owen, farah}, false))
			s.keep(room.BeginSegment(s.now, session.SegmentOpening))
			s.say("Dr. Reyes welcomes the group; Sam Okafor explains confidentiality and its limits")
			turn(lead, all, 3*minute, session.ActGivesOrientation)
			turn(colead, all, 2*minute, session.ActGivesOrientation)

			s.keep(room.BeginSegment(s.now, session.SegmentMeasures))
			s.measures()
			s.at(10 * minute)
			s.keep(room.BeginSegment(s.now, session.SegmentCheckIn))
			s.say("check-in round: each member says what brings them, to the leaders")
			turn(member(priya), lead, 75*second, session.ActGivesOrientation, session.TagSelfDisclosure)
			turn(member(marcus), lead, 60*second, session.ActGivesOrientation)
			turn(member(elena), lead, 15*second, session.ActGivesOrientation)
			turn(member(dmitri), lead, 70*second, session.ActGivesOrientation, session.TagSelfDisclosure)
			s.keep(room.Arrive(s.now, jonah))
			s.say("Jonah arrives, late")
			s.measures()
			turn(member(grace), lead, 70*second, session.ActGivesOrientation)
			turn(member(owen), lead, 90*second, session.ActGivesOrientation, session.TagSelfDisclosure)
			turn(member(farah), lead, 80*second, session.ActAsksOrientation, session.TagQuestion)
			turn(member(jonah), lead, 60*second, session.ActGivesOrientation)

			s.at(20 * minute)
			s.say("still in check-in: Dr. Reyes goes over the group agreement; each member names a goal")
			turn(lead, all, 4*minute, session.ActGivesOrientation)
			turn(member(farah), lead, 40*second, session.ActAsksOrientation, session.TagQuestion)
			turn(lead, member(farah), 40*second, session.ActGivesOrientation)
			turn(member(farah), lead, 30*second, session.ActAsksOrientation, session.TagQuestion)
			turn(colead, member(farah), 30*second, session.ActGivesOrientation)
			turn(member(marcus), lead, 40*second, session.ActAsksOpinion, session.TagQuestion)
			turn(lead, member(marcus), 60*second, session.ActGivesOpinion)
			turn(member(priya), lead, 30*second, session.ActAsksOrientation, session.TagQuestion)
			turn(member(owen), colead, 30*second, session.ActAsksOrientation, session.TagQuestion)
			turn(member(farah), lead, 30*second, session.ActAsksSuggestion, session.TagQuestion)
			intervene(reyes, session.SkillSettingGoals, all)
			for _, g := range []struct {
				id group.MemberID
				d  time.Duration
			}{{priya, 60 * second}, {marcus, 50 * second}, {elena, 10 * second}, {dmitri, 60 * second},
				{jonah, 50 * second}, {grace, 60 * second}, {owen, 70 * second}, {farah, 50 * second}} {
				turn(member(g.id), lead, g.d, session.ActGivesOpinion)
			}
			s.say("goals round: every one of Farah's turns has gone to the leaders; Elena has said two sentences")
			s.at(40 * minute)
			s.advise("after the agreement and goals")

			s.say("Dr. Reyes turns Farah's next question to the group; Sam Okafor plans pair work for later")
			intervene(reyes, session.SkillFacilitating, member(farah))
			turn(member(grace), member(farah), 40*second, session.ActGivesOrientation)
			turn(member(farah), member(grace), 30*second, session.ActAgrees)
			s.at(42 * minute)
			s.keep(room.BeginSegment(s.now, session.SegmentNewMaterial))
			turn(lead, all, 14*minute, session.ActGivesOrientation)
			turn(member(owen), lead, 40*second, session.ActAsksOrientation, session.TagQuestion)
			turn(member(priya), all, 60*second, session.ActGivesOpinion, session.TagSelfDisclosure)
			turn(member(dmitri), member(priya), 40*second, session.ActAgrees)
			s.at(69 * minute)
			s.keep(room.BeginSegment(s.now, session.SegmentBreak))

			s.at(74 * minute)
			s.keep(room.BeginSegment(s.now, session.SegmentSkillPractice))
			s.say("pair work on a mood and situation log: members talk to each other for the first time")
			turn(colead, all, 2*minute, session.ActGivesOrientation)
			intervene(okafor, session.SkillDyads, all)
			for _, pair := range [][2]group.MemberID{{priya, grace}, {marcus, dmitri}, {owen, jonah}, {farah, elena}} {
				a, b := pair[0], pair[1]
				short := 90 * second
				if b == elena {
					short = 40 * second
				}
				turn(member(a), member(b), 2*minute, session.ActGivesOpinion, session.TagSelfDisclosure)
				turn(member(b), member(a), short, session.ActGivesOpinion)
				turn(member(a), member(b), 60*second, session.ActAsksOpinion)
			}
			s.at(105 * minute)
			s.advise("after the pair work")

			s.keep(room.BeginSegment(s.now, session.SegmentHomeworkAssignment))
			turn(lead, all, 3*minute, session.ActGivesSuggestion)
			s.at(110 * minute)
			s.keep(room.BeginSegment(s.now, session.SegmentCheckOut))
			for _, id := range []group.MemberID{priya, marcus, elena, dmitri, jonah, grace, owen, farah} {
				turn(member(id), all, 30*second, session.ActGivesOpinion)
			}
		},
		notes: notes{
			theme: "How thoughts shape mood: the group agreement, personal goals, situations, thoughts and feelings",
			process: "Members spoke mostly to the leaders. Farah asked many questions about the rules; " +
				"Elena said little until the pair work. Jonah came late.",
			content: "Agreement v1 reviewed with its limits of confidentiality. Each member set a goal. " +
				"Priya and Dmitri gave examples of a drop in mood. Mood and situation log set as homework.",
			member: map[group.MemberID][2]string{
				priya:  {"Engaged; gave an example of mood dropping after a call with her mother.", "Goal: return to part-time work. Baseline set."},
				marcus: {"Guarded; asked whether the group works for people like him.", "Goal: sleep before midnight. Baseline set."},
				elena:  {"Quiet through the large group; spoke in pair work about low energy.", "Goal: see one friend a week. Baseline set."},
				dmitri: {"Engaged; no thoughts of self-harm this week (reviewed at intake, safety plan in place).", "Goal: walk daily. Baseline set."},
				jonah:  {"Arrived late (bus); settled quickly and joined the goals round.", "Goal: cook one meal a day. Baseline set."},
				grace:  {"Attentive; described rumination in the evenings.", "Goal: fewer evenings in bed. Baseline set."},
				owen:   {"Spoke readily; described the loss of his job in detail.", "Goal: apply for two jobs a week. Baseline set."},
				farah:  {"Anxious about the rules; many questions to the leaders, reassured.", "Goal: go back to her choir. Baseline set."},
			},
		},
		show: []group.MemberID{elena, farah},
	}
}

// sessionSix is the middle of the program: a member who holds the floor,
// one who goes quiet, two who clash over the homework, and a challenge to
// the lead.
func sessionSix() script {
	return script{
		heading: "5. Session 6: storming",
		about: []string{
			"Mid-program, the group tests itself: Owen holds the floor, Elena goes quiet, Marcus and Jonah",
			"clash over the homework, Grace challenges the lead. Priya sent word she would miss it (excused).",
		},
		excused: away(6),
		events: func(s *scene) {
			room := s.room
			turn := func(from, to session.Party, d time.Duration, act session.Act, tags ...session.Tag) {
				s.keep(room.Speak(s.now, session.Turn{Speaker: from, Addressee: to, Duration: d, Act: act, Tags: session.TagsOf(tags...)}))
				s.now = s.now.Add(d)
			}
			intervene := func(f group.FacilitatorID, k session.Skill, target session.Party) {
				s.keep(room.Intervene(s.now, session.Intervention{Facilitator: f, Skill: k, Target: target}))
			}
			s.keep(room.Start(s.now, leads, []group.MemberID{elena, dmitri, jonah, grace, owen, farah}, false))
			s.keep(room.BeginSegment(s.now, session.SegmentOpening))
			turn(lead, all, 3*minute, session.ActGivesOrientation)
			s.at(5 * minute)
			s.keep(room.BeginSegment(s.now, session.SegmentCheckIn))
			s.measures()
			s.say("check-in: Owen tells the story of his week, about his former boss, for six minutes")
			turn(member(owen), all, 6*minute, session.ActGivesOpinion, session.TagThereAndThen, session.TagAboutAbsent)
			turn(member(grace), lead, 60*second, session.ActGivesOrientation)
			turn(member(owen), member(grace), 45*second, session.ActGivesSuggestion)
			turn(member(elena), lead, 10*second, session.ActGivesOrientation)
			turn(member(dmitri), lead, 60*second, session.ActGivesOrientation)
			turn(member(owen), member(dmitri), 30*second, session.ActGivesOpinion)
			s.keep(room.Arrive(s.now, marcus))
			s.say("Marcus arrives, late; Elena passes with a few words; Owen comments on each check-in")
			s.measures()
			turn(member(jonah), lead, 60*second, session.ActGivesOrientation)
			turn(member(owen), member(jonah), 30*second, session.ActGivesOpinion)
			turn(member(farah), lead, 60*second, session.ActGivesOrientation)
			turn(member(marcus), lead, 40*second, session.ActGivesOrientation)
			s.at(18 * minute)
			s.advise("the check-in has run over")

			s.say("Dr. Reyes cuts Owen off gently and links his week to the activity logs")
			intervene(reyes, session.SkillCuttingOff, member(owen))
			s.keep(room.BeginSegment(s.now, session.SegmentHomeworkReview))
			turn(member(jonah), all, 2*minute, session.ActGivesOpinion, session.TagSelfDisclosure)
			s.say("Jonah's walks lifted his mood; Marcus calls that naive, and it escalates between them")
			turn(member(marcus), member(jonah), 45*second, session.ActDisagrees)
			turn(member(jonah), member(marcus), 45*second, session.ActDisagrees)
			turn(member(marcus), member(jonah), 40*second, session.ActShowsAntagonism)
			turn(member(jonah), member(marcus), 40*second, session.ActShowsAntagonism)
			s.say("Grace, to the lead: the logs make her feel worse and nobody listens when she says so")
			turn(member(grace), lead, 60*second, session.ActDisagrees, session.TagFeeling)
			turn(lead, member(grace), 30*second, session.ActGivesOrientation)
			turn(member(grace), lead, 45*second, session.ActDisagrees)
			turn(member(owen), all, 2*minute, session.ActGivesOpinion, session.TagThereAndThen)
			s.at(28 * minute)
			s.advise("the homework review turns heated")

			s.say("the leaders slow it down: clarify Grace's point, summarize both sides, then back to the agenda")
			intervene(reyes, session.SkillClarifying, member(grace))
			turn(member(grace), lead, 60*second, session.ActGivesOpinion, session.TagFeeling, session.TagHereAndNow)
			turn(lead, member(grace), 60*second, session.ActAgrees)
			intervene(okafor, session.SkillSummarizing, all)
			turn(member(marcus), member(jonah), 45*second, session.ActGivesOpinion, session.TagFeeling, session.TagHereAndNow)
			turn(member(jonah), member(marcus), 30*second, session.ActAgrees, session.TagFeedback)
			intervene(reyes, session.SkillShiftingFocus, all)

			s.at(42 * minute)
			s.keep(room.BeginSegment(s.now, session.SegmentNewMaterial))
			turn(lead, all, 12*minute, session.ActGivesOrientation)
			turn(member(owen), lead, 90*second, session.ActAsksOpinion, session.TagQuestion)
			turn(member(dmitri), all, 60*second, session.ActGivesOpinion, session.TagSelfDisclosure)
			s.at(69 * minute)
			s.keep(room.BeginSegment(s.now, session.SegmentBreak))

			s.at(74 * minute)
			s.keep(room.BeginSegment(s.now, session.SegmentSkillPractice))
			s.say("pair work on a week of rewarding activities; Sam Okafor invites Elena to start, with Farah")
			turn(colead, all, 2*minute, session.ActGivesOrientation)
			intervene(okafor, session.SkillDyads, all)
			intervene(okafor, session.SkillDrawingOut, member(elena))
			turn(member(elena), member(farah), 90*second, session.ActGivesOpinion, session.TagSelfDisclosure)
			turn(member(farah), member(elena), 60*second, session.ActShowsSolidarity)
			turn(member(elena), member(farah), 60*second, session.ActGivesOpinion, session.TagFeeling)
			for _, pair := range [][2]group.MemberID{{grace, dmitri}, {owen, jonah}, {marcus, dmitri}} {
				turn(member(pair[0]), member(pair[1]), 2*minute, session.ActGivesOpinion)
				turn(member(pair[1]), member(pair[0]), 90*second, session.ActGivesOpinion)
			}
			s.at(105 * minute)
			s.advise("after the pair work")

			s.keep(room.BeginSegment(s.now, session.SegmentHomeworkAssignment))
			turn(lead, all, 3*minute, session.ActGivesSuggestion)
			s.at(110 * minute)
			s.keep(room.BeginSegment(s.now, session.SegmentCheckOut))
			for _, id := range []group.MemberID{marcus, elena, dmitri, jonah, grace, owen, farah} {
				turn(member(id), all, 30*second, session.ActGivesOpinion)
			}
		},
		notes: notes{
			theme: "Scheduling rewarding activities: pleasure and mastery",
			process: "Owen held the floor in check-in and was cut off gently. Marcus and Jonah clashed over " +
				"the activity logs; each restated the other's view. Grace challenged the lead about the logs; " +
				"the leaders acknowledged it and agreed to adapt them. Elena joined in during pair work.",
			content: "Activity logs reviewed. Pleasure and mastery introduced. Each member planned three " +
				"rewarding activities for the week.",
			member: map[group.MemberID][2]string{
				marcus: {"Arrived late. Disagreed sharply with a peer about the logs, then named feeling stuck.", "Sleep goal: two nights before midnight."},
				elena:  {"Quiet in the large group; in pair work planned a visit to a friend.", "Friend goal: one visit planned."},
				dmitri: {"Engaged; reported daily walks on four days.", "Walking goal: met on four of seven days."},
				jonah:  {"Shared that walks lifted his mood; held his view under challenge.", "Cooking goal: met most days."},
				grace:  {"Said the logs make her feel worse; agreed to log one activity a day instead.", "Evening goal: fewer evenings in bed, two of seven."},
				owen:   {"Long account of his week in check-in; accepted being cut off.", "Job goal: one application this week."},
				farah:  {"Supportive of a peer in pair work; fewer questions to the leaders.", "Choir goal: called the choir leader."},
			},
		},
		show: []group.MemberID{owen, grace},
	}
}
