package group_test

import (
	"encoding/json"
	"fmt"
	"testing"

	"github.com/groupwork/groupwork/group"
	"github.com/groupwork/groupwork/internal/testkit/fixture"
	"github.com/groupwork/groupwork/measure"
)

func BenchmarkNew(b *testing.B) {
	spec := fixture.CBTSpec()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := group.New(spec); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkEnrol refers, screens (recording the screening), has sign and
// admits eight members, the CBT fixture's capacity.
func BenchmarkEnrol(b *testing.B) {
	spec := fixture.CBTSpec()
	members := fixture.Members(8)
	b.ReportAllocs()
	for b.Loop() {
		g, _ := group.New(spec)
		for _, m := range members {
			if err := fixture.Enrol(g, m, fixture.Week(-1)); err != nil {
				b.Fatal(err)
			}
		}
	}
}

func BenchmarkScreen(b *testing.B) {
	p, _ := group.BuiltinProfile(group.ModalityProcess)
	in := group.ScreeningInput{PHQ9Item9: measure.Answered(1), Indicators: []group.Indicator{group.IndicatorAntisocial, group.IndicatorSubstanceUse}}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := group.Screen(p, nil, in); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkComposition(b *testing.B) {
	g := fixture.Group(b, fixture.CBTSpec(), 8)
	rels := []group.Relationship{{A: "m01", B: "m02", Kind: group.RelationshipFamily}}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := g.Composition(rels); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkGroupJSON decodes (replays) an eight-member group.
func BenchmarkGroupJSON(b *testing.B) {
	data, err := json.Marshal(fixture.Group(b, fixture.CBTSpec(), 8))
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		var g group.Group
		if err := json.Unmarshal(data, &g); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkAdmitOpenGroup refers and admits n members, one after another,
// into an open support group with room for all of them: the cost of
// admission as a group grows. Linear admission keeps the time per member
// flat as n grows.
func BenchmarkAdmitOpenGroup(b *testing.B) {
	for _, n := range []int{100, 1000, 4000} {
		members := fixture.Members(n)
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				spec := fixture.SupportSpec()
				spec.Capacity = n
				g, err := group.New(spec)
				if err != nil {
					b.Fatal(err)
				}
				for _, m := range members {
					if err := g.Refer(m, fixture.Week(0)); err != nil {
						b.Fatal(err)
					}
					if err := g.Admit(m.ID, fixture.Week(0)); err != nil {
						b.Fatal(err)
					}
				}
			}
		})
	}
}

// BenchmarkReplayOpenGroup decodes (replays) the log of an open support
// group that admitted n members: replay runs the same commands, so its cost
// per member stays flat as n grows.
func BenchmarkReplayOpenGroup(b *testing.B) {
	for _, n := range []int{100, 1000} {
		spec := fixture.SupportSpec()
		spec.Capacity = n
		g, err := group.New(spec)
		if err != nil {
			b.Fatal(err)
		}
		for _, m := range fixture.Members(n) {
			if err := fixture.Enrol(g, m, fixture.Week(0)); err != nil {
				b.Fatal(err)
			}
		}
		data, err := json.Marshal(g)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				var back group.Group
				if err := json.Unmarshal(data, &back); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
