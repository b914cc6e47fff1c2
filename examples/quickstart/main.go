// Command quickstart runs a 12-session group CBT program for depression end
// to end with the groupwork library, and prints it as a walkthrough:
//
//  1. the group from the modality catalogue, its two facilitators and its
//     agreement (package group);
//  2. ten referrals screened: one referred elsewhere and declined, one
//     needing same-day clinician review for a PHQ-9 item-9 answer, one
//     waitlisted because the group is full (group);
//  3. the built-in program laid out on dates in America/New_York, across
//     the end of daylight saving time and around Thanksgiving (curriculum);
//  4. sessions 1 and 6 played from scripted events: agenda, the PHQ-9 and
//     GAD-7 as each session opens with their risk flags given to the room,
//     attendance, the facilitator's monitor advising at a few moments,
//     interaction metrics, the stage estimate, and signed notes with other
//     members redacted (session and dynamics);
//  5. the PHQ-9 and GAD-7 at all twelve sessions, the alerts of
//     session-by-session monitoring after each one, and the group's
//     outcomes as NHS Talking Therapies reads them, with Jacobson and
//     Truax's categories beside them (measure).
//
// With -out DIR it also writes DIR/report.html, a self-contained page with
// the sociograms, participation charts, stage timeline and PHQ-9 and GAD-7
// trajectories as inline SVG and the group's outcomes, which reads on a
// phone or a wide screen and prints one session to a page. Run from the
// repository's root, -out report writes to report/, which git ignores; any
// other DIR is yours to clean.
//
//	go run ./examples/quickstart
//	go run ./examples/quickstart -out report
//
// The output is the same on every run. Names are invented.
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"

	_ "time/tzdata" // the program runs in America/New_York on any machine
)

func main() {
	if err := run(os.Stdout, os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

// run parses the flags, writes the walkthrough to w and, with -out, the
// HTML report.
func run(w io.Writer, args []string) error {
	fs := flag.NewFlagSet("quickstart", flag.ContinueOnError)
	fs.SetOutput(w)
	out := fs.String("out", "", "also write `DIR`/report.html, a self-contained page with the pictures")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("quickstart: unexpected arguments %q", fs.Args())
	}
	st, err := story(w)
	if err != nil {
		return err
	}
	if *out == "" {
		return nil
	}
	page, err := report(st)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(*out, 0o755); err != nil {
		return fmt.Errorf("quickstart: %w", err)
	}
	path := filepath.Join(*out, "report.html")
	if err := os.WriteFile(path, page, 0o644); err != nil {
		return fmt.Errorf("quickstart: %w", err)
	}
	_, err = fmt.Fprintf(w, "\nreport written to %s\n", path)
	return err
}
