// Package measure scores the standard instruments a therapy group uses to
// follow its members and its own climate, and says whether a member's
// scores changed reliably.
//
// In the field, outcome measures are short self-report forms filled in at
// intake and then session by session: the PHQ-9 for depression and the GAD-7
// for anxiety (both public domain), and two measures of the group itself,
// the Group Climate Questionnaire short form (GCQ-S: engagement, avoidance,
// conflict) and the Group Session Rating Scale (GSRS: how the member rated
// the alliance with the group). Clinicians read totals against published
// severity bands, watch single items that signal risk, and judge change with
// the Jacobson-Truax reliable change index or a service's fixed thresholds.
// The package encodes that published guidance so apps can show it; it makes
// no clinical decision.
//
// # Entry points
//
//   - ScorePHQ9 and ScoreGAD7 score complete forms from fixed-size arrays
//     without allocating; ScorePHQ9Answers and ScoreGAD7Answers take Answers
//     with missing items and an Options value whose proration is off by
//     default. PHQ9Score.SelfHarmRisk (item 9 above 0) is a separate flag
//     that no total can hide.
//   - ScoreGCQS returns the three subscale means of one member's form, and
//     MeanGCQS averages the members' forms into the group's climate for a
//     session; ScoreGSRS (or a GSRSRule's Score) the total and its alliance
//     and low-item alerts.
//   - Administration records a form (instrument, member, time, session,
//     answers) and round-trips through JSON; Scorer.Score scores any of them.
//   - RCI, ChangeRule.Classify, JacobsonTruax and Norms.Cutoffs implement
//     reliable and clinically significant change; NHSTalkingTherapies is the
//     English national programme's rule set.
//   - Trajectories and SummarizeGroup follow members and groups over time.
//
// # Sources
//
// PHQ-9: Kroenke, Spitzer & Williams 2001 (J Gen Intern Med 16:606-613);
// PHQ-2: Kroenke, Spitzer & Williams 2003 (Med Care 41:1284-1292); GAD-7:
// Spitzer, Kroenke, Williams & Löwe 2006 (Arch Intern Med 166:1092-1097);
// GAD-2: Kroenke et al. 2007 (Ann Intern Med 146:317-325); PHQ-9 proration:
// NHS Data Dictionary, "Patient Health Questionnaire-9"; GCQ-S: MacKenzie
// 1983; GSRS: Duncan & Miller (Group Session Rating Scale; Quirk, Miller,
// Duncan & Owen 2013); reliable change: Jacobson & Truax 1991 (J Consult Clin
// Psychol 59:12-19); caseness and reliable change thresholds: NHS Talking
// Therapies for anxiety and depression manual. LOINC codes: the LOINC
// database as used in HL7 FHIR implementation guides. Each rule's doc
// comment names its own source; DOMAIN.md section 7 gathers them.
//
// # Place in the house
//
// measure is the lowest package of groupwork and imports nothing else of
// ours: group, curriculum and dynamics import it. Like the rest of the
// library it is pure: no I/O, no clock, no shared mutable state. All values
// are safe for concurrent use once built.
package measure
