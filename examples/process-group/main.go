// Command process-group follows a slow-open interpersonal process group
// through the groupwork library: a member leaves, a newcomer joins into the
// vacancy while a second is held back by the newcomer limit (group), the
// newcomer's first session, in which several members turn on him and two
// challenge the leader (session events, advice recommendations in their
// process-group variant), and the group's stage history, where the leaders
// record a regression to transition that overrides the heuristic estimate.
//
//	go run ./examples/process-group
//	go run ./examples/process-group -model yalom
//
// The output is the same on every run.
package main

import (
	"flag"
	"fmt"
	"io"
	"os"

	_ "time/tzdata" // the story runs in America/New_York on any machine

	"github.com/groupwork/groupwork/dynamics/stage"
)

func main() {
	if err := run(os.Stdout, os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

// run parses the flags and writes the story to w.
func run(w io.Writer, args []string) error {
	fs := flag.NewFlagSet("process-group", flag.ContinueOnError)
	fs.SetOutput(w)
	model := stage.Corey
	fs.TextVar(&model, "model", stage.Corey, "stage model for the history: tuckman, corey or yalom")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("process-group: unexpected arguments %q", fs.Args())
	}
	_, err := story(w, model)
	return err
}
