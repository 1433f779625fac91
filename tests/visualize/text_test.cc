// Byte-exact checks of the text cleaning and escaping that keeps data from
// becoming Graphviz syntax.
#include "visualize/text.h"

#include <gtest/gtest.h>

namespace copmap::visualize {
namespace {

TEST(TextTest, SanitizeDropsControlsAndRepairsUtf8) {
  EXPECT_EQ(SanitizeText("a\tb\x01" "c\x7f", false), "a bc");
  EXPECT_EQ(SanitizeText("one\ntwo", false), "one two");
  EXPECT_EQ(SanitizeText("one\ntwo", true), "one\ntwo");
  EXPECT_EQ(SanitizeText("caf\xc3\xa9", false), "caf\xc3\xa9");               // é stays
  EXPECT_EQ(SanitizeText("bad\xc3(", false), "bad\xef\xbf\xbd(");            // cut sequence
  EXPECT_EQ(SanitizeText("\xc0\xaf", false), "\xef\xbf\xbd\xef\xbf\xbd");   // overlong
  EXPECT_EQ(SanitizeText("\xed\xa0\x80", false).find("\xed"), std::string::npos);  // surrogate
  EXPECT_EQ(SanitizeText("\xc2\x85x", false), "x");                          // C1 control
}

TEST(TextTest, HtmlTextEscapesMarkupAndGraphvizBackslashes) {
  EXPECT_EQ(HtmlText("x\" fillcolor=\"red"), "x&quot; fillcolor=&quot;red");
  EXPECT_EQ(HtmlText("<b>&amp;</b>'"), "&lt;b&gt;&amp;amp;&lt;/b&gt;&#39;");
  EXPECT_EQ(HtmlText("a\nb"), "a<BR/>b");
  EXPECT_EQ(HtmlText("\\N \\G \\x \\"), "\\\u2060N \\\u2060G \\x \\");
}

TEST(TextTest, ShortenCutsWholeCodePoints) {
  EXPECT_EQ(Shorten("short", 10), "short");
  EXPECT_EQ(Shorten("abcdefghijk", 8), "abcde...");
  EXPECT_EQ(Shorten("\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9", 4), "\xc3\xa9...");
  EXPECT_EQ(Shorten("\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9", 4), "\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9");
}

}  // namespace
}  // namespace copmap::visualize
