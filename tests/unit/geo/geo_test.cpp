/// geo/: reading layers into one CRS, repair, overlay, and GeoJSON out.
#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdio>

#include <gtest/gtest.h>
#include <ogrsf_frmts.h>

#include "core/error.hpp"
#include "geo/gdal.hpp"
#include "geo/geojson.hpp"
#include "geo/layer.hpp"
#include "geo/overlay.hpp"
#include "geo/slim.hpp"
#include "geo/weights.hpp"
#include "model/crosswalk.hpp"
#include "support.hpp"

namespace notional::geo {
namespace {

using test::TempDir;

struct Ward {
    std::string code, name, wkt;
};

/// Writes wards to a new file with GDAL; `epsg` 0 writes no CRS.
void write_layer(const std::filesystem::path& path, const char* driver_name, int epsg,
                 const std::vector<Ward>& wards, const char* code_field = "code",
                 const char* name_field = "name", const char* layer_name = "wards") {
    register_gdal();
    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName(driver_name);
    ASSERT_NE(driver, nullptr);
    GDALDatasetUniquePtr dataset(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE));
    if (!dataset) dataset.reset(driver->Create(path.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    ASSERT_NE(dataset, nullptr) << last_gdal_error();
    OGRSpatialReference srs;
    if (epsg) srs.importFromEPSG(epsg);
    OGRLayer* layer = dataset->CreateLayer(layer_name, epsg ? &srs : nullptr, wkbUnknown);
    ASSERT_NE(layer, nullptr) << last_gdal_error();
    OGRFieldDefn code(code_field, OFTString), name(name_field, OFTString);
    ASSERT_EQ(layer->CreateField(&code), OGRERR_NONE);
    ASSERT_EQ(layer->CreateField(&name), OGRERR_NONE);
    for (const auto& ward : wards) {
        OGRFeatureUniquePtr feature(OGRFeature::CreateFeature(layer->GetLayerDefn()));
        feature->SetField(code_field, ward.code.c_str());
        feature->SetField(name_field, ward.name.c_str());
        OGRGeometry* geometry = nullptr;
        ASSERT_EQ(OGRGeometryFactory::createFromWkt(ward.wkt.c_str(), nullptr, &geometry),
                  OGRERR_NONE);
        feature->SetGeometryDirectly(geometry);
        ASSERT_EQ(layer->CreateFeature(feature.get()), OGRERR_NONE);
    }
}

/// A square of side `size` metres with its south-west corner at (x, y) on the British grid.
std::string square(double x, double y, double width, double height) {
    std::ostringstream wkt;
    wkt.precision(12);
    wkt << "POLYGON((" << x << " " << y << "," << x + width << " " << y << "," << x + width << " "
        << y + height << "," << x << " " << y + height << "," << x << " " << y << "))";
    return wkt.str();
}

/// Both layers read into their working CRS, ready to overlay.
struct Pair {
    GeosContext context;
    WorkingCrs working;
    Layer old_wards, new_wards;
    Pair(const std::filesystem::path& old_path, const std::filesystem::path& new_path,
         const CrsOptions& crs = {}) {
        const SourceLayer old_source(old_path, {}), new_source(new_path, {});
        working = choose_crs(old_source, new_source, crs);
        old_wards = read_layer(old_source, crs, working, context);
        new_wards = read_layer(new_source, crs, working, context);
    }
    model::Crosswalk crosswalk(const Overlay& result,
                               const model::CrosswalkOptions& options = {}) const {
        return model::Crosswalk(new_wards.size(), result.pieces, old_wards.areas_m2,
                                result.old_sliver_m2, result.old_gap_m2, options);
    }
};

double share(const model::Crosswalk& crosswalk, std::size_t o, std::size_t n) {
    return crosswalk.shares().coeff(static_cast<Eigen::Index>(o), static_cast<Eigen::Index>(n));
}

constexpr double x0 = 530000, y0 = 170000;

LayerOptions with_key(const std::string& key) {
    LayerOptions options;
    options.key_field = key;
    return options;
}

LayerOptions with_layer(const std::string& layer) {
    LayerOptions options;
    options.layer = layer;
    return options;
}  // somewhere in south London

TEST(Overlay, TwoSquaresOverlappingByHalfGiveHalfShares) {
    TempDir dir;
    // Old: 100 m square; new: the same square moved 50 m east. They share a 50 x 100 m strip.
    write_layer(dir / "old.gpkg", "GPKG", 27700, {{"E05000001", "Old", square(x0, y0, 100, 100)}});
    write_layer(dir / "new.gpkg", "GPKG", 27700,
                {{"E05000101", "New", square(x0 + 50, y0, 100, 100)}});
    Pair pair(dir / "old.gpkg", dir / "new.gpkg");
    const Overlay result = overlay(pair.old_wards, pair.new_wards, {}, pair.context);
    ASSERT_EQ(result.pieces.size(), 1U);
    EXPECT_NEAR(result.pieces[0].weight, 5000.0, 1e-6);                             // 50 m x 100 m
    EXPECT_NEAR(result.pieces[0].weight / pair.new_wards.areas_m2[0], 0.5, 1e-12);  // of the new
    // The other half lies beyond the new map's outline, and is shaped for uncovered.geojson.
    EXPECT_NEAR(result.old_uncovered_m2[0], 5000.0, 1e-6);
    EXPECT_EQ(result.old_gap_m2[0], 0.0);
    ASSERT_TRUE(result.uncovered[0]);
    // Half beyond is at the limit (--max-uncovered 50%): its votes go to the covered half.
    const auto crosswalk = pair.crosswalk(result);
    EXPECT_NEAR(share(crosswalk, 0, 0), 1.0, 1e-12);
    EXPECT_NEAR(crosswalk.ledger()[0].spread, 0.5, 1e-12);
    EXPECT_EQ(crosswalk.ledger()[0].outside, 0.0);
    // Over the limit the file is taken for wrong: the half outside is lost.
    const auto strict = pair.crosswalk(result, {.max_uncovered = 0.4, .same = {}});
    EXPECT_NEAR(share(strict, 0, 0), 0.5, 1e-12);  // share of the old ward
    EXPECT_NEAR(strict.ledger()[0].outside, 0.5, 1e-12);
    EXPECT_EQ(strict.ledger()[0].spread, 0.0);
}

TEST(Overlay, AGapInsideTheNewMapLosesItsVotesAndIsToldFromTheOutline) {
    TempDir dir;
    // Old: 300 x 100 m. New: a 300 x 100 m frame of wards round a hole 100 x 50 m in the middle,
    // plus nothing to the north, where the old ward reaches 20 m beyond the new map's edge.
    write_layer(dir / "old.gpkg", "GPKG", 27700, {{"E05000001", "Old", square(x0, y0, 300, 120)}});
    const std::string frame =
        "POLYGON((" + std::to_string(x0) + " " + std::to_string(y0) + ", " +
        std::to_string(x0 + 300) + " " + std::to_string(y0) + ", " + std::to_string(x0 + 300) +
        " " + std::to_string(y0 + 100) + ", " + std::to_string(x0) + " " +
        std::to_string(y0 + 100) + ", " + std::to_string(x0) + " " + std::to_string(y0) + "), (" +
        std::to_string(x0 + 100) + " " + std::to_string(y0 + 25) + ", " + std::to_string(x0 + 100) +
        " " + std::to_string(y0 + 75) + ", " + std::to_string(x0 + 200) + " " +
        std::to_string(y0 + 75) + ", " + std::to_string(x0 + 200) + " " + std::to_string(y0 + 25) +
        ", " + std::to_string(x0 + 100) + " " + std::to_string(y0 + 25) + "))";
    write_layer(dir / "new.gpkg", "GPKG", 27700, {{"E05000101", "Frame", frame}});
    Pair pair(dir / "old.gpkg", dir / "new.gpkg");
    const Overlay result = overlay(pair.old_wards, pair.new_wards, {}, pair.context);
    // 36,000 m² old; 25,000 in the frame; 5,000 in the hole; 6,000 north of the map.
    EXPECT_NEAR(result.old_uncovered_m2[0], 11000.0, 1e-6);
    EXPECT_NEAR(result.old_gap_m2[0], 5000.0, 1e-6);
    const auto crosswalk = pair.crosswalk(result);
    const auto& entry = crosswalk.ledger()[0];
    // The strip north is spread; the hole's share of the rest (5,000 of 30,000) is lost.
    EXPECT_NEAR(entry.spread, 6000.0 / 36000.0, 1e-12);
    EXPECT_NEAR(entry.gap, 5000.0 / 30000.0, 1e-12);
    EXPECT_NEAR(share(crosswalk, 0, 0), 25000.0 / 30000.0, 1e-12);
    EXPECT_EQ(entry.outside, 0.0);
}

TEST(Overlay, OneOldWardSplitInTwoByAStraightLine) {
    TempDir dir;
    write_layer(dir / "old.gpkg", "GPKG", 27700, {{"E05000001", "Old", square(x0, y0, 400, 100)}});
    write_layer(dir / "new.gpkg", "GPKG", 27700,
                {{"E05000101", "West", square(x0, y0, 100, 100)},
                 {"E05000102", "East", square(x0 + 100, y0, 300, 100)}});
    Pair pair(dir / "old.gpkg", dir / "new.gpkg");
    const auto result = overlay(pair.old_wards, pair.new_wards, {}, pair.context);
    const auto crosswalk = pair.crosswalk(result);
    EXPECT_NEAR(share(crosswalk, 0, 0), 0.25, 1e-12);
    EXPECT_NEAR(share(crosswalk, 0, 1), 0.75, 1e-12);
    EXPECT_NEAR(crosswalk.ledger()[0].outside, 0.0, 1e-12);
    EXPECT_EQ(result.whole, 2U);  // each new ward lies wholly inside the old one
    EXPECT_EQ(result.intersections, 0U);
}

TEST(Overlay, IdenticalWardIsWholeWithoutIntersection) {
    TempDir dir;
    const auto shape = square(x0, y0, 300, 200);
    write_layer(dir / "old.gpkg", "GPKG", 27700, {{"E05000001", "Same", shape}});
    write_layer(dir / "new.gpkg", "GPKG", 27700, {{"E05000101", "Same", shape}});
    Pair pair(dir / "old.gpkg", dir / "new.gpkg");
    const auto result = overlay(pair.old_wards, pair.new_wards, {}, pair.context);
    EXPECT_EQ(result.whole, 1U);
    EXPECT_EQ(result.intersections, 0U);
    EXPECT_EQ(share(pair.crosswalk(result), 0, 0), 1.0);  // exactly: area / same area
}

TEST(Overlay, SliversBelowThresholdAreDroppedAndCounted) {
    TempDir dir;
    // New ward B reaches 0.0005 m into the old ward along a 1000 m edge: a 0.5 m² sliver.
    write_layer(dir / "old.gpkg", "GPKG", 27700,
                {{"E05000001", "Old", square(x0, y0, 1000, 1000)}});
    write_layer(dir / "new.gpkg", "GPKG", 27700,
                {{"E05000101", "A", square(x0, y0 + 0.0005, 1000, 999.9995)},
                 {"E05000102", "B", square(x0, y0 - 100, 1000, 100.0005)}});
    Pair pair(dir / "old.gpkg", dir / "new.gpkg");
    const auto result =
        overlay(pair.old_wards, pair.new_wards, {.min_piece_m2 = 1.0}, pair.context);
    EXPECT_EQ(result.slivers, 1U);
    ASSERT_EQ(result.pieces.size(), 1U);
    EXPECT_EQ(result.pieces[0].new_index, 0U);
    EXPECT_NEAR(result.old_sliver_m2[0], 0.5, 1e-3);
    const auto crosswalk = pair.crosswalk(result);
    EXPECT_NEAR(crosswalk.ledger()[0].sliver, 0.5e-6, 1e-9);
    // Without a threshold the sliver is a piece like any other.
    const auto kept = overlay(pair.old_wards, pair.new_wards, {.min_piece_m2 = 0.0}, pair.context);
    EXPECT_EQ(kept.slivers, 0U);
    EXPECT_EQ(kept.pieces.size(), 2U);
}

TEST(Overlay, ThreadsGiveTheSamePiecesInTheSameOrder) {
    TempDir dir;
    // A 4 x 4 grid of 100 m wards against the same grid moved 30 m east and 20 m north.
    std::vector<Ward> old_grid, new_grid;
    for (int i = 0; i < 16; ++i) {
        const double x = x0 + 100.0 * (i % 4), y = y0 + 100.0 * (i / 4);
        old_grid.push_back({"E0500" + std::to_string(1000 + i), "Old", square(x, y, 100, 100)});
        new_grid.push_back(
            {"E0500" + std::to_string(2000 + i), "New", square(x + 30, y + 20, 100, 100)});
    }
    write_layer(dir / "old.gpkg", "GPKG", 27700, old_grid);
    write_layer(dir / "new.gpkg", "GPKG", 27700, new_grid);
    Pair pair(dir / "old.gpkg", dir / "new.gpkg");
    OverlayOptions one, three;
    one.threads = 1;
    three.threads = 3;
    const Overlay serial = overlay(pair.old_wards, pair.new_wards, one, pair.context);
    const Overlay parallel = overlay(pair.old_wards, pair.new_wards, three, pair.context);
    // Each interior old ward meets four new ones: 70x80, 30x80, 70x20 and 30x20 m.
    ASSERT_EQ(serial.pieces.size(), 49U);
    ASSERT_EQ(parallel.pieces.size(), serial.pieces.size());
    for (std::size_t i = 0; i < serial.pieces.size(); ++i) {
        EXPECT_EQ(parallel.pieces[i].old_index, serial.pieces[i].old_index);
        EXPECT_EQ(parallel.pieces[i].new_index, serial.pieces[i].new_index);
        EXPECT_EQ(parallel.pieces[i].weight, serial.pieces[i].weight);  // to the last bit
    }
    EXPECT_EQ(parallel.intersections, serial.intersections);
    EXPECT_EQ(parallel.shapes.size(), serial.shapes.size());
    EXPECT_NEAR(serial.pieces[0].weight, 70.0 * 80.0, 1e-6);
}

TEST(Crs, LonLatLayersAreMeasuredInMetres) {
    TempDir dir;
    // A 0.01° square at 51.5°N. On the WGS84 ellipsoid (a = 6378137 m, f = 1/298.257223563,
    // e² = f(2 - f) = 0.00669438) its area is M N cos(phi) dphi dlambda, with phi = 51.505°, its
    // middle latitude, and dphi = dlambda = 0.01° = 1.745329e-4 rad. By hand:
    //   w = 1 - e² sin²(phi) = 1 - 0.00669438 * 0.612361 = 0.995901
    //   M = a (1 - e²) / w^1.5 = 6,374,610 m (meridian radius), M dphi = 1112.58 m north-south
    //   N = a / w^0.5 = 6,391,255 m (prime vertical), N cos(phi) dlambda = 694.33 m east-west
    //   area = 1112.58 m x 694.33 m = 772,496 m²
    const std::string cell = "POLYGON((0 51.5,0.01 51.5,0.01 51.51,0 51.51,0 51.5))";
    write_layer(dir / "old.geojson", "GeoJSON", 4326, {{"E05000001", "Old", cell}});
    write_layer(dir / "new.geojson", "GeoJSON", 4326, {{"E05000101", "New", cell}});
    Pair pair(dir / "old.geojson", dir / "new.geojson");
    EXPECT_NE(pair.working.description.find("equal-area"), std::string::npos);
    // Equal-area: the projected area matches the ellipsoid's to well under 0.01% (77 m²).
    EXPECT_NEAR(pair.old_wards.areas_m2[0], 772'496.0, 77.0);
}

TEST(Crs, ProjectedOldLayerIsChosenAndLonLatNewIsBroughtIntoIt) {
    TempDir dir;
    write_layer(dir / "old.gpkg", "GPKG", 27700, {{"E05000001", "Old", square(x0, y0, 100, 100)}});
    write_layer(
        dir / "new.geojson", "GeoJSON", 4326,
        {{"E05000101", "New", "POLYGON((-0.1 51.4,-0.09 51.4,-0.09 51.41,-0.1 51.41,-0.1 51.4))"}});
    Pair pair(dir / "old.gpkg", dir / "new.geojson");
    EXPECT_NE(pair.working.description.find("27700"), std::string::npos);
    EXPECT_NE(pair.working.description.find("old layer"), std::string::npos);
    // The new ward is now in metres. A 0.01° cell at 51.405°N is 695.8 m x 1112.6 m = 774,200 m²
    // on the ellipsoid, times the grid's area scale there, k² = 0.99962 (k = 0.99981 at 1.9°
    // from the central meridian): about 773,900 m². In degrees it would have been 0.0001.
    EXPECT_NEAR(pair.new_wards.areas_m2[0], 773'900.0, 400.0);
}

TEST(Crs, LayerWithoutCrsIsAnErrorUnlessAssumed) {
    TempDir dir;
    write_layer(dir / "old.shp", "ESRI Shapefile", 0,
                {{"E05000001", "Old", square(x0, y0, 100, 100)}});
    write_layer(dir / "new.gpkg", "GPKG", 27700, {{"E05000101", "New", square(x0, y0, 100, 100)}});
    try {
        Pair pair(dir / "old.shp", dir / "new.gpkg");
        FAIL() << "a layer without CRS was accepted";
    } catch (const DataError& error) {
        EXPECT_NE(std::string(error.what()).find("old.shp"), std::string::npos);
        EXPECT_NE(std::string(error.what()).find("the layer has no CRS; name one"),
                  std::string::npos);
        EXPECT_EQ(error.about(), std::vector<Setting>{Setting::assume_crs});
    }
    Pair assumed(dir / "old.shp", dir / "new.gpkg", {.crs = "", .assume_crs = "EPSG:27700"});
    EXPECT_NEAR(assumed.old_wards.areas_m2[0], 10'000.0, 1e-6);
}

TEST(Crs, GeographicCrsOptionIsRefused) {
    TempDir dir;
    write_layer(dir / "old.gpkg", "GPKG", 27700, {{"E05000001", "Old", square(x0, y0, 100, 100)}});
    EXPECT_THROW(Pair(dir / "old.gpkg", dir / "old.gpkg", {.crs = "EPSG:4326", .assume_crs = ""}),
                 UsageError);
    EXPECT_THROW(Pair(dir / "old.gpkg", dir / "old.gpkg", {.crs = "EPSG:3857", .assume_crs = ""}),
                 UsageError);  // Web Mercator inflates area by 1/cos²(latitude)
}

TEST(Layer, InvalidPolygonIsRepairedAndCounted) {
    TempDir dir;
    // A bow-tie: two triangles of 100 x 200 / 2 m² meeting at a point once repaired.
    const std::string bowtie =
        "POLYGON((530000 170000,530200 170200,530200 170000,"
        "530000 170200,530000 170000))";
    write_layer(dir / "old.gpkg", "GPKG", 27700, {{"E05000001", "Bow", bowtie}});
    Pair pair(dir / "old.gpkg", dir / "old.gpkg");
    EXPECT_EQ(pair.old_wards.repaired, 1U);
    EXPECT_NEAR(pair.old_wards.areas_m2[0], 20'000.0, 1e-6);
}

/// A geometry as GDAL would hand it to GEOS itself (transformed first, when given): the way
/// ingest() takes a geometry it cannot read flat.
std::string gdal_wkb(const std::string& wkt, OGRCoordinateTransformation* transform,
                     GeosContext& context) {
    OGRGeometry* geometry = nullptr;
    EXPECT_EQ(OGRGeometryFactory::createFromWkt(wkt.c_str(), nullptr, &geometry), OGRERR_NONE);
    OGRGeometryUniquePtr multi(OGRGeometryFactory::forceToMultiPolygon(geometry));
    if (transform) {
        EXPECT_EQ(multi->transform(transform), OGRERR_NONE);
    }
    const Geometry shape(multi->exportToGEOS(context.get()), GeometryDeleter{context.get()});
    std::size_t size = 0;
    unsigned char* wkb = GEOSGeomToWKB_buf_r(context.get(), shape.get(), &size);
    std::string bytes(reinterpret_cast<const char*>(wkb), size);
    GEOSFree_r(context.get(), wkb);
    return bytes;
}

std::string ingested_wkb(const std::string& wkt, OGRCoordinateTransformation* transform,
                         GeosContext& context, std::size_t& repaired) {
    OGRGeometry* geometry = nullptr;
    EXPECT_EQ(OGRGeometryFactory::createFromWkt(wkt.c_str(), nullptr, &geometry), OGRERR_NONE);
    const OGRGeometryUniquePtr owned(geometry);
    const Geometry shape = ingest(geometry, Ingest::polygons, transform, context, "test", repaired);
    std::size_t size = 0;
    unsigned char* wkb = GEOSGeomToWKB_buf_r(context.get(), shape.get(), &size);
    std::string bytes(reinterpret_cast<const char*>(wkb), size);
    GEOSFree_r(context.get(), wkb);
    return bytes;
}

TEST(Layer, PolygonsReadFlatReachGeosAsGdalWouldHandThem) {
    register_gdal();
    GeosContext context;
    std::size_t repaired = 0;
    // Flat: a polygon, two parts with a hole, and the same carried from lon/lat to the
    // British grid; each the same to the bit as GDAL's own conversion.
    const std::string polygon = square(x0, y0, 100, 50);
    const std::string parts =
        "MULTIPOLYGON(((530000 170000,530100 170000,530100 170100,530000 170100,530000 170000),"
        "(530010 170010,530010 170020,530020 170020,530010 170010)),"
        "((530200 170000,530300 170000,530250 170050.25,530200 170000)))";
    const std::string degrees = "POLYGON((-0.1 51.5,-0.099 51.5,-0.099 51.5012345,-0.1 51.5))";
    EXPECT_EQ(ingested_wkb(polygon, nullptr, context, repaired),
              gdal_wkb(polygon, nullptr, context));
    EXPECT_EQ(ingested_wkb(parts, nullptr, context, repaired), gdal_wkb(parts, nullptr, context));
    OGRSpatialReference lon_lat;
    OGRSpatialReference grid;
    lon_lat.importFromEPSG(4326);
    lon_lat.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    grid.importFromEPSG(27700);
    const std::unique_ptr<OGRCoordinateTransformation> to_grid(
        OGRCreateCoordinateTransformation(&lon_lat, &grid));
    ASSERT_NE(to_grid, nullptr);
    EXPECT_EQ(ingested_wkb(degrees, to_grid.get(), context, repaired),
              gdal_wkb(degrees, to_grid.get(), context));
    EXPECT_EQ(repaired, 0U);
    // Not flat (z), or a ring left open: GDAL's way, which GEOS refuses for the open ring; a
    // bow-tie with z is still repaired.
    const std::string high =
        "POLYGON Z((530000 170000 5,530100 170000 5,530100 170100 5,"
        "530000 170000 5))";
    EXPECT_EQ(ingested_wkb(high, nullptr, context, repaired), gdal_wkb(high, nullptr, context));
    EXPECT_EQ(repaired, 0U);
    try {
        (void)ingested_wkb("POLYGON((530000 170000,530100 170000,530100 170100))", nullptr, context,
                           repaired);
        FAIL() << "an open ring reached GEOS";
    } catch (const GeometryError& error) {
        EXPECT_NE(std::string(error.what()).find("test: conversion to GEOS"), std::string::npos)
            << error.what();
    }
    (void)ingested_wkb(
        "POLYGON Z((530000 170000 1,530200 170200 1,530200 170000 1,"
        "530000 170200 1,530000 170000 1))",
        nullptr, context, repaired);
    EXPECT_EQ(repaired, 1U);
}

TEST(Layer, FieldsAreFoundByThemselvesWardCodeBeforeParentCode) {
    TempDir dir;
    register_gdal();
    write_layer(dir / "w.gpkg", "GPKG", 27700, {{"E05000001", "Ward One", square(x0, y0, 10, 10)}},
                "WD22CD", "WD22NM");
    {
        // A parent code field beside the ward code must not be taken for it.
        GDALDatasetUniquePtr dataset(
            GDALDataset::Open((dir / "w.gpkg").c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE));
        OGRLayer* layer = dataset->GetLayer(0);
        OGRFieldDefn parent("LAD22CD", OFTString);
        ASSERT_EQ(layer->CreateField(&parent), OGRERR_NONE);
    }
    const SourceLayer source(dir / "w.gpkg", {});
    EXPECT_EQ(source.key_field(), "WD22CD");
    EXPECT_EQ(source.name_field(), "WD22NM");
    EXPECT_THROW(SourceLayer(dir / "w.gpkg", with_key("NOPE")), UsageError);
}

TEST(Layer, MultiLayerFileNeedsALayerName) {
    TempDir dir;
    write_layer(dir / "two.gpkg", "GPKG", 27700, {{"E05000001", "A", square(x0, y0, 10, 10)}},
                "code", "name", "first");
    write_layer(dir / "two.gpkg", "GPKG", 27700, {{"E05000002", "B", square(x0, y0, 20, 10)}},
                "code", "name", "second");
    EXPECT_THROW(SourceLayer(dir / "two.gpkg", {}), UsageError);
    const SourceLayer second(dir / "two.gpkg", with_layer("second"));
    GeosContext context;
    const auto working = choose_crs(second, second, {});
    const Layer layer = read_layer(second, {}, working, context);
    ASSERT_EQ(layer.size(), 1U);
    EXPECT_EQ(layer.codes[0], "E05000002");
    EXPECT_NEAR(layer.areas_m2[0], 200.0, 1e-9);
}

TEST(Layer, FeaturesSharingACodeAreOneWard) {
    TempDir dir;
    write_layer(dir / "parts.gpkg", "GPKG", 27700,
                {{"E05000001", "Split", square(x0, y0, 10, 10)},
                 {"E05000001", "Split", square(x0 + 100, y0, 10, 10)},
                 {"E05000002", "Other", square(x0 + 200, y0, 10, 10)}});
    Pair pair(dir / "parts.gpkg", dir / "parts.gpkg");
    EXPECT_EQ(pair.old_wards.features, 3U);
    ASSERT_EQ(pair.old_wards.size(), 2U);
    EXPECT_NEAR(pair.old_wards.areas_m2[0], 200.0, 1e-9);
}

TEST(Layer, AWhereFilterKeepsOnlyTheWardsItNames) {
    TempDir dir;
    write_layer(dir / "uk.gpkg", "GPKG", 27700,
                {{"E05000001", "Here", square(x0, y0, 10, 10)},
                 {"E05000002", "There", square(x0 + 100, y0, 10, 10)},
                 {"W05000003", "Wales", square(x0 + 200, y0, 10, 10)}});
    LayerOptions options;
    options.where = "code LIKE 'E%'";
    const SourceLayer source(dir / "uk.gpkg", options);
    GeosContext context;
    const Layer layer = read_layer(source, {}, choose_crs(source, source, {}), context);
    EXPECT_EQ(layer.codes, (std::vector<std::string>{"E05000001", "E05000002"}));
    // A bad filter is refused when set (OGR SQL) or when read (GeoPackage's SQLite), never
    // taken for a layer with no wards.
    options.where = "code LIKE";
    try {
        const SourceLayer bad(dir / "uk.gpkg", options);
        (void)read_layer(bad, {}, choose_crs(bad, bad, {}), context);
        FAIL() << "a bad filter was accepted";
    } catch (const Error& error) {
        EXPECT_EQ(std::string(error.what()).find("no features"), std::string::npos) << error.what();
    }
}

TEST(Layer, AGeoJsonOfManyPropertiesReadForTwoIsReadWithOnlyThoseAndTheSameWards) {
    TempDir dir;
    // Two wards among 120 other properties (an object and an array among them, a name null),
    // one ward in two parts, one coordinate of 7 decimals.
    std::string others;
    for (int i = 0; i < 120; ++i)
        others += "\"P" + std::to_string(i) + "_v\": " + std::to_string(i) + ".5, ";
    test::write_text(
        dir / "map.geojson",
        R"({"type": "FeatureCollection", "name": "notional", "features": [
{"type": "Feature", "properties": {"area": 1.5, )" +
            others +
            R"("ward_code": "E05000001", "ward_name": "Ōne \"1\"", "o": {"a": [1, {"b": 2}]}},
 "geometry": {"type": "Polygon", "coordinates":
 [[[-0.1, 51.5], [-0.099, 51.5], [-0.099, 51.501], [-0.1, 51.5]]]}},
{"type": "Feature", "properties": {"ward_name": null, "ward_code": "E05000002", "z": [true]},
 "geometry": {"type": "MultiPolygon", "coordinates":
 [[[[-0.2, 51.5], [-0.199, 51.5], [-0.199, 51.5012345], [-0.2, 51.5]]],
  [[[-0.3, 51.5], [-0.299, 51.5], [-0.299, 51.501], [-0.3, 51.5]]]]}}]})");
    LayerOptions options;
    options.key_field = "ward_code";
    options.name_field = "ward_name";
    const SourceLayer whole(dir / "map.geojson", options);
    options.only_fields = {"ward_code", "ward_name"};
    const SourceLayer slim(dir / "map.geojson", options);
    OGRFeatureDefn& fields = *slim.layer().GetLayerDefn();
    ASSERT_EQ(fields.GetFieldCount(), 2);
    EXPECT_STREQ(fields.GetFieldDefn(0)->GetNameRef(), "ward_code");
    EXPECT_STREQ(fields.GetFieldDefn(1)->GetNameRef(), "ward_name");
    EXPECT_EQ(whole.layer().GetLayerDefn()->GetFieldCount(), 125);
    EXPECT_EQ(slim.label(), (dir / "map.geojson").string());
    EXPECT_EQ(slim.path(), dir / "map.geojson");
    GeosContext context;
    const WorkingCrs working = choose_crs(whole, whole, {});
    const Layer a = read_layer(whole, {}, working, context);
    const Layer b = read_layer(slim, {}, working, context);
    EXPECT_EQ(b.codes, (std::vector<std::string>{"E05000001", "E05000002"}));
    EXPECT_EQ(b.names, (std::vector<std::string>{"Ōne \"1\"", ""}));
    EXPECT_EQ(b.names, a.names);
    EXPECT_EQ(geometry_sha256(b, context), geometry_sha256(a, context));  // every coordinate
    // Fewer properties than it takes to pay: not slimmed. A file that is not JSON is GDAL's to
    // refuse, as it would be whole. Nothing is left in GDAL's memory once the copy is gone.
    EXPECT_TRUE(SlimGeoJson(dir / "map.geojson", options.only_fields, 200).path().empty());
    test::write_text(dir / "broken.geojson", R"({"type": "FeatureCollection", "features": [)");
    EXPECT_TRUE(SlimGeoJson(dir / "broken.geojson", options.only_fields).path().empty());
    EXPECT_THROW(SourceLayer(dir / "broken.geojson", options), IoError);
    std::string held;
    {
        const SlimGeoJson copy(dir / "map.geojson", options.only_fields);
        held = copy.path();
        VSIStatBufL stat;
        EXPECT_EQ(VSIStatL(held.c_str(), &stat), 0) << held;
    }
    VSIStatBufL stat;
    EXPECT_NE(VSIStatL(held.c_str(), &stat), 0) << held;
}

TEST(Layer, PointLayerIsRefusedNamingTheFeature) {
    TempDir dir;
    write_layer(dir / "points.gpkg", "GPKG", 27700, {{"E05000001", "Dot", "POINT(530000 170000)"}});
    try {
        Pair pair(dir / "points.gpkg", dir / "points.gpkg");
        FAIL() << "a point was taken for a ward";
    } catch (const DataError& error) {
        EXPECT_NE(std::string(error.what()).find("E05000001"), std::string::npos);
        EXPECT_NE(std::string(error.what()).find("not a polygon"), std::string::npos);
    }
}

TEST(GeoJson, WritesLonLatWithPropertiesAndNulls) {
    TempDir dir;
    write_layer(dir / "w.gpkg", "GPKG", 27700, {{"E05000001", "Ward", square(x0, y0, 100, 100)}});
    Pair pair(dir / "w.gpkg", dir / "w.gpkg");
    const std::string text = geojson_text("wards", pair.old_wards, {0},
                                          {{"ward_code", {std::string("E05000001")}},
                                           {"votes", {1234.5}},
                                           {"share", {Value()}},
                                           {"knife_edge", {true}}},
                                          pair.context);
    test::write_text(dir / "out.geojson", text);
    EXPECT_NE(text.find("\"ward_code\": \"E05000001\""), std::string::npos);
    EXPECT_NE(text.find("\"votes\": 1234.5"), std::string::npos);
    EXPECT_NE(text.find("\"share\": null"), std::string::npos);
    EXPECT_NE(text.find("\"knife_edge\": true"), std::string::npos);
    EXPECT_EQ(text.find("\"crs\""), std::string::npos);  // RFC 7946 has no crs member

    // Read back: lon/lat around (-0.13, 51.4), where E530000 N170000 is.
    const SourceLayer back(dir / "out.geojson", {});
    OGREnvelope extent;
    ASSERT_EQ(back.layer().GetExtent(&extent), OGRERR_NONE);
    EXPECT_NEAR(extent.MinX, -0.13, 0.02);
    EXPECT_NEAR(extent.MinY, 51.41, 0.02);
}

/// A layer in lon/lat of wards given as WKT, as a reader would hold them.
Layer lon_lat_layer(GeosContext& context, const std::vector<std::string>& wkts) {
    Layer layer;
    layer.label = "test";
    layer.srs.importFromEPSG(4326);
    layer.srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    for (const std::string& wkt : wkts) {
        layer.codes.push_back("W" + std::to_string(layer.codes.size() + 1));
        layer.shapes.emplace_back(GEOSGeomFromWKT_r(context.get(), wkt.c_str()),
                                  GeometryDeleter{context.get()});
    }
    return layer;
}

TEST(GeoJson, OneCrsInTwoAxisOrdersIsTwoTransformationsToLonLat) {
    // The maps' transformations are chosen once a CRS: the same CRS read latitude first must
    // not be given the one chosen for it longitude first.
    GeosContext context;
    const Layer east_first = lon_lat_layer(context, {square(10, 50, 1, 1)});
    Layer north_first = lon_lat_layer(context, {square(50, 10, 1, 1)});
    north_first.srs.SetAxisMappingStrategy(OAMS_AUTHORITY_COMPLIANT);  // (lat, lon)
    const std::string a = geojson_text("wards", east_first, {0}, {}, context);
    const std::string b = geojson_text("wards", north_first, {0}, {}, context);
    EXPECT_NE(a.find("[ 10.0, 50.0 ]"), std::string::npos) << a;
    EXPECT_EQ(b, a);
}

TEST(GeoJson, WritesRingsTheRfcsWayRoundAtSevenDecimalsAndPropertiesAsGdalDoes) {
    GeosContext context;
    // The exterior clockwise and its hole counterclockwise, both the wrong way for RFC 7946.
    const Layer layer = lon_lat_layer(
        context, {"POLYGON((0 0,0 1,1 1,1.123456789 0,0 0),(0.2 0.2,0.8 0.2,0.8 0.8,0.2 0.2))",
                  "MULTIPOLYGON(((5 5,6 5,6 6,5 5)),((7 7,8 7,8 8,7 7)))"});
    const std::string text =
        geojson_text("wards", layer, {1, 0},
                     {{"name", {std::string("Two"), std::string(R"(St "Paul's" \ Cray)")}},
                      {"votes", {Value(2.0), Value(1234.5)}},
                      {"share", {Value(1e-6), Value(std::nan(""))}},
                      {"seats", {Value(3LL), Value()}},
                      {"tie", {Value(false), Value(true)}}},
                     context);
    EXPECT_EQ(
        text,
        "{\n\"type\": \"FeatureCollection\",\n\"name\": \"wards\",\n\"features\": [\n"
        R"({ "type": "Feature", "properties": { "name": "Two", "votes": 2.0, "share": 1e-06, )"
        R"("seats": 3, "tie": false }, "geometry": { "type": "MultiPolygon", "coordinates": )"
        R"([ [ [ [ 5.0, 5.0 ], [ 6.0, 5.0 ], [ 6.0, 6.0 ], [ 5.0, 5.0 ] ] ], )"
        R"([ [ [ 7.0, 7.0 ], [ 8.0, 7.0 ], [ 8.0, 8.0 ], [ 7.0, 7.0 ] ] ] ] } },)"
        "\n"
        R"({ "type": "Feature", "properties": { "name": "St \"Paul's\" \\ Cray", )"
        R"("votes": 1234.5, "share": null, "seats": null, "tie": true }, "geometry": )"
        R"({ "type": "Polygon", "coordinates": [ [ [ 0.0, 0.0 ], [ 1.1234568, 0.0 ], )"
        R"([ 1.0, 1.0 ], [ 0.0, 1.0 ], [ 0.0, 0.0 ] ], )"
        R"([ [ 0.2, 0.2 ], [ 0.8, 0.8 ], [ 0.8, 0.2 ], [ 0.2, 0.2 ] ] ] } })"
        "\n]\n}\n");
}

/// The coordinates of a GeoJSON text, as written, sorted.
std::vector<std::string> coordinates_in(const std::string& text) {
    std::vector<std::string> out;
    const std::string start = "\"coordinates\": ";
    const std::size_t from = text.find(start);
    if (from == std::string::npos) return out;
    const std::size_t to = text.find('}', from);
    std::string number;
    for (std::size_t i = from + start.size(); i < to; ++i) {
        const char c = text[i];
        if (c == '-' || c == '.' || (c >= '0' && c <= '9')) {
            number += c;
        } else if (!number.empty()) {
            out.push_back(number);
            number.clear();
        }
    }
    std::sort(out.begin(), out.end());
    return out;
}

TEST(GeoJson, DegreesAreRoundedToSevenDecimalsAsToCharsRoundsThem) {
    // Values a hair either side of halfway between two multiples of 1e-7, and others anywhere
    // on the globe: each written as std::to_chars writes it at 7 decimals, correctly rounded,
    // trailing zeros dropped but one.
    // (lon, lat) pairs within a quarter of the globe, so that no ring crosses the antimeridian.
    std::vector<double> values{-0.00000004, 0.00000005, 0.00000015, -45.00000005,  51.12345675,
                               -0.12345665, 1e-12,      -1e-12,     89.9999999499, 12.0};
    std::uint64_t state = 12345;
    auto next = [&] {
        state = state * 6364136223846793005ULL + 1442695040888963407ULL;
        return static_cast<double>(state >> 11) / 9007199254740992.0;  // [0, 1)
    };
    for (int i = 0; i < 2000; ++i) {
        const double k = std::floor((next() * 2 - 1) * 8.9e8);
        values.push_back((k + 0.5) * 1e-7);         // about halfway
        values.push_back((next() * 2 - 1) * 89.0);  // anywhere
    }
    std::string wkt = "POLYGON((";
    std::vector<std::string> expected;
    for (std::size_t i = 0; i < values.size(); i += 2) {
        char x[64];
        char y[64];
        std::snprintf(x, sizeof x, "%.17g", values[i]);
        std::snprintf(y, sizeof y, "%.17g", values[i + 1]);
        wkt += std::string(i == 0 ? "" : ",") + x + " " + y;
    }
    char first_x[64];
    char first_y[64];
    std::snprintf(first_x, sizeof first_x, "%.17g", values[0]);
    std::snprintf(first_y, sizeof first_y, "%.17g", values[1]);
    wkt += std::string(",") + first_x + " " + first_y + "))";
    values.push_back(values[0]);
    values.push_back(values[1]);
    for (const double value : values) {
        char buffer[64];
        char* end =
            std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::fixed, 7).ptr;
        while (end[-1] == '0' && end[-2] != '.') --end;
        expected.emplace_back(buffer, end);
    }
    std::sort(expected.begin(), expected.end());
    GeosContext context;
    const Layer layer = lon_lat_layer(context, {wkt});
    const std::string text = geojson_text("wards", layer, {0}, {}, context);
    EXPECT_EQ(coordinates_in(text), expected);
    // By hand: a negative value that rounds to nothing keeps its sign, as to_chars's does; the
    // doubles nearest 5e-8 and 1.5e-7 lie a little below them (4.99999999999999977e-8,
    // 1.49999999999999993e-7), -45.00000005 above it (-45.0000000499999970) and 51.12345675
    // above it (51.1234567500000026), so they round down, down, up and up.
    EXPECT_NE(text.find("[ -0.0, 0.0 ]"), std::string::npos);
    EXPECT_NE(text.find("[ 0.0000001, -45.0 ]"), std::string::npos);
    EXPECT_NE(text.find("[ 51.1234568, -0.1234567 ]"), std::string::npos);
}

TEST(GeoJson, ManyWardsWrittenByThreadsAreTheWardsWrittenOneByOne) {
    GeosContext context;
    std::vector<std::string> wkts;
    for (int i = 0; i < 300; ++i) {
        const double x = 0.01 * (i % 20);
        const double y = 0.01 * (i / 20);  // NOLINT(bugprone-integer-division): rows of 20
        wkts.push_back(square(x, y, 0.01, 0.01));
    }
    const Layer layer = lon_lat_layer(context, wkts);
    std::vector<std::size_t> order(wkts.size());
    std::vector<Value> codes;
    for (std::size_t i = 0; i < order.size(); ++i) {
        order[i] = order.size() - 1 - i;  // written in an order of their own
        codes.emplace_back(layer.codes[order[i]]);
    }
    const std::string all = geojson_text("wards", layer, order, {{"code", codes}}, context);
    std::string expected =
        "{\n\"type\": \"FeatureCollection\",\n\"name\": \"wards\",\n\"features\": [\n";
    const std::string header = expected;
    for (std::size_t i = 0; i < order.size(); ++i) {
        const std::string one =
            geojson_text("wards", layer, {order[i]}, {{"code", {codes[i]}}}, context);
        ASSERT_EQ(one.substr(0, header.size()), header);
        std::string feature =
            one.substr(header.size(), one.size() - header.size() - 4);  // "]\n}\n"
        if (i + 1 < order.size()) feature.insert(feature.size() - 1, ",");
        expected += feature;
    }
    EXPECT_EQ(all, expected + "]\n}\n");
}

TEST(GeoJson, AWardAcrossTheAntimeridianIsCutThere) {
    TempDir dir;
    // Taveuni, Fiji, on both sides of 180°, whole on the Fiji Map Grid (centred on 178.75°E).
    write_layer(dir / "w.gpkg", "GPKG", 4326,
                {{"FJ1", "Taveuni",
                  "POLYGON((179.8 -16.9,180.2 -16.9,180.2 -16.7,179.8 -16.7,179.8 -16.9))"}});
    CrsOptions crs;
    crs.crs = "EPSG:3460";
    Pair pair(dir / "w.gpkg", dir / "w.gpkg", crs);
    const std::string text = geojson_text("wards", pair.old_wards, {0},
                                          {{"ward_code", {std::string("FJ1")}}}, pair.context);
    EXPECT_NE(text.find(R"("type": "MultiPolygon")"), std::string::npos) << text;
    EXPECT_NE(text.find("[ 180.0, "), std::string::npos) << text;
    EXPECT_NE(text.find("[ -180.0, "), std::string::npos) << text;
    EXPECT_NE(text.find("[ -179.8, "), std::string::npos) << text;
    EXPECT_EQ(text.find("180.2"), std::string::npos) << text;
}

}  // namespace
}  // namespace notional::geo

namespace notional::geo {
namespace {

/// A weights layer of small areas with a count field.
void write_counts(const std::filesystem::path& path,
                  const std::vector<std::pair<std::string, double>>& areas) {
    register_gdal();
    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("GPKG");
    GDALDatasetUniquePtr dataset(driver->Create(path.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    OGRSpatialReference srs;
    srs.importFromEPSG(27700);
    OGRLayer* layer = dataset->CreateLayer("areas", &srs, wkbPolygon);
    OGRFieldDefn code("LSOA21CD", OFTString), count("people", OFTReal);
    ASSERT_EQ(layer->CreateField(&code), OGRERR_NONE);
    ASSERT_EQ(layer->CreateField(&count), OGRERR_NONE);
    int i = 0;
    for (const auto& [wkt, people] : areas) {
        OGRFeatureUniquePtr feature(OGRFeature::CreateFeature(layer->GetLayerDefn()));
        feature->SetField("LSOA21CD", ("E0100000" + std::to_string(++i)).c_str());
        feature->SetField("people", people);
        OGRGeometry* geometry = nullptr;
        ASSERT_EQ(OGRGeometryFactory::createFromWkt(wkt.c_str(), nullptr, &geometry), OGRERR_NONE);
        feature->SetGeometryDirectly(geometry);
        ASSERT_EQ(layer->CreateFeature(feature.get()), OGRERR_NONE);
    }
}

TEST(Weights, ParklandAndHousingSplitByPeopleNotArea) {
    TempDir dir;
    // Old ward 0-200 m; new wards West (0-100: parkland) and East (100-200: housing). Half the
    // area each, but the small areas hold 10 people in the park and 990 in the houses.
    write_layer(dir / "old.gpkg", "GPKG", 27700, {{"E05000001", "Old", square(x0, y0, 200, 100)}});
    write_layer(dir / "new.gpkg", "GPKG", 27700,
                {{"E05000101", "West", square(x0, y0, 100, 100)},
                 {"E05000102", "East", square(x0 + 100, y0, 100, 100)}});
    write_counts(dir / "areas.gpkg",
                 {{square(x0, y0, 100, 100), 10.0}, {square(x0 + 100, y0, 100, 100), 990.0}});
    Pair pair(dir / "old.gpkg", dir / "new.gpkg");
    const Overlay result = overlay(pair.old_wards, pair.new_wards, {}, pair.context);
    EXPECT_NEAR(share(pair.crosswalk(result), 0, 0), 0.5, 1e-12);  // by area
    WeightOptions options;
    options.path = (dir / "areas.gpkg").string();
    options.field = "people";
    const WeightLayer weights = read_weights(options, pair.working, pair.context);
    EXPECT_EQ(weights.name, "people");
    EXPECT_FALSE(weights.points);
    const Weighting weighting = weigh(result, pair.old_wards, weights, pair.context);
    EXPECT_NEAR(weighting.old_weight[0], 1000.0, 1e-9);
    const model::Crosswalk by_people(2, weighting.pieces, weighting.old_weight,
                                     weighting.old_sliver);
    EXPECT_NEAR(share(by_people, 0, 0), 0.01, 1e-12);  // 10 of 1000 live in the park
    EXPECT_NEAR(share(by_people, 0, 1), 0.99, 1e-12);
}

TEST(Weights, SmallAreaAcrossABoundaryIsSpreadByArea) {
    TempDir dir;
    // One small area of 400 people covers both new wards, 1/4 in West, 3/4 in East.
    write_layer(dir / "old.gpkg", "GPKG", 27700, {{"E05000001", "Old", square(x0, y0, 400, 100)}});
    write_layer(dir / "new.gpkg", "GPKG", 27700,
                {{"E05000101", "West", square(x0, y0, 100, 100)},
                 {"E05000102", "East", square(x0 + 100, y0, 300, 100)}});
    write_counts(dir / "areas.gpkg", {{square(x0, y0, 400, 100), 400.0},
                                      {square(x0 + 1000, y0, 10, 10), 7.0}});  // meets no ward
    Pair pair(dir / "old.gpkg", dir / "new.gpkg");
    const Overlay result = overlay(pair.old_wards, pair.new_wards, {}, pair.context);
    WeightOptions options;
    options.path = (dir / "areas.gpkg").string();
    options.field = "people";
    const Weighting weighting = weigh(
        result, pair.old_wards, read_weights(options, pair.working, pair.context), pair.context);
    ASSERT_EQ(weighting.pieces.size(), 2U);
    EXPECT_NEAR(weighting.pieces[0].weight, 100.0, 1e-9);
    EXPECT_NEAR(weighting.pieces[1].weight, 300.0, 1e-9);
    EXPECT_EQ(weighting.outside_features, 1U);  // reported, not silently dropped
    EXPECT_NEAR(weighting.outside_weight, 7.0, 1e-12);
}

TEST(Weights, PointsOnASharedBoundaryGoToExactlyOneWard) {
    TempDir dir;
    write_layer(dir / "old.gpkg", "GPKG", 27700, {{"E05000001", "Old", square(x0, y0, 200, 100)}});
    write_layer(dir / "new.gpkg", "GPKG", 27700,
                {{"E05000101", "West", square(x0, y0, 100, 100)},
                 {"E05000102", "East", square(x0 + 100, y0, 100, 100)}});
    // A CSV of postcodes in British grid metres: one inside West, two inside East, one exactly
    // on the West/East boundary (x = 100), one far outside.
    test::write_text(dir / "postcodes.csv",
                     "Postcode,Eastings,Northings\n"
                     "AA1 1AA,530050,170050\n"
                     "AA1 1AB,530150,170050\n"
                     "AA1 1AC,530160,170020\n"
                     "AA1 1AD,530100,170050\n"
                     "ZZ9 9ZZ,540000,180000\n");
    Pair pair(dir / "old.gpkg", dir / "new.gpkg");
    const Overlay result = overlay(pair.old_wards, pair.new_wards, {}, pair.context);
    WeightOptions options;
    options.path = (dir / "postcodes.csv").string();
    options.crs = "EPSG:27700";
    const WeightLayer points = read_weights(options, pair.working, pair.context);
    EXPECT_TRUE(points.points);
    ASSERT_EQ(points.shapes.size(), 5U);
    const Weighting weighting = weigh(result, pair.old_wards, points, pair.context);
    ASSERT_EQ(weighting.pieces.size(), 2U);
    // The boundary point is counted once: 1 + 2 + 1 = 4 inside, wherever it falls.
    EXPECT_EQ(weighting.pieces[0].weight + weighting.pieces[1].weight, 4.0);
    EXPECT_EQ(weighting.old_weight[0], 4.0);
    EXPECT_EQ(weighting.outside_features, 1U);
    // Without a CRS for the CSV's coordinates the run stops and says what to give.
    options.crs.clear();
    EXPECT_THROW((void)read_weights(options, pair.working, pair.context), DataError);
}

TEST(Weights, TableJoinedByKeyWithAFilterAndAWardOfNoWeight) {
    TempDir dir;
    write_layer(dir / "old.gpkg", "GPKG", 27700,
                {{"E05000001", "Housing", square(x0, y0, 100, 100)},
                 {"E05000002", "Park", square(x0 + 100, y0, 100, 100)}});
    write_layer(dir / "new.gpkg", "GPKG", 27700, {{"E05000101", "All", square(x0, y0, 200, 100)}});
    write_counts(dir / "areas.gpkg", {{square(x0, y0, 100, 100), 0.0}});  // E01000001 only
    // Adults are the rows from 16 up: 30 + 50 = 80 of the 100.
    test::write_text(dir / "ages.csv",
                     "lsoa21_code,age_group,usual_residents\n"
                     "E01000001,Aged 15 years and under,20\n"
                     "E01000001,Aged 16 to 24 years,30\n"
                     "E01000001,Aged 25 years and over,50\n");
    Pair pair(dir / "old.gpkg", dir / "new.gpkg");
    const Overlay result = overlay(pair.old_wards, pair.new_wards, {}, pair.context);
    WeightOptions options;
    options.path = (dir / "areas.gpkg").string();
    options.table = (dir / "ages.csv").string();
    options.table_key = "lsoa21_code";
    options.field = "usual_residents";
    options.filters = {"age_group!=Aged 15 years and under"};
    options.name = "adults";
    const WeightLayer weights = read_weights(options, pair.working, pair.context);
    ASSERT_EQ(weights.counts.size(), 1U);
    EXPECT_EQ(weights.counts[0], 80.0);
    const Weighting weighting = weigh(result, pair.old_wards, weights, pair.context);
    EXPECT_NEAR(weighting.old_weight[0], 80.0, 1e-9);
    // The park holds nobody: area stands in, so its votes still go somewhere, and it is said.
    // It counts at the weights' mean density, 80 per 10,000 m², so that every weight is people.
    EXPECT_EQ(weighting.area_fallback, 1U);
    EXPECT_NEAR(weighting.old_weight[1], 80.0, 1e-9);
    EXPECT_NEAR(weighting.pieces[1].weight, 80.0, 1e-9);
    options.filters = {"age_band=adult"};  // no such column
    EXPECT_THROW((void)read_weights(options, pair.working, pair.context), DataError);
}

TEST(Weights, WhereSmallAreasCoverAWardInPartItsOwnDensityFillsTheRest) {
    // Old ward 300 x 100 m, split by the new map at x = 100 and x = 200. The small areas (London's
    // LSOAs on a bigger map) cover its western 100 m only, with 60 people: the 200 m beyond
    // them count at the ward's density there, 60 per 10,000 m², so each third gets 60, not
    // 60, 0, 0 (the few people at a ward's edge say nothing of where the rest live).
    TempDir dir;
    write_layer(dir / "old.gpkg", "GPKG", 27700, {{"E05000001", "Edge", square(x0, y0, 300, 100)}});
    write_layer(dir / "new.gpkg", "GPKG", 27700,
                {{"E05000101", "West", square(x0, y0, 100, 100)},
                 {"E05000102", "Middle", square(x0 + 100, y0, 100, 100)},
                 {"E05000103", "East", square(x0 + 200, y0, 100, 100)}});
    write_counts(dir / "areas.gpkg", {{square(x0 - 50, y0, 150, 100), 90.0}});  // 2/3 inside
    Pair pair(dir / "old.gpkg", dir / "new.gpkg");
    const Overlay result = overlay(pair.old_wards, pair.new_wards, {}, pair.context);
    WeightOptions options;
    options.path = (dir / "areas.gpkg").string();
    options.field = "people";
    const WeightLayer weights = read_weights(options, pair.working, pair.context);
    const Weighting weighting = weigh(result, pair.old_wards, weights, pair.context);
    EXPECT_NEAR(weighting.old_coverage[0], 1.0 / 3.0, 1e-12);
    EXPECT_NEAR(weighting.old_weight[0], 180.0, 1e-9);
    ASSERT_EQ(weighting.pieces.size(), 3U);
    for (const auto& piece : weighting.pieces) EXPECT_NEAR(piece.weight, 60.0, 1e-9);
    EXPECT_EQ(weighting.area_fallback, 0U);
}

}  // namespace
}  // namespace notional::geo
