#pragma once
/// Test helpers: a temporary directory, the message of an expected exception, files, running the
/// binary, and results written in code.
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "model/results.hpp"

namespace notional::test {

/// The message of the `E` that `f` throws; a test failure when it throws nothing or another type.
template <typename E, typename F>
std::string message_of(F&& f) {
    try {
        f();
    } catch (const E& error) {
        return error.what();
    } catch (const std::exception& error) {
        ADD_FAILURE() << "threw the wrong type: " << error.what();
        return {};
    }
    ADD_FAILURE() << "threw nothing";
    return {};
}

inline bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

inline std::string read_text(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

inline void write_text(const std::filesystem::path& path, const std::string& text) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << text;
    out.close();
    EXPECT_TRUE(out.good()) << "cannot write " << path;
}

/// A fresh, uniquely named temporary directory for one test, removed when the test ends.
class TempDir {
public:
    TempDir() {
        static std::atomic<int> counter{0};
        const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
        const std::string test =
            info ? std::string(info->test_suite_name()) + "." + info->name() : std::string("none");
        m_path = std::filesystem::temp_directory_path() /
                 ("notional-test-" + std::to_string(static_cast<long>(::getpid())) + "-" +
                  std::to_string(counter++) + "-" + test);
        std::filesystem::remove_all(m_path);
        std::filesystem::create_directories(m_path);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    ~TempDir() {
        std::error_code ignored;
        std::filesystem::remove_all(m_path, ignored);
    }

    [[nodiscard]] const std::filesystem::path& path() const { return m_path; }
    [[nodiscard]] std::filesystem::path operator/(const std::string& name) const {
        return m_path / name;
    }

    /// Writes `content` byte for byte to `name` inside the directory and returns its path.
    std::filesystem::path write(const std::string& name, const std::string& content) const {
        write_text(m_path / name, content);
        return m_path / name;
    }

private:
    std::filesystem::path m_path;
};

/// Files in a directory (names only, sorted); empty when it does not exist.
inline std::vector<std::string> files_in(const std::filesystem::path& directory) {
    std::vector<std::string> names;
    if (!std::filesystem::exists(directory)) return names;
    for (const auto& entry : std::filesystem::directory_iterator(directory)) {
        names.push_back(entry.path().filename().string());
    }
    std::sort(names.begin(), names.end());
    return names;
}

struct CommandResult {
    int exit_code = -1;
    std::string out, err;
};

/// Runs a shell command line, capturing stdout and stderr apart.
inline CommandResult run(const std::string& command) {
    TempDir dir;
    const auto out = dir / "stdout", err = dir / "stderr";
    const std::string line = command + " >" + out.string() + " 2>" + err.string();
    const int status = std::system(line.c_str());
    CommandResult result;
    result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    result.out = read_text(out);
    result.err = read_text(err);
    return result;
}

#ifdef NOTIONAL_DATA
/// The main job on the demo borough (data/demo), its outputs in `out`.
inline std::string demo_job(const std::filesystem::path& out, const std::string& extra = "") {
    const std::string demo = std::string(NOTIONAL_DATA) + "/demo/";
    return std::string(NOTIONAL_BIN) + " --old " + demo + "old_wards.geojson --new " + demo +
           "new_wards.geojson --results " + demo + "results_2018.csv -o " + out.string() + " " +
           extra;
}
#endif

/// A candidate written in code: party code, votes, elected.
struct Cand {
    std::string party;
    double votes = 0.0;
    bool elected = false;
};

/// One ward's result from its candidates, named "<party> <n>".
inline model::WardResult result_of(const std::string& code, const std::string& name,
                                   const std::vector<Cand>& candidates, int seats,
                                   std::optional<double> ballots = std::nullopt,
                                   std::optional<double> electorate = std::nullopt) {
    model::WardResult ward;
    ward.code = code;
    ward.name = name;
    for (const auto& [party, votes, elected] : candidates) {
        model::Candidate candidate;
        candidate.name = party + " " + std::to_string(ward.candidates.size() + 1);
        candidate.party = party;
        candidate.votes = votes;
        candidate.elected = elected;
        ward.candidates.push_back(candidate);
    }
    ward.seats = seats;
    ward.ballots = ballots;
    ward.electorate = electorate;
    return ward;
}

}  // namespace notional::test
