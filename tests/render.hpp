#pragma once
/// Helpers for the tests of report.html: its maps in the text, and the page rendered by headless
/// Chromium, its screenshot read with GDAL.
#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

#include <gdal.h>

#include "support.hpp"

namespace notional::test {

/// How many times `part` occurs in `text`.
inline std::size_t count_of(const std::string& text, const std::string& part) {
    std::size_t count = 0;
    for (auto at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++count;
    return count;
}

/// The <svg> of the map `id`, or "" when the page has none.
inline std::string map_of(const std::string& page, const std::string& id) {
    const auto start = page.find(R"(<svg class="map" id="map-)" + id + "\"");
    if (start == std::string::npos) return "";
    return page.substr(start, page.find("</svg>", start) - start);
}

/// The browser to render with: chromium, or "" when none is installed.
inline std::string chromium() {
    for (const char* name : {"chromium", "chromium-browser", "google-chrome"}) {
        if (run(std::string("command -v ") + name).exit_code == 0) return name;
    }
    return "";
}

/// Pixels of the PNG at `path` whose red, green and blue are exactly `rgb`'s (0xrrggbb).
inline std::size_t pixels_of(const std::filesystem::path& path, unsigned rgb) {
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

/// Headless Chromium on a local page, with its own profile (no home directory touched) and sRGB
/// (so the screenshot holds the page's exact colours); `what` is e.g. "--dump-dom".
inline CommandResult chromium_on(const std::string& browser, const std::filesystem::path& page,
                                 const std::filesystem::path& profile, const std::string& what) {
    return run(browser +
               " --headless --no-sandbox --disable-gpu --force-color-profile=srgb "
               "--hide-scrollbars --user-data-dir=" +
               profile.string() + " " + what + " file://" + page.string());
}

}  // namespace notional::test
