package dynamics

// Community detection on the member interaction graph by modularity
// (Newman & Girvan 2004, Physical Review E 69, 026113) with the Louvain
// method's local moves and aggregation (Blondel, Guillaume, Lambiotte &
// Lefebvre 2008, J. Stat. Mech. P10008). The field reads subgroups as
// communities in the interaction graph (see docs/reference/sessions.md) but
// names no algorithm, so the standard modularity definition is used:
//
//	Q = 1/(2m) * sum_ij [A_ij - k_i k_j / (2m)] * delta(c_i, c_j)
//
// Nodes are visited in a fixed order (members sorted by ID) and ties go to
// the lowest community number, so the result is deterministic.

// louvain partitions an undirected weighted graph given as a symmetric
// n x n matrix (row-major) into communities. It returns each node's
// community, numbered from 0 in order of each community's lowest node, and
// the partition's modularity. It works in ints (at least 3n long) and
// floats (at least 3n + 2n*n long) and allocates nothing; comm is part of ints.
func louvain(w []float64, n int, ints []int, floats []float64) ([]int, float64) {
	comm, part, next := ints[:n], ints[n:2*n], ints[2*n:3*n]
	floats = floats[:3*n+2*n*n]
	k, tot, links := floats[:n], floats[n:2*n], floats[2*n:3*n]
	bufs := [2][]float64{floats[3*n : 3*n+n*n], floats[3*n+n*n:]}
	for i := range comm {
		comm[i] = i
	}
	total := 0.0
	for _, v := range w[:n*n] {
		total += v
	}
	if n == 0 || total == 0 {
		return comm, 0
	}
	g, gn := w[:n*n], n
	for level := 0; ; level++ {
		moved := localMoves(g, gn, total, part[:gn], next[:gn], k[:gn], tot[:gn], links[:gn])
		// compose: each original node's community is part[its level node]
		for i := range comm {
			comm[i] = part[comm[i]]
		}
		if !moved {
			break
		}
		g, gn = aggregate(g, gn, part[:gn], bufs[level%2])
		if gn == 1 {
			break
		}
	}
	renumber(comm, next)
	return comm, modularity(w, n, comm, k)
}

// localMoves moves each node, in index order, to the neighbouring community
// with the largest modularity gain, until no move helps. It leaves the
// renumbered partition in comm and reports whether any node moved.
func localMoves(w []float64, n int, total float64, comm, scratch []int, k, tot, links []float64) bool {
	for i := range n {
		comm[i] = i
		k[i] = 0
		for j := range n {
			k[i] += w[i*n+j]
		}
		tot[i] = k[i]
	}
	m2 := total // the sum of the symmetric matrix is 2m
	moved := false
	// Each pass strictly raises modularity, so passes end; the cap is a guard.
	for pass, improved := 0, true; improved && pass < 100; pass++ {
		improved = false
		for i := range n {
			ci := comm[i]
			for c := range links {
				links[c] = 0
			}
			for j := range n {
				if j != i && w[i*n+j] != 0 {
					links[comm[j]] += w[i*n+j]
				}
			}
			tot[ci] -= k[i]
			best, bestGain := ci, links[ci]-tot[ci]*k[i]/m2
			for c := range n {
				if links[c] == 0 || c == ci {
					continue
				}
				gain := links[c] - tot[c]*k[i]/m2
				if gain > bestGain+1e-12 { // ascending c: ties keep staying, then the lowest
					best, bestGain = c, gain
				}
			}
			tot[best] += k[i]
			if best != ci {
				comm[i] = best
				improved, moved = true, true
			}
		}
	}
	renumber(comm, scratch)
	return moved
}

// aggregate builds, in buf, the graph whose nodes are the communities of part.
func aggregate(w []float64, n int, part []int, buf []float64) ([]float64, int) {
	gn := 0
	for _, c := range part {
		gn = max(gn, c+1)
	}
	g := buf[:gn*gn]
	for i := range g {
		g[i] = 0
	}
	for i := range n {
		for j := range n {
			g[part[i]*gn+part[j]] += w[i*n+j]
		}
	}
	return g, gn
}

// renumber numbers communities from 0 in order of first appearance, in
// place; community numbers are below len(comm), and next is scratch of the
// same length.
func renumber(comm, next []int) {
	for i := range next {
		next[i] = -1
	}
	c := 0
	for i, v := range comm {
		if next[v] < 0 {
			next[v] = c
			c++
		}
		comm[i] = next[v]
	}
}

// modularity returns Q of the partition comm of the graph w; k is scratch.
func modularity(w []float64, n int, comm []int, k []float64) float64 {
	m2 := 0.0
	for i := range n {
		k[i] = 0
		for j := range n {
			k[i] += w[i*n+j]
		}
		m2 += k[i]
	}
	if m2 == 0 {
		return 0
	}
	q := 0.0
	for i := range n {
		for j := range n {
			if comm[i] == comm[j] {
				q += w[i*n+j] - k[i]*k[j]/m2
			}
		}
	}
	return q / m2
}
