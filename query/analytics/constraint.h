// Burt's constraint: how much a person's ties are redundant, i.e. how little
// they span structural holes. Low constraint marks a broker whose contacts
// do not know each other; high constraint (up to about 1, or more in small
// dense groups) someone inside a closed clique.
//
//   c(i) = sum over j in N(i) of ( p(i,j) + sum over q in N(i), q != i, j of p(i,q) p(q,j) )^2
//   p(i,j) = (a(i,j) + a(j,i)) / sum over k in N(i) of (a(i,k) + a(k,i))
//
// where N(i) is every node tied to i in either direction and a the arc
// weight. This is networkx's structuralholes.constraint, which also defines
// an isolated node's constraint as NaN.
#pragma once

#include <vector>

#include "query/analytics/projection.h"

namespace copmap::analytics {

// By local id; NaN for nodes without ties.
std::vector<double> BurtConstraint(const Projection& g);
// Only for `nodes` (results in the same order): the cost is the sum of their
// squared degrees, so a few brokers are cheap to score on a large graph.
std::vector<double> BurtConstraint(const Projection& g, const std::vector<LocalId>& nodes);

}  // namespace copmap::analytics
