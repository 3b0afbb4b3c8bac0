/// Unit tests of report/html: report.html's escaping, wording and maps on a hand-made comparison.
#include <string>

#include <gtest/gtest.h>

#include "model/compare.hpp"
#include "report/html.hpp"
#include "support.hpp"

namespace notional::report {
namespace {

using test::actual_of;
using test::alpha_base;
using test::alpha_result;
using test::base_of;
using test::beta_base;
using test::beta_result;
using test::contains;

TEST(Html, EscapesEveryMarkupCharacter) {
    EXPECT_EQ(html_escape("<a href=\"x\">Tom & Jerry's</a>"),
              "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;");
}

TEST(Html, AGeneralElectionSaysConstituencyAndEveryTextIsEscaped) {
    auto comparison = model::compare(base_of({alpha_base(), beta_base()}),
                                     actual_of({alpha_result(), beta_result()}));
    comparison.wards[0].name = "Alpha <b>& Co</b>";
    const PartyColours colours({"LAB", "CON"});
    Drawing drawing{1000, 500, {{"E05000001", {"M 0 0l 500 0 0 500Z"}}}};
    const std::string page = report_html({comparison, "A & B", true, colours, drawing, {}});
    EXPECT_TRUE(contains(page, "<title>A &amp; B</title>"));
    EXPECT_TRUE(contains(page, "Winner in each constituency"));
    EXPECT_TRUE(contains(page, "<h2 id=\"constituencies\">Constituencies</h2>"));
    EXPECT_FALSE(contains(page, "each ward"));  // (the reasons, the model's words, say "ward")
    EXPECT_TRUE(contains(page, "Alpha &lt;b&gt;&amp; Co&lt;/b&gt;"));
    EXPECT_FALSE(contains(page, "<b>&"));
    // Beta has no shape in the drawing: a card, but no path.
    EXPECT_TRUE(contains(page, "<section class=\"card\" id=\"E05000002\">"));
    EXPECT_FALSE(contains(page, "<a href=\"#E05000002\"><path"));
    EXPECT_TRUE(contains(page, "<a href=\"#E05000001\"><path d=\"M 0 0l 500 0 0 500Z\" fill=\"" +
                                   colours(comparison.wards[0].winner) + "\">"));
}

}  // namespace
}  // namespace notional::report
