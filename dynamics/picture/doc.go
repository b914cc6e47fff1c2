// Package picture draws a session and a group as deterministic SVG: the
// sociogram (who talks to whom, and how much), the participation chart
// (each member's share of talk and turns against the fair share), the stage
// timeline of a group's history, and trajectories of an outcome measure.
//
// The pictures are plain strings of SVG with no script, built from a
// dynamics.Snapshot, a stage.History or measure trajectories, with every
// piece of text escaped. The same input always gives the same bytes.
//
// Place in the house: picture imports dynamics, stage, measure and session;
// nothing imports it. Every function is safe for concurrent use.
package picture
