/// The notional binary end to end on the demo borough (data/demo): exit codes, stderr, outputs.
#include <map>

#include <gtest/gtest.h>

#include "model/csv.hpp"
#include "support.hpp"

namespace notional::test {
namespace {

const std::string bin = NOTIONAL_BIN;
const std::string demo = std::string(NOTIONAL_DATA) + "/demo/";

std::string demo_job(const std::filesystem::path& out, const std::string& extra = "") {
    return bin + " --old " + demo + "old_wards.geojson --new " + demo + "new_wards.geojson" +
           " --results " + demo + "results_2018.csv -o " + out.string() + " " + extra;
}

/// notional.csv as (ward code, party) -> votes.
std::map<std::pair<std::string, std::string>, double> notional_votes(
    const std::filesystem::path& csv) {
    const auto table = model::read_csv(csv);
    std::map<std::pair<std::string, std::string>, double> votes;
    for (const auto& row : table.rows) {
        votes[{row[table.require("ward_code")], row[table.require("party")]}] =
            std::stod(row[table.require("votes")]);
    }
    return votes;
}

TEST(Cli, HelpExitsZeroAndListsTheOptions) {
    const CommandResult result = run(bin + " --help");
    EXPECT_EQ(result.exit_code, 0);
    EXPECT_NE(result.out.find("--old"), std::string::npos);
    EXPECT_NE(result.out.find("--max-lost"), std::string::npos);
    EXPECT_EQ(result.err, "");
}

TEST(Cli, MissingOptionIsAUsageErrorOnOneLine) {
    const CommandResult result = run(bin + " --new x.gpkg");
    EXPECT_EQ(result.exit_code, 2);
    EXPECT_NE(result.err.find("--old is required"), std::string::npos);
    EXPECT_EQ(std::count(result.err.begin(), result.err.end(), '\n'), 1);
    EXPECT_EQ(run(bin + " --old a --new b --bogus").exit_code, 2);
    EXPECT_EQ(run(bin + " --old a --new b --max-lost -1").exit_code, 2);
}

TEST(Cli, MissingFileFailsNamingItAndWritesNothing) {
    TempDir dir;
    const CommandResult result = run(bin + " --old " + demo + "nope.gpkg --new " + demo +
                                     "new_wards.geojson -o " + (dir / "out").string());
    EXPECT_EQ(result.exit_code, 1);
    EXPECT_NE(result.err.find("nope.gpkg"), std::string::npos);
    EXPECT_EQ(std::count(result.err.begin(), result.err.end(), '\n'), 1);
    EXPECT_TRUE(files_in(dir / "out").empty());
}

// The expected votes are the README's, worked by hand from the demo's shoelace areas: e.g.
// Westbury takes all of old Westbury and 1/5 of old Fern Hill, so its LAB notional is
// 2539 + 1284.4/... (see data/README.md, "Expected notional 2018 votes").
TEST(Cli, DemoGivesTheHandWorkedNotionals) {
    TempDir dir;
    const CommandResult result = run(demo_job(dir / "out"));
    ASSERT_EQ(result.exit_code, 0) << result.err;
    EXPECT_EQ(result.err, "");
    EXPECT_EQ(files_in(dir / "out"),
              (std::vector<std::string>{"council.csv", "crosswalk.csv", "ledger.csv",
                                        "notional.csv", "notional.geojson"}));
    auto votes = notional_votes(dir / "out" / "notional.csv");
    // Tolerance 0.01: the new wards went through lon/lat and back, which moves the lines by
    // about a millimetre; that shifts the share of a ward by less than 1e-6.
    const double tolerance = 0.01;
    EXPECT_NEAR((votes[{"E05900101", "CON"}]), 3352.80, tolerance);
    EXPECT_NEAR((votes[{"E05900101", "LAB"}]), 3823.40, tolerance);
    EXPECT_NEAR((votes[{"E05900103", "LAB"}]), 5185.10, tolerance);
    // The independent goes whole to Southfield, which takes 3/4 of her old ward.
    EXPECT_NEAR((votes[{"E05900105", "IND-margaret-oakley"}]), 488.00, tolerance);
    EXPECT_EQ(votes.count({"E05900103", "IND-margaret-oakley"}), 0U);
    EXPECT_NEAR((votes[{"E05900105", "GRN"}]), 38.25, tolerance);
    EXPECT_NEAR((votes[{"E05900104", "LD"}]), 2122.00, tolerance);     // an unchanged, renamed ward
    EXPECT_EQ(votes.count({"E05900101", "IND-margaret-oakley"}), 0U);  // she never stood there

    double total = 0.0;
    for (const auto& [key, v] : votes) total += v;
    EXPECT_NEAR(total, 33999.0, 0.02);  // the 2018 total, less 0.013 lost to round-trip noise
    EXPECT_NE(result.out.find("lost         0.0131 votes"), std::string::npos) << result.out;

    const auto crosswalk = model::read_csv(dir / "out" / "crosswalk.csv");
    EXPECT_EQ(crosswalk.header, (std::vector<std::string>{"old_code", "new_code", "area_m2",
                                                          "share_of_old", "share_of_new"}));
    const std::string geojson = read_text(dir / "out" / "notional.geojson");
    EXPECT_NE(geojson.find("\"LAB_votes\": 3823.3"), std::string::npos);  // 3823.40 less noise
    // Westbury: 4.0 of 5.6 km² from old Westbury (5/7), 1.6 from Fern Hill (2/7).
    EXPECT_NE(geojson.find("\"sources\": \"E05900001:0.71428"), std::string::npos);
    EXPECT_NE(geojson.find(";E05900003:0.28571"), std::string::npos);
}

TEST(Cli, SplitIndependentsSpreadsThemLikeParties) {
    TempDir dir;
    ASSERT_EQ(run(demo_job(dir / "out", "--split-independents")).exit_code, 0);
    auto votes = notional_votes(dir / "out" / "notional.csv");
    // Old Southfield: 1/4 to Fern Hill, 3/4 to new Southfield; she had 488.
    EXPECT_NEAR((votes[{"E05900103", "IND-margaret-oakley"}]), 122.00, 0.01);
    EXPECT_NEAR((votes[{"E05900105", "IND-margaret-oakley"}]), 366.00, 0.01);
}

TEST(Cli, OutputsAreReproducible) {
    TempDir dir;
    ASSERT_EQ(run(demo_job(dir / "a")).exit_code, 0);
    ASSERT_EQ(run(demo_job(dir / "b")).exit_code, 0);
    for (const auto& name : files_in(dir / "a")) {
        EXPECT_EQ(read_text(dir / "a" / name), read_text(dir / "b" / name)) << name;
    }
}

TEST(Cli, WithoutResultsWritesTheCrosswalkOnly) {
    TempDir dir;
    const CommandResult result =
        run(bin + " --old " + demo + "old_wards.geojson --new " + demo +
            "new_wards.geojson --min-piece 10 -o " + (dir / "out").string());
    ASSERT_EQ(result.exit_code, 0) << result.err;
    EXPECT_EQ(files_in(dir / "out"),
              (std::vector<std::string>{"crosswalk.csv", "ledger.csv", "notional.geojson"}));
    // With round-trip slivers (1-2 m²) dropped, the seven real pieces are left.
    EXPECT_EQ(model::read_csv(dir / "out" / "crosswalk.csv").rows.size(), 7U);
}

TEST(Cli, UnmatchedWardsAreListedInOneLineAndNothingIsWritten) {
    TempDir dir;
    write_text(dir / "results.csv",
               "ward,party,candidate,votes,elected\n"
               "Atlantis,LAB,A Person,100,true\n"
               "E05900001,CON,B Person,90,true\n"
               "Lyonesse,CON,C Person,80,true\n");
    const CommandResult result =
        run(bin + " --old " + demo + "old_wards.geojson --new " + demo +
            "new_wards.geojson --results " + (dir / "results.csv").string() + " -o " +
            (dir / "out").string());
    EXPECT_EQ(result.exit_code, 1);
    EXPECT_NE(result.err.find("2 of 3 wards match no polygon"), std::string::npos) << result.err;
    EXPECT_NE(result.err.find("'Atlantis' (row 2)"), std::string::npos) << result.err;
    EXPECT_NE(result.err.find("'Lyonesse' (row 4)"), std::string::npos) << result.err;
    EXPECT_EQ(std::count(result.err.begin(), result.err.end(), '\n'), 1);
    EXPECT_TRUE(files_in(dir / "out").empty());
}

TEST(Cli, LosingMoreThanTheToleranceFailsAndWritesNothing) {
    TempDir dir;
    // The new map without Southfield: old Southfield's 3/4 there has nowhere to go.
    const CommandResult cut = run("ogr2ogr -f GeoJSON " + (dir / "cut.geojson").string() + " " +
                                  demo + "new_wards.geojson -where \"WD22CD <> 'E05900105'\"");
    ASSERT_EQ(cut.exit_code, 0) << cut.err;
    const std::string job = bin + " --old " + demo + "old_wards.geojson --new " +
                            (dir / "cut.geojson").string() + " --results " + demo +
                            "results_2018.csv -o " + (dir / "out").string();
    const CommandResult result = run(job);
    EXPECT_EQ(result.exit_code, 1);
    // Southfield had 1513 votes; 3/4 of them, 1134.75, fall outside: 3.338% of 33,999.
    EXPECT_NE(result.err.find("1134.8 of 33999 votes (3.338%) fall outside"), std::string::npos)
        << result.err;
    EXPECT_NE(result.err.find("most from 'E05900005' 1134.7"), std::string::npos) << result.err;
    EXPECT_EQ(result.err.find("'E05900001'"), std::string::npos);  // it loses nothing to speak of
    EXPECT_TRUE(files_in(dir / "out").empty());
    // A looser tolerance lets the run through, and the ledger says what was lost.
    ASSERT_EQ(run(job + " --max-lost 5").exit_code, 0);
    EXPECT_NE(read_text(dir / "out" / "ledger.csv").find("E05900005,Southfield"),
              std::string::npos);
}

}  // namespace
}  // namespace notional::test
