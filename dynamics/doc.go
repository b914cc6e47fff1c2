// Package dynamics models what happens between the people in a group: how
// groups develop through stages, who talks to whom and how, what problem
// behaviours and group patterns that shows, and what the facilitator should
// do about them, now and why.
//
// In the field, a group's development is described by stage models
// (Tuckman's forming, storming, norming, performing and adjourning; Corey's
// six stages; Yalom's orientation, conflict, cohesiveness and termination),
// and what happens in a session is coded act by act with Bales' Interaction
// Process Analysis: who spoke, to whom, and which of twelve categories the
// act falls in. From such records the field derives participation metrics:
// shares of talk and turns, their inequality, member-to-member against
// member-to-leader talk, reciprocity, density and subgroups.
//
// Main entry points:
//
//   - NewTracker and (*Tracker).Observe fold session.Event values into live
//     counts, with no allocation per event; (*Tracker).Snapshot, SnapshotAt
//     and SnapshotInto (which reuses memory) compute the metrics (Snapshot),
//     and Interactions answers who-to-whom questions by IPA category.
//   - BuiltinModel, Crosswalk and Equivalent describe the three stage
//     models as data.
//   - EstimateStage turns evidence over sessions (GCQ-S climate from
//     measure, interaction, attendance, position in the program) into a
//     heuristic Estimate with its confidence and the signals it rests on.
//   - StageHistory records each session's stage, a facilitator's setting
//     always winning over an estimate, and marks regressions.
//   - Sociogram, ParticipationChart, StageTimeline and TrajectoryChart draw
//     deterministic SVG.
//   - NewMonitor watches one session for a facilitator: it feeds events to a
//     Tracker, runs the Detector on the live metrics, adds the safety signals
//     (risk incidents, threats, medical emergencies, confidentiality
//     breaches, a member attending intoxicated, a PHQ-9 item-9 answer from
//     measure), and (*Monitor).Advise returns ranked
//     Recommendations: the concern, who is involved, leader skills in order
//     of preference (session.Skill) and safety steps (session.SafetyStep),
//     the rationale, the source, the urgency and the evidence with the
//     indices of the events behind it.
//   - Detector finds the problem behaviours and patterns of DOMAIN.md
//     section 5 against a JSON-serializable Config of thresholds; Situation
//     is the catalogue of them with their signs and preferred interventions.
//   - Advisor applies Rules (BuiltinRules plus an app's own) by situation,
//     stage and modality, fires each recommendation once per episode, and
//     always ranks safety first: no rule or configuration can suppress or
//     outrank the fixed safety protocol, which has a co-led, a solo and a
//     peer-led variant.
//   - Factor lists Yalom's eleven therapeutic factors in canonical order,
//     Benefit maps the seed texts' benefits onto them, and FactorsFostered
//     says which leader skills foster which factor; ConflictMode is the
//     Thomas-Kilmann model, for training simulators.
//
// Subgroups are communities of the undirected member graph (turns both
// ways) found by maximising Newman-Girvan modularity with the Louvain
// method's local moves and aggregation (Blondel et al. 2008), visiting
// members in ID order so that the result never varies.
//
// Detector thresholds and the stage estimate are this library's heuristics,
// not validated instruments: every detection and estimate carries the
// evidence it rests on and a confidence, for a clinician to weigh. The rules
// encode published guidance; each names its source.
//
// Sources: DOMAIN.md sections 2 (stage models and the heuristics for
// estimating a stage), 3 (therapeutic factors), 4 and 5 (leader skills,
// problem behaviours, conflict handling), 6 (safety) and 8 (Bales 1950,
// interaction metrics); Tuckman
// (1965), Tuckman & Jensen (1977); Corey, Corey & Corey, Groups: Process
// and Practice; Yalom & Leszcz (2005); Jacobs, Schimmel, Masson & Harvill,
// Group Counseling: Strategies and Skills; Clark (2002) on scapegoating;
// Thomas & Kilmann (1974); MacKenzie (1983) for the GCQ-S.
// Nothing here is clinical advice: estimates are heuristics, labelled so.
//
// Place in the house: dynamics imports session, group and measure and is
// imported by nothing but apps and examples. An app feeds the same events
// to its session.Session and to a Tracker (or a Monitor, which owns one).
//
// Trackers, Monitors and Advisors are not safe for concurrent use; Detector
// values, Snapshots and the catalogues are.
package dynamics
