"""The planted-partition graph of community_test.cc, with networkx's answers.

8 groups of 50 nodes; two nodes of a group are tied with probability 0.3, of
different groups with 0.045, and the first node of each group is a hub tied to
any node with probability 0.5. The draws are copmap's Rng (SplitMix64, seed 7)
taken in the same order as the test, so both build the same edges.
Run: /usr/bin/python3 tests/analytics/data/planted_partition_lpa.py
"""
import collections
import math

import networkx as nx
from networkx.algorithms.community import asyn_lpa_communities, louvain_communities, modularity

MASK = (1 << 64) - 1


class SplitMix64:
    def __init__(self, seed):
        self.state = seed

    def unit(self):
        self.state = (self.state + 0x9E3779B97F4A7C15) & MASK
        z = self.state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
        return ((z ^ (z >> 31)) >> 11) * 2.0**-53


GROUPS, SIZE = 8, 50
N = GROUPS * SIZE
rng = SplitMix64(7)
G = nx.Graph()
G.add_nodes_from(range(N))
for v in range(N):
    for u in range(v + 1, N):
        hub = v % SIZE == 0 or u % SIZE == 0
        p = 0.5 if hub else (0.3 if v // SIZE == u // SIZE else 0.045)
        if rng.unit() < p:
            G.add_edge(v, u)


def nmi(communities):
    """Normalised mutual information (arithmetic mean) against the planted groups."""
    label = {v: i for i, c in enumerate(communities) for v in c}
    pairs = collections.Counter((label[v], v // SIZE) for v in range(N))
    a = collections.Counter(label[v] for v in range(N))
    b = collections.Counter(v // SIZE for v in range(N))
    entropy = lambda c: -sum(x / N * math.log(x / N) for x in c.values())
    mi = sum(x / N * math.log(x * N / (a[i] * b[j])) for (i, j), x in pairs.items())
    return 2 * mi / (entropy(a) + entropy(b))


planted = [set(range(g * SIZE, (g + 1) * SIZE)) for g in range(GROUPS)]
print("edges", G.number_of_edges(), "planted Q %.4f" % modularity(G, planted))
for seed in range(5):
    cs = list(asyn_lpa_communities(G, seed=seed))
    print("asyn_lpa seed", seed, "communities", len(cs), "Q %.4f" % modularity(G, cs))
cs = louvain_communities(G, seed=1)
print("louvain communities", len(cs), "Q %.4f" % modularity(G, cs), "NMI %.3f" % nmi(cs))
