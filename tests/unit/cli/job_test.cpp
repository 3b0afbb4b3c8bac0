/// Unit tests of cli/job: the main job's options parsed into app::JobOptions, with no file read
/// or written (the paths given need not exist).
#include <optional>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "cli/job.hpp"
#include "core/error.hpp"
#include "support.hpp"

namespace notional::cli {
namespace {

using test::contains;
using test::message_of;

using Args = std::vector<std::string>;

/// The two options every job needs, then `more`.
Args job(const Args& more = {}) {
    Args args{"--old", "old.gpkg", "--new", "new.gpkg"};
    args.insert(args.end(), more.begin(), more.end());
    return args;
}

/// The UsageError parse_job throws for `args`.
std::string usage_error(const Args& args) {
    return message_of<UsageError>([&] { (void)parse_job(args); });
}

// --- defaults ---------------------------------------------------------------------------------

TEST(ParseJob, DefaultsAreTheOptionTablesDefaults) {
    const JobOptions o = parse_job(job());
    EXPECT_FALSE(o.help);
    EXPECT_EQ(o.old_path, "old.gpkg");
    EXPECT_EQ(o.new_path, "new.gpkg");
    // Results: none, formats detected from the header.
    EXPECT_FALSE(o.results_path.has_value());
    EXPECT_FALSE(o.results_wards_path.has_value());
    EXPECT_EQ(o.results_format, model::ResultsFormat::automatic);
    EXPECT_FALSE(o.actual_path.has_value());
    EXPECT_FALSE(o.actual_wards_path.has_value());
    EXPECT_EQ(o.actual_format, model::ResultsFormat::automatic);
    EXPECT_FALSE(o.new_seats_path.has_value());
    EXPECT_FALSE(o.party_alias_path.has_value());
    EXPECT_TRUE(o.councils.empty());
    // Layers: every field found by itself.
    EXPECT_EQ(o.old_layer.layer, "");
    EXPECT_EQ(o.old_layer.key_field, "");
    EXPECT_EQ(o.old_layer.name_field, "");
    EXPECT_EQ(o.old_layer.where, "");
    EXPECT_EQ(o.new_layer.seats_field, "");
    EXPECT_EQ(o.new_layer.council_field, "");
    EXPECT_EQ(o.crs.crs, "");
    EXPECT_EQ(o.crs.assume_crs, "");
    // Method: --min-piece 1, --threads 0, --noise-width 5, --max-lost 0.1 (%),
    // --max-uncovered 50 (%), --seat-method rank-slot, --knife-edge 2.
    EXPECT_EQ(o.overlay.min_piece_m2, 1.0);
    EXPECT_EQ(o.overlay.threads, 0U);
    EXPECT_EQ(o.overlay.noise_width_m, 5.0);
    EXPECT_DOUBLE_EQ(o.redistribute.max_lost, 0.001);  // 0.1 / 100
    EXPECT_FALSE(o.redistribute.split_independents);
    EXPECT_EQ(o.max_uncovered, 0.5);  // 50 / 100
    EXPECT_TRUE(o.code_match);
    EXPECT_EQ(o.seats.method, model::SeatMethod::rank_slot);
    EXPECT_EQ(o.seats.knife_edge_pct, 2.0);
    EXPECT_FALSE(o.share_top);
    EXPECT_FALSE(o.weights.has_value());
    EXPECT_FALSE(o.crosswalk_path.has_value());
    EXPECT_FALSE(o.crosswalk_update);
    EXPECT_FALSE(o.new_electorate_path.has_value());
    EXPECT_FALSE(o.old_electorate_path.has_value());
    // Output.
    EXPECT_EQ(o.output_dir, "notional-out");
    EXPECT_FALSE(o.overwrite);
}

TEST(ParseJob, HelpNeedsNothingElse) {
    for (const Args& args : {Args{"--help"}, Args{"-h"}, Args{"--old", "x", "-h"}}) {
        const JobOptions o = parse_job(args);
        EXPECT_TRUE(o.help) << args.front();
    }
    EXPECT_FALSE(parse_job(job()).help);
}

// --- each option into its field ---------------------------------------------------------------

TEST(ParseJob, InputsGoToTheirFields) {
    const JobOptions o =
        parse_job(job({"--results", "r.csv", "--results-format", "gla", "--results-wards", "rw.csv",
                       "--actual", "a.csv", "--actual-format", "dc", "--actual-wards", "aw.csv",
                       "--party-alias", "alias.csv", "--new-seats", "seats.csv"}));
    EXPECT_EQ(o.results_path, std::optional<std::string>("r.csv"));
    EXPECT_EQ(o.results_format, model::ResultsFormat::gla);
    EXPECT_EQ(o.results_wards_path, std::optional<std::string>("rw.csv"));
    EXPECT_EQ(o.actual_path, std::optional<std::string>("a.csv"));
    EXPECT_EQ(o.actual_format, model::ResultsFormat::democracy_club);
    EXPECT_EQ(o.actual_wards_path, std::optional<std::string>("aw.csv"));
    EXPECT_EQ(o.party_alias_path, std::optional<std::string>("alias.csv"));
    EXPECT_EQ(o.new_seats_path, std::optional<std::string>("seats.csv"));
    // The formats in any case, and their other names.
    EXPECT_EQ(parse_job(job({"--results-format", "CANONICAL"})).results_format,
              model::ResultsFormat::canonical);
    EXPECT_EQ(parse_job(job({"--results-format", "csv"})).results_format,
              model::ResultsFormat::canonical);
    EXPECT_EQ(parse_job(job({"--actual-format", "democracy-club"})).actual_format,
              model::ResultsFormat::democracy_club);
}

TEST(ParseJob, LayerOptionsGoToTheOldOrTheNewLayer) {
    const JobOptions o = parse_job(job({"--old-layer",
                                        "wards2018",
                                        "--new-layer",
                                        "wards2022",
                                        "--old-key",
                                        "WD18CD",
                                        "--old-name",
                                        "WD18NM",
                                        "--new-key",
                                        "WD22CD",
                                        "--new-name",
                                        "WD22NM",
                                        "--old-where",
                                        "LAGSSCODE = 'E09000006'",
                                        "--new-where",
                                        "LAD22CD = 'E09000006'",
                                        "--new-seats-field",
                                        "SEATS",
                                        "--old-council-field",
                                        "LAGSSCODE",
                                        "--new-council-field",
                                        "LAD22CD",
                                        "--crs",
                                        "EPSG:27700",
                                        "--assume-crs",
                                        "EPSG:4326"}));
    EXPECT_EQ(o.old_layer.layer, "wards2018");
    EXPECT_EQ(o.new_layer.layer, "wards2022");
    EXPECT_EQ(o.old_layer.key_field, "WD18CD");
    EXPECT_EQ(o.old_layer.name_field, "WD18NM");
    EXPECT_EQ(o.new_layer.key_field, "WD22CD");
    EXPECT_EQ(o.new_layer.name_field, "WD22NM");
    EXPECT_EQ(o.old_layer.where, "LAGSSCODE = 'E09000006'");
    EXPECT_EQ(o.new_layer.where, "LAD22CD = 'E09000006'");
    EXPECT_EQ(o.new_layer.seats_field, "SEATS");
    EXPECT_EQ(o.old_layer.seats_field, "");
    EXPECT_EQ(o.old_layer.council_field, "LAGSSCODE");
    EXPECT_EQ(o.new_layer.council_field, "LAD22CD");
    EXPECT_EQ(o.crs.crs, "EPSG:27700");
    EXPECT_EQ(o.crs.assume_crs, "EPSG:4326");
}

TEST(ParseJob, MethodOptionsAreConvertedFromTheirUnits) {
    const JobOptions o = parse_job(job({"--min-piece",
                                        "2.5",
                                        "--threads",
                                        "3",
                                        "--noise-width",
                                        "0",
                                        "--max-lost",
                                        "1.5",
                                        "--max-uncovered",
                                        "20",
                                        "--no-code-match",
                                        "--seat-method",
                                        "continuity",
                                        "--split-independents",
                                        "--knife-edge",
                                        "3.5",
                                        "--results",
                                        "r.csv",
                                        "--actual",
                                        "a.csv",
                                        "--share-top",
                                        "--crosswalk",
                                        "cw.csv",
                                        "--crosswalk-update",
                                        "--new-electorate",
                                        "ne.csv",
                                        "--old-electorate",
                                        "oe.csv",
                                        "-o",
                                        "out",
                                        "--overwrite"}));
    EXPECT_EQ(o.overlay.min_piece_m2, 2.5);
    EXPECT_EQ(o.overlay.threads, 3U);
    EXPECT_EQ(o.overlay.noise_width_m, 0.0);
    EXPECT_DOUBLE_EQ(o.redistribute.max_lost, 0.015);  // 1.5% as a share
    EXPECT_DOUBLE_EQ(o.max_uncovered, 0.2);            // 20% as a share
    EXPECT_FALSE(o.code_match);
    EXPECT_EQ(o.seats.method, model::SeatMethod::continuity);
    EXPECT_TRUE(o.redistribute.split_independents);
    EXPECT_EQ(o.seats.knife_edge_pct, 3.5);  // stays a percentage
    EXPECT_TRUE(o.share_top);
    EXPECT_EQ(o.crosswalk_path, std::optional<std::string>("cw.csv"));
    EXPECT_TRUE(o.crosswalk_update);
    EXPECT_EQ(o.new_electorate_path, std::optional<std::string>("ne.csv"));
    EXPECT_EQ(o.old_electorate_path, std::optional<std::string>("oe.csv"));
    EXPECT_EQ(o.output_dir, "out");
    EXPECT_TRUE(o.overwrite);
    // The long name of -o, and the other seat rules by name.
    EXPECT_EQ(parse_job(job({"--output", "elsewhere"})).output_dir, "elsewhere");
    EXPECT_EQ(parse_job(job({"--seat-method", "block"})).seats.method, model::SeatMethod::block);
    EXPECT_EQ(parse_job(job({"--seat-method", "block-top"})).seats.method,
              model::SeatMethod::block_top);
    EXPECT_EQ(parse_job(job({"--seat-method", "Rank-Slot"})).seats.method,
              model::SeatMethod::rank_slot);
    // The overlay's method: measured unless GEOS is asked for; anything else is refused.
    EXPECT_EQ(o.overlay.method, geo::OverlayMethod::measure);
    EXPECT_EQ(parse_job(job({"--overlay", "geos"})).overlay.method, geo::OverlayMethod::geos);
    EXPECT_NE(usage_error(job({"--overlay", "fast"})).find("--overlay is geos or measure"),
              std::string::npos);
    // The ends of the ranges are allowed.
    const JobOptions ends =
        parse_job(job({"--knife-edge", "100", "--max-lost", "0", "--max-uncovered", "100"}));
    EXPECT_EQ(ends.seats.knife_edge_pct, 100.0);
    EXPECT_EQ(ends.redistribute.max_lost, 0.0);
    EXPECT_EQ(ends.max_uncovered, 1.0);
}

TEST(ParseJob, WeightsAreOneSourceOfEveryWeightOption) {
    const JobOptions o =
        parse_job(job({"--weights",        "lsoa.gpkg",  "--weight-field",      "adults",
                       "--weights-layer",  "lsoa",       "--weights-table",     "counts.csv",
                       "--weights-key",    "LSOA21CD",   "--weights-layer-key", "LSOA_CODE",
                       "--weights-filter", "age=18+",    "--weights-filter",    "sex!=all",
                       "--weights-crs",    "EPSG:27700", "--weights-name",      "grown-ups"}));
    ASSERT_TRUE(o.weights.has_value());
    EXPECT_EQ(o.weights->path, "lsoa.gpkg");
    EXPECT_EQ(o.weights->field, "adults");
    EXPECT_EQ(o.weights->layer, "lsoa");
    EXPECT_EQ(o.weights->table, "counts.csv");
    EXPECT_EQ(o.weights->table_key, "LSOA21CD");
    EXPECT_EQ(o.weights->layer_key, "LSOA_CODE");
    EXPECT_EQ(o.weights->filters, (std::vector<std::string>{"age=18+", "sex!=all"}));
    EXPECT_EQ(o.weights->crs, "EPSG:27700");
    EXPECT_EQ(o.weights->name, "grown-ups");
    // Points without a count field count 1 each: --weights alone is enough.
    const JobOptions points = parse_job(job({"--weights", "postcodes.csv"}));
    ASSERT_TRUE(points.weights.has_value());
    EXPECT_EQ(points.weights->path, "postcodes.csv");
    EXPECT_EQ(points.weights->field, "");
    EXPECT_TRUE(points.weights->filters.empty());
}

TEST(ParseJob, CouncilIsRepeatableAndKeepsItsOrder) {
    const JobOptions o = parse_job(
        job({"--council", "Bromley", "--council", "E09000033", "--council", "Barking & Dagenham"}));
    EXPECT_EQ(o.councils, (std::vector<std::string>{"Bromley", "E09000033", "Barking & Dagenham"}));
}

TEST(ParseJob, EqualsSignsAndAnyOrder) {
    const JobOptions o = parse_job({"--knife-edge=1.5", "--new=b.gpkg", "-o", "x", "--old=a.gpkg"});
    EXPECT_EQ(o.old_path, "a.gpkg");
    EXPECT_EQ(o.new_path, "b.gpkg");
    EXPECT_EQ(o.seats.knife_edge_pct, 1.5);
    EXPECT_EQ(o.output_dir, "x");
}

// --- usage errors -----------------------------------------------------------------------------

TEST(ParseJob, OldAndNewAreRequired) {
    EXPECT_EQ(usage_error({}), "--old is required");
    EXPECT_EQ(usage_error({"--new", "new.gpkg"}), "--old is required");
    EXPECT_EQ(usage_error({"--old", "old.gpkg"}), "--new is required");
    // An empty path is none.
    EXPECT_EQ(usage_error({"--old", "", "--new", "new.gpkg"}), "--old is required");
}

TEST(ParseJob, OptionsThatNeedAnotherSaySo) {
    EXPECT_EQ(usage_error(job({"--results-wards", "w.csv"})), "--results-wards needs --results");
    EXPECT_EQ(usage_error(job({"--actual", "a.csv"})), "--actual needs --results to compare with");
    EXPECT_EQ(usage_error(job({"--results", "r.csv", "--actual-wards", "w.csv"})),
              "--actual-wards needs --actual");
    EXPECT_EQ(usage_error(job({"--party-alias", "p.csv"})), "--party-alias needs --results");
    EXPECT_EQ(usage_error(job({"--crosswalk-update"})), "--crosswalk-update needs --crosswalk");
    EXPECT_EQ(usage_error(job({"--old-electorate", "e.csv"})),
              "--old-electorate needs --new-electorate");
    // Every option of the weights is refused without them, never ignored.
    for (const Args& weights :
         {Args{"--weight-field", "adults"}, Args{"--weights-layer", "l"},
          Args{"--weights-table", "t.csv"}, Args{"--weights-key", "k"},
          Args{"--weights-layer-key", "k"}, Args{"--weights-filter", "a=b"},
          Args{"--weights-crs", "EPSG:27700"}, Args{"--weights-name", "adults"}}) {
        EXPECT_EQ(usage_error(job(weights)), weights.front() + " needs --weights");
    }
    // A table of counts is joined by a key and holds the count.
    EXPECT_EQ(
        usage_error(job({"--weights", "w.shp", "--weights-table", "t.csv", "--weight-field", "n"})),
        "--weights-table needs --weights-key");
    EXPECT_EQ(
        usage_error(job({"--weights", "w.shp", "--weights-table", "t.csv", "--weights-key", "k"})),
        "--weights-table needs --weight-field");
    EXPECT_EQ(usage_error(job({"--share-top"})),
              "--share-top needs --actual: it chooses the shares compared");
}

TEST(ParseJob, SeatsFromAFileOrAFieldNotBoth) {
    EXPECT_EQ(usage_error(job({"--new-seats", "s.csv", "--new-seats-field", "SEATS"})),
              "--new-seats and --new-seats-field both give seats; choose one");
}

TEST(ParseJob, UnknownFormatsAndSeatMethodsNameTheOptionAndTheValue) {
    EXPECT_EQ(usage_error(job({"--results-format", "xlsx"})),
              "--results-format: 'xlsx' is no results format: auto, dc, gla, hoc or canonical");
    EXPECT_EQ(usage_error(job({"--actual-format", "json"})),
              "--actual-format: 'json' is no results format: auto, dc, gla, hoc or canonical");
    EXPECT_EQ(
        usage_error(job({"--seat-method", "d'hondt"})),
        "--seat-method: 'd'hondt' is no seat rule: rank-slot, block, block-top or continuity");
}

TEST(ParseJob, NumbersOutOfTheirRangeAreRefused) {
    EXPECT_EQ(usage_error(job({"--knife-edge=-1"})),
              "--knife-edge is a percentage of ballots from 0 to 100");
    EXPECT_EQ(usage_error(job({"--knife-edge", "100.5"})),
              "--knife-edge is a percentage of ballots from 0 to 100");
    EXPECT_EQ(usage_error(job({"--knife-edge", "nan"})),
              "--knife-edge is a percentage of ballots from 0 to 100");
    EXPECT_EQ(usage_error(job({"--max-lost", "101"})), "--max-lost is a percentage from 0 to 100");
    EXPECT_EQ(usage_error(job({"--max-lost=-0.5"})), "--max-lost is a percentage from 0 to 100");
    EXPECT_EQ(usage_error(job({"--max-uncovered", "150"})),
              "--max-uncovered is a percentage from 0 to 100");
    EXPECT_EQ(usage_error(job({"--min-piece=-1"})), "--min-piece must be 0 or more");
    EXPECT_EQ(usage_error(job({"--noise-width=-2"})), "--noise-width must be 0 or more");
    // Signed on the way in, so that -1 is not 4294967295 threads.
    EXPECT_EQ(usage_error(job({"--threads=-1"})), "--threads must be 0 (one per core) or more");
    EXPECT_EQ(usage_error(job({"--threads", "5000000000"})),
              "--threads must be 0 (one per core) or more");
    // As many as asked: the overlay starts no more than the cores and the work allow.
    EXPECT_EQ(parse_job(job({"--threads", "100000"})).overlay.threads, 100000U);
}

TEST(ParseJob, WhatBoostRefusesIsAUsageErrorNamingTheOption) {
    // A negative number after a space is read as an option, so the value is missing.
    EXPECT_TRUE(contains(usage_error(job({"--knife-edge", "-1"})), "--knife-edge")) << "-1";
    const std::string not_a_number = usage_error(job({"--knife-edge", "two"}));
    EXPECT_TRUE(contains(not_a_number, "--knife-edge")) << not_a_number;
    EXPECT_TRUE(contains(not_a_number, "invalid")) << not_a_number;
    // No guessing: an abbreviation is an unknown option, not the one it begins.
    const std::string abbreviated = usage_error(job({"--knife", "3"}));
    EXPECT_TRUE(contains(abbreviated, "unrecognised option '--knife'")) << abbreviated;
    const std::string unknown = usage_error(job({"--olde", "x"}));
    EXPECT_TRUE(contains(unknown, "unrecognised option '--olde'")) << unknown;
    const std::string twice = usage_error(job({"--old", "again.gpkg"}));
    EXPECT_TRUE(contains(twice, "'--old' cannot be specified more than once")) << twice;
    const std::string missing = usage_error({"--old", "a.gpkg", "--new"});
    EXPECT_TRUE(contains(missing, "the required argument for option '--new' is missing"))
        << missing;
    // The main job's messages have no subcommand before them.
    EXPECT_FALSE(contains(unknown, "compare:")) << unknown;
}

// --- local support ---------------------------------------------------------------------------

TEST(ParseJob, EachSupportTakesTheResultsWardsAndFormatGivenAfterIt) {
    const Args base = job({"--results", "ge.csv", "--weights", "people.csv"});
    Args args = base;
    for (const char* arg :
         {"--support", "london.gpkg", "--support-results", "gla.csv", "--support-wards=wards.csv",
          "--support", "dc2018.gpkg", "--support-format", "dc", "--support-results", "dc.csv"}) {
        args.emplace_back(arg);
    }
    const JobOptions o = parse_job(args);
    ASSERT_EQ(o.supports.size(), 2U);
    EXPECT_EQ(o.supports[0].layer_path, "london.gpkg");
    EXPECT_EQ(o.supports[0].results_path, "gla.csv");
    EXPECT_EQ(o.supports[0].wards_path, std::optional<std::string>("wards.csv"));
    EXPECT_EQ(o.supports[0].format, model::ResultsFormat::automatic);
    EXPECT_EQ(o.supports[1].layer_path, "dc2018.gpkg");
    EXPECT_EQ(o.supports[1].results_path, "dc.csv");
    EXPECT_FALSE(o.supports[1].wards_path.has_value());
    EXPECT_EQ(o.supports[1].format, model::ResultsFormat::democracy_club);
    EXPECT_TRUE(parse_job(base).supports.empty());

    auto with = [&](const Args& more) {
        Args all = base;
        all.insert(all.end(), more.begin(), more.end());
        return usage_error(all);
    };
    EXPECT_EQ(with({"--support-results", "gla.csv", "--support", "london.gpkg"}),
              "--support-results must follow its --support LAYER");
    EXPECT_EQ(with({"--support", "london.gpkg"}),
              "--support london.gpkg needs its --support-results");
    EXPECT_EQ(
        with({"--support", "l.gpkg", "--support-results", "a.csv", "--support-results", "b.csv"}),
        "two --support-results for the --support l.gpkg");
    EXPECT_TRUE(contains(
        with({"--support", "l.gpkg", "--support-results", "a.csv", "--support-format", "xlsx"}),
        "--support-format: 'xlsx'"));
    EXPECT_EQ(usage_error(job(
                  {"--results", "ge.csv", "--support", "l.gpkg", "--support-results", "a.csv"})),
              "--support needs --weights: support is measured among people");
}

}  // namespace
}  // namespace notional::cli
