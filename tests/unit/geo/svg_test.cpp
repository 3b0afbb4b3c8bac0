/// Unit tests of geo/svg: wards as SVG path data, north up, in one viewBox.
#include <string>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

#include "geo/svg.hpp"

namespace notional::geo {
namespace {

Layer layer_of(GeosContext& context, const std::vector<std::pair<std::string, std::string>>& wkt) {
    Layer layer;
    for (const auto& [code, text] : wkt) {
        layer.codes.push_back(code);
        layer.names.push_back(code);
        layer.shapes.push_back(
            checked(context, GEOSGeomFromWKT_r(context.get(), text.c_str()), "wkt " + code));
    }
    return layer;
}

TEST(Svg, TwoSquaresSideBySideNorthUpInRelativeMoves) {
    GeosContext context;
    // Two 1 km squares side by side: 2 km wide in a viewBox 1000 wide is half a unit a metre,
    // so each square is 500 units, and y = 0 (south) is the viewBox's bottom, 500.
    const Layer layer = layer_of(context, {{"A", "POLYGON((0 0,1000 0,1000 1000,0 1000,0 0))"},
                                           {"B",
                                            "POLYGON((1000 0,2000 0,2000 1000,1000 1000,"
                                            "1000 0))"}});
    const Drawing drawing = svg_drawing(layer, context);
    EXPECT_EQ(drawing.width, 1000.0);
    EXPECT_EQ(drawing.height, 500.0);
    EXPECT_EQ(drawing.shapes.at("A").path, "M 0 500l 500 0 0-500-500 0Z");
    EXPECT_EQ(drawing.shapes.at("B").path, "M 500 500l 500 0 0-500-500 0Z");
}

TEST(Svg, AHoleIsARingOfItsOwnAndDetailUnderAPixelGoes) {
    GeosContext context;
    // A 1000 m square (one metre a unit) with a hole, and a 0.1 m notch on its south edge:
    // under the half-unit tolerance, so simplified away.
    const Layer layer =
        layer_of(context, {{"A",
                            "POLYGON((0 0,500 0,500.1 0.1,500.2 0,1000 0,1000 1000,0 1000,0 0),"
                            "(400 400,400 600,600 600,600 400,400 400))"}});
    const Drawing drawing = svg_drawing(layer, context);
    EXPECT_EQ(drawing.shapes.at("A").path,
              "M 0 1000l 1000 0 0-1000-1000 0ZM 400 600l 0-200 200 0 0 200Z");
}

TEST(Svg, ManyWardsDrawnByThreadsEachInItsPlace) {
    GeosContext context;
    // 400 squares of 100 m in rows of 20 (2 km wide: half a unit a metre, 50 units a square),
    // drawn by threads: each where its own row and column put it, as the two above.
    auto at = [](int x, int y) { return std::to_string(x) + " " + std::to_string(y); };
    std::vector<std::pair<std::string, std::string>> wkt;
    for (int i = 0; i < 400; ++i) {
        const int x = 100 * (i % 20);
        const int y = 100 * (i / 20);  // NOLINT(bugprone-integer-division): rows of 20
        wkt.emplace_back("W" + std::to_string(i), "POLYGON((" + at(x, y) + "," + at(x + 100, y) +
                                                      "," + at(x + 100, y + 100) + "," +
                                                      at(x, y + 100) + "," + at(x, y) + "))");
    }
    const Drawing drawing = svg_drawing(layer_of(context, wkt), context);
    EXPECT_EQ(drawing.height, 1000.0);
    ASSERT_EQ(drawing.shapes.size(), 400U);
    for (int i = 0; i < 400; ++i) {
        const int left = 50 * (i % 20);
        const int bottom = 1000 - 50 * (i / 20);  // NOLINT(bugprone-integer-division): rows
        EXPECT_EQ(drawing.shapes.at("W" + std::to_string(i)).path,
                  "M " + std::to_string(left) + " " + std::to_string(bottom) + "l 50 0 0-50-50 0Z")
            << i;
    }
}

}  // namespace
}  // namespace notional::geo
