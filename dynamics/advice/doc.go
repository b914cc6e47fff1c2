// Package advice tells a facilitator what to do about what is happening in
// the room, now and why, on whose authority: the problem behaviours and
// group patterns of the field, the safety situations, the rules that map
// them to interventions by stage and modality, and the monitor that watches
// a live session.
//
// What the package knows of each situation is one row, a Definition: its
// class (a member's behaviour, a group pattern, safety, or conduct), signs,
// interventions in order of preference, advice, default urgency, whether it
// rests on counts that only grow, the incidents that raise it, which turns
// show it, its detector, citation and source. BuiltinDefinitions holds the
// twelve problem behaviours of Corey, Corey & Corey (with Jacobs et al. on
// the chronic talker), the group patterns (Clark 2002 on scapegoating), and
// the safety situations, each running its own protocol from dynamics/safety;
// an app adds its own rows, with their detectors, through
// MonitorSpec.Situations.
//
// Main entry points:
//
//   - Room is the one way in for an app: it holds a session.Session and its
//     Monitor, built from the session's spec, and records every event (from
//     its commands, Start, Speak, RaiseIncident..., or Apply) in both or in
//     neither. Room.Advise returns what to do now.
//   - Monitor watches one session: it feeds a dynamics.Tracker, runs the
//     detectors on the live metrics, adds the situations raised by
//     incidents and by the risk flags of scored forms (FlagRisk), and asks
//     an Advisor, citing the events behind each recommendation by their
//     sequence numbers. A safety recommendation carries its protocol
//     applied to the room (Recommendation.Safety): the variant for who
//     leads, derived from the facilitators present and their credentials,
//     the steps with the jurisdiction's numbers from the room's
//     safety.Book, and the follow-up tasks (Monitor.Tasks, Overdue).
//   - Detector runs the situations' detectors on a snapshot against a
//     Config of thresholds, every one a documented heuristic.
//   - Advisor applies Rules (the general rule of each situation, the
//     built-in stage and modality variants, and an app's own) by situation,
//     stage and modality, fires each recommendation once per episode, and
//     always ranks safety first: no rule or configuration can suppress or
//     outrank a safety protocol.
//   - ConflictMode is the Thomas-Kilmann model, for training simulators.
//
// What a monitor reads is the talk-expected participation of the dynamics
// package: each segment kind says whether members are expected to talk
// (session.TalkTable, extended through MonitorSpec.Talk), so that
// art-making, a body scan, a break or a lecture is not silence, and
// leader-led rounds and inquiry are not dependency. A member who has left,
// or has not arrived, is not advised about for that time. What is ordinary
// in a stage or a modality is a rule that says so (dependency while a group
// forms: routine, "expected at this stage") or raises nothing. A measure
// that moves both ways fires past its threshold by Config.Margin or held
// past it for Config.Hold, and clears with hysteresis; the evidence shows
// the margin.
//
// Detector thresholds are this library's heuristics, not validated
// instruments: every default is on its Config field with its value and
// reason, and every detection carries the evidence it rests on and a
// confidence, for a clinician to weigh. They are calibrated on a corpus of
// scripted sessions with the advice a supervisor would expect
// (testdata/calibration; the figures are in the README). The rules encode
// published guidance; each names its source. Nothing here is clinical
// advice.
//
// Sources: Corey, Corey & Corey, Groups: Process and Practice; Jacobs,
// Schimmel, Masson & Harvill, Group Counseling: Strategies and Skills;
// Clark (2002); Yalom & Leszcz (2005); AGPA (2007), Practice Guidelines for
// Group Psychotherapy; SAMHSA TIP 41 (2005) and TIP 47 (2006); Thomas &
// Kilmann (1974); for the safety protocols, see dynamics/safety. See
// docs/reference/behaviours.md and docs/reference/safety.md.
//
// Place in the house: advice imports dynamics, stage, safety, session, group and
// measure; nothing but apps imports it. Rooms, Monitors and Advisors are not
// safe for concurrent use; Detectors, Definitions and Configs are.
package advice
