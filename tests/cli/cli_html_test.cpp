/// report.html on the demo: its text (the council table, the verdicts, one path per ward on each
/// map, a card per ward), and the page as headless Chromium renders it: the maps' party colours
/// on the screenshot, the verdicts in the rendered text.
#include <cstdlib>
#include <set>
#include <string>

#include <gdal.h>
#include <gtest/gtest.h>

#include "core/csv.hpp"
#include "support.hpp"

namespace notional::test {
namespace {

/// How many times `part` occurs in `text`.
std::size_t count_of(const std::string& text, const std::string& part) {
    std::size_t count = 0;
    for (auto at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++count;
    return count;
}

/// The <svg> of the map `id`, or "" when the page has none.
std::string map_of(const std::string& page, const std::string& id) {
    const auto start = page.find(R"(<svg class="map" id="map-)" + id + "\"");
    if (start == std::string::npos) return "";
    return page.substr(start, page.find("</svg>", start) - start);
}

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

    // The compare subcommand writes it too.
    const CommandResult again = run(bin + " compare --notional " + (dir / "out").string() + " " +
                                    with_actual + " -o " + (dir / "again").string());
    ASSERT_EQ(again.exit_code, 0) << again.err;
    const std::string compared = read_text(dir / "again" / "report.html");
    EXPECT_EQ(count_of(map_of(compared, "winner"), "<path d=\"M"), wards.size());
    EXPECT_TRUE(contains(compared, ">BOUNDARY ARTEFACT x2</span>"));
}

/// The browser to render with: chromium, or "" when none is installed.
std::string chromium() {
    for (const char* name : {"chromium", "chromium-browser", "google-chrome"}) {
        if (run(std::string("command -v ") + name).exit_code == 0) return name;
    }
    return "";
}

/// Pixels of the PNG at `path` whose red, green and blue are exactly `rgb`'s (0xrrggbb).
std::size_t pixels_of(const std::filesystem::path& path, unsigned rgb) {
    GDALAllRegister();
    GDALDatasetH png = GDALOpen(path.c_str(), GA_ReadOnly);
    if (!png) return 0;
    const int width = GDALGetRasterXSize(png);
    const int height = GDALGetRasterYSize(png);
    std::vector<std::vector<unsigned char>> bands(
        3, std::vector<unsigned char>(static_cast<std::size_t>(width) *
                                      static_cast<std::size_t>(height)));
    for (int b = 0; b < 3 && b < GDALGetRasterCount(png); ++b) {
        if (GDALRasterIO(GDALGetRasterBand(png, b + 1), GF_Read, 0, 0, width, height,
                         bands[static_cast<std::size_t>(b)].data(), width, height, GDT_Byte, 0,
                         0) != CE_None) {
            GDALClose(png);
            return 0;
        }
    }
    GDALClose(png);
    std::size_t count = 0;
    for (std::size_t i = 0; i < bands[0].size(); ++i) {
        if (bands[0][i] == ((rgb >> 16) & 0xff) && bands[1][i] == ((rgb >> 8) & 0xff) &&
            bands[2][i] == (rgb & 0xff)) {
            ++count;
        }
    }
    return count;
}

TEST(Html, RendersInHeadlessChromiumWithTheMapsDrawn) {
    const std::string browser = chromium();
    if (browser.empty()) {
        GTEST_SKIP() << "chromium is not installed (scripts/setup installs it): report.html is "
                        "not rendered";
    }
    TempDir dir;
    run_demo_comparison(dir / "out");
    const std::string page = "file://" + (dir / "out" / "report.html").string();
    // Its own profile, so the test touches no home directory; sRGB so the colours are exact.
    const std::string chrome = browser + " --headless --no-sandbox --disable-gpu " +
                               "--force-color-profile=srgb --hide-scrollbars --user-data-dir=" +
                               (dir / "profile").string() + " ";
    const auto png = dir / "report.png";
    const CommandResult shot =
        run(chrome + "--window-size=1200,1600 --screenshot=" + png.string() + " " + page);
    ASSERT_EQ(shot.exit_code, 0) << shot.err;
    ASSERT_TRUE(std::filesystem::exists(png)) << shot.err;
    // Labour and the Conservatives each win wards on the winner map (the gains map draws the
    // Conservatives' holds paler): many pixels of their exact colours, as the maps fill them.
    EXPECT_GT(pixels_of(png, 0xe4003b), 2000U) << "Labour red";
    EXPECT_GT(pixels_of(png, 0x0087dc), 2000U) << "Conservative blue";
    EXPECT_GT(pixels_of(png, 0xfaa61a), 500U) << "the Liberal Democrat gain";
    const CommandResult dom = run(chrome + "--dump-dom " + page);
    ASSERT_EQ(dom.exit_code, 0) << dom.err;
    EXPECT_TRUE(contains(dom.out, "BOUNDARY ARTEFACT x2"));
    EXPECT_TRUE(contains(dom.out, "GENUINE"));
    EXPECT_TRUE(contains(dom.out, "<svg class=\"map\" id=\"map-winner\""));
}

}  // namespace
}  // namespace notional::test
