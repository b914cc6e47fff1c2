package curriculum

import (
	"time"

	"github.com/groupwork/groupwork/group"
	"github.com/groupwork/groupwork/session"
)

// StressPsychoeducation returns an 8-session psychoeducation series on
// stress: how stress works in the body, triggers, breathing, progressive
// muscle relaxation, reframing, problem solving and time, lifestyle and a
// maintenance plan with assertive communication, in weekly 90-minute
// sessions for a closed cohort. The sequence is the library's own (such
// series commonly run 6 to 10 sessions); dose: at least half the sessions, a
// heuristic of the library's own. See docs/reference/programs.md.
func StressPsychoeducation() Program {
	lesson := func(title, objective string, hw Homework) topic {
		return topic{title, objective, []string{"mini-lecture", "discussion", "worksheet"}, []Homework{hw}, nil}
	}
	return Program{
		Name: "stress-psychoeducation", Title: "Understanding and managing stress",
		Description: "Eight weekly lessons on what stress is and practical ways to handle it.",
		Modality:    group.ModalityPsychoeducational, Order: OrderSequence, SessionLength: 90 * time.Minute,
		Cadence: CadenceWeekly, Entry: EntryCohortStart,
		Completion: CompletionRule{MinSessions: 4, Source: srcHalfDose},
		Modules: []Module{
			module("Understanding stress", 1,
				lesson("How stress works in the body", "describe the stress response and its effects", practiceLog("stress signal diary")),
				lesson("What sets stress off", "identify personal triggers", worksheet("trigger map")),
			),
			module("Tools for stress", 3,
				lesson("Calming the breath", "use slow breathing to settle the body", homePractice("slow breathing", 10, 7)),
				lesson("Relaxing the muscles", "practise progressive muscle relaxation", homePractice("muscle relaxation", 15, 7)),
				lesson("Looking at it another way", "reframe stressful thoughts", worksheet("reframing sheet")),
				lesson("Solving problems and managing time", "break problems down and plan time", worksheet("problem and time plan")),
				lesson("Sleep, activity and daily habits", "choose one habit to strengthen", practiceLog("habit log")),
			),
			module("Keeping it going", 8,
				lesson("Speaking up and staying well", "state needs assertively and write a maintenance plan", reading("personal maintenance plan")),
			),
		},
		Sources: []string{srcStressShape},
	}
}

// CommunicationSkills returns a 6-session communication skills group:
// communication styles, "I" statements, active listening, saying no, giving
// and receiving feedback and resolving conflict, with role-play in every
// session, weekly 90-minute sessions for a closed cohort. The sequence is the
// library's own (such series commonly run 6 to 8 sessions); dose: at least
// half the sessions, a heuristic of the library's own. See
// docs/reference/programs.md.
func CommunicationSkills() Program {
	skill := func(title, objective, hw string) topic {
		return topic{title, objective, []string{"teaching", "modeling", "role-play", "feedback"}, []Homework{worksheet(hw)}, nil}
	}
	return Program{
		Name: "communication-skills", Title: "Communication skills",
		Description: "Six weekly practice sessions on speaking and listening, each built around role-play.",
		Modality:    group.ModalitySkills, Order: OrderSequence, SessionLength: 90 * time.Minute,
		Cadence: CadenceWeekly, Entry: EntryCohortStart,
		Completion: CompletionRule{MinSessions: 3, Source: srcHalfDose},
		Modules: []Module{module("Communication skills", 1,
			skill("Passive, aggressive and assertive styles", "recognise the three styles in yourself and others", "style spotting sheet"),
			skill("Speaking for yourself", "put requests and feelings as \"I\" statements", "I-statement practice"),
			skill("Listening so others feel heard", "reflect and summarise what another person says", "listening practice"),
			skill("Saying no", "refuse a request clearly and kindly", "saying-no practice"),
			skill("Giving and receiving feedback", "give specific feedback and take it without defending", "feedback practice"),
			skill("Working through conflict", "move from blame to a shared solution", "conflict plan"),
		)},
		Sources: []string{srcCommShape},
	}
}

// ArtTherapySeries returns an 8-session art therapy series with a directive
// theme each week (introducing oneself, a safe place, feelings in colour,
// masks, a bridge, strengths, a relationship map and a closing review), in
// weekly 90-minute sessions of check-in, art-making, sharing and processing
// the images and closing, for a closed group. The themes are common in
// directive art therapy (American Art Therapy Association); their selection
// and order are the library's own, and so is the dose: at least half the
// sessions. See docs/reference/programs.md.
func ArtTherapySeries() Program {
	theme := func(title, objective string) topic {
		return topic{title, objective, []string{"check-in", "art-making", "sharing", "processing the images"}, nil,
			[]string{"paper", "oil pastels", "paints", "collage materials"}}
	}
	return Program{
		Name: "art-therapy-series", Title: "Art therapy: eight themes",
		Description: "Eight weekly art therapy sessions, each with a theme to make art about and reflect on together.",
		Modality:    group.ModalityArtTherapy, Order: OrderSequence, SessionLength: 90 * time.Minute,
		Cadence: CadenceWeekly, Entry: EntryCohortStart,
		Completion: CompletionRule{MinSessions: 4, Source: srcHalfDose},
		Modules: []Module{module("Eight directive themes", 1,
			theme("An image of me", "introduce yourself through an image"),
			theme("A safe place", "make a place of safety to return to"),
			theme("Feelings in colour", "give shape and colour to current feelings"),
			theme("Masks: outside and inside", "contrast what is shown and what is felt"),
			theme("A bridge from here to there", "picture where you are and where you want to be"),
			theme("Strengths and resources", "make visible what helps you cope"),
			theme("A map of my relationships", "place the people in your life"),
			theme("Looking back on the journey", "review the series' images and say goodbye"),
		)},
		Sources: []string{srcArtShape},
	}
}

