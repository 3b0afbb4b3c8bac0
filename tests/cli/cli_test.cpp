/// The notional binary end to end on the demo borough (data/demo): exit codes, stderr, outputs.
#include <map>
#include <string>

#include <gtest/gtest.h>

#include "core/csv.hpp"
#include "support.hpp"

namespace notional::test {
namespace {

/// notional.csv as (ward code, party) -> votes.
std::map<std::pair<std::string, std::string>, double> notional_votes(
    const std::filesystem::path& csv) {
    const auto table = notional::read_csv(csv);
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

TEST(Cli, VersionStandsAlone) {
    const CommandResult result = run(bin + " --version");
    EXPECT_EQ(result.exit_code, 0);
    // "notional 0.1.0": the name, a space, three numbers and dots, one line.
    ASSERT_TRUE(result.out.starts_with("notional ")) << result.out;
    const std::string version = result.out.substr(9);
    EXPECT_EQ(std::count(version.begin(), version.end(), '.'), 2) << result.out;
    EXPECT_EQ(version.find_first_not_of("0123456789.\n"), std::string::npos) << result.out;
    EXPECT_TRUE(version.ends_with("\n")) << result.out;
    EXPECT_EQ(std::count(version.begin(), version.end(), '\n'), 1) << result.out;
    EXPECT_EQ(result.err, "");
    const CommandResult with_more = run(bin + " --old a --new b --version");
    EXPECT_EQ(with_more.exit_code, 2);
    EXPECT_EQ(with_more.err, "notional: --version stands alone (see notional --help)\n");
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

TEST(Cli, ABadResultsFileIsToldBeforeABadMapAndAnOldMapBeforeANewThoughReadTogether) {
    TempDir dir;
    // The results, read beside the maps, have a vote that is no number; the new map (read beside
    // the old) has a ward without a code. The results' line is told, whichever failed first.
    std::string results = read_text(demo + "results_2018.csv");
    const std::string row = "Harriet Lowe,1360,";
    ASSERT_NE(results.find(row), std::string::npos);
    results.replace(results.find(row), row.size(), "Harriet Lowe,13x0,");
    std::string map = read_text(demo + "new_wards.geojson");
    const std::string code = "\"WD22CD\": \"E05900101\"";
    ASSERT_NE(map.find(code), std::string::npos);
    map.replace(map.find(code), code.size(), "\"WD22CD\": \"\"");
    const CommandResult result =
        run(bin + " --old " + demo + "old_wards.geojson --new " +
            dir.write("new.geojson", map).string() + " --results " +
            dir.write("results.csv", results).string() + " -o " + (dir / "out").string());
    EXPECT_EQ(result.exit_code, 1);
    EXPECT_TRUE(contains(result.err, "results.csv")) << result.err;
    EXPECT_TRUE(contains(result.err, "13x0")) << result.err;
    EXPECT_EQ(std::count(result.err.begin(), result.err.end(), '\n'), 1) << result.err;
    EXPECT_TRUE(files_in(dir / "out").empty());
    // The map alone fails on its own line.
    const CommandResult map_alone =
        run(bin + " --old " + demo + "old_wards.geojson --new " + (dir / "new.geojson").string() +
            " --results " + demo + "results_2018.csv -o " + (dir / "out").string());
    EXPECT_EQ(map_alone.exit_code, 1);
    EXPECT_TRUE(contains(map_alone.err, "new.geojson")) << map_alone.err;
    EXPECT_TRUE(contains(map_alone.err, "empty ward code")) << map_alone.err;
    // Both maps bad, read side by side: the old map's line is told.
    std::string old_map = read_text(demo + "old_wards.geojson");
    const std::string old_code = "\"GSS_CODE\": \"E05900001\"";
    ASSERT_NE(old_map.find(old_code), std::string::npos);
    old_map.replace(old_map.find(old_code), old_code.size(), "\"GSS_CODE\": \"\"");
    const CommandResult both =
        run(bin + " --old " + dir.write("old.geojson", old_map).string() + " --new " +
            (dir / "new.geojson").string() + " -o " + (dir / "out").string());
    EXPECT_EQ(both.exit_code, 1);
    EXPECT_TRUE(contains(both.err, "old.geojson")) << both.err;
    EXPECT_EQ(std::count(both.err.begin(), both.err.end(), '\n'), 1) << both.err;
}

// The expected votes are the README's, worked by hand from the demo's shoelace areas: e.g.
// Westbury takes all of old Westbury and 1/5 of old Fern Hill, so its LAB notional is
// 2539 + 1284.4/... (see data/README.md, "Expected notional 2018 votes").
TEST(Cli, DemoGivesTheHandWorkedNotionals) {
    TempDir dir;
    const CommandResult result = run(demo_job(dir / "out"));
    ASSERT_EQ(result.exit_code, 0) << result.err;
    EXPECT_EQ(result.err, "");
    EXPECT_EQ(
        files_in(dir / "out"),
        (std::vector<std::string>{"council.csv", "crosswalk.csv", "ledger.csv", "manifest.json",
                                  "notional.csv", "notional.geojson", "uncovered.geojson"}));
    auto votes = notional_votes(dir / "out" / "notional.csv");
    // Tolerance 0.01: the new wards went through lon/lat and back, which moves the lines by
    // about a millimetre; that shifts the share of a ward by less than 1e-6.
    const double tolerance = 0.01;
    EXPECT_NEAR((votes[{"E05900101", "CON"}]), 3275.80, tolerance);
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
    // The 2018 total, less 0.0007 lost in slivers; the 6 m² of three old wards beyond the new
    // map's outline (round-trip noise) hold no votes: theirs are spread over the rest, as are
    // Kingsmead's 0.76 m², under a sliver and not counted.
    EXPECT_NEAR(total, 33922.0, 0.002);
    EXPECT_NE(result.out.find("lost         0.0007 votes"), std::string::npos) << result.out;
    EXPECT_NE(
        result.out.find("outline      3 old wards reach beyond the new map's outline by 6 m²"),
        std::string::npos)
        << result.out;

    const auto crosswalk = notional::read_csv(dir / "out" / "crosswalk.csv");
    EXPECT_EQ(crosswalk.header,
              (std::vector<std::string>{"old_code", "new_code", "area_m2", "share_of_old",
                                        "share_of_new", "weight"}));
    const std::string geojson = read_text(dir / "out" / "notional.geojson");
    EXPECT_NE(geojson.find("\"LAB_v\": 3823.40"), std::string::npos);  // 3823.40 by hand
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

/// The properties of one ward in notional.geojson, as text: from its ward_code to the next.
std::string ward_properties(const std::string& geojson, const std::string& code) {
    const auto start = geojson.find("\"ward_code\": \"" + code + "\"");
    if (start == std::string::npos) return {};
    return geojson.substr(start, geojson.find("\"geometry\"", start) - start);
}

TEST(Cli, DemoNotionalSeatsMarginsAndChangeClasses) {
    TempDir dir;
    const CommandResult result =
        run(demo_job(dir / "out", "--new-seats " + demo + "new_seats.csv"));
    ASSERT_EQ(result.exit_code, 0) << result.err;
    const std::string geojson = read_text(dir / "out" / "notional.geojson");
    // Westbury: slots LAB 1298 + 2205/5 = 1739 and 1241 + 2130/5 = 1667, CON 1360 + 1020/5 =
    // 1564: LAB wins both by 103 votes, 2.687% (0.02687) of 3105 + 3640/5 = 3833 ballots.
    const std::string westbury = ward_properties(geojson, "E05900101");
    EXPECT_NE(westbury.find("\"winners\": \"LAB,LAB\""), std::string::npos) << westbury;
    EXPECT_NE(westbury.find("\"margin_v\": 103.0"), std::string::npos) << westbury;
    EXPECT_NE(westbury.find("\"margin\": 0.02687"), std::string::npos) << westbury;
    EXPECT_NE(westbury.find("\"knife_edge\": false"), std::string::npos) << westbury;
    EXPECT_NE(westbury.find("\"boundary\": \"major\""), std::string::npos) << westbury;
    EXPECT_NE(westbury.find("\"no_ballots\": false"), std::string::npos);  // given
    EXPECT_NE(westbury.find("\"extended\": false"), std::string::npos);
    // Fern Hill's three seats draw on one-seat Southfield too: its single candidates' votes stand
    // in for the second and third ranks it never had.
    EXPECT_NE(ward_properties(geojson, "E05900103").find("\"extended\": true"), std::string::npos);
    // Abbey is unchanged, so it keeps its 2018 result: LAB 1688, 1602 and CON 1530 elected,
    // LAB 1455 first loser: a margin of 75.
    const std::string abbey = ward_properties(geojson, "E05900102");
    EXPECT_NE(abbey.find("\"boundary\": \"unchanged\""), std::string::npos) << abbey;
    EXPECT_NE(abbey.find("\"estimated\": 0.0"), std::string::npos) << abbey;
    EXPECT_NE(abbey.find("\"winners\": \"LAB,LAB,CON\""), std::string::npos) << abbey;
    EXPECT_NE(abbey.find("\"margin_v\": 75.0"), std::string::npos) << abbey;
    // Southfield: CON 702 x 3/4 = 526.5 against the independent's 488 carried whole.
    const std::string southfield = ward_properties(geojson, "E05900105");
    EXPECT_NE(southfield.find("\"winners\": \"CON\""), std::string::npos);
    EXPECT_NE(southfield.find("\"margin_v\": 38.5"), std::string::npos) << southfield;
    // Council: LAB 2 + 2 + 3 = 7, CON 1 + 2 + 1 = 4, against LAB 5, CON 6 elected in 2018.
    EXPECT_NE(result.out.find("11 notional seats by rank-slot; 0 knife-edge"), std::string::npos)
        << result.out;
    const auto council = notional::read_csv(dir / "out" / "council.csv");
    std::map<std::string, std::pair<std::string, std::string>> seats;
    for (const auto& row : council.rows) {
        seats[row[0]] = {row[council.require("old_seats")], row[council.require("notional_seats")]};
    }
    EXPECT_EQ(seats["LAB"], (std::pair<std::string, std::string>{"5", "7"}));
    EXPECT_EQ(seats["CON"], (std::pair<std::string, std::string>{"6", "4"}));
    // The rounded votes keep every party's total: 33,922 less the 0.013 lost rounds to 33,922.
    const auto notional = notional::read_csv(dir / "out" / "notional.csv");
    long long rounded = 0;
    for (const auto& row : notional.rows)
        rounded += std::stoll(row[notional.require("votes_rounded")]);
    EXPECT_EQ(rounded, 33922);
}

TEST(Cli, SeatMethodsAreChosenByName) {
    TempDir dir;
    const std::string seats = "--new-seats " + demo + "new_seats.csv";
    const CommandResult continuity = run(demo_job(dir / "c", seats + " --seat-method continuity"));
    ASSERT_EQ(continuity.exit_code, 0) << continuity.err;
    // Abbey and Kingsmead and Cheyne are their old wards whole; Southfield keeps 3/4 of old
    // Southfield but is all of its own (100% both ways fails): rank-slot stands in there.
    EXPECT_NE(continuity.out.find("(2 wards by continuity, the rest rank-slot)"), std::string::npos)
        << continuity.out;
    EXPECT_EQ(run(demo_job(dir / "b", seats + " --seat-method block")).exit_code, 0);
    const CommandResult bad = run(demo_job(dir / "x", seats + " --seat-method lottery"));
    EXPECT_EQ(bad.exit_code, 2);
    EXPECT_TRUE(contains(bad.err,
                         "--seat-method: 'lottery' is no seat rule: rank-slot, block, "
                         "block-top or continuity"))
        << bad.err;
}

TEST(Cli, ActualElectionAgainstTheNotionals) {
    TempDir dir;
    // Seats come from the 2022 winners themselves: no --new-seats needed.
    const CommandResult result =
        run(demo_job(dir / "out", "--actual " + demo + "results_2022.csv"));
    ASSERT_EQ(result.exit_code, 0) << result.err;
    const auto comparison = notional::read_csv(dir / "out" / "comparison.csv");
    std::map<std::pair<std::string, std::string>, std::vector<std::string>> rows;
    for (const auto& row : comparison.rows) rows[{row[0], row[comparison.require("party")]}] = row;
    const auto column = [&](const char* name) { return comparison.require(name); };
    // Westbury: CON won both seats of old Westbury in 2018 and LAB both of new Westbury in
    // 2022, but LAB held both notionally under every seat rule: a boundary artefact.
    const auto& westbury = rows[{"E05900101", "LAB"}];
    ASSERT_FALSE(westbury.empty());
    EXPECT_EQ(westbury[column("label")], "LAB hold (notional)");
    EXPECT_EQ(westbury[column("verdict")], "BOUNDARY ARTEFACT x2");
    EXPECT_EQ(westbury[column("predecessor_seats")], "0");
    EXPECT_EQ(westbury[column("change")], "0");
    // Kingsmead and Cheyne is its old ward renamed: a real gain, and no "(notional)".
    const auto& kingsmead = rows[{"E05900104", "LD"}];
    ASSERT_FALSE(kingsmead.empty());
    EXPECT_EQ(kingsmead[column("label")], "LD gain from CON");
    EXPECT_EQ(kingsmead[column("verdict")], "GENUINE");
    EXPECT_EQ(kingsmead[column("change")], "1");
    // Abbey is unchanged and held: no verdict, no "(notional)".
    EXPECT_EQ((rows[{"E05900102", "LAB"}][column("label")]), "LAB and CON hold");
    EXPECT_EQ((rows[{"E05900102", "LAB"}][column("verdict")]), "");

    const std::string report = read_text(dir / "out" / "report.md");
    EXPECT_NE(report.find("| LAB (Labour) | 5 | 7 | 7 | +2 | 0 | 0 | 0 |"), std::string::npos)
        << report;  // the press's +2 is no real change
    EXPECT_NE(report.find("| Westbury | LAB hold (notional) | LAB | 2 | BOUNDARY ARTEFACT x2 |"),
              std::string::npos)
        << report;
    const std::string geojson = read_text(dir / "out" / "comparison.geojson");
    EXPECT_NE(geojson.find("\"label\": \"LD gain from CON\""), std::string::npos);
    // A gain in the gainer's own colour, a hold paler: Westbury a Labour hold, Kingsmead and
    // Cheyne a Liberal Democrat gain in a ward the Conservatives still lead.
    const std::string hold = ward_properties(geojson, "E05900101");
    EXPECT_NE(hold.find("\"fill\": \"#f38ca7\", \"stroke\": \"#e4003b\""), std::string::npos)
        << hold;
    EXPECT_NE(ward_properties(geojson, "E05900104")
                  .find("\"fill\": \"#faa61a\", \"stroke\": \"#0087dc\""),
              std::string::npos);
    EXPECT_NE(result.out.find("1 GENUINE, 2 BOUNDARY ARTEFACT, 0 UNCERTAIN"), std::string::npos)
        << result.out;

    // The compare subcommand on the saved base gives the same comparison to the byte.
    const CommandResult again =
        run(bin + " compare --notional " + (dir / "out").string() + " --actual " + demo +
            "results_2022.csv -o " + (dir / "again").string());
    ASSERT_EQ(again.exit_code, 0) << again.err;
    EXPECT_EQ(read_text(dir / "again" / "comparison.csv"),
              read_text(dir / "out" / "comparison.csv"));
    EXPECT_EQ(files_in(dir / "again"),
              (std::vector<std::string>{"comparison.csv", "comparison.geojson", "manifest.json",
                                        "report.html", "report.md"}));
}

TEST(Cli, CompareNeedsItsInputs) {
    TempDir dir;
    EXPECT_EQ(run(bin + " --old a --new b --actual c.csv").exit_code, 2);  // nothing to compare
    const CommandResult help = run(bin + " compare --help");
    EXPECT_EQ(help.exit_code, 0);
    EXPECT_NE(help.out.find("--notional"), std::string::npos);
    const CommandResult missing = run(bin + " compare --actual x.csv");
    EXPECT_EQ(missing.exit_code, 2);
    EXPECT_NE(missing.err.find("--notional is required"), std::string::npos);
    const CommandResult absent = run(bin + " compare --notional " + (dir / "none").string() +
                                     " --actual " + demo + "results_2022.csv");
    EXPECT_EQ(absent.exit_code, 1);
    EXPECT_NE(absent.err.find("notional.csv"), std::string::npos) << absent.err;
}

TEST(Cli, ACrosswalkSavedAndReloadedGivesTheSameResults) {
    TempDir dir;
    const std::string saved = (dir / "fernbridge-crosswalk.csv").string();
    const CommandResult first = run(demo_job(dir / "a", "--crosswalk " + saved));
    ASSERT_EQ(first.exit_code, 0) << first.err;
    EXPECT_TRUE(std::filesystem::exists(saved));
    EXPECT_NE(first.out.find(saved), std::string::npos);  // listed among the outputs
    const CommandResult second = run(demo_job(dir / "b", "--crosswalk " + saved));
    ASSERT_EQ(second.exit_code, 0) << second.err;
    EXPECT_NE(second.out.find("the crosswalks were reloaded from"), std::string::npos);
    // Every output alike, but the shapes of what no new ward covers: a saved crosswalk holds
    // their areas, not their shapes, so a reloaded run writes no uncovered.geojson.
    auto written = files_in(dir / "a");
    std::erase(written, "uncovered.geojson");
    EXPECT_EQ(files_in(dir / "b"), written);
    for (const auto& name : written) {
        if (name == "manifest.json") continue;  // the command lines differ, -o among them
        EXPECT_EQ(read_text(dir / "a" / name), read_text(dir / "b" / name)) << name;
    }
    // The reloaded crosswalk is an input of the second run; the first wrote it.
    EXPECT_FALSE(contains(read_text(dir / "a" / "manifest.json"), "\"role\": \"crosswalk\""));
    EXPECT_TRUE(contains(read_text(dir / "b" / "manifest.json"), "\"role\": \"crosswalk\""));
    // A saved crosswalk already holds its weights: new weights beside it are a usage error.
    const CommandResult both =
        run(demo_job(dir / "c", "--crosswalk " + saved + " --weights " + saved));
    EXPECT_EQ(both.exit_code, 2);
    // A crosswalk of other wards is refused, naming the row.
    write_text(
        dir / "other.csv",
        "kind,crosswalk,old_code,new_code,weight,noise\npiece,area,E05999999,E05900101,1,0\n");
    const CommandResult other =
        run(demo_job(dir / "d", "--crosswalk " + (dir / "other.csv").string()));
    EXPECT_EQ(other.exit_code, 1);
    EXPECT_NE(other.err.find("other.csv, line 2: old ward E05999999 is not in the old layer"),
              std::string::npos)
        << other.err;
}

TEST(Cli, OutputsAreReproducible) {
    TempDir dir;
    ASSERT_EQ(run(demo_job(dir / "a")).exit_code, 0);
    ASSERT_EQ(run(demo_job(dir / "b")).exit_code, 0);
    for (const auto& name : files_in(dir / "a")) {
        if (name == "manifest.json") continue;  // it records the command line, -o and all
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
              (std::vector<std::string>{"crosswalk.csv", "ledger.csv", "manifest.json",
                                        "notional.geojson", "uncovered.geojson"}));
    // With round-trip slivers (1-2 m²) dropped, the seven real pieces are left.
    EXPECT_EQ(notional::read_csv(dir / "out" / "crosswalk.csv").rows.size(), 7U);
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
    EXPECT_NE(result.err.find("'Atlantis' (line 2)"), std::string::npos) << result.err;
    EXPECT_NE(result.err.find("'Lyonesse' (line 4)"), std::string::npos) << result.err;
    EXPECT_EQ(std::count(result.err.begin(), result.err.end(), '\n'), 1);
    EXPECT_TRUE(files_in(dir / "out").empty());
}

TEST(Cli, LosingMoreThanTheToleranceFailsAndWritesNothing) {
    TempDir dir;
    // The new map without Southfield: old Southfield's 3/4 there has nowhere to go.
    const std::string job = demo_job(dir / "out", "--new-where \"WD22CD <> 'E05900105'\"");
    const CommandResult result = run(job);
    EXPECT_EQ(result.exit_code, 1);
    // Southfield had 1513 votes; 3/4 of it lies beyond the new map, more than the 50% that a
    // river or a coast explains, so 1134.75 votes are lost: 3.345% of 33,922.
    EXPECT_NE(result.err.find("the area crosswalk loses 1134.7 of 33922 votes (3.345%)"),
              std::string::npos)
        << result.err;
    EXPECT_NE(result.err.find("most from 'E05900005' 1134.7 (75% beyond the new map, more than "
                              "may be spread over the rest)"),
              std::string::npos)
        << result.err;
    EXPECT_TRUE(contains(result.err, "(options: --max-lost, --council, --max-uncovered)\n"))
        << result.err;
    EXPECT_EQ(result.err.find("'E05900001'"), std::string::npos);  // it loses nothing to speak of
    EXPECT_TRUE(files_in(dir / "out").empty());
    // A looser tolerance lets the run through, and the ledger says what was lost.
    ASSERT_EQ(run(job + " --max-lost 5").exit_code, 0);
    EXPECT_NE(read_text(dir / "out" / "ledger.csv").find("E05900005,Southfield"),
              std::string::npos);
}

}  // namespace
}  // namespace notional::test
