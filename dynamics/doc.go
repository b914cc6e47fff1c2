// Package dynamics measures what happens between the people in a group
// session, live: who talks, how much, to whom and how, and what patterns the
// interaction forms.
//
// In the field, what happens in a session is coded act by act with Bales'
// Interaction Process Analysis: who spoke, to whom, and which of twelve
// categories the act falls in (Bales 1950). From such records the field
// derives participation metrics: shares of talk and turns, their
// inequality (Gini), member-to-member against member-to-leader talk,
// reciprocity, density and subgroups (see docs/reference/sessions.md).
//
// Main entry points:
//
//   - NewTracker and Tracker.Observe fold session.Event values into live
//     counts, with no allocation per event; Tracker.SnapshotAt computes the
//     metrics as a Snapshot, a value of its own; Interactions answers
//     who-to-whom questions by IPA category (ActSet).
//   - Snapshot.Evidence and Snapshot.Attendance give a session's evidence
//     for the stage estimate of the stage package.
//
// Beside the raw figures, each member's Participation counts only the time
// in which talk was expected of members, as the session's segments say (a
// session.TalkPlan: no talk is expected through art-making, formal
// practice, a break or a lecture), and only while the member was in the
// room; advice reads those. A member who has left, or has not arrived, is
// in no subgroup for that time. Overlapping turns are counted against every
// turn still running when a turn starts.
//
// Subgroups are communities of the undirected member graph (turns both ways)
// found by maximising Newman-Girvan modularity with the Louvain method's
// local moves and aggregation (Blondel et al. 2008), visiting members in ID
// order so that the result never varies.
//
// The packages beneath it each have one reason to change: stage (models of
// group development and the heuristic stage estimate), factor (Yalom's
// therapeutic factors), advice (the situations a facilitator acts on, their
// detectors, rules and safety protocols, the Monitor, and the Room that
// holds a session and its monitor, the one way in for apps) and picture
// (SVG pictures of a session).
//
// Place in the house: dynamics imports session, group and stage (a
// snapshot's evidence is the stage estimate's input); stage imports group
// and measure; factor imports session; advice imports dynamics, stage,
// session, group and measure; picture imports dynamics, stage, session and
// measure. Nothing below imports them (see docs/architecture.md).
//
// A Tracker is not safe for concurrent use; a Snapshot, once returned, is
// never written to by the tracker and may be read from any goroutine.
package dynamics
