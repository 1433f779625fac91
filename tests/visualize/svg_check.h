// Test helpers that read rendered maps: a small XML well-formedness parser
// for SVG, the page box of a PDF and the size of a PNG.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace copmap::visualize::testing {

struct XmlElement {
  std::string name;
  std::vector<std::pair<std::string, std::string>> attributes;  // entity-decoded
  std::string text;  // decoded character data directly inside the element
  std::string Attr(const std::string& key) const;
};

// Parses `xml` and checks it is well-formed (one root, properly nested and
// closed tags, quoted attributes, known entities, no stray '<' or '&').
// Returns every element in document order, or sets *error.
std::vector<XmlElement> ParseXml(const std::string& xml, std::string* error);

// The texts of <title> elements inside <g class="node"> (node keys) and
// <g class="cluster"> groups.
struct SvgSummary {
  std::vector<std::string> node_titles;
  int clusters = 0;
  std::vector<std::string> texts;  // every <text> element's text
};
SvgSummary SummarizeSvg(const std::vector<XmlElement>& elements);

// The first /MediaBox [x0 y0 x1 y1] of a PDF: width and height in points.
// Returns false when there is none.
bool PdfMediaBox(const std::string& pdf, double* width, double* height);

// Width and height from a PNG's IHDR chunk; false if not a PNG.
bool PngSize(const std::string& png, unsigned* width, unsigned* height);

}  // namespace copmap::visualize::testing
