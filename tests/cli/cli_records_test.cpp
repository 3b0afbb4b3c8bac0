/// What a run records of itself beside its outputs, read back: manifest.json's inputs checked
/// against the files (size and SHA-256 computed here).
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
    EXPECT_DOUBLE_EQ(manifest.GetDouble("options/knife_edge_pct"), 2.0);
    EXPECT_DOUBLE_EQ(manifest.GetDouble("options/max_lost_pct"), 0.1);
    EXPECT_EQ(manifest.GetString("options/share_convention"), "total");

    std::vector<std::string> outputs;
    const CPLJSONArray listed = manifest.GetArray("outputs");
    for (int i = 0; i < listed.Size(); ++i) outputs.push_back(listed[i].ToString());
    std::sort(outputs.begin(), outputs.end());
    EXPECT_EQ(outputs, files_in(out));
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

}  // namespace
}  // namespace notional::test
