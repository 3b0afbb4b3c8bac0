/// report.html on the real Bromley case (../shared/data/bromley): 2022 against the 2018
/// notionals, as text and as headless Chromium renders it. Skips when the data is absent.
#include <set>
#include <string>

#include <gtest/gtest.h>

#include "core/csv.hpp"
#include "render.hpp"

namespace notional::test {
namespace {

const std::filesystem::path bromley = shared / "bromley";

TEST(BromleyHtml, TheReportPageDrawsEveryWardAndRendersItsMaps) {
    if (!std::filesystem::exists(bromley)) {
        GTEST_SKIP() << "real data absent: " << bromley.string()
                     << " (../shared/data beside the project); skipping Bromley's report.html";
    }
    TempDir dir;
    const auto results = bromley / "results";
    const std::string wards_2022 = (results / "bromley_2022_wards_gla.csv").string();
    const CommandResult result = run(
        bin + " --old " +
        (bromley / "wards_old_2002-2022" / "bromley_wards_old_fullres_bng.gpkg").string() +
        " --new " + (bromley / "wards_new_2022" / "bromley_wards_new_2022_wgs84.gpkg").string() +
        " --results " + (results / "bromley_2018_candidates_democracyclub.csv").string() +
        " --new-seats " + wards_2022 + " --actual " +
        (results / "bromley_2022_candidates_gla.csv").string() + " --actual-wards " + wards_2022 +
        " -o " + (dir / "out").string());
    ASSERT_EQ(result.exit_code, 0) << result.err;
    const auto page = dir / "out" / "report.html";
    const std::string text = read_text(page);
    // 22 new wards, each once on every map, with a card; small enough to mail.
    for (const char* map : {"winner", "gains", "change", "margin"}) {
        EXPECT_EQ(count_of(map_of(text, map), "<path d=\"M"), 22U) << map;
    }
    EXPECT_EQ(count_of(text, "<section class=\"card\""), 22U);
    EXPECT_LT(text.size(), 1'000'000U);
    // The Conservatives' -14 the press quotes is -12 on the notional; Shortlands & Park
    // Langley's third Conservative seat a boundary artefact, hatched on the gains map.
    EXPECT_TRUE(contains(text,
                         R"(CON <span class="note">Conservative</span></td><td class="n">50</td>)"
                         R"(<td class="n">48</td><td class="n">36</td><td class="n down">-14</td>)"
                         R"(<td class="n down">-12</td>)"));
    EXPECT_TRUE(contains(map_of(text, "gains"),
                         R"(class="claim"><title>Shortlands &amp; Park Langley (E05014005): )"
                         "CON hold (notional); CON BOUNDARY ARTEFACT"));

    const std::string browser = chromium();
    if (browser.empty()) {
        GTEST_SKIP() << "chromium is not installed (scripts/setup installs it): report.html is "
                        "not rendered";
    }
    const auto png = dir / "report.png";
    const CommandResult shot = chromium_on(browser, page, dir / "profile",
                                           "--window-size=1200,1600 --screenshot=" + png.string());
    ASSERT_EQ(shot.exit_code, 0) << shot.err;
    // The winner map mostly Conservative blue, the gains map mostly its paler hold; Labour's
    // wards in red on the first.
    EXPECT_GT(pixels_of(png, 0x0087dc), 60000U) << "Conservative blue";
    EXPECT_GT(pixels_of(png, 0x8cc9ef), 60000U) << "Conservative hold";
    EXPECT_GT(pixels_of(png, 0xe4003b), 10000U) << "Labour red";
    const CommandResult dom = chromium_on(browser, page, dir / "profile", "--dump-dom");
    ASSERT_EQ(dom.exit_code, 0) << dom.err;
    EXPECT_TRUE(contains(dom.out, "GENUINE x2"));
    EXPECT_TRUE(contains(dom.out, "BOUNDARY ARTEFACT"));
}

}  // namespace
}  // namespace notional::test
