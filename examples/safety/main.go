// Command safety plays the same evening twice, in two places, with the
// groupwork library: a member discloses that a child is being hurt at home,
// and later another member threatens to harm a named person. Each situation
// runs its own protocol (dynamics/safety): the abuse disclosure is reported,
// never treated as a suicide risk; the threat leads to the duty to warn or
// protect. Who leads the room decides who does what, and the jurisdiction,
// data the app supplies, fills in every number, agency and deadline.
//
// The first evening is a co-led process group in California, whose clinic
// has added its on-call line to the protocols; the second a group led by one
// clinician in England. At the end of each, the follow-up tasks are listed,
// and the next morning the app asks which are overdue.
//
//	go run ./examples/safety
//
// The output is the same on every run.
package main

import (
	"fmt"
	"io"
	"os"

	_ "time/tzdata" // the story runs in Los Angeles and London on any machine
)

func main() {
	if err := run(os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

// run writes the story to w.
func run(w io.Writer) error {
	_, err := story(w)
	return err
}
