package curriculum

import (
	"time"

	"github.com/groupwork/groupwork/group"
	"github.com/groupwork/groupwork/measure"
	"github.com/groupwork/groupwork/session"
)

// Sources of the built-in programs' shapes. Titles and objectives are the
// library's own descriptions; no manual's text is reproduced: copyrighted
// curricula are encoded as structure only (see docs/reference/programs.md).
const (
	srcCBTShape    = "Muñoz, Ghosh Ippen, Rao, Le & Dwyer (2000), Manual for Group Cognitive-Behavioral Therapy of Major Depression, revised in Miranda et al. (2006): twelve sessions in three self-contained 4-session modules (thoughts and mood, activities and mood, people and mood), new members joining at a module start"
	srcMBSRShape   = "Kabat-Zinn (1990), Full Catastrophe Living; Santorelli, Meleo-Meyer, Koerbel & Kabat-Zinn (2017), MBSR Authorized Curriculum Guide: orientation, 8 weekly classes of about 2.5 h, an all-day silent practice between classes 6 and 7, about 45 min of home practice 6 days a week"
	srcMBCTShape   = "Segal, Williams & Teasdale (2013), Mindfulness-Based Cognitive Therapy for Depression (2nd ed.): orientation, 8 weekly sessions of 2-2.5 h, a practice day between 6 and 7; sessions 1-4 learn to attend, 5-8 handle mood shifts; for recurrent depression, currently well"
	srcDBTShape    = "Linehan (2015), DBT Skills Training Manual (2nd ed.): a 24-week cycle in which each skills module starts with 2 weeks of mindfulness (2+6, 2+7, 2+5); entry at module starts; concurrent individual therapy required; four-miss rule"
	srcStressShape = "heuristic, the library's own sequence: psychoeducation on stress commonly runs 6-10 sessions on stress physiology, triggers, relaxation, reframing, problem solving and time, lifestyle, assertive communication and a maintenance plan (see docs/reference/programs.md)"
	srcCommShape   = "heuristic, the library's own sequence: communication-skills series commonly run 6-8 sessions on styles, I statements, active listening, saying no, feedback and conflict resolution, with role-play every session (see docs/reference/programs.md)"
	srcArtShape    = "American Art Therapy Association, definition of the profession; Liebmann (2004), Art Therapy for Groups, 2nd ed.: theme-based sessions led by a credentialed art therapist; the selection and order of the themes and the 8-session length are heuristic, the library's own (see docs/reference/programs.md)"
	srcSupportRun  = "SAMHSA TIP 41 (2005), Substance Abuse Treatment: Group Therapy, ch. 2: support groups are ongoing, open to newcomers and have no set agenda; the format of opening with guidelines, open sharing and closing is heuristic, the library's own"
	srcSafetyShape = "Najavits (2002), Seeking Safety: A Treatment Manual for PTSD and Substance Abuse: a bank of topics usable in any order; each session a check-in, the topic and a check-out with a commitment (the library's twelve topics are its own)"

	srcFourMiss        = "Linehan (1993), Cognitive-Behavioral Treatment of Borderline Personality Disorder; Linehan (2015), DBT Skills Training Manual (2nd ed.): missing four scheduled sessions in a row ends the contract"
	srcSessionMeasures = "NHS Talking Therapies for anxiety and depression manual (NHS England): outcome measures, the PHQ-9 and an anxiety measure such as the GAD-7, at every session"
	srcHalfDose        = "heuristic, the library's own: at least half the sessions (no published dose for this program; configurable)"
	srcMBDose          = "at least 4 of the 8 sessions, the adequate dose used in MBCT trials (Teasdale et al. 2000; unverified, configurable)"
)

// Builtins returns fresh copies of every built-in program, in a fixed order:
// GroupCBTDepression, MindfulnessStressReduction,
// MindfulnessRelapsePrevention, DBTSkills, StressPsychoeducation,
// CommunicationSkills, ArtTherapySeries, OpenSupportGroup, SafetySkillsBank.
func Builtins() []Program {
	return []Program{
		GroupCBTDepression(), MindfulnessStressReduction(), MindfulnessRelapsePrevention(),
		DBTSkills(), StressPsychoeducation(), CommunicationSkills(), ArtTherapySeries(),
		OpenSupportGroup(), SafetySkillsBank(),
	}
}

