// Package measure scores the instruments a therapy group uses to follow its
// members and its own climate, raises the risk flags and session-by-session
// alerts that call for a clinician, and reads a group's outcomes as a
// clinic's dashboard shows them.
//
// In the field, outcome measures are short self-report forms filled in at
// intake and then session by session (measurement-based care): the PHQ-9
// for depression, the GAD-7 for anxiety, the CORE-10 and K10 for general
// distress, the WHO-5 for well-being, the PCL-5 for posttraumatic stress,
// the AUDIT-C for drinking, the C-SSRS screener for suicide risk, and two
// measures of the group itself, the Group Climate Questionnaire short form
// (GCQ-S) and the Group Session Rating Scale (GSRS). Clinicians read totals
// against published bands and cut-offs, act on single items that signal
// risk whatever the total, and judge change with the Jacobson-Truax reliable
// change index or a service's fixed thresholds. The package encodes that
// published guidance so apps can show it; it makes no clinical decision.
//
// # Instruments are rows
//
// Everything the library knows about an instrument is a Definition, a value:
// items and response scales, reversed items, subscales, how the total is
// made (a sum, a mean, or scaled like the WHO-5's percentage), bands,
// screening cut-offs (sex-specific where published), caseness, risk items
// with their level and follow-up, missing-answer and proration rules, skip
// logic, LOINC codes where they were checked, the reliable change, the
// citation and the licence. Builtins returns fresh copies of the ten
// built-ins; a Catalog holds them and an app's own, and an instrument
// without a definition is an *UnknownInstrumentError (ErrUnknownInstrument),
// never an empty result. One scoring engine reads every definition.
//
// # Entry points
//
//   - Definition.Score scores a form without allocating; its Score carries
//     the total, band, screen, caseness and the RiskFlag. Catalog.Score
//     validates and scores an Administration (a form with who, when and
//     where) and adds the subscale scores.
//   - RiskFlag is the generic risk reading of any instrument with risk items
//     (PHQ-9 item 9, CORE-10 item 6, the C-SSRS screener's triage): the item,
//     the answer and its label, the kind, the level, the follow-up and the
//     source. An unanswered risk item is unknown risk, never "no risk".
//   - ScorePHQ9, ScoreGAD7, ScoreGCQS, MeanGCQS and GSRSRule keep the
//     instrument-shaped conveniences, read from the built-in definitions.
//   - RCI, ChangeRule.Classify and Norms.Cutoffs implement reliable and
//     clinically significant change; Definition.ChangeRule gives an
//     instrument's own rule.
//   - Trajectories and SummarizeGroup follow members and groups over time;
//     AlertRules.Alerts reads one member's series (and attendance) for
//     reliable deterioration, not being on track, an alliance rupture and a
//     dropout risk, each with its rule, source, evidence and follow-up.
//   - TalkingTherapies (NHSTalkingTherapies, TalkingTherapiesFor) is the
//     English national programme's rule set; its GroupOutcomes gives a
//     group's caseness, recovery, reliable improvement, reliable recovery
//     and reliable deterioration with the counts behind each rate, and the
//     Jacobson-Truax categories beside them. The programme's "recovery" and
//     Jacobson and Truax's "recovered" are different definitions and keep
//     different names.
//
// # Sources
//
// Each definition names its primary publication in Citation and Sources,
// and each rule, threshold and cut-off in its own Source field or doc
// comment: Kroenke, Spitzer & Williams 2001 (PHQ-9); Spitzer et al. 2006
// (GAD-7); Barkham et al. 2013 and Connell & Barkham 2007 (CORE-10);
// Kessler et al. 2002 and the ABS 2012 information paper (K10); WHO 1998 and
// Topp et al. 2015 (WHO-5); Weathers et al. 2013, Bovin et al. 2016 and Marx
// et al. 2022 (PCL-5); Bush et al. 1998 and Bradley et al. 2007 (AUDIT-C);
// Posner et al. 2011 and the Columbia Lighthouse Project's triage (C-SSRS
// screener); MacKenzie 1983 (GCQ-S); Duncan et al. 2003 and Quirk et al.
// 2013 (GSRS); Jacobson & Truax 1991 (reliable change), with Sheppard 1898
// and Popoviciu 1935 for the limits of plausible parameters (see
// ChangeRule.Validate); the NHS Talking Therapies for anxiety and
// depression manual (caseness, reliable change, recovery); the half rule of
// proration as Mazza, Enders & Ruehlman 2015 examine it (see MissingRule).
// Rules that are the library's own say "heuristic, the library's own".
//
// # Degenerate input
//
// A change is classified only from numbers that hold: reliable-change
// parameters that make every change reliable (a vanishing standard error,
// an SD that does not fit the scale, points that are not the RCI's) and
// changes whose difference or index overflow are *ParamErrors
// (ErrInvalidParameter), never a "recovered" member. Proration never fills
// more than half of a form's items. The configuration types an app loads
// (Catalog, ChangeRule, TalkingTherapies, AlertRules) validate what they
// decode.
//
// # Place in the house
//
// measure is the lowest package of groupwork and imports nothing else of
// ours but the internal error vocabulary: group, curriculum and dynamics
// import it. Like the rest of the library it is pure: no I/O, no clock, no
// shared mutable state. Definitions, scores and results are values, safe for
// concurrent use once built; a Catalog may be read concurrently but not
// changed while it is read.
package measure
