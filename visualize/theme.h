// The one visual theme of every copmap map: shapes and colours by label, by
// membership role, by expertise level and by knowledge risk.
//
// Colours come from the Okabe-Ito palette (distinguishable with the common
// kinds of colour blindness), plus tints of its blue for ordered scales.
// Text is DejaVu Sans (fonts-dejavu-core, installed by scripts/install-deps.sh).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "storage/value.h"
#include "visualize/map_model.h"

namespace copmap::visualize {

namespace palette {
inline constexpr const char* kBlack = "#000000";
inline constexpr const char* kOrange = "#E69F00";
inline constexpr const char* kSkyBlue = "#56B4E9";
inline constexpr const char* kGreen = "#009E73";  // bluish green
inline constexpr const char* kYellow = "#F0E442";
inline constexpr const char* kBlue = "#0072B2";
inline constexpr const char* kVermillion = "#D55E00";
inline constexpr const char* kPurple = "#CC79A7";  // reddish purple
inline constexpr const char* kGrey = "#777777";
inline constexpr const char* kWhite = "#FFFFFF";
}  // namespace palette

// MEMBER_OF.role, weakest first. kNone: no role or not a member.
enum class Role { kNone = 0, kPeripheral = 1, kActive = 2, kCore = 3 };
// "core", "active", "peripheral" (case-insensitive); anything else kNone.
Role RoleFromValue(const Value& role);
std::string_view RoleName(Role role);  // "core", ..., "member"

// The style of a node by its first CoP label (Person, Community, Domain,
// Practice, Organization, Event); other labels get a plain white ellipse.
NodeStyle LabelStyle(std::string_view label);
// A person filled by membership role (core darkest).
NodeStyle RoleStyle(Role role);
// A person filled by expertise level 1..5 (5 darkest); 0 means unknown.
NodeStyle LevelStyle(int level);
// A domain filled by how many staying experts hold it: 0 none, 1 at risk,
// 2 thin, 3 or more covered.
NodeStyle RiskStyle(int experts);
// Marks on top of a style. A broker also gets kBrokerMark before its name
// (the outline alone would be lost under a leader's).
inline constexpr const char* kBrokerMark = "\u25C6";  // a black diamond
void MarkBroker(NodeStyle* style);
void MarkLeader(NodeStyle* style);
void MarkBoundarySpanner(NodeStyle* style);
void MarkFocus(NodeStyle* style);
// Scales the font (and so the node) with importance in 0..1.
void ScaleByImportance(double importance, NodeStyle* style);

// The style of an edge by relationship type and its properties (MEMBER_OF
// role, EXPERT_IN level, KNOWS strength).
EdgeStyle RelationshipStyle(const RelationshipValue& rel);
// A membership drawn across clusters: its person belongs elsewhere too.
// The role is the line's weight (core thickest), not a label: dozens of
// "core" / "active" words along crossing lines only cluttered the map.
EdgeStyle BridgeStyle(Role role);
// An aggregated edge between summarized groups, `count` relationships.
EdgeStyle SummaryEdgeStyle(size_t count);

// A community's cluster; overlapping communities get a dashed border.
ClusterStyle CommunityClusterStyle(bool overlapping);
ClusterStyle GroupClusterStyle();  // role or level groups

// Legend rows, each naming what it explains.
LegendEntry LabelLegend(std::string_view label);
LegendEntry RelationshipLegend(std::string_view type);
std::vector<LegendEntry> RoleLegend();
std::vector<LegendEntry> LevelLegend();
std::vector<LegendEntry> RiskLegend();
LegendEntry LeaderLegend();
LegendEntry BoundarySpannerLegend();
// `top`: how many of the highest-betweenness people cop.brokers marked.
LegendEntry BrokerLegend(size_t top);
LegendEntry BridgeLegend();

// The labels the theme knows, in legend order.
const std::vector<std::string>& KnownLabels();

}  // namespace copmap::visualize