// Builtin returns a fresh copy of the built-in program called name, and
// false when there is none.
func Builtin(name string) (Program, bool) {
	for _, p := range Builtins() {
		if p.Name == name {
			return p, true
		}
	}
	return Program{}, false
}

// topic is a compact plan description used by the built-in tables.
type topic struct {
	title     string
	objective string
	acts      []string
	homework  []Homework
	materials []string
}

// module numbers the topics from first and returns them as a Module.
func module(title string, first int, topics ...topic) Module {
	m := Module{Title: title}
	for i, t := range topics {
		pl := Plan{Number: first + i, Title: t.title, Activities: t.acts, Homework: t.homework, Materials: t.materials}
		if t.objective != "" {
			pl.Objectives = []string{t.objective}
		}
		m.Plans = append(m.Plans, pl)
	}
	return m
}

// addMeasure gives inst at the listed plans.
func addMeasure(p *Program, inst measure.Instrument, plans ...int) {
	for i := range p.Modules {
		for j := range p.Modules[i].Plans {
			pl := &p.Modules[i].Plans[j]
			for _, n := range plans {
				if pl.Number == n {
					pl.Measures = append(pl.Measures, inst)
				}
			}
		}
	}
}

func worksheet(title string) Homework { return Homework{Kind: HomeworkWorksheet, Title: title} }
func practiceLog(title string) Homework {
	return Homework{Kind: HomeworkPracticeLog, Title: title, DaysPerWeek: 7}
}
func reading(title string) Homework { return Homework{Kind: HomeworkReading, Title: title} }

// homePractice is daily practice of minutes a day, days a week.
func homePractice(title string, minutes, days int) Homework {
	return Homework{Kind: HomeworkHomePractice, Title: title, MinutesPerDay: minutes, DaysPerWeek: days}
}

func clock(h, m int) *Clock { return &Clock{Hour: h, Minute: m} }

