#include "visualize/render_options.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <utility>

namespace copmap::visualize {
namespace {

constexpr double kPointsPerMm = 72.0 / 25.4;

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  const auto lower = [](char c) { return std::tolower(static_cast<unsigned char>(c)); };
  return std::equal(a.begin(), a.end(), b.begin(), b.end(),
                    [&](char x, char y) { return lower(x) == lower(y); });
}

// Looks `name` up in a table of (name, value); the error lists every name.
template <typename E, size_t N>
Result<E> Lookup(std::string_view what, std::string_view name,
                 const std::array<std::pair<std::string_view, E>, N>& table) {
  for (const auto& [n, v] : table) {
    if (EqualsIgnoreCase(n, name)) return v;
  }
  std::string accepted;
  for (const auto& [n, v] : table) {
    if (!accepted.empty()) accepted += ", ";
    accepted += n;
  }
  return Status::InvalidArgument("unknown " + std::string(what) + " '" + std::string(name) +
                                 "' (expected one of: " + accepted + ")");
}

template <typename E, size_t N>
std::string_view NameOf(E value, const std::array<std::pair<std::string_view, E>, N>& table) {
  for (const auto& [n, v] : table) {
    if (v == value) return n;
  }
  return "?";
}

constexpr std::array<std::pair<std::string_view, Format>, 4> kFormats{{
    {"svg", Format::kSvg}, {"pdf", Format::kPdf}, {"png", Format::kPng}, {"dot", Format::kDot}}};
constexpr std::array<std::pair<std::string_view, LayoutEngine>, 7> kEngines{{
    {"auto", LayoutEngine::kAuto},
    {"dot", LayoutEngine::kDot},
    {"neato", LayoutEngine::kNeato},
    {"fdp", LayoutEngine::kFdp},
    {"sfdp", LayoutEngine::kSfdp},
    {"circo", LayoutEngine::kCirco},
    {"osage", LayoutEngine::kOsage}}};
constexpr std::array<std::pair<std::string_view, PageSize>, 8> kPages{{
    {"none", PageSize::kNone},
    {"A4", PageSize::kA4},
    {"A3", PageSize::kA3},
    {"A2", PageSize::kA2},
    {"A1", PageSize::kA1},
    {"A0", PageSize::kA0},
    {"Letter", PageSize::kLetter},
    {"Tabloid", PageSize::kTabloid}}};

}  // namespace

PagePoints PageDimensions(PageSize page) {
  switch (page) {
    // ISO 216 sizes are defined in millimetres; US sizes in inches.
    case PageSize::kA4: return {210 * kPointsPerMm, 297 * kPointsPerMm};
    case PageSize::kA3: return {297 * kPointsPerMm, 420 * kPointsPerMm};
    case PageSize::kA2: return {420 * kPointsPerMm, 594 * kPointsPerMm};
    case PageSize::kA1: return {594 * kPointsPerMm, 841 * kPointsPerMm};
    case PageSize::kA0: return {841 * kPointsPerMm, 1189 * kPointsPerMm};
    case PageSize::kLetter: return {8.5 * 72, 11 * 72};
    case PageSize::kTabloid: return {11 * 72, 17 * 72};
    case PageSize::kNone: break;
  }
  return {};
}

Result<Format> ParseFormat(std::string_view name) { return Lookup("format", name, kFormats); }
Result<LayoutEngine> ParseLayoutEngine(std::string_view name) {
  return Lookup("layout engine", name, kEngines);
}
Result<PageSize> ParsePageSize(std::string_view name) { return Lookup("page size", name, kPages); }
std::string_view FormatName(Format format) { return NameOf(format, kFormats); }
std::string_view LayoutEngineName(LayoutEngine engine) { return NameOf(engine, kEngines); }
std::string_view PageSizeName(PageSize page) { return NameOf(page, kPages); }

LayoutEngine ResolveLayoutEngine(LayoutEngine engine, bool has_clusters) {
  if (engine != LayoutEngine::kAuto) return engine;
  return has_clusters ? LayoutEngine::kOsage : LayoutEngine::kDot;
}

}  // namespace copmap::visualize
