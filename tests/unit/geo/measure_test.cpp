/// geo/measure: areas and perimeters of intersections measured without building them, on
/// shapes whose answers can be checked by hand, and against GEOS on the demo.
#include <cmath>
#include <filesystem>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "geo/layer.hpp"
#include "geo/measure.hpp"
#include "geo/overlay.hpp"
#include "geo/predicates.hpp"

namespace notional::geo {
namespace {

/// Rings read from WKT, through the one GEOS path the overlay uses.
Rings rings(GeosContext& context, const std::string& wkt) {
    GEOSWKTReader* reader = GEOSWKTReader_create_r(context.get());
    const Geometry shape(GEOSWKTReader_read_r(context.get(), reader, wkt.c_str()),
                         GeometryDeleter{context.get()});
    GEOSWKTReader_destroy_r(context.get(), reader);
    if (!shape) throw std::runtime_error("bad WKT: " + wkt);
    return rings_of(context, shape.get(), wkt);
}

/// The intersection's area and perimeter both ways round, which must agree.
Measured measure(const std::string& a, const std::string& b) {
    GeosContext context;
    const Rings ra = rings(context, a);
    const Rings rb = rings(context, b);
    const Measured ab = measure_intersection(ra, rb);
    const Measured ba = measure_intersection(rb, ra);
    EXPECT_NEAR(ab.area, ba.area, 1e-12) << a << " and " << b;
    EXPECT_NEAR(ab.perimeter, ba.perimeter, 1e-12) << a << " and " << b;
    return ab;
}

// Exact answers in small numbers: only rounding in the last bits is allowed.
constexpr double tight = 1e-12;

#define EXPECT_MEASURED(a, b, area_m2, perimeter_m)          \
    do {                                                     \
        const Measured measured = measure(a, b);             \
        EXPECT_NEAR(measured.area, area_m2, tight);          \
        EXPECT_NEAR(measured.perimeter, perimeter_m, tight); \
    } while (false)

const std::string unit = "POLYGON((0 0,1 0,1 1,0 1,0 0))";

TEST(Measure, TwoSquaresOverlappingInASquare) {
    EXPECT_MEASURED("POLYGON((0 0,2 0,2 2,0 2,0 0))", "POLYGON((1 1,3 1,3 3,1 3,1 1))", 1.0, 4.0);
}

TEST(Measure, TwoSquaresOverlappingInARectangleAlongSharedLines) {
    // The bottom and top edges overlap in part: counted once, the same way round.
    EXPECT_MEASURED("POLYGON((0 0,2 0,2 2,0 2,0 0))", "POLYGON((1 0,3 0,3 2,1 2,1 0))", 2.0, 6.0);
}

TEST(Measure, OneInsideAnother) {
    EXPECT_MEASURED("POLYGON((0 0,4 0,4 4,0 4,0 0))", "POLYGON((1 1,2 1,2 2,1 2,1 1))", 1.0, 4.0);
}

TEST(Measure, IdenticalShapesEitherWayRound) {
    EXPECT_MEASURED(unit, unit, 1.0, 4.0);
    EXPECT_MEASURED(unit, "POLYGON((0 0,0 1,1 1,1 0,0 0))", 1.0, 4.0);  // drawn clockwise
}

TEST(Measure, EdgeSharedExactlyOnOppositeSidesIsNothing) {
    EXPECT_MEASURED(unit, "POLYGON((1 0,2 0,2 1,1 1,1 0))", 0.0, 0.0);
}

TEST(Measure, EdgesSharedOnTheSameSideCountOnce) {
    // The unit square inside a 2 x 1 rectangle, sharing three of its edges in whole or part.
    EXPECT_MEASURED("POLYGON((0 0,2 0,2 1,0 1,0 0))", unit, 1.0, 4.0);
}

TEST(Measure, SharedEdgeDrawnWithExtraVerticesOnOneSide) {
    const std::string a = "POLYGON((0 0,2 0,2 0.5,2 1,2 1.5,2 2,0 2,0 0))";
    EXPECT_MEASURED(a, "POLYGON((2 0,4 0,4 2,2 2,2 0))", 0.0, 0.0);
    EXPECT_MEASURED(a, "POLYGON((1 0,2 0,2 2,1 2,1 0))", 2.0, 6.0);
    // Extra vertices on both, at different places along the shared line.
    EXPECT_MEASURED(a, "POLYGON((1 0,2 0,2 0.25,2 1.25,2 2,1 2,1 0))", 2.0, 6.0);
}

TEST(Measure, TouchingAtAPointIsNothing) {
    EXPECT_MEASURED(unit, "POLYGON((1 1,2 1,2 2,1 2,1 1))", 0.0, 0.0);
    // A vertex of one on an edge of the other.
    EXPECT_MEASURED(unit, "POLYGON((1 0.5,2 0,2 1,1 0.5))", 0.0, 0.0);
}

TEST(Measure, AHoleIsTakenOut) {
    const std::string holed = "POLYGON((0 0,4 0,4 4,0 4,0 0),(1 1,3 1,3 3,1 3,1 1))";
    // [2,4] x [0,4] less [2,3] x [1,3]: a U of area 8 - 2, its boundary 2+4+2+1+1+2+1+1.
    EXPECT_MEASURED(holed, "POLYGON((2 0,6 0,6 4,2 4,2 0))", 6.0, 14.0);
    EXPECT_MEASURED(holed, "POLYGON((1.5 1.5,2.5 1.5,2.5 2.5,1.5 2.5,1.5 1.5))", 0.0, 0.0);
    // A hole drawn anticlockwise, as GEOS may give it, is turned.
    EXPECT_MEASURED("POLYGON((0 0,4 0,4 4,0 4,0 0),(1 1,1 3,3 3,3 1,1 1))",
                    "POLYGON((2 0,6 0,6 4,2 4,2 0))", 6.0, 14.0);
    // A shape filling the hole exactly shares the hole's whole edge on opposite sides.
    EXPECT_MEASURED(holed, "POLYGON((1 1,3 1,3 3,1 3,1 1))", 0.0, 0.0);
}

TEST(Measure, MultipolygonsAddTheirParts) {
    const std::string two = "MULTIPOLYGON(((0 0,1 0,1 1,0 1,0 0)),((2 0,3 0,3 1,2 1,2 0)))";
    EXPECT_MEASURED(two, "POLYGON((0.5 0,2.5 0,2.5 1,0.5 1,0.5 0))", 1.0, 6.0);
    EXPECT_MEASURED(two, two, 2.0, 8.0);
}

TEST(Measure, TriangleCrossingASquare) {
    // The hypotenuse x + y = 3.5 cuts the square's corner: [1,2] x [0.5,2] less a triangle of
    // 0.125, bounded by 1 + 1 + √0.5 + 0.5 + 1.5.
    EXPECT_MEASURED("POLYGON((0 0,2 0,2 2,0 2,0 0))", "POLYGON((1 0.5,3 0.5,1 2.5,1 0.5))", 1.375,
                    4.0 + std::sqrt(0.5));
    // A triangle through two of the square's corners: [0,2] x [1,2].
    EXPECT_MEASURED("POLYGON((0 0,2 0,2 2,0 2,0 0))", "POLYGON((-1 1,3 1,1 3,-1 1))", 2.0, 6.0);
}

TEST(Measure, FarFromTheOriginAsOnTheBritishGrid) {
    // The same two squares at (530000, 170000): the terms are taken about a point near them.
    EXPECT_MEASURED(
        "POLYGON((530000 170000,530002 170000,530002 170002,530000 170002,530000 "
        "170000))",
        "POLYGON((530001 170000.5,530003 170000.5,530001 170002.5,530001 170000.5))", 1.375,
        4.0 + std::sqrt(0.5));
}

TEST(Measure, ASliverFarFromTheOriginHasItsCrossingsToTheLastBit) {
    // Two triangles from the UK wards' worst sliver (E05001274 and E05001281): 750 m long,
    // 3 mm wide, 300 km from the origin, where a unit in the last place is 6e-11 m and a
    // crossing one unit off moves the area by 1e-8 of it. With every crossing the nearest
    // double to the true point (worked out with exact rationals) the area is
    // 1.8484750819209805 m²; crossings in plain doubles give 1.8484750602 (the true area,
    // 1.8484750867380408, no double point reaches).
    const Measured measured = measure(
        "POLYGON((94854.175942564325 -313560.72224976402,95369.817740419545 "
        "-313056.57058971195,94622.588166239133 -312900.92169383442,94854.175942564325 "
        "-313560.72224976402))",
        "POLYGON((96165.852915319119 -311697.46717453364,94622.588443243876 "
        "-312900.92283019942,95369.820321823427 -313056.57499632979,96165.852915319119 "
        "-311697.46717453364))");
    EXPECT_NEAR(measured.area, 1.8484750819209805, 1e-13);
}

TEST(Measure, TheDemoAgreesWithGeosPieceForPiece) {
    GeosContext context;
    const std::filesystem::path demo = NOTIONAL_DEMO;
    const SourceLayer old_source(demo / "old_wards.geojson", {});
    const SourceLayer new_source(demo / "new_wards.geojson", {});
    const WorkingCrs working = choose_crs(old_source, new_source, {});
    const Layer old_wards = read_layer(old_source, {}, working, context);
    const Layer new_wards = read_layer(new_source, {}, working, context);
    OverlayOptions options;
    options.shapes = false;
    options.method = OverlayMethod::geos;
    const Overlay built = overlay(old_wards, new_wards, options, context);
    options.method = OverlayMethod::measure;
    const Overlay measured = overlay(old_wards, new_wards, options, context);
    EXPECT_EQ(measured.shapes.size(), 0U);  // nothing built
    EXPECT_EQ(built.shapes.size(), built.pieces.size());
    EXPECT_GT(built.intersections, 0U);  // boundaries that cross: measured, not whole
    EXPECT_EQ(measured.intersections, built.intersections);
    EXPECT_EQ(measured.noise, built.noise);
    ASSERT_EQ(measured.pieces.size(), built.pieces.size());
    for (std::size_t i = 0; i < built.pieces.size(); ++i) {
        const Piece& b = built.pieces[i];
        const Piece& m = measured.pieces[i];
        EXPECT_EQ(m.old_index, b.old_index);
        EXPECT_EQ(m.new_index, b.new_index);
        EXPECT_EQ(m.noise, b.noise);
        // The target: GEOS's piece areas to 1e-9 relative.
        EXPECT_NEAR(m.weight, b.weight, 1e-9 * b.weight)
            << old_wards.codes[b.old_index] << " and " << new_wards.codes[b.new_index];
    }
    // The same pieces whatever the thread count.
    options.threads = 3;
    const Overlay threaded = overlay(old_wards, new_wards, options, context);
    ASSERT_EQ(threaded.pieces.size(), measured.pieces.size());
    for (std::size_t i = 0; i < measured.pieces.size(); ++i) {
        EXPECT_EQ(threaded.pieces[i].old_index, measured.pieces[i].old_index);
        EXPECT_EQ(threaded.pieces[i].new_index, measured.pieces[i].new_index);
        EXPECT_EQ(threaded.pieces[i].weight, measured.pieces[i].weight);
    }
    // With shapes asked for (weights need them), GEOS builds every piece whatever the method.
    options.shapes = true;
    EXPECT_EQ(overlay(old_wards, new_wards, options, context).shapes.size(), built.pieces.size());
}

TEST(Orient, NearlyCollinearPointsAreDecidedExactly) {
    // Points a few units in the last place off the line y = x, where the double evaluation
    // alone gets signs wrong (Shewchuk's example): the answer is the side of the line.
    for (int i = 0; i < 32; ++i) {
        for (int j = 0; j < 32; ++j) {
            const Point p{0.5 + i * 0x1p-53, 0.5 + j * 0x1p-53};
            EXPECT_EQ(orient({12, 12}, {24, 24}, p), (j > i) - (j < i)) << i << ", " << j;
        }
    }
}

/// A ring from its corners, closed.
std::vector<Point> ring(std::vector<Point> corners) {
    corners.push_back(corners.front());
    return corners;
}

TEST(SimpleRing, PolygonsWithoutATouchAreSimpleAndAnyTouchIsNot) {
    EXPECT_TRUE(simple_ring(ring({{0, 0}, {4, 0}, {4, 4}, {0, 4}})));
    EXPECT_TRUE(simple_ring(ring({{0, 0}, {0, 4}, {4, 4}, {4, 0}})));           // either way round
    EXPECT_TRUE(simple_ring(ring({{0, 0}, {2, 0}, {4, 0}, {4, 4}, {0, 4}})));   // straight on
    EXPECT_TRUE(simple_ring(ring({{0, 0}, {4, 0}, {1, 1}, {0, 4}})));           // concave, no touch
    EXPECT_FALSE(simple_ring(ring({{0, 0}, {4, 4}, {4, 0}, {0, 4}})));          // a bow-tie
    EXPECT_FALSE(simple_ring(ring({{0, 0}, {4, 0}, {4, 4}, {2, 0}, {0, 4}})));  // touches an edge
    EXPECT_FALSE(simple_ring(ring({{0, 0}, {4, 0}, {2, 2}, {4, 4}, {0, 4}, {2, 2}})));  // a vertex
    EXPECT_FALSE(simple_ring(ring({{0, 0}, {4, 0}, {6, 0}, {5, 0}, {4, 4}})));  // turns back
    EXPECT_FALSE(simple_ring(ring({{0, 0}, {4, 0}, {4, 0}, {4, 4}})));          // a repeated point
    EXPECT_FALSE(simple_ring(ring({{0, 0}, {4, 0}, {8, 0}})));                  // a line
    EXPECT_FALSE(simple_ring(ring({{0, 0}, {4, 0}})));                          // too few points
    EXPECT_FALSE(simple_ring({{0, 0}, {4, 0}, {4, 4}, {0, 4}}));                // not closed
    EXPECT_FALSE(simple_ring(ring({{0, 0}, {4, 0}, {4, NAN}, {0, 4}})));
    // The ring turning back where it closes: along (0, 0) to (2, 0), then back to (1, 0).
    EXPECT_FALSE(simple_ring(ring({{2, 0}, {1, 0}, {1, 4}, {0, 4}, {0, 0}})));
}

TEST(SimpleRing, AStarOfManyPointsAndATouchFoundAmongThem) {
    // 2,000 points round a star (many grid cells: its spikes reach across too many of one
    // another's heights for the sweep, which leaves it to the grid): simple; then one point
    // moved onto another edge's line far along the ring, and one spike back along a long edge.
    std::vector<Point> star;
    for (int i = 0; i < 2000; ++i) {
        const double angle = 2 * M_PI * i / 2000;
        const double radius = i % 2 == 0 ? 1000.0 : 600.0;
        star.push_back({500000 + radius * std::cos(angle), 180000 + radius * std::sin(angle)});
    }
    EXPECT_TRUE(simple_ring(ring(star)));
    std::vector<Point> touching = star;
    touching[1001] = star[1];  // a vertex on the other side of the star, on another
    EXPECT_FALSE(simple_ring(ring(touching)));
    std::vector<Point> crossing = star;
    crossing[700] = star[1700];  // reaches across the star
    EXPECT_FALSE(simple_ring(ring(crossing)));
}

TEST(SimpleRing, AWardLikeRingOfManyPointsAndATouchFoundAcrossIt) {
    // 2,000 points round a wavy circle (swept up its height, as most wards are): simple; then a
    // point of its east side moved onto its west side's edge at the same height, and the ring
    // pinched across its middle.
    std::vector<Point> round;
    for (int i = 0; i < 2000; ++i) {
        const double angle = 2 * M_PI * i / 2000;
        const double radius = 1000.0 + 20.0 * std::sin(40 * angle);
        round.push_back({500000 + radius * std::cos(angle), 180000 + radius * std::sin(angle)});
    }
    EXPECT_TRUE(simple_ring(ring(round)));
    std::vector<Point> touching = round;
    touching[10] = round[990];  // a vertex of the far side, 980 edges along
    EXPECT_FALSE(simple_ring(ring(touching)));
    std::vector<Point> pinched = round;
    pinched[500] = {500000, 179000};  // the north point pulled past the south
    EXPECT_FALSE(simple_ring(ring(pinched)));
}

}  // namespace
}  // namespace notional::geo
