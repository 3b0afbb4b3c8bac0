/// report.html on the demo: its text (the council table, the verdicts, one path per ward on each
/// map, a card per ward), and the page as headless Chromium renders it: the maps' party colours
/// on the screenshot, the verdicts in the rendered text.
#include <cstdlib>
#include <set>
#include <string>

#include <gtest/gtest.h>

#include "core/csv.hpp"
#include "render.hpp"

namespace notional::test {
namespace {

/// The demo's comparison, written into `out`.
void run_demo_comparison(const std::filesystem::path& out) {
    const CommandResult result = run(demo_job(out, with_actual));
    ASSERT_EQ(result.exit_code, 0) << result.err;
}

TEST(Html, TheDemoPageHoldsTheTableTheVerdictsAndEveryWardOnEachMap) {
    TempDir dir;
    run_demo_comparison(dir / "out");
    const std::string page = read_text(dir / "out" / "report.html");
    std::set<std::string> wards;
    for (const auto& row : read_csv(dir / "out" / "comparison.csv").rows) wards.insert(row[0]);
    ASSERT_EQ(wards.size(), 5U);
    // The council table: Labour's press +2 is no real change (as report.md has it).
    EXPECT_TRUE(contains(page,
                         "LAB <span class=\"note\">Labour</span></td><td class=\"n\">5</td><td "
                         "class=\"n\">7</td><td class=\"n\">7</td><td class=\"n up\">+2</td><td "
                         "class=\"n\">0</td>"))
        << page.substr(0, 8000);
    // Westbury a boundary artefact, Kingsmead and Cheyne a genuine gain, with their reasons.
    EXPECT_TRUE(contains(page, ">BOUNDARY ARTEFACT x2</span>"));
    EXPECT_TRUE(contains(page, "<span class=\"badge genuine\">GENUINE</span>"));
    EXPECT_TRUE(contains(page, "<a href=\"#E05900101\">Westbury</a></td><td>LAB hold (notional)"));
    for (const char* map : {"winner", "gains", "change", "margin"}) {
        const std::string svg = map_of(page, map);
        EXPECT_EQ(count_of(svg, "<path d=\"M"), wards.size()) << map;
        for (const auto& code : wards) {
            EXPECT_EQ(count_of(svg, "<a href=\"#" + code + "\"><path"), 1U) << map << " " << code;
        }
    }
    // A hold in the winner's tint and the gain in the gainer's colour, as comparison.geojson.
    EXPECT_TRUE(contains(map_of(page, "gains"), "url(#v-artefact-f38ca7)"));
    EXPECT_TRUE(contains(map_of(page, "gains"), "fill=\"#faa61a\" class=\"claim\""));
    for (const auto& code : wards) {
        EXPECT_EQ(count_of(page, "<section class=\"card\" id=\"" + code + "\">"), 1U) << code;
    }
    // The main job knows each ward's sources; the page is self-contained.
    EXPECT_TRUE(contains(page, "From old wards: "));
    EXPECT_FALSE(contains(page, "<script"));
    EXPECT_FALSE(contains(page, "http://"));
    EXPECT_FALSE(contains(page, "https://"));

    // The compare subcommand writes it too, its sources from the crosswalk.csv and ledger.csv
    // beside the base, as the main job has them (its maps are drawn from notional.geojson, in
    // another projection, so their paths differ).
    const CommandResult again = run(bin + " compare --notional " + (dir / "out").string() + " " +
                                    with_actual + " -o " + (dir / "again").string());
    ASSERT_EQ(again.exit_code, 0) << again.err;
    const std::string compared = read_text(dir / "again" / "report.html");
    EXPECT_EQ(count_of(map_of(compared, "winner"), "<path d=\"M"), wards.size());
    EXPECT_TRUE(contains(compared, ">BOUNDARY ARTEFACT x2</span>"));
    const auto sources = [](const std::string& text) {
        std::string lines;
        for (auto at = text.find("From old wards: "); at != std::string::npos;
             at = text.find("From old wards: ", at + 1)) {
            lines += text.substr(at, text.find('\n', at) - at) + "\n";
        }
        return lines;
    };
    EXPECT_EQ(count_of(sources(page), "\n"), wards.size());
    EXPECT_EQ(sources(compared), sources(page));
}

TEST(Html, RendersInHeadlessChromiumWithTheMapsDrawn) {
    const std::string browser = chromium();
    if (browser.empty()) {
        GTEST_SKIP() << "chromium is not installed (scripts/setup installs it): report.html is "
                        "not rendered";
    }
    TempDir dir;
    run_demo_comparison(dir / "out");
    const auto page = dir / "out" / "report.html";
    const auto png = dir / "report.png";
    const CommandResult shot = chromium_on(browser, page, dir / "profile",
                                           "--window-size=1200,1600 --screenshot=" + png.string());
    ASSERT_EQ(shot.exit_code, 0) << shot.err;
    ASSERT_TRUE(std::filesystem::exists(png)) << shot.err;
    // Labour and the Conservatives each win wards on the winner map (the gains map draws the
    // Conservatives' holds paler): many pixels of their exact colours, as the maps fill them
    // (Labour's three wards more than half the winner map, the Liberal Democrats' gain one ward
    // of the gains map; a blank or unstyled page has none).
    EXPECT_GT(pixels_of(png, 0xe4003b), 50000U) << "Labour red";
    EXPECT_GT(pixels_of(png, 0x0087dc), 20000U) << "Conservative blue";
    EXPECT_GT(pixels_of(png, 0xfaa61a), 10000U) << "the Liberal Democrat gain";
    const CommandResult dom = chromium_on(browser, page, dir / "profile", "--dump-dom");
    ASSERT_EQ(dom.exit_code, 0) << dom.err;
    EXPECT_TRUE(contains(dom.out, "BOUNDARY ARTEFACT x2"));
    EXPECT_TRUE(contains(dom.out, "GENUINE"));
    EXPECT_TRUE(contains(dom.out, "<svg class=\"map\" id=\"map-winner\""));
}

}  // namespace
}  // namespace notional::test
