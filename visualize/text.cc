#include "visualize/text.h"

#include <cstdint>
#include <cstring>

namespace copmap::visualize {
namespace {

// Length of the UTF-8 sequence starting at `s[i]` if it is valid (shortest
// form, no surrogates, at most U+10FFFF), 0 otherwise; the decoded code point
// goes to `*cp`.
size_t DecodeUtf8(std::string_view s, size_t i, uint32_t* cp) {
  const auto byte = [&](size_t k) { return static_cast<uint8_t>(s[k]); };
  const uint8_t b0 = byte(i);
  if (b0 < 0x80) {
    *cp = b0;
    return 1;
  }
  size_t len;
  uint32_t min;
  if ((b0 & 0xE0) == 0xC0) {
    len = 2, min = 0x80, *cp = b0 & 0x1F;
  } else if ((b0 & 0xF0) == 0xE0) {
    len = 3, min = 0x800, *cp = b0 & 0x0F;
  } else if ((b0 & 0xF8) == 0xF0) {
    len = 4, min = 0x10000, *cp = b0 & 0x07;
  } else {
    return 0;
  }
  if (i + len > s.size()) return 0;
  for (size_t k = 1; k < len; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) return 0;
    *cp = (*cp << 6) | (byte(i + k) & 0x3F);
  }
  if (*cp < min || *cp > 0x10FFFF || (*cp >= 0xD800 && *cp <= 0xDFFF)) return 0;
  return len;
}

}  // namespace

std::string SanitizeText(std::string_view text, bool keep_newlines) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    uint32_t cp = 0;
    const size_t len = DecodeUtf8(text, i, &cp);
    if (len == 0) {
      out += "\xEF\xBF\xBD";  // U+FFFD for each bad byte
      ++i;
      continue;
    }
    if (cp == '\n') {
      out += keep_newlines ? '\n' : ' ';
    } else if (cp == '\t') {
      out += ' ';
    } else if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0)) {
      // Dropped: controls are invalid in XML 1.0 and invisible in print.
    } else {
      out.append(text.substr(i, len));
    }
    i += len;
  }
  return out;
}

std::string HtmlText(std::string_view text) {
  const std::string clean = SanitizeText(text, true);
  std::string out;
  out.reserve(clean.size() + 16);
  for (size_t i = 0; i < clean.size(); ++i) {
    const char c = clean[i];
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      case '\\':
        // Graphviz expands \G, \N, \E, \H, \T and \L inside HTML-like labels
        // too, after entities are decoded, and has no escape for a literal
        // backslash there. An invisible WORD JOINER (U+2060) between the
        // backslash and such a letter keeps the text as written.
        out += '\\';
        if (i + 1 < clean.size() && std::string_view("GNEHTL").find(clean[i + 1]) != std::string_view::npos) {
          out += "\u2060";
        }
        break;
      case '\n': out += "<BR/>"; break;
      default: out += c;
    }
  }
  return out;
}

std::string Shorten(std::string_view text, size_t max_chars) {
  size_t chars = 0;
  size_t cut = std::string_view::npos;
  for (size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<uint8_t>(text[i]) & 0xC0) == 0x80) continue;  // continuation byte
    if (chars == max_chars - 3) cut = i;
    if (++chars > max_chars) return std::string(text.substr(0, cut)) + "...";
  }
  return std::string(text);
}

}  // namespace copmap::visualize
