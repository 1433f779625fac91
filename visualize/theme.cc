#include "visualize/theme.h"

#include <algorithm>
#include <cctype>
#include <cmath>

namespace copmap::visualize {
namespace {

using namespace palette;  // NOLINT: the palette is this file's vocabulary

// Tints of Okabe-Ito blue for ordered scales, lightest first.
constexpr const char* kBlueTints[] = {"#EAF3F9", "#B3D4E8", "#7FB6D8", "#3C93C8", kBlue};

NodeStyle Make(Shape shape, const char* fill, const char* border, const char* font) {
  NodeStyle s;
  s.shape = shape;
  s.fill = fill;
  s.border = border;
  s.font_color = font;
  return s;
}

std::string Lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

const Value* Property(const ValueMap& properties, std::string_view key) {
  for (const auto& [k, v] : properties) {
    if (k == key) return &v;
  }
  return nullptr;
}

EdgeStyle Edge(const char* color, LineStyle line, double width, bool directed = true) {
  EdgeStyle s;
  s.color = color;
  s.line = line;
  s.pen_width = width;
  s.directed = directed;
  return s;
}

LegendEntry NodeEntry(std::string text, NodeStyle style) {
  LegendEntry e;
  e.kind = LegendEntry::Kind::kNode;
  e.text = std::move(text);
  e.node = std::move(style);
  return e;
}

LegendEntry EdgeEntry(std::string text, EdgeStyle style) {
  LegendEntry e;
  e.kind = LegendEntry::Kind::kEdge;
  e.text = std::move(text);
  e.edge = std::move(style);
  return e;
}

// Legend wording per relationship type.
struct RelationshipWords {
  const char* type;
  const char* legend;
};
constexpr RelationshipWords kRelationshipWords[] = {
    {"MEMBER_OF", "member of (thicker: stronger role)"},
    {"LEADS", "leads (label: leadership style)"},
    {"EXPERT_IN", "expert in (thicker: higher level)"},
    {"INTERESTED_IN", "interested in (could learn)"},
    {"KNOWS", "knows (thicker: more trust)"},
    {"MENTORS", "mentors"},
    {"AUTHORED", "authored"},
    {"APPLIED", "applied (knowledge transferred)"},
    {"ABOUT", "about"},
    {"FOCUSES_ON", "community focuses on"},
    {"PART_OF", "part of"},
    {"LINKED_TO", "communities linked"},
    {"WORKS_AT", "works at"},
    {"ATTENDED", "attended"},
    {"HOSTED", "hosted"},
};

RelationshipValue Sample(std::string_view type) {
  RelationshipValue rel;
  rel.type = std::string(type);
  return rel;
}

}  // namespace

Role RoleFromValue(const Value& role) {
  if (!role.is_string()) return Role::kNone;
  const std::string r = Lower(role.as_string());
  if (r == "core") return Role::kCore;
  if (r == "active") return Role::kActive;
  if (r == "peripheral") return Role::kPeripheral;
  return Role::kNone;
}

std::string_view RoleName(Role role) {
  switch (role) {
    case Role::kCore: return "core";
    case Role::kActive: return "active";
    case Role::kPeripheral: return "peripheral";
    case Role::kNone: break;
  }
  return "member";
}

const std::vector<std::string>& KnownLabels() {
  static const std::vector<std::string> labels = {"Person",   "Community",    "Domain",
                                                  "Practice", "Organization", "Event"};
  return labels;
}

NodeStyle LabelStyle(std::string_view label) {
  if (label == "Person") return Make(Shape::kRoundedBox, kSkyBlue, kBlue, kBlack);
  if (label == "Community") return Make(Shape::kDoubleOctagon, kGreen, "#00573F", kWhite);
  if (label == "Domain") return Make(Shape::kHexagon, kOrange, "#8A5F00", kBlack);
  if (label == "Practice") return Make(Shape::kNote, kYellow, "#8C8500", kBlack);
  if (label == "Organization") return Make(Shape::kComponent, kPurple, "#7A3F63", kBlack);
  if (label == "Event") return Make(Shape::kCds, "#E8E8E8", kGrey, kBlack);
  return Make(Shape::kEllipse, kWhite, kBlack, kBlack);
}

NodeStyle RoleStyle(Role role) {
  switch (role) {
    case Role::kCore: return Make(Shape::kRoundedBox, kBlue, "#003F63", kWhite);
    case Role::kActive: return Make(Shape::kRoundedBox, kSkyBlue, kBlue, kBlack);
    case Role::kPeripheral: {
      NodeStyle s = Make(Shape::kRoundedBox, kBlueTints[0], kSkyBlue, kBlack);
      s.border_line = LineStyle::kDashed;
      return s;
    }
    case Role::kNone: break;
  }
  return Make(Shape::kRoundedBox, kWhite, kGrey, kBlack);
}

NodeStyle LevelStyle(int level) {
  if (level < 1 || level > 5) return Make(Shape::kRoundedBox, kWhite, kGrey, kBlack);
  return Make(Shape::kRoundedBox, kBlueTints[level - 1], kBlue, level >= 4 ? kWhite : kBlack);
}

NodeStyle RiskStyle(int experts) {
  NodeStyle s = LabelStyle("Domain");
  if (experts <= 0) {
    s.fill = kBlack;
    s.font_color = kWhite;
  } else if (experts == 1) {
    s.fill = kVermillion;
    s.font_color = kWhite;
    s.pen_width = 2.5;
  } else if (experts == 2) {
    s.fill = kYellow;
  } else {
    s.fill = kGreen;
    s.font_color = kWhite;
  }
  return s;
}

void MarkBroker(NodeStyle* style) {
  style->border = kPurple;
  style->pen_width = 3;
  style->border_line = LineStyle::kSolid;
}

void MarkLeader(NodeStyle* style) {
  style->border = kVermillion;
  style->pen_width = 3;
  style->border_line = LineStyle::kSolid;
}

void MarkBoundarySpanner(NodeStyle* style) {
  style->peripheries = 2;
  style->border = kVermillion;
}

void MarkFocus(NodeStyle* style) {
  style->pen_width = 4;
  style->font_size = std::max(style->font_size, 20.0);
}

void ScaleByImportance(double importance, NodeStyle* style) {
  const double clamped = std::clamp(std::isfinite(importance) ? importance : 0.0, 0.0, 1.0);
  style->font_size = std::round((style->font_size + 8 * std::sqrt(clamped)) * 2) / 2;
}

EdgeStyle RelationshipStyle(const RelationshipValue& rel) {
  const std::string& t = rel.type;
  if (t == "MEMBER_OF") {
    const Value* role = Property(rel.properties, "role");
    const Role r = role ? RoleFromValue(*role) : Role::kNone;
    EdgeStyle s = Edge(kGrey, r == Role::kPeripheral ? LineStyle::kDashed : LineStyle::kSolid,
                       0.8 + 0.7 * static_cast<int>(r));
    return s;
  }
  if (t == "LEADS") return Edge(kVermillion, LineStyle::kSolid, 2.5);
  if (t == "EXPERT_IN") {
    const Value* level = Property(rel.properties, "level");
    const double l = level && level->is_number() ? std::clamp(level->as_number(), 1.0, 5.0) : 1;
    return Edge(kOrange, LineStyle::kSolid, 0.5 + 0.6 * l);
  }
  if (t == "INTERESTED_IN") return Edge(kOrange, LineStyle::kDotted, 1.2);
  if (t == "KNOWS") {
    const Value* strength = Property(rel.properties, "strength");
    const double k =
        strength && strength->is_number() ? std::clamp(strength->as_number(), 0.0, 1.0) : 0.3;
    return Edge("#999999", LineStyle::kDotted, 0.6 + 2 * k, false);
  }
  if (t == "MENTORS") return Edge(kBlue, LineStyle::kSolid, 2.2);
  if (t == "AUTHORED") return Edge("#8C8500", LineStyle::kSolid, 1.2);
  if (t == "APPLIED") return Edge(kGreen, LineStyle::kDashed, 1.2);
  if (t == "ABOUT") return Edge("#8A5F00", LineStyle::kDashed, 1);
  if (t == "FOCUSES_ON") return Edge(kGreen, LineStyle::kSolid, 1.8);
  if (t == "PART_OF") return Edge(kPurple, LineStyle::kSolid, 1.5);
  if (t == "LINKED_TO") return Edge(kGreen, LineStyle::kDashed, 2.2, false);
  if (t == "WORKS_AT") return Edge(kPurple, LineStyle::kDotted, 1);
  return Edge("#555555", LineStyle::kSolid, 1);
}

EdgeStyle BridgeStyle(Role role) {
  const double width = role == Role::kCore ? 2.6 : role == Role::kActive ? 1.6 : 0.8;
  return Edge(kVermillion, LineStyle::kDashed, width);
}

EdgeStyle SummaryEdgeStyle(size_t count) {
  return Edge(kGrey, LineStyle::kSolid,
              std::min(8.0, 0.8 + std::log2(1.0 + static_cast<double>(count))));
}

ClusterStyle CommunityClusterStyle(bool overlapping) {
  ClusterStyle s;
  s.fill = "#EEF7F3";  // a light tint of the community green
  s.border = kGreen;
  s.border_line = overlapping ? LineStyle::kDashed : LineStyle::kSolid;
  return s;
}

ClusterStyle GroupClusterStyle() {
  ClusterStyle s;
  s.fill = "#F5F5F5";
  s.border = kGrey;
  return s;
}

LegendEntry LabelLegend(std::string_view label) {
  return NodeEntry(std::string(label), LabelStyle(label));
}

LegendEntry RelationshipLegend(std::string_view type) {
  for (const RelationshipWords& w : kRelationshipWords) {
    if (type == w.type) return EdgeEntry(w.legend, RelationshipStyle(Sample(type)));
  }
  return EdgeEntry(Lower(type), RelationshipStyle(Sample(type)));
}

std::vector<LegendEntry> RoleLegend() {
  return {NodeEntry("core member", RoleStyle(Role::kCore)),
          NodeEntry("active member", RoleStyle(Role::kActive)),
          NodeEntry("peripheral member", RoleStyle(Role::kPeripheral))};
}

std::vector<LegendEntry> LevelLegend() {
  std::vector<LegendEntry> out;
  for (int level = 5; level >= 1; --level) {
    out.push_back(NodeEntry("expertise level " + std::to_string(level), LevelStyle(level)));
  }
  return out;
}

std::vector<LegendEntry> RiskLegend() {
  return {NodeEntry("no staying expert (level 4+)", RiskStyle(0)),
          NodeEntry("one staying expert: at risk", RiskStyle(1)),
          NodeEntry("two staying experts: thin", RiskStyle(2))};
}

LegendEntry LeaderLegend() {
  NodeStyle s = RoleStyle(Role::kActive);
  MarkLeader(&s);
  return NodeEntry("leader (red outline)", s);
}

LegendEntry BoundarySpannerLegend() {
  NodeStyle s = RoleStyle(Role::kActive);
  MarkBoundarySpanner(&s);
  return NodeEntry("boundary spanner (double outline)", s);
}

LegendEntry BrokerLegend(size_t top) {
  NodeStyle s = RoleStyle(Role::kActive);
  MarkBroker(&s);
  return NodeEntry(std::string(kBrokerMark) + " broker: top " + std::to_string(top) +
                       " by betweenness (cop.brokers), purple",
                   s);
}

LegendEntry BridgeLegend() {
  return EdgeEntry("also member of (bridge; thicker: stronger role)", BridgeStyle(Role::kActive));
}

}  // namespace copmap::visualize
