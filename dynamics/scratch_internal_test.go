package dynamics

import "testing"

// TestStackScratchSize: the arrays SnapshotAt keeps on the stack are the
// sizes scratchFloats and scratchInts give for stackMembers.
func TestStackScratchSize(t *testing.T) {
	var floats [4*stackMembers*stackMembers + 5*stackMembers]float64
	var ints [5 * stackMembers]int
	if len(floats) != scratchFloats(stackMembers) || len(ints) != scratchInts(stackMembers) {
		t.Fatalf("stack scratch %d floats, %d ints; want %d, %d", len(floats), len(ints), scratchFloats(stackMembers), scratchInts(stackMembers))
	}
}
