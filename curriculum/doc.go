// Package curriculum models what a structured group teaches or practises
// week by week: programs made of modules of session plans, the built-in
// program shapes of the field, calendars that put a program on dates, and a
// member's progress through it.
//
// In the field a structured group (group CBT, psychoeducation, skills
// training, mindfulness courses, directive art therapy) follows a curriculum:
// each session has a plan with objectives, an agenda, activities, homework
// and sometimes outcome measures, and the program as a whole has a length, a
// cadence, a rule for when newcomers may join (a closed cohort, rolling entry
// at module starts, drop-in), an attendance rule and a dose that counts as
// completion. Open support groups and safety-skills groups use a topic bank
// instead of a fixed sequence.
//
// Main entry points:
//
//   - Program, Module, Plan: the model. Program.Validate (and Program.Check,
//     which adds clinical guidance as group.Finding values) reports every
//     problem at once as joined *FieldError values. ParseProgram decodes a
//     program from JSON and validates it exactly like a built-in one.
//   - Builtins and the functions it lists (GroupCBTDepression,
//     MindfulnessStressReduction, MindfulnessRelapsePrevention, DBTSkills,
//     StressPsychoeducation, CommunicationSkills, ArtTherapySeries,
//     OpenSupportGroup, SafetySkillsBank) return fresh built-in programs.
//   - Schedule turns a program and a Spec (first session, time zone,
//     cadence, skipped dates, cancellations, extra days) into a Calendar of
//     dated occurrences. Calendar.Cancel and Calendar.MakeUp move sessions;
//     Calendar.Recurrence and Calendar.ICalendar describe it in RFC 5545
//     terms (RRULE, EXDATE, RDATE); Calendar.EntryPoints feeds a
//     rolling-entry group.Spec.
//   - Assess reads a member's Record (attendance, homework, measures per
//     session) into a Progress: plans covered and missed, the make-up list,
//     homework rate, runs of misses, the four-miss rule, dose and status.
//
// Sources: the program shapes follow Muñoz et al. (2000) for group CBT for
// depression, Kabat-Zinn (1990) and Santorelli et al. (2017) for mindfulness
// for stress, Segal, Williams & Teasdale (2013) for mindfulness-based
// relapse prevention, Linehan (1993, 2015) for DBT skills and the four-miss
// rule, and Najavits (2002) for topic banks usable in any order; the session
// agendas come from session's shapes and the typical lengths from group's
// profiles. Titles and objectives of the built-ins are the library's own
// descriptions: copyrighted curricula are encoded as structure only. Where
// no publication gives a number (the dose of most programs) the doc comment
// says what was relied on. See docs/reference/programs.md.
//
// Place in the house: curriculum imports group (modalities, profiles,
// findings, member identifiers), session (agendas and templates) and measure
// (instruments). Nothing in the library imports curriculum; apps and
// examples wire its calendars and progress into group and session.
//
// The package is pure: no I/O, no clock, no goroutines. Every function is
// deterministic and safe for concurrent use on distinct values.
package curriculum
