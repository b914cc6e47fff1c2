// Package stage describes how groups develop: the published models of
// group development as data, a crosswalk between them, a heuristic estimate
// of a group's stage from the evidence of its sessions, and a stage history
// in which a facilitator's judgement always wins.
//
// The models: Tuckman's forming, storming, norming, performing (1965) and
// adjourning (Tuckman & Jensen 1977); Corey's six stages, from pre-group to
// post-group; Yalom's orientation, conflict and cohesiveness, with
// termination (Yalom & Leszcz 2005, chs. 11-12). Stages overlap and groups
// regress, so the crosswalk is an approximate alignment (see
// docs/reference/stages.md).
//
// Main entry points: Models, Model.Stages and BuiltinModel describe the
// models; Crosswalk, Equivalent and Stage.In translate between them; Infer
// estimates the stage at a group's latest session from SessionEvidence
// (GCQ-S climate, interaction, attendance, position in the program) and
// says which signals it rests on; History records each session's stage,
// marks regressions, and lets a facilitator's setting override an estimate.
//
// The estimate is a heuristic, the library's own, not a validated
// instrument: every Estimate carries HeuristicNote, its confidence and its
// evidence, for a clinician to weigh. Below MinConfidence it names no stage
// and says NotEnoughEvidence; Estimate.Translate gives it in one model, so
// that an output never mixes two.
//
// Place in the house: stage imports group (facilitator IDs in a History)
// and measure (the GCQ-S score), and nothing else of ours. Model and Stage
// values and the built-in descriptions are safe for concurrent use; a
// History is not.
package stage
