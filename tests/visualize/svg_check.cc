#include "tests/visualize/svg_check.h"

#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace copmap::visualize::testing {
namespace {

bool IsNameChar(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-' || c == ':' ||
         c == '.' || static_cast<unsigned char>(c) >= 0x80;
}

// Decodes the five XML entities and numeric references; false on anything else.
bool Decode(const std::string& raw, std::string* out) {
  out->clear();
  for (size_t i = 0; i < raw.size(); ++i) {
    if (raw[i] == '<') return false;
    if (raw[i] != '&') {
      *out += raw[i];
      continue;
    }
    const size_t semi = raw.find(';', i);
    if (semi == std::string::npos) return false;
    const std::string ent = raw.substr(i + 1, semi - i - 1);
    if (ent == "amp") *out += '&';
    else if (ent == "lt") *out += '<';
    else if (ent == "gt") *out += '>';
    else if (ent == "quot") *out += '"';
    else if (ent == "apos") *out += '\'';
    else if (ent.size() > 1 && ent[0] == '#') {
      const long cp = ent[1] == 'x' ? std::strtol(ent.c_str() + 2, nullptr, 16)
                                    : std::strtol(ent.c_str() + 1, nullptr, 10);
      if (cp <= 0 || cp > 0x10FFFF) return false;
      // UTF-8 encode.
      if (cp < 0x80) {
        *out += static_cast<char>(cp);
      } else if (cp < 0x800) {
        *out += static_cast<char>(0xC0 | (cp >> 6));
        *out += static_cast<char>(0x80 | (cp & 0x3F));
      } else if (cp < 0x10000) {
        *out += static_cast<char>(0xE0 | (cp >> 12));
        *out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        *out += static_cast<char>(0x80 | (cp & 0x3F));
      } else {
        *out += static_cast<char>(0xF0 | (cp >> 18));
        *out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        *out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        *out += static_cast<char>(0x80 | (cp & 0x3F));
      }
    } else {
      return false;
    }
    i = semi;
  }
  return true;
}

}  // namespace

std::string XmlElement::Attr(const std::string& key) const {
  for (const auto& [k, v] : attributes) {
    if (k == key) return v;
  }
  return "";
}