// OpenSupportGroup returns an open, ongoing support group: a recurring
// 90-minute format (opening and guidelines, open sharing, closing) and a
// bank of discussion topics the group may take up in any order. Anyone may
// join at any meeting; there is no dose and no end. Source: SAMHSA TIP 41
// (2005), ch. 2, on support groups; the format is the library's own.
func OpenSupportGroup() Program {
	t := func(title string) topic { return topic{title: title, acts: []string{"sharing", "mutual support"}} }
	return Program{
		Name: "open-support-group", Title: "Open support group",
		Description: "A drop-in group with the same format each week and an optional topic to start the sharing.",
		Modality:    group.ModalitySupport, Order: OrderAnyOrder, SessionLength: 90 * time.Minute,
		Cadence: CadenceWeekly, Entry: EntryAnySession, OpenEnded: true,
		Format: session.Agenda{Segments: []session.Segment{
			{Kind: session.SegmentOpening, Planned: 10 * time.Minute, Title: "welcome and group guidelines"},
			{Kind: session.SegmentSharing, Planned: 65 * time.Minute, Title: "open sharing"},
			{Kind: session.SegmentCheckOut, Planned: 15 * time.Minute, Title: "closing round"},
		}},
		Modules: []Module{module("Topic bank", 1,
			t("Getting through hard days"), t("Rest and sleep"), t("Asking for help"), t("Loneliness and connection"),
			t("Setting limits"), t("Looking after your body"), t("Handling setbacks"), t("Noticing small wins"),
			t("Living with worry"), t("Hope and meaning"),
		)},
		Sources: []string{srcSupportRun},
	}
}

// SafetySkillsBank returns a topic bank of present-focused safety skills for
// people with trauma and substance use, usable in any order and open to new
// members at any session. Every 90-minute session runs the same format:
// check-in (with the last commitment), the topic, practice, and check-out
// with a commitment for the week. Source: Najavits (2002), Seeking Safety,
// whose topics may be taken in any order; the twelve topics here are the
// library's own. No dose is defined.
func SafetySkillsBank() Program {
	t := func(title, objective string) topic {
		return topic{title, objective, []string{"check-in", "discussion", "skill practice", "commitment"},
			[]Homework{{Kind: HomeworkPracticeLog, Title: "commitment for the week"}}, nil}
	}
	return Program{
		Name: "safety-skills-bank", Title: "Safety skills for trauma and substance use",
		Description: "A bank of coping topics, one per session in any order, each closing with a personal commitment.",
		Modality:    group.ModalitySkills, Order: OrderAnyOrder, SessionLength: 90 * time.Minute,
		Cadence: CadenceWeekly, Entry: EntryAnySession,
		Format: session.Agenda{Segments: []session.Segment{
			{Kind: session.SegmentOpening, Planned: 5 * time.Minute},
			{Kind: session.SegmentCheckIn, Planned: 20 * time.Minute, Title: "how are you, any unsafe behaviour, last commitment"},
			{Kind: session.SegmentHomeworkReview, Planned: 5 * time.Minute, Title: "last week's commitment"},
			{Kind: session.SegmentNewMaterial, Planned: 30 * time.Minute, Title: "the topic"},
			{Kind: session.SegmentSkillPractice, Planned: 15 * time.Minute},
			{Kind: session.SegmentHomeworkAssignment, Planned: 5 * time.Minute, Title: "a commitment for the week"},
			{Kind: session.SegmentCheckOut, Planned: 10 * time.Minute},
		}},
		Modules: []Module{module("Topic bank", 1,
			t("Safety comes first", "name what keeps you safe today"),
			t("Grounding when the past pulls", "bring attention back to the present"),
			t("Early warning signs", "spot signs that danger is rising"),
			t("Asking for help", "reach out before a crisis"),
			t("Caring for your body", "look after health as part of recovery"),
			t("Boundaries in relationships", "protect yourself in relationships"),
			t("Coping with triggers", "plan for people, places and feelings that trigger use"),
			t("Kindness to yourself", "answer self-blame with compassion"),
			t("Honesty", "speak honestly about use and about needs"),
			t("Planning for high-risk times", "prepare for times of high risk"),
			t("Building a support network", "grow safe connections"),
			t("Taking the next step", "choose a next step in recovery"),
		)},
		Sources: []string{srcSafetyShape},
	}
}
