package session_test

import (
	"fmt"

	"github.com/groupwork/groupwork/group"
	"github.com/groupwork/groupwork/session"
)

// What each segment of an art therapy session expects of members' talk, and
// an open studio of the app's own in which members talk while they work: a
// row naming the modality wins over the built-in row for every modality.
func ExampleTalkTable_Plan() {
	table := session.BuiltinTalk()
	plan, err := table.Plan(group.ModalityArtTherapy)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, k := range []session.SegmentKind{session.SegmentCheckIn, session.SegmentArtMaking, session.SegmentProcessing} {
		fmt.Printf("%-12s %-7s talk expected: %v\n", k, plan.For(k), plan.For(k).Expected())
	}

	studio := append(table, session.TalkRow{Kind: session.SegmentArtMaking, Modality: group.ModalityArtTherapy,
		Talk: session.TalkOpen, Source: "our open studio: members talk while they work"})
	t, _ := studio.For(group.ModalityArtTherapy, session.SegmentArtMaking)
	fmt.Println("open studio art-making:", t)
	// Output:
	// check-in     guided  talk expected: true
	// art-making   quiet   talk expected: false
	// processing   open    talk expected: true
	// open studio art-making: open
}
