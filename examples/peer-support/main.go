// Command peer-support plays one evening of an open, peer-led, drop-in
// grief support group with the groupwork library: the group and its peer
// facilitator (group), the open-forum agenda (session), members dropping in
// at different times, mutual support measured as it happens (dynamics), and
// a member in distress who discloses thoughts of self-harm. The monitor
// recommends the peer-led variant of the safety protocol: give crisis
// numbers and hand over to a professional. The incident is resolved with a
// documented action, and no clinical notes are kept, because a support group
// is not treatment.
//
//	go run ./examples/peer-support
//	go run ./examples/peer-support -crisis-line "Samaritans 116 123"
//
// The output is the same on every run.
package main

import (
	"flag"
	"fmt"
	"io"
	"os"

	_ "time/tzdata" // the story runs in America/New_York on any machine
)

func main() {
	if err := run(os.Stdout, os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

// run parses the flags and writes the story to w.
func run(w io.Writer, args []string) error {
	fs := flag.NewFlagSet("peer-support", flag.ContinueOnError)
	fs.SetOutput(w)
	crisis := fs.String("crisis-line", "988 Suicide & Crisis Lifeline (call or text 988)",
		"the crisis line the peer facilitator gives out; 988 in the US")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("peer-support: unexpected arguments %q", fs.Args())
	}
	_, err := story(w, *crisis)
	return err
}