// GroupCBTDepression returns a 12-session group CBT program for depression
// in three 4-session modules (thoughts and mood, activities and mood, people
// and mood), weekly 2-hour sessions, with new members joining at a module
// start (plans 1, 5 and 9). Members complete the PHQ-9 and the GAD-7 at the
// start of every session (session-by-session outcome monitoring), so that
// a facilitator can act on a risk answer before the members leave and the
// measure package can follow each member's change session by session. Each
// session runs on session.Template for CBT (check-in, homework review, new
// material, practice, new homework, check-out); the first session's own
// agenda puts the forms right after the welcome.
// Source: Muñoz et al. (2000), Manual for Group Cognitive-Behavioral
// Therapy of Major Depression; dose: at least half the sessions, a heuristic
// of the library's own (no published dose). See docs/reference/programs.md.
func GroupCBTDepression() Program {
	p := Program{
		Name: "cbt-depression", Title: "Group CBT for depression",
		Description: "Twelve weekly sessions in three self-contained modules on how thoughts, activities and people affect mood.",
		Modality:    group.ModalityCBT, Order: OrderSequence, SessionLength: 2 * time.Hour,
		Cadence: CadenceWeekly, Entry: EntryModuleStarts,
		Completion: CompletionRule{MinSessions: 6, Source: srcHalfDose},
		Modules: []Module{
			module("Thoughts and mood", 1,
				topic{"How thoughts shape mood", "link situations, thoughts and feelings", []string{"psychoeducation", "discussion"}, []Homework{practiceLog("mood and situation log")}, []string{"mood log handout"}},
				topic{"Catching automatic thoughts", "notice the thoughts that come with a drop in mood", []string{"thought record practice"}, []Homework{worksheet("three-column thought record")}, nil},
				topic{"Weighing the evidence", "test a thought against the facts for and against it", []string{"thought record practice", "pair work"}, []Homework{worksheet("evidence thought record")}, nil},
				topic{"Balanced thoughts and beliefs", "write a balanced alternative and spot the beliefs under recurring thoughts", []string{"thought record practice", "discussion"}, []Homework{worksheet("balanced thought record")}, nil},
			),
			module("Activities and mood", 5,
				topic{"Activity and mood", "see how what we do affects how we feel", []string{"psychoeducation", "activity monitoring"}, []Homework{practiceLog("hour-by-hour activity log")}, []string{"activity log handout"}},
				topic{"Scheduling rewarding activities", "plan activities that bring pleasure or mastery", []string{"activity scheduling"}, []Homework{worksheet("weekly activity plan")}, nil},
				topic{"Breaking tasks into steps", "solve problems that block activity one step at a time", []string{"problem solving", "pair work"}, []Homework{worksheet("problem-solving steps")}, nil},
				topic{"Keeping activity going", "handle setbacks and keep the plan alive", []string{"activity scheduling", "discussion"}, []Homework{worksheet("next week's activity plan")}, nil},
			),
			module("People and mood", 9,
				topic{"Connections and mood", "see how contact with others affects mood", []string{"psychoeducation", "discussion"}, []Homework{practiceLog("contact and mood log")}, nil},
				topic{"Saying what you need", "ask for what you need clearly and respectfully", []string{"role-play"}, []Homework{worksheet("assertive request plan")}, nil},
				topic{"Working through disagreements", "handle conflict without withdrawing or attacking", []string{"role-play", "problem solving"}, []Homework{worksheet("conflict plan")}, nil},
				topic{"Staying well", "write a personal plan for spotting and handling early signs of low mood", []string{"relapse-prevention planning", "review"}, []Homework{reading("personal staying-well plan")}, nil},
			),
		},
		Sources: []string{srcCBTShape},
	}
	every := []int{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}
	addMeasure(&p, measure.InstrumentPHQ9, every...)
	addMeasure(&p, measure.InstrumentGAD7, every...)
	p.Sources = append(p.Sources, srcSessionMeasures)
	// The first session has no homework to review: it opens the group with
	// the agreement, introductions and goals (Yalom & Leszcz 2005, ch. 10, on
	// preparing members; Muñoz et al. 2000).
	// The forms come first, so that a risk answer is seen before the members
	// leave.
	p.Modules[0].Plans[0].Agenda = session.Agenda{Segments: []session.Segment{
		{Kind: session.SegmentOpening, Planned: 10 * time.Minute, Title: "welcome and the group agreement"},
		{Kind: session.SegmentMeasures, Planned: 10 * time.Minute, Title: "PHQ-9 and GAD-7"},
		{Kind: session.SegmentCheckIn, Planned: 20 * time.Minute, Title: "introductions and personal goals"},
		{Kind: session.SegmentNewMaterial, Planned: 25 * time.Minute, Title: "how thoughts shape mood"},
		{Kind: session.SegmentBreak, Planned: 10 * time.Minute},
		{Kind: session.SegmentSkillPractice, Planned: 25 * time.Minute, Title: "a first mood and situation log"},
		{Kind: session.SegmentHomeworkAssignment, Planned: 10 * time.Minute},
		{Kind: session.SegmentCheckOut, Planned: 10 * time.Minute},
	}}
	return p
}

// mindfulnessClasses returns the eight weekly classes shared by the two
// mindfulness shapes, with daily home practice of minutes, days a week.
func mindfulnessClasses(titles [8]string, objectives [8]string, minutes, days int) []topic {
	acts := [8][]string{
		{"raisin exercise", "body scan", "inquiry"},
		{"body scan", "sitting with the breath", "inquiry"},
		{"mindful movement", "sitting with the breath", "inquiry"},
		{"sitting meditation", "walking meditation", "inquiry"},
		{"sitting meditation", "inquiry", "teaching"},
		{"sitting meditation", "inquiry", "teaching"},
		{"sitting meditation", "mindful movement", "inquiry"},
		{"body scan", "inquiry", "review"},
	}
	out := make([]topic, 8)
	for i := range out {
		out[i] = topic{
			title: titles[i], objective: objectives[i], acts: acts[i],
			homework: []Homework{homePractice("recorded guided practice", minutes, days)},
		}
	}
	return out
}

