/// Golden outputs, osmium-style: the demo's every output file and summary, byte for byte, with
/// exit code 0 and an empty stderr; and each subcommand's --help. The expected files live in
/// tests/cli/; after a change that means to change them, regenerate them with
/// NOTIONAL_UPDATE_GOLDEN=1 and read the diff.
#include <cstdlib>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "support.hpp"

namespace notional::test {
namespace {

const std::filesystem::path golden = NOTIONAL_GOLDEN;

/// Paths that differ from machine to machine, written as placeholders.
std::string portable(std::string text, const std::filesystem::path& out) {
    for (const auto& [from, to] :
         std::vector<std::pair<std::string, std::string>>{{out.string(), "OUT"}, {demo, "DEMO/"}}) {
        for (auto at = text.find(from); at != std::string::npos; at = text.find(from, at)) {
            text.replace(at, from.size(), to);
        }
    }
    return text;
}

/// manifest.json made portable: the paths as portable() writes them, the binary as BIN and the
/// version as VERSION (cli_records_test checks both).
std::string portable_manifest(std::string text, const std::filesystem::path& out) {
    text = portable(std::move(text), out);
    for (auto at = text.find(bin); at != std::string::npos; at = text.find(bin, at)) {
        text.replace(at, bin.size(), "BIN");
    }
    const std::string version = "\"version\": \"";
    const auto from = text.find(version);
    if (from != std::string::npos) {
        const auto start = from + version.size();
        text.replace(start, text.find('"', start) - start, "VERSION");
    }
    return text;
}

/// Compares `actual` with the golden file `name`, or writes it when asked to update.
void expect_golden(const std::string& name, const std::string& actual) {
    const auto path = golden / name;
    if (std::getenv("NOTIONAL_UPDATE_GOLDEN")) {
        std::filesystem::create_directories(path.parent_path());
        write_text(path, actual);
        return;
    }
    ASSERT_TRUE(std::filesystem::exists(path)) << path << " is missing";
    EXPECT_EQ(actual, read_text(path)) << name << " differs from its golden file";
}

/// Runs `arguments` into a fresh directory and checks the summary and every file written.
void expect_run(const std::string& name, const std::string& arguments) {
    TempDir dir;
    const auto out = dir / "out";
    const CommandResult result = run(bin + " " + arguments + " -o " + out.string());
    ASSERT_EQ(result.exit_code, 0) << result.err;
    EXPECT_EQ(result.err, "");
    expect_golden(name + "/summary.txt", portable(result.out, out));
    const auto files = files_in(out);
    expect_golden(name + "/files.txt", [&] {
        std::string list;
        for (const auto& file : files) list += file + "\n";
        return list;
    }());
    for (const auto& file : files) {
        const std::string text = read_text(out / file);
        expect_golden(name + "/" + file,
                      file == "manifest.json" ? portable_manifest(text, out) : text);
    }
}

const std::string job = "--old " + demo + "old_wards.geojson --new " + demo +
                        "new_wards.geojson --results " + demo + "results_2018.csv";

TEST(Golden, TheDemoJob) {
    expect_run("job", job);
}

TEST(Golden, TheDemoJobWithSeatsAndTheComparison) {
    expect_run("comparison", job + " --new-seats " + demo + "new_seats.csv --actual " + demo +
                                 "results_2022.csv");
}

TEST(Golden, TheBoundariesAlone) {
    expect_run("boundaries",
               "--old " + demo + "old_wards.geojson --new " + demo + "new_wards.geojson");
}

TEST(Golden, CompareOnASavedBase) {
    TempDir dir;
    ASSERT_EQ(run(bin + " " + job + " --new-seats " + demo + "new_seats.csv -o " +
                  (dir / "base").string())
                  .exit_code,
              0);
    const auto out = dir / "out";
    const CommandResult result = run(bin + " compare --notional " + (dir / "base").string() +
                                     " --actual " + demo + "results_2022.csv -o " + out.string());
    ASSERT_EQ(result.exit_code, 0) << result.err;
    EXPECT_EQ(result.err, "");
    auto with_base = [&](std::string text) {
        const std::string base = (dir / "base").string();
        for (auto at = text.find(base); at != std::string::npos; at = text.find(base, at)) {
            text.replace(at, base.size(), "BASE");
        }
        return text;
    };
    expect_golden("compare/summary.txt", portable(with_base(result.out), out));
    for (const auto& file : files_in(out)) {
        const std::string text = read_text(out / file);
        expect_golden("compare/" + file,
                      file == "manifest.json" ? portable_manifest(with_base(text), out) : text);
    }
}

TEST(Golden, HelpOfEachSubcommand) {
    for (const auto& [name, arguments] : std::vector<std::pair<std::string, std::string>>{
             {"help/notional.txt", "--help"}, {"help/compare.txt", "compare --help"}}) {
        const CommandResult result = run(bin + " " + arguments);
        EXPECT_EQ(result.exit_code, 0) << arguments;
        EXPECT_EQ(result.err, "") << arguments;
        expect_golden(name, result.out);
    }
}

}  // namespace
}  // namespace notional::test