std::vector<XmlElement> ParseXml(const std::string& xml, std::string* error) {
  std::vector<XmlElement> elements;
  std::vector<size_t> open;  // indices into elements
  bool seen_root = false;
  size_t i = 0;
  const auto fail = [&](const std::string& why) {
    *error = why + " at byte " + std::to_string(i);
    return std::vector<XmlElement>{};
  };
  while (i < xml.size()) {
    if (xml[i] != '<') {
      const size_t next = xml.find('<', i);
      const std::string raw = xml.substr(i, next == std::string::npos ? std::string::npos : next - i);
      std::string text;
      if (!Decode(raw, &text)) return fail("bad character data");
      if (open.empty()) {
        if (raw.find_first_not_of(" \t\r\n") != std::string::npos) return fail("text outside root");
      } else {
        elements[open.back()].text += text;
      }
      if (next == std::string::npos) break;
      i = next;
      continue;
    }
    if (xml.compare(i, 4, "<!--") == 0) {
      const size_t end = xml.find("-->", i + 4);
      if (end == std::string::npos) return fail("unclosed comment");
      i = end + 3;
    } else if (xml.compare(i, 2, "<?") == 0) {
      const size_t end = xml.find("?>", i + 2);
      if (end == std::string::npos) return fail("unclosed processing instruction");
      i = end + 2;
    } else if (xml.compare(i, 9, "<!DOCTYPE") == 0) {
      if (seen_root) return fail("DOCTYPE after root");
      const size_t end = xml.find('>', i);
      if (end == std::string::npos) return fail("unclosed DOCTYPE");
      i = end + 1;
    } else if (xml.compare(i, 2, "</") == 0) {
      size_t j = i + 2;
      while (j < xml.size() && IsNameChar(xml[j])) ++j;
      const std::string name = xml.substr(i + 2, j - i - 2);
      while (j < xml.size() && std::isspace(static_cast<unsigned char>(xml[j]))) ++j;
      if (j >= xml.size() || xml[j] != '>') return fail("bad end tag");
      if (open.empty() || elements[open.back()].name != name) return fail("mismatched </" + name + ">");
      open.pop_back();
      i = j + 1;
    } else {
      size_t j = i + 1;
      while (j < xml.size() && IsNameChar(xml[j])) ++j;
      XmlElement el;
      el.name = xml.substr(i + 1, j - i - 1);
      if (el.name.empty()) return fail("empty tag name");
      if (open.empty() && seen_root) return fail("second root element");
      for (;;) {
        while (j < xml.size() && std::isspace(static_cast<unsigned char>(xml[j]))) ++j;
        if (j >= xml.size()) return fail("unclosed tag");
        if (xml[j] == '>' || xml.compare(j, 2, "/>") == 0) break;
        size_t k = j;
        while (k < xml.size() && IsNameChar(xml[k])) ++k;
        if (k == j || k + 1 >= xml.size() || xml[k] != '=' || (xml[k + 1] != '"' && xml[k + 1] != '\'')) {
          return fail("bad attribute in <" + el.name + ">");
        }
        const char quote = xml[k + 1];
        const size_t end = xml.find(quote, k + 2);
        if (end == std::string::npos) return fail("unclosed attribute value");
        std::string value;
        if (!Decode(xml.substr(k + 2, end - k - 2), &value)) return fail("bad attribute value");
        for (const auto& [name, v] : el.attributes) {
          if (name == xml.substr(j, k - j)) return fail("duplicate attribute " + name);
        }
        el.attributes.emplace_back(xml.substr(j, k - j), value);
        j = end + 1;
      }
      const bool self_closing = xml[j] == '/';
      i = j + (self_closing ? 2 : 1);
      seen_root = true;
      elements.push_back(std::move(el));
      if (!self_closing) open.push_back(elements.size() - 1);
    }
  }
  if (!open.empty()) {
    *error = "unclosed <" + elements[open.back()].name + ">";
    return {};
  }
  if (!seen_root) {
    *error = "no root element";
    return {};
  }
  error->clear();
  return elements;
}

SvgSummary SummarizeSvg(const std::vector<XmlElement>& elements) {
  SvgSummary summary;
  std::string group_class;
  for (const XmlElement& el : elements) {
    if (el.name == "g") {
      group_class = el.Attr("class");
      if (group_class == "cluster") ++summary.clusters;
    } else if (el.name == "title" && group_class == "node") {
      summary.node_titles.push_back(el.text);
      group_class.clear();
    } else if (el.name == "text") {
      summary.texts.push_back(el.text);
    }
  }
  return summary;
}

bool PdfMediaBox(const std::string& pdf, double* width, double* height) {
  const size_t at = pdf.find("/MediaBox");
  if (at == std::string::npos) return false;
  const size_t open = pdf.find('[', at);
  if (open == std::string::npos) return false;
  double x0, y0, x1, y1;
  if (std::sscanf(pdf.c_str() + open + 1, "%lf %lf %lf %lf", &x0, &y0, &x1, &y1) != 4) return false;
  *width = x1 - x0;
  *height = y1 - y0;
  return true;
}

bool PngSize(const std::string& png, unsigned* width, unsigned* height) {
  static const char kSignature[] = "\x89PNG\r\n\x1a\n";
  if (png.size() < 24 || png.compare(0, 8, kSignature, 8) != 0 || png.compare(12, 4, "IHDR") != 0) {
    return false;
  }
  const auto be32 = [&](size_t at) {
    return (static_cast<unsigned>(static_cast<unsigned char>(png[at])) << 24) |
           (static_cast<unsigned>(static_cast<unsigned char>(png[at + 1])) << 16) |
           (static_cast<unsigned>(static_cast<unsigned char>(png[at + 2])) << 8) |
           static_cast<unsigned>(static_cast<unsigned char>(png[at + 3]));
  };
  *width = be32(16);
  *height = be32(20);
  return true;
}

}  // namespace copmap::visualize::testing