// MindfulnessStressReduction returns the shape of a mindfulness-based stress
// reduction course: an orientation, eight weekly classes of 2.5 hours and an
// all-day silent practice between classes 6 and 7, with about 45 minutes of
// home practice 6 days a week. Themes move from noticing the present and the
// breath, through stress reactivity and thoughts, to communication and
// carrying practice into daily life. Closed cohort. Sources: Kabat-Zinn
// (1990), Full Catastrophe Living; Santorelli et al. (2017), MBSR Authorized
// Curriculum Guide; dose: 4 of the 8 sessions, as in MBCT trials (Teasdale et
// al. 2000; unverified).
func MindfulnessStressReduction() Program {
	t := mindfulnessClasses(
		[8]string{"Noticing the present moment", "Meeting the body and the breath", "Finding steadiness in movement",
			"How stress shows up", "Responding rather than reacting", "Thoughts are not facts",
			"Mindful communication", "Carrying practice into daily life"},
		[8]string{"step out of automatic pilot", "notice sensations without judging them", "practise gentle movement with awareness",
			"recognise personal stress reactions", "pause before reacting", "relate to thoughts as passing events",
			"bring awareness to difficult conversations", "choose a practice to keep"},
		45, 6)
	return Program{
		Name: "mindfulness-stress-reduction", Title: "Mindfulness for stress: an eight-week course",
		Description: "An orientation, eight weekly classes and a day of practice, built on daily home practice.",
		Modality:    group.ModalityMindfulness, Order: OrderSequence, SessionLength: 150 * time.Minute,
		Cadence: CadenceWeekly, Entry: EntryCohortStart,
		Completion: CompletionRule{MinSessions: 4, Source: srcMBDose},
		ExtraDays: []ExtraDay{
			{Kind: ExtraOrientation, After: 0, Title: "Orientation", Length: 2 * time.Hour},
			{Kind: ExtraPracticeDay, After: 6, Title: "Day of silent practice", Length: 7 * time.Hour, At: clock(9, 30)},
		},
		Modules: []Module{module("Eight weekly classes", 1, t...)},
		Sources: []string{srcMBSRShape},
	}
}

// MindfulnessRelapsePrevention returns the shape of a mindfulness-based
// relapse-prevention course for people with recurrent depression who are
// currently well: an orientation, eight weekly 2-hour sessions in two halves
// (sessions 1-4 learn to attend, 5-8 handle mood shifts), a practice day
// between sessions 6 and 7, daily home practice and the PHQ-9 at the first
// and last sessions. Closed cohort. Sources: Segal, Williams & Teasdale
// (2013), Mindfulness-Based Cognitive Therapy for Depression (2nd ed.); Crane
// (2009); the six days a week of home practice are the stress-reduction
// course's figure; dose: 4 of the 8 sessions, as in MBCT trials (Teasdale et
// al. 2000; unverified).
func MindfulnessRelapsePrevention() Program {
	t := mindfulnessClasses(
		[8]string{"Leaving automatic pilot", "Living in the head or in the body", "Gathering the scattered mind",
			"Recognising aversion", "Letting things be", "Seeing thoughts as thoughts",
			"Caring for yourself", "Keeping well from here"},
		[8]string{"notice automatic pilot", "feel the body directly", "use a short breathing space",
			"notice pushing away the unpleasant", "allow difficulty without fixing it", "step back from mood-linked thoughts",
			"plan actions for low mood", "plan continued practice"},
		45, 6)
	p := Program{
		Name: "mindfulness-relapse-prevention", Title: "Mindfulness for staying well after depression",
		Description: "An orientation and eight weekly sessions: first learning to attend, then handling shifts in mood.",
		Modality:    group.ModalityMindfulness, Order: OrderSequence, SessionLength: 2 * time.Hour,
		Cadence: CadenceWeekly, Entry: EntryCohortStart,
		Completion: CompletionRule{MinSessions: 4, Source: srcMBDose},
		ExtraDays: []ExtraDay{
			{Kind: ExtraOrientation, After: 0, Title: "Orientation", Length: 90 * time.Minute},
			{Kind: ExtraPracticeDay, After: 6, Title: "Day of practice", Length: 6 * time.Hour, At: clock(10, 0)},
		},
		Prerequisites: []Prerequisite{{
			Code: "recurrent-depression-in-remission", Description: "a history of recurrent depression and currently well",
			Source: srcMBCTShape,
		}},
		Modules: []Module{
			module("Learning to attend", 1, t[:4]...),
			module("Handling shifts in mood", 5, t[4:]...),
		},
		Sources: []string{srcMBCTShape},
	}
	addMeasure(&p, measure.InstrumentPHQ9, 1, 8)
	return p
}

