/// The binary's habits with its outputs and options, on the demo: earlier runs are not
/// overwritten unless asked, compare never writes into its base, options are checked and
/// errors name the option the user gave.
#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "core/csv.hpp"
#include "support.hpp"

namespace notional::test {
namespace {

TEST(Outputs, AnEarlierRunIsRefusedUnlessOverwriteAndThenNoStaleFileIsLeft) {
    TempDir dir;
    const auto out = dir / "out";
    ASSERT_EQ(run(demo_job(out, with_actual)).exit_code, 0);
    const std::string report = read_text(out / "report.md");
    // Again into the same directory: refused before any work, the earlier run untouched.
    const CommandResult again = run(demo_job(out));
    EXPECT_EQ(again.exit_code, 2);
    EXPECT_TRUE(contains(again.err, out.string() + " holds an earlier run's outputs (notional.csv"))
        << again.err;
    EXPECT_TRUE(contains(again.err, "replace them, or write elsewhere (options: --overwrite, -o)"))
        << again.err;
    EXPECT_EQ(std::count(again.err.begin(), again.err.end(), '\n'), 1);
    EXPECT_EQ(read_text(out / "report.md"), report);
    // With --overwrite, and without --actual this time: the comparison of the earlier run
    // does not stay beside outputs it no longer belongs to.
    const CommandResult replaced = run(demo_job(out, "--overwrite"));
    ASSERT_EQ(replaced.exit_code, 0) << replaced.err;
    EXPECT_EQ(files_in(out), (std::vector<std::string>{"council.csv", "crosswalk.csv", "ledger.csv",
                                                       "manifest.json", "notional.csv",
                                                       "notional.geojson", "uncovered.geojson"}));
    // Files that are not ours are left alone.
    write_text(out / "notes.txt", "mine");
    ASSERT_EQ(run(demo_job(out, "--overwrite")).exit_code, 0);
    EXPECT_EQ(read_text(out / "notes.txt"), "mine");
}

TEST(Outputs, CompareNeverWritesIntoItsBase) {
    TempDir dir;
    const auto base = dir / "base";
    ASSERT_EQ(run(demo_job(base, "--new-seats " + demo + "new_seats.csv")).exit_code, 0);
    const auto before = files_in(base);
    const std::string compare =
        bin + " compare --notional " + base.string() + " --actual " + demo + "results_2022.csv";
    const CommandResult into = run(compare + " -o " + base.string());
    EXPECT_EQ(into.exit_code, 2);
    EXPECT_TRUE(contains(into.err, "holds a notional base; write the comparison elsewhere"))
        << into.err;
    EXPECT_EQ(files_in(base), before);
    // Without -o it writes to comparison-out in the working directory, not beside the base.
    const CommandResult plain = run("cd " + dir.path().string() + " && " + compare);
    ASSERT_EQ(plain.exit_code, 0) << plain.err;
    EXPECT_EQ(files_in(dir / "comparison-out"),
              (std::vector<std::string>{"comparison.csv", "comparison.geojson", "manifest.json",
                                        "report.html", "report.md"}));
    EXPECT_EQ(files_in(base), before);
    // A second comparison there needs --overwrite.
    EXPECT_EQ(run("cd " + dir.path().string() + " && " + compare).exit_code, 2);
    EXPECT_EQ(run("cd " + dir.path().string() + " && " + compare + " --overwrite").exit_code, 0);
}

TEST(Outputs, WithoutGeojsonTheTablesAndReportsAreAsWithTheMaps) {
    TempDir dir;
    const std::string seats = "--new-seats " + demo + "new_seats.csv " + with_actual;
    ASSERT_EQ(run(demo_job(dir / "maps", seats)).exit_code, 0);
    const auto out = dir / "tables";
    ASSERT_EQ(run(demo_job(out, seats)).exit_code, 0);
    // Over a run with maps: the maps it no longer writes are swept with --overwrite.
    const CommandResult tables = run(demo_job(out, seats + " --no-geojson --overwrite"));
    ASSERT_EQ(tables.exit_code, 0) << tables.err;
    EXPECT_EQ(files_in(out), (std::vector<std::string>{
                                 "comparison.csv", "council.csv", "crosswalk.csv", "ledger.csv",
                                 "manifest.json", "notional.csv", "report.html", "report.md"}));
    for (const auto& file : files_in(out)) {
        if (file == "manifest.json") continue;
        EXPECT_EQ(read_text(out / file), read_text(dir / "maps" / file)) << file;
    }
    EXPECT_TRUE(contains(read_text(out / "manifest.json"), R"("geojson": false)"));
    EXPECT_TRUE(contains(read_text(dir / "maps" / "manifest.json"), R"("geojson": true)"));
    // notional compare maps the base's wards: without its map it says so, in one line.
    const CommandResult compare = run(bin + " compare --notional " + out.string() + " " +
                                      with_actual + " -o " + (dir / "compared").string());
    EXPECT_EQ(compare.exit_code, 1);
    EXPECT_EQ(compare.err, "notional: " + (out / "notional.geojson").string() +
                               ": absent beside the base (made with --no-geojson?); the "
                               "comparison maps the base's wards: make the base again without "
                               "--no-geojson\n");
    EXPECT_FALSE(std::filesystem::exists(dir / "compared" / "comparison.csv"));
}

TEST(Options, TheKnifeEdgeIsCheckedAndTheReportUsesIt) {
    TempDir dir;
    const CommandResult negative = run(demo_job(dir / "a", with_actual + " --knife-edge -3"));
    EXPECT_EQ(negative.exit_code, 2);
    EXPECT_TRUE(contains(negative.err, "--knife-edge is a percentage of ballots from 0 to 100"))
        << negative.err;
    // Westbury's notional margin is 2.69% of ballots (data/README.md): a knife-edge under 3%,
    // not under the default 2%.
    ASSERT_EQ(run(demo_job(dir / "b", with_actual + " --knife-edge 3")).exit_code, 0);
    const std::string report = read_text(dir / "b" / "report.md");
    EXPECT_TRUE(contains(report, "Notional margins under 3.0% of ballots (--knife-edge)"))
        << report;
    EXPECT_TRUE(contains(report, "- Westbury (E05900101): notional margin 2.69%")) << report;
    ASSERT_EQ(run(demo_job(dir / "c", with_actual)).exit_code, 0);
    const std::string plain = read_text(dir / "c" / "report.md");
    EXPECT_TRUE(contains(plain, "Notional margins under 2.0% of ballots")) << plain;
    EXPECT_FALSE(contains(plain, "- Westbury (E05900101): notional margin")) << plain;
}

TEST(Options, ErrorsNameTheOptionTheUserGave) {
    TempDir dir;
    const CommandResult compare = run(bin + " compare --notional " + dir.path().string() +
                                      " --actual x.csv --actual-format bogus");
    EXPECT_EQ(compare.exit_code, 2);
    EXPECT_TRUE(contains(compare.err,
                         "compare: --actual-format: 'bogus' is no results format: auto, dc, gla, "
                         "hoc or canonical"))
        << compare.err;
    const CommandResult job = run(demo_job(dir / "out", with_actual + " --actual-format bogus"));
    EXPECT_EQ(job.exit_code, 2);
    EXPECT_TRUE(contains(job.err, "notional: --actual-format: 'bogus' is no")) << job.err;
    // A file of no format it knows names the option of the file it came in.
    const auto odd = dir / "odd.csv";
    write_text(odd, "a,b\n1,2\n");
    ASSERT_EQ(run(demo_job(dir / "base", "--new-seats " + demo + "new_seats.csv")).exit_code, 0);
    const CommandResult unknown =
        run(bin + " compare --notional " + (dir / "base").string() + " --actual " + odd.string() +
            " -o " + (dir / "cmp").string());
    EXPECT_TRUE(contains(unknown.err, "odd.csv: not a results format notional knows"))
        << unknown.err;
    EXPECT_TRUE(contains(unknown.err, "(options: --actual-format)\n")) << unknown.err;
    const CommandResult results = run(demo_job(dir / "out", "--results-format bogus"));
    EXPECT_TRUE(contains(results.err, "notional: --results-format: 'bogus' is no")) << results.err;
    const CommandResult uncovered = run(demo_job(dir / "out", "--max-uncovered 120"));
    EXPECT_EQ(uncovered.exit_code, 2);
    EXPECT_TRUE(contains(uncovered.err, "--max-uncovered is a percentage")) << uncovered.err;
}

TEST(Crosswalks, RolesGoByNameWhenARakingDoesNotConverge) {
    TempDir dir;
    // New Abbey (E05900102) draws on old Abbey alone, which goes nowhere else: no raking can
    // give it a thousand times the others' electors, so area+raked does not converge.
    write_text(dir / "electorate.csv",
               "ward_code,electorate\nE05900101,100\nE05900102,100000\nE05900103,100\n"
               "E05900104,100\nE05900105,100\n");
    const CommandResult result =
        run(demo_job(dir / "out", "--new-electorate " + (dir / "electorate.csv").string()));
    ASSERT_EQ(result.exit_code, 0) << result.err;
    EXPECT_TRUE(contains(result.out, "area+raked: did NOT converge")) << result.out;
    EXPECT_TRUE(contains(result.out, "crosswalk    area (chosen), area+raked")) << result.out;
    // crosswalk.csv's area is the area crosswalk's: the quarter of old Southfield now in Fern
    // Hill is 1,000,000 m² (to the millimetre drawing's square metre), not the raked weight.
    const auto crosswalk = notional::read_csv(dir / "out" / "crosswalk.csv");
    bool found = false;
    for (const auto& row : crosswalk.rows) {
        if (row[0] != "E05900005" || row[1] != "E05900103") continue;
        found = true;
        EXPECT_NEAR(std::stod(row[crosswalk.require("area_m2")]), 1'000'000.0, 10.0);
        EXPECT_NEAR(std::stod(row[crosswalk.require("share_of_old")]), 0.25, 1e-5);
    }
    EXPECT_TRUE(found);
}

TEST(Crosswalks, ASavedCrosswalkKnowsWhatItWasMeasuredOn) {
    TempDir dir;
    const std::string saved = (dir / "saved.csv").string();
    const CommandResult first = run(demo_job(dir / "a", "--crosswalk " + saved));
    ASSERT_EQ(first.exit_code, 0) << first.err;
    EXPECT_TRUE(contains(first.out, "saved        crosswalks measured and saved to " + saved))
        << first.out;
    const std::string file = read_text(saved);
    EXPECT_TRUE(contains(file, "input,old.features,5,")) << file;
    EXPECT_TRUE(contains(file, "input,new.geometry_sha256,")) << file;
    EXPECT_TRUE(contains(file, "input,min_piece_m2,1.000000,")) << file;
    const CommandResult same = run(demo_job(dir / "b", "--crosswalk " + saved));
    ASSERT_EQ(same.exit_code, 0) << same.err;
    EXPECT_TRUE(contains(same.out, "reloaded from " + saved + ", measured on these inputs"))
        << same.out;

    // Another drawing of the same new wards (simplified by ogr2ogr): the codes match, the
    // shapes do not, and a reload would move votes the overlay of this drawing would not.
    const auto simplified = dir / "simplified.geojson";
    ASSERT_EQ(std::system(("ogr2ogr -f GeoJSON -simplify 0.0005 " + simplified.string() + " " +
                           demo + "new_wards.geojson")
                              .c_str()),
              0);
    const std::string other = bin + " --old " + demo + "old_wards.geojson --new " +
                              simplified.string() + " --results " + demo + "results_2018.csv";
    const CommandResult refused =
        run(other + " -o " + (dir / "c").string() + " --crosswalk " + saved);
    EXPECT_EQ(refused.exit_code, 1);
    EXPECT_TRUE(contains(refused.err, saved + ": measured on other inputs than these "
                                              "(new.geometry_sha256 differs"))
        << refused.err;
    EXPECT_TRUE(contains(refused.err, "(options: --crosswalk-update, --crosswalk)\n"))
        << refused.err;
    EXPECT_TRUE(files_in(dir / "c").empty());
    // An option that shapes the pieces is an input too.
    const CommandResult sliver =
        run(demo_job(dir / "d", "--crosswalk " + saved + " --min-piece 10"));
    EXPECT_TRUE(contains(sliver.err, "min_piece_m2 was 1.000000, is 10.000000")) << sliver.err;
    // With --crosswalk-update it measures again, says so, and saves the new record.
    const CommandResult updated = run(other + " -o " + (dir / "e").string() + " --crosswalk " +
                                      saved + " --crosswalk-update");
    ASSERT_EQ(updated.exit_code, 0) << updated.err;
    EXPECT_TRUE(contains(updated.out, "measured again and saved to " + saved +
                                          ", as asked: new.geometry_sha256 differs"))
        << updated.out;
    EXPECT_EQ(run(other + " -o " + (dir / "f").string() + " --crosswalk " + saved).exit_code, 0);
}

/// The fields of the one layer in `path`, as ogrinfo lists them: "name: Type (width.precision)".
std::vector<std::string> fields_of(const std::filesystem::path& path) {
    const CommandResult info = run("ogrinfo -ro -so -al " + path.string());
    EXPECT_EQ(info.exit_code, 0) << info.err;
    std::vector<std::string> names;
    std::istringstream lines(info.out);
    for (std::string line; std::getline(lines, line);) {
        const auto colon = line.find(": ");
        if (colon == std::string::npos || line.find(" (") == std::string::npos) continue;
        const std::string type = line.substr(colon + 2, line.find(" (") - colon - 2);
        if (type == "String" || type == "Integer" || type == "Integer64" || type == "Real" ||
            type == "Integer(Boolean)") {
            names.push_back(line.substr(0, colon));
        }
    }
    return names;
}

TEST(Cli, TheMapsKeepTheirFieldNamesAsAShapefile) {
    if (run("ogr2ogr --version").exit_code != 0) GTEST_SKIP() << "ogr2ogr (gdal-bin) is absent";
    TempDir dir;
    ASSERT_EQ(run(demo_job(dir / "out", "--actual " + demo + "results_2022.csv")).exit_code, 0);
    for (const char* name : {"notional", "comparison", "uncovered"}) {
        SCOPED_TRACE(name);
        const auto geojson = dir / "out" / (std::string(name) + ".geojson");
        const auto shapefile = dir / (std::string(name) + ".shp");
        const CommandResult converted =
            run("ogr2ogr -f 'ESRI Shapefile' " + shapefile.string() + " " + geojson.string());
        ASSERT_EQ(converted.exit_code, 0) << converted.err;
        // GDAL warns when it must shorten or rename a field ("Normalized/laundered").
        EXPECT_EQ(converted.err, "");
        const auto before = fields_of(geojson);
        EXPECT_GT(before.size(), 5U);
        EXPECT_EQ(fields_of(shapefile), before);
    }
    // The demo's independent (IND-margaret-oakley) goes by her place in code order: P3.
    const auto notional = fields_of(dir / "out" / "notional.geojson");
    EXPECT_NE(std::find(notional.begin(), notional.end(), "P3_v"), notional.end());
    EXPECT_NE(std::find(notional.begin(), notional.end(), "LAB_s"), notional.end());
    const auto council = notional::read_csv(dir / "out" / "council.csv");
    for (const auto& row : council.rows) {
        if (row[council.require("party")] == "IND-margaret-oakley") {
            EXPECT_EQ(row[council.require("field")], "P3");
        }
    }
}

TEST(Quiet, PrintsNothingYetWritesEverythingAndStillSaysWhatFailed) {
    TempDir dir;
    const auto out = dir / "out";
    const CommandResult quiet =
        run(demo_job(out, "--new-seats " + demo + "new_seats.csv " + with_actual + " --quiet"));
    ASSERT_EQ(quiet.exit_code, 0) << quiet.err;
    EXPECT_EQ(quiet.out, "");
    EXPECT_EQ(quiet.err, "");
    EXPECT_TRUE(std::filesystem::exists(out / "report.md"));
    // An error is no summary: it goes to stderr with its exit code.
    const CommandResult again = run(demo_job(out, "-q"));
    EXPECT_EQ(again.exit_code, 2);
    EXPECT_EQ(again.out, "");
    EXPECT_TRUE(contains(again.err, "holds an earlier run's outputs")) << again.err;
    const std::string compare = bin + " compare --quiet --notional " + out.string() + " --actual " +
                                demo + "results_2022.csv -o ";
    const CommandResult compared = run(compare + (dir / "c").string());
    EXPECT_EQ(compared.exit_code, 0) << compared.err;
    EXPECT_EQ(compared.out, "");
    EXPECT_EQ(compared.err, "");
    EXPECT_TRUE(std::filesystem::exists(dir / "c" / "report.md"));
    const CommandResult into_base = run(compare + out.string());
    EXPECT_EQ(into_base.exit_code, 2);
    EXPECT_EQ(into_base.out, "");
    EXPECT_TRUE(contains(into_base.err, "holds a notional base")) << into_base.err;
}

TEST(Timings, OneLineOnStderrOfEachPhaseWhoseTimesAddUpToTheTotal) {
    TempDir dir;
    const CommandResult timed = run(demo_job(dir / "out", "--quiet --timings"));
    ASSERT_EQ(timed.exit_code, 0) << timed.err;
    EXPECT_EQ(timed.out, "");
    // "timings      read old 0.00 s, read new 0.00 s, read results 0.00 s, ...; other 0.01 s,
    // total 0.09 s": the results are read beside the maps, and their phase is the wait after.
    ASSERT_TRUE(timed.err.starts_with("timings      read old ")) << timed.err;
    ASSERT_EQ(std::count(timed.err.begin(), timed.err.end(), '\n'), 1) << timed.err;
    for (const char* phase : {", read new ", ", read results ", ", overlay ", ", allocating ",
                              ", writing ", "; other "}) {
        EXPECT_TRUE(contains(timed.err, phase)) << phase << " in " << timed.err;
    }
    double phases_s = 0.0;
    double total_s = 0.0;
    std::istringstream words(timed.err);
    std::string word;
    std::string before;
    while (words >> word) {
        char* end = nullptr;
        const double value = std::strtod(word.c_str(), &end);
        if (end != word.c_str() && *end == '\0') {
            if (before == "total") {
                total_s = value;
            } else {
                phases_s += value;
            }
        }
        before = word;
    }
    EXPECT_GT(total_s, 0.0) << timed.err;
    EXPECT_NEAR(phases_s, total_s, 0.005 * 9) << timed.err;  // each figure rounded to 0.01 s
}

}  // namespace
}  // namespace notional::test
