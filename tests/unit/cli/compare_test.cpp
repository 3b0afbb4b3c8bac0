/// Unit tests of cli/compare: `notional compare`'s options parsed into app::CompareOptions, with
/// no file read or written (the paths given need not exist).
#include <optional>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "cli/compare.hpp"
#include "core/error.hpp"
#include "support.hpp"

namespace notional::cli {
namespace {

using test::contains;
using test::message_of;

using Args = std::vector<std::string>;

/// The two options every comparison needs, then `more`.
Args comparison(const Args& more = {}) {
    Args args{"--notional", "base", "--actual", "actual.csv"};
    args.insert(args.end(), more.begin(), more.end());
    return args;
}

/// The UsageError parse_compare throws for `args`.
std::string usage_error(const Args& args) {
    return message_of<UsageError>([&] { (void)parse_compare(args); });
}

TEST(ParseCompare, DefaultsAreTheOptionTablesDefaults) {
    const CompareOptions o = parse_compare(comparison());
    EXPECT_FALSE(o.help);
    EXPECT_EQ(o.notional_path, "base");
    EXPECT_EQ(o.actual_path, "actual.csv");
    EXPECT_FALSE(o.actual_wards_path.has_value());
    EXPECT_EQ(o.actual_format, model::ResultsFormat::automatic);
    EXPECT_FALSE(o.party_alias_path.has_value());
    EXPECT_EQ(o.convention, model::ShareConvention::total);
    EXPECT_EQ(o.knife_edge_pct, 2.0);
    EXPECT_EQ(o.output_dir, "comparison-out");
    EXPECT_FALSE(o.overwrite);
}

TEST(ParseCompare, HelpNeedsNothingElse) {
    EXPECT_TRUE(parse_compare({"--help"}).help);
    EXPECT_TRUE(parse_compare({"-h"}).help);
    EXPECT_TRUE(parse_compare({"--actual", "a.csv", "--help"}).help);
}

TEST(ParseCompare, EachOptionGoesToItsField) {
    const CompareOptions o = parse_compare(comparison(
        {"--actual-format", "gla", "--actual-wards", "wards.csv", "--party-alias", "alias.csv",
         "--share-top", "--knife-edge", "0.5", "-o", "out", "--overwrite"}));
    EXPECT_EQ(o.actual_format, model::ResultsFormat::gla);
    EXPECT_EQ(o.actual_wards_path, std::optional<std::string>("wards.csv"));
    EXPECT_EQ(o.party_alias_path, std::optional<std::string>("alias.csv"));
    EXPECT_EQ(o.convention, model::ShareConvention::top);
    EXPECT_EQ(o.knife_edge_pct, 0.5);
    EXPECT_EQ(o.output_dir, "out");
    EXPECT_TRUE(o.overwrite);
    EXPECT_EQ(parse_compare(comparison({"--output", "o2"})).output_dir, "o2");
    EXPECT_EQ(parse_compare(comparison({"--actual-format", "DC"})).actual_format,
              model::ResultsFormat::democracy_club);
    EXPECT_EQ(parse_compare(comparison({"--actual-format", "canonical"})).actual_format,
              model::ResultsFormat::canonical);
    // The ends of the range are allowed.
    EXPECT_EQ(parse_compare(comparison({"--knife-edge", "0"})).knife_edge_pct, 0.0);
    EXPECT_EQ(parse_compare(comparison({"--knife-edge", "100"})).knife_edge_pct, 100.0);
}

TEST(ParseCompare, NotionalAndActualAreRequired) {
    EXPECT_EQ(usage_error({}), "compare: --notional is required");
    EXPECT_EQ(usage_error({"--actual", "a.csv"}), "compare: --notional is required");
    EXPECT_EQ(usage_error({"--notional", "base"}), "compare: --actual is required");
}

TEST(ParseCompare, BadValuesAreUsageErrors) {
    EXPECT_EQ(usage_error(comparison({"--knife-edge=-1"})),
              "compare: --knife-edge is a percentage of ballots from 0 to 100");
    EXPECT_EQ(usage_error(comparison({"--knife-edge", "250"})),
              "compare: --knife-edge is a percentage of ballots from 0 to 100");
    EXPECT_EQ(
        usage_error(comparison({"--actual-format", "xlsx"})),
        "compare: --actual-format: 'xlsx' is no results format: auto, dc, gla, hoc or canonical");
}

TEST(ParseCompare, WhatBoostRefusesIsPrefixedWithTheSubcommand) {
    const std::string unknown = usage_error(comparison({"--old", "x.gpkg"}));
    EXPECT_TRUE(unknown.starts_with("compare: ")) << unknown;
    EXPECT_TRUE(contains(unknown, "unrecognised option '--old'")) << unknown;
    const std::string not_a_number = usage_error(comparison({"--knife-edge", "wide"}));
    EXPECT_TRUE(not_a_number.starts_with("compare: ")) << not_a_number;
    EXPECT_TRUE(contains(not_a_number, "--knife-edge")) << not_a_number;
    const std::string twice = usage_error(comparison({"--actual", "b.csv"}));
    EXPECT_TRUE(contains(twice, "'--actual' cannot be specified more than once")) << twice;
}

}  // namespace
}  // namespace notional::cli
