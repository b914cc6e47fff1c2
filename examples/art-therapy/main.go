// Command art-therapy runs one session of a directive art therapy series
// with the groupwork library: the series and its weekly theme (curriculum),
// a group that must be led by a credentialed art therapist (group), the
// agenda of check-in, art-making, sharing and processing the images and
// closing (session), and a silent member whom the monitor notices and the
// therapist draws out through her image rather than pushing her to talk
// (dynamics). The progress note at the end keeps every other member out of
// her record.
//
//	go run ./examples/art-therapy
//	go run ./examples/art-therapy -plan 5
//
// The output is the same on every run.
package main

import (
	"flag"
	"fmt"
	"io"
	"os"

	_ "time/tzdata" // the story runs in Europe/London on any machine
)

func main() {
	if err := run(os.Stdout, os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

// run parses the flags and writes the story to w.
func run(w io.Writer, args []string) error {
	fs := flag.NewFlagSet("art-therapy", flag.ContinueOnError)
	fs.SetOutput(w)
	plan := fs.Int("plan", 3, "which session of the 8-session series to run (1-8)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("art-therapy: unexpected arguments %q", fs.Args())
	}
	_, err := story(w, *plan)
	return err
}