// DBTSkills returns a DBT-style skills group: a 24-week cycle of weekly
// 2.5-hour sessions in three modules, each opening with 2 weeks of
// mindfulness: 2+6 weeks of distress tolerance, 2+7 of emotion regulation
// and 2+5 of interpersonal effectiveness. Newcomers join at a module start
// (plans 1, 9 and 18); four missed sessions in a row, excused or not, end the
// contract; concurrent individual therapy is required. The cycle is usually
// run twice (Spec.Cycles 2). Completion is finishing the cycle without
// breaching the attendance rule. Sources: Linehan (2015), DBT Skills
// Training Manual (2nd ed.), and Linehan (1993) for the attendance rule; the
// module sizes follow the post-2015 schedule (pre-2015 programs
// ran 2+6 each).
func DBTSkills() Program {
	mind := []topic{
		{"Mindfulness: noticing without judging", "observe and describe the moment without judging it", []string{"mindfulness practice", "teaching", "homework review"}, []Homework{worksheet("mindfulness practice sheet")}, nil},
		{"Mindfulness: one thing at a time", "do one thing at a time, effectively", []string{"mindfulness practice", "teaching", "homework review"}, []Homework{worksheet("mindfulness practice sheet")}, nil},
	}
	skill := func(title, objective string) topic {
		return topic{title, objective, []string{"mindfulness practice", "homework review", "teaching", "rehearsal"}, []Homework{worksheet("skills practice sheet")}, nil}
	}
	dt := append(mind[:2:2],
		skill("Getting through a crisis without making it worse", "use crisis skills instead of harmful urges"),
		skill("Distracting and soothing", "ride out distress with distraction and self-soothing"),
		skill("Improving a hard moment", "make a painful moment more bearable"),
		skill("Weighing pros and cons", "compare acting on an urge with resisting it"),
		skill("Accepting what cannot be changed", "practise accepting reality as it is"),
		skill("Turning towards acceptance", "choose acceptance again and again"),
	)
	er := append(mind[:2:2],
		skill("What emotions do", "understand what emotions are for"),
		skill("Naming emotions", "notice and name emotions as they arise"),
		skill("Checking the facts", "check whether an emotion fits the facts"),
		skill("Acting opposite to the urge", "act against an unjustified emotion's urge"),
		skill("Solving the problem behind the emotion", "solve problems that keep emotions going"),
		skill("Building positive experiences", "add pleasant events and work towards values"),
		skill("Caring for body and sleep", "reduce vulnerability through sleep, food and exercise"),
	)
	ie := append(mind[:2:2],
		skill("Knowing what you want from an interaction", "set priorities between goal, relationship and self-respect"),
		skill("Asking and saying no", "ask for things and refuse clearly"),
		skill("Looking after the relationship", "keep relationships while asking"),
		skill("Keeping self-respect", "stay true to values in interactions"),
		skill("Finding the middle path", "balance acceptance and change with others"),
	)
	return Program{
		Name: "dbt-skills", Title: "DBT-style skills group: a 24-week cycle",
		Description: "Three skills modules, each opened by two weeks of mindfulness, with entry at each module start.",
		Modality:    group.ModalitySkills, Order: OrderSequence, SessionLength: 150 * time.Minute,
		Cadence: CadenceWeekly, Entry: EntryModuleStarts,
		Attendance: AttendanceRule{MaxConsecutiveMisses: 4, ExcusedCounts: true, Source: srcFourMiss},
		Completion: CompletionRule{Source: srcDBTShape},
		Prerequisites: []Prerequisite{{
			Code: "concurrent-individual-therapy", Description: "in individual therapy for the whole time in the group",
			Source: srcDBTShape,
		}},
		Modules: []Module{
			module("Mindfulness and distress tolerance", 1, dt...),
			module("Mindfulness and emotion regulation", 9, er...),
			module("Mindfulness and interpersonal effectiveness", 18, ie...),
		},
		Sources: []string{srcDBTShape, srcFourMiss},
	}
}
