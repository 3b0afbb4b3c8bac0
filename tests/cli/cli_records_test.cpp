/// What a run records of itself beside its outputs, read back: manifest.json's inputs checked
/// against the files (size and SHA-256 computed here), and --summary-json against the text
/// summary, number for number.
#include <cstdio>
#include <string>
#include <vector>

#include <cpl_json.h>
#include <gtest/gtest.h>

#include "core/sha256.hpp"
#include "support.hpp"

namespace notional::test {
namespace {

/// The JSON file at `path`, parsed; a test failure when it does not parse.
CPLJSONObject parsed(const std::filesystem::path& path) {
    CPLJSONDocument document;
    EXPECT_TRUE(document.LoadMemory(read_text(path))) << path << " is no JSON";
    return document.GetRoot();
}

/// The number after `label` in the text: "results      34 candidates" and "results" give 34.
double number_after(const std::string& text, const std::string& label) {
    const auto at = text.find(label);
    if (at == std::string::npos) {
        ADD_FAILURE() << "no '" << label << "' in\n" << text;
        return -1.0;
    }
    double value = -1.0;
    EXPECT_EQ(std::sscanf(text.c_str() + at + label.size(), "%lf", &value), 1) << label;
    return value;
}

const std::string seats_and_actual = "--new-seats " + demo + "new_seats.csv " + with_actual;

TEST(Manifest, NamesEveryInputWithItsSizeAndDigestAndEveryOutput) {
    TempDir dir;
    const auto out = dir / "out";
    const CommandResult result = run(demo_job(out, seats_and_actual));
    ASSERT_EQ(result.exit_code, 0) << result.err;
    const CPLJSONObject manifest = parsed(out / "manifest.json");
    EXPECT_EQ(manifest.GetString("tool"), "notional");
    EXPECT_EQ("notional " + manifest.GetString("version") + "\n", run(bin + " --version").out);
    const CPLJSONArray command_line = manifest.GetArray("command_line");
    ASSERT_GT(command_line.Size(), 2);
    EXPECT_EQ(command_line[0].ToString(), bin);
    EXPECT_EQ(command_line[1].ToString(), "--old");
    EXPECT_EQ(command_line[2].ToString(), demo + "old_wards.geojson");

    const std::vector<std::pair<std::string, std::string>> expected{{"old", "old_wards.geojson"},
                                                                    {"new", "new_wards.geojson"},
                                                                    {"results", "results_2018.csv"},
                                                                    {"actual", "results_2022.csv"},
                                                                    {"new-seats", "new_seats.csv"}};
    const CPLJSONArray inputs = manifest.GetArray("inputs");
    ASSERT_EQ(inputs.Size(), static_cast<int>(expected.size()));
    for (const auto& [role, file] : expected) {
        bool found = false;
        for (int i = 0; i < inputs.Size(); ++i) {
            if (inputs[i].GetString("role") != role) continue;
            found = true;
            const std::string path = demo + file;
            EXPECT_EQ(inputs[i].GetString("path"), path);
            EXPECT_EQ(inputs[i].GetLong("bytes"),
                      static_cast<GInt64>(std::filesystem::file_size(path)))
                << role;
            // Digested here from the bytes read whole, not as notional streams them.
            EXPECT_EQ(inputs[i].GetString("sha256"), sha256_hex(read_text(path))) << role;
        }
        EXPECT_TRUE(found) << role << " is not among the inputs";
    }
    EXPECT_EQ(manifest.GetString("crs"),
              "EPSG:27700 (OSGB36 / British National Grid), the old layer's");
    EXPECT_EQ(manifest.GetString("crosswalk"), "area");
    EXPECT_EQ(manifest.GetString("seat_rule"), "rank-slot");
    EXPECT_EQ(manifest.GetString("options/seat_method"), "rank-slot");
    // Fractions of 1, as every share in the outputs: --knife-edge 2 and --max-lost 0.1 (%).
    EXPECT_DOUBLE_EQ(manifest.GetDouble("options/knife_edge_margin"), 0.02);
    EXPECT_DOUBLE_EQ(manifest.GetDouble("options/max_lost"), 0.001);
    EXPECT_EQ(manifest.GetString("options/share_convention"), "total");

    std::vector<std::string> outputs;
    const CPLJSONArray listed = manifest.GetArray("outputs");
    for (int i = 0; i < listed.Size(); ++i) outputs.push_back(listed[i].ToString());
    std::sort(outputs.begin(), outputs.end());
    EXPECT_EQ(outputs, files_in(out));
}

TEST(Manifest, AShapefileIsDigestedWithEachOfItsSidecars) {
    if (run("ogr2ogr --version").exit_code != 0) GTEST_SKIP() << "ogr2ogr (gdal-bin) is absent";
    TempDir dir;
    const auto shp = dir / "old.shp";
    ASSERT_EQ(run("ogr2ogr -f 'ESRI Shapefile' " + shp.string() + " " + demo + "old_wards.geojson")
                  .exit_code,
              0);
    const auto out = dir / "out";
    const std::string job = bin + " --old " + shp.string() + " --new " + demo +
                            "new_wards.geojson --results " + demo + "results_2018.csv -o " +
                            out.string();
    ASSERT_EQ(run(job).exit_code, 0);
    const CPLJSONArray inputs = parsed(out / "manifest.json").GetArray("inputs");
    ASSERT_EQ(inputs.Size(), 3);
    EXPECT_EQ(inputs[0].GetString("path"), shp.string());
    EXPECT_EQ(inputs[0].GetString("sha256"), sha256_hex(read_text(shp)));
    std::vector<std::string> expected;  // the sidecars ogr2ogr wrote, in the manifest's order
    for (const char* extension : {".dbf", ".shx", ".prj", ".cpg"}) {
        auto sidecar = shp;
        if (std::filesystem::exists(sidecar.replace_extension(extension))) {
            expected.push_back(sidecar.string());
        }
    }
    ASSERT_GE(expected.size(), 3U);  // .dbf, .shx and .prj at least
    const CPLJSONArray sidecars = inputs[0].GetArray("sidecars");
    ASSERT_EQ(sidecars.Size(), static_cast<int>(expected.size()));
    for (int i = 0; i < sidecars.Size(); ++i) {
        const std::string& path = expected[static_cast<std::size_t>(i)];
        EXPECT_EQ(sidecars[i].GetString("path"), path);
        EXPECT_EQ(sidecars[i].GetLong("bytes"),
                  static_cast<GInt64>(std::filesystem::file_size(path)));
        EXPECT_EQ(sidecars[i].GetString("sha256"), sha256_hex(read_text(path))) << path;
    }
    // The other inputs after it, each digested, none with sidecars.
    EXPECT_EQ(inputs[1].GetString("role"), "new");
    EXPECT_EQ(inputs[1].GetString("sha256"), sha256_hex(read_text(demo + "new_wards.geojson")));
    EXPECT_FALSE(inputs[1].GetArray("sidecars").IsValid());
    EXPECT_EQ(inputs[2].GetString("sha256"), sha256_hex(read_text(demo + "results_2018.csv")));
}

TEST(Manifest, CompareWritesOneNamingItsBase) {
    TempDir dir;
    ASSERT_EQ(run(demo_job(dir / "base", "--new-seats " + demo + "new_seats.csv")).exit_code, 0);
    const auto out = dir / "out";
    const CommandResult result = run(bin + " compare --notional " + (dir / "base").string() +
                                     " --actual " + demo + "results_2022.csv -o " + out.string());
    ASSERT_EQ(result.exit_code, 0) << result.err;
    EXPECT_EQ(files_in(out),
              (std::vector<std::string>{"comparison.csv", "comparison.geojson", "manifest.json",
                                        "report.html", "report.md"}));
    const CPLJSONObject manifest = parsed(out / "manifest.json");
    const CPLJSONArray inputs = manifest.GetArray("inputs");
    ASSERT_EQ(inputs.Size(), 3);
    EXPECT_EQ(inputs[0].GetString("role"), "notional");
    const auto base_csv = dir / "base" / "notional.csv";
    EXPECT_EQ(inputs[0].GetString("sha256"), sha256_hex(read_text(base_csv)));
    EXPECT_EQ(inputs[0].GetLong("bytes"),
              static_cast<GInt64>(std::filesystem::file_size(base_csv)));
    EXPECT_EQ(inputs[2].GetString("role"), "actual");
    EXPECT_EQ(inputs[2].GetString("sha256"), sha256_hex(read_text(demo + "results_2022.csv")));
}

TEST(SummaryJson, GivesTheTextSummarysNumbers) {
    TempDir dir;
    const auto out = dir / "out";
    const auto json_path = dir / "summary.json";
    const CommandResult result =
        run(demo_job(out, seats_and_actual + " --summary-json " + json_path.string()));
    ASSERT_EQ(result.exit_code, 0) << result.err;
    const std::string& text = result.out;
    const CPLJSONObject json = parsed(json_path);
    EXPECT_EQ(json.GetLong("old_wards/wards"), number_after(text, "old wards    "));
    EXPECT_EQ(json.GetLong("overlay/pieces"), number_after(text, "overlay      "));
    EXPECT_EQ(json.GetLong("outline/beyond"), number_after(text, "outline      "));
    EXPECT_EQ(json.GetLong("results/candidates"), number_after(text, "results      "));
    EXPECT_EQ(json.GetLong("results/seats"), number_after(text, "wards, "));
    EXPECT_EQ(json.GetLong("change/unchanged"), number_after(text, "change       "));
    EXPECT_EQ(json.GetLong("seats/total"), number_after(text, "seats        "));
    EXPECT_EQ(json.GetLong("seats/knife_edge"),
              number_after(text, "notional seats by rank-slot; "));
    EXPECT_EQ(json.GetLong("comparison/verdicts/GENUINE"), number_after(text, "verdicts     "));
    EXPECT_NEAR(json.GetDouble("rounded/kept"), number_after(text, "rounded      "), 0.5);
    EXPECT_NEAR(json.GetDouble("lost/votes"), number_after(text, "lost         "), 5e-5);
    // The party table: the first party's line and the total line, column by column.
    const CPLJSONArray parties = json.GetArray("parties_table");
    ASSERT_GT(parties.Size(), 0);
    for (const auto& line : {parties[0], json.GetObj("all")}) {
        const std::string label = "\n  " + line.GetString("party") + " ";
        const auto at = text.find(label);
        ASSERT_NE(at, std::string::npos) << label;
        int seats = 0;
        int notional = 0;
        double old_votes = 0.0;
        double new_votes = 0.0;
        ASSERT_EQ(std::sscanf(text.c_str() + at + label.size(), "%d %d %lf %lf", &seats, &notional,
                              &old_votes, &new_votes),
                  4);
        EXPECT_EQ(line.GetInteger("seats"), seats);
        EXPECT_EQ(line.GetInteger("notional"), notional);
        EXPECT_NEAR(line.GetDouble("old_votes"), old_votes, 0.5);
        EXPECT_NEAR(line.GetDouble("new_votes"), new_votes, 5e-5);
    }
    // Its outputs are the text summary's, itself and the manifest among them.
    const CPLJSONArray outputs = json.GetArray("outputs");
    std::string listed = "\noutputs";
    for (int i = 0; i < outputs.Size(); ++i) listed += "\n  " + outputs[i].ToString();
    EXPECT_TRUE(contains(text, listed + "\n")) << listed;
    EXPECT_TRUE(contains(listed, json_path.string()));
}

TEST(SummaryJson, IsWrittenWithTheOtherOutputsOrNotAtAll) {
    TempDir dir;
    const auto json_path = dir / "summary.json";
    // A run that fails (too many votes lost) writes neither the outputs nor the JSON.
    const CommandResult failed =
        run(demo_job(dir / "out", "--max-lost 0 --summary-json " + json_path.string()));
    ASSERT_EQ(failed.exit_code, 1) << failed.err;
    EXPECT_FALSE(std::filesystem::exists(json_path));
    EXPECT_TRUE(files_in(dir / "out").empty());
}

}  // namespace
}  // namespace notional::test
