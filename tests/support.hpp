#pragma once
/// The tests' one helper header: the message of an expected exception, files, a temporary
/// directory, a small disk, running the binary on the demo or the real data, and elections,
/// notionals and bases written in code.
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "model/base.hpp"
#include "model/crosswalk.hpp"
#include "model/honesty.hpp"
#include "model/redistribute.hpp"
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

/// The files of a directory with their contents.
inline std::map<std::string, std::string> contents_of(const std::filesystem::path& directory) {
    std::map<std::string, std::string> files;
    for (const auto& name : files_in(directory)) files[name] = read_text(directory / name);
    return files;
}

/// A tmpfs of `size` mounted at `path` for the test, unmounted at its end; mounted() is false
/// where mounting needs a root this test does not have.
class SmallDisk {
public:
    SmallDisk(const std::filesystem::path& path, const std::string& size) : m_path(path) {
        std::filesystem::create_directories(path);
        m_mounted = std::system(("mount -t tmpfs -o size=" + size + " tmpfs " + path.string() +
                                 " 2>/dev/null")
                                    .c_str()) == 0;
    }
    ~SmallDisk() {
        if (m_mounted) (void)std::system(("umount " + m_path.string()).c_str());
    }
    SmallDisk(const SmallDisk&) = delete;
    SmallDisk& operator=(const SmallDisk&) = delete;
    [[nodiscard]] bool mounted() const { return m_mounted; }

private:
    std::filesystem::path m_path;
    bool m_mounted = false;
};

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

#ifdef NOTIONAL_BIN
/// The notional binary, built before the tests that run it.
inline const std::string bin = NOTIONAL_BIN;
#endif

#ifdef NOTIONAL_DATA
/// The demo borough (data/demo), ending in '/'.
inline const std::string demo = std::string(NOTIONAL_DATA) + "/demo/";
/// The demo's next election, to compare with its notionals.
inline const std::string with_actual = "--actual " + demo + "results_2022.csv";

/// The main job on the demo borough, its outputs in `out`.
inline std::string demo_job(const std::filesystem::path& out, const std::string& extra = "") {
    return bin + " --old " + demo + "old_wards.geojson --new " + demo +
           "new_wards.geojson --results " + demo + "results_2018.csv -o " + out.string() + " " +
           extra;
}
#endif

#ifdef NOTIONAL_SHARED_DATA
/// The real public data beside the project (../shared/data); tests skip when it is absent.
inline const std::filesystem::path shared = NOTIONAL_SHARED_DATA;
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

/// An election of `wards`, read from `path`. Parties are named by `names`, by code where it has
/// none.
inline model::Election election_of(std::vector<model::WardResult> wards,
                                   const std::map<std::string, std::string>& names = {},
                                   const std::string& path = "old.csv") {
    model::Election election;
    election.path = path;
    election.wards = std::move(wards);
    for (const auto& ward : election.wards) {
        for (const auto& candidate : ward.candidates) {
            const auto it = names.find(candidate.party);
            election.party_names[candidate.party] =
                it != names.end() ? it->second : candidate.party;
        }
    }
    return election;
}

/// 0, 1, ..., count - 1: old ward w is crosswalk row w.
inline std::vector<std::size_t> identity(std::size_t count) {
    std::vector<std::size_t> rows(count);
    for (std::size_t i = 0; i < count; ++i) rows[i] = i;
    return rows;
}

/// The election redistributed through the crosswalk, old ward w as its row w.
inline model::Notional notional_of(const model::Election& election,
                                   const model::Crosswalk& crosswalk,
                                   const model::RedistributeOptions& options = {}) {
    return model::redistribute(election, identity(election.wards.size()), crosswalk, options);
}

// --- notional bases, for the comparer and its report ------------------------------------------

/// The seat rules of a base, the chosen one (rank-slot) first.
inline const std::vector<std::string> kVariants{"rank-slot", "block", "block-top", "continuity"};

/// The same notional seats under every variant.
inline std::map<std::string, int> every(int seats) {
    std::map<std::string, int> out;
    for (const auto& variant : kVariants) out[variant] = seats;
    return out;
}

/// Seats per variant, in kVariants' order (rank-slot, block, block-top, continuity).
inline std::map<std::string, int> by_variant(int rank_slot, int block, int block_top,
                                             int continuity) {
    return {{"rank-slot", rank_slot},
            {"block", block},
            {"block-top", block_top},
            {"continuity", continuity}};
}

/// A notional party: votes and share of all votes; share_top equal to share unless given.
/// Its notional seats are those of the chosen variant (rank-slot, the first).
inline model::BaseParty base_party(const std::string& code, double votes, double share,
                                   std::map<std::string, int> variant_seats,
                                   std::optional<int> predecessor = std::nullopt,
                                   std::optional<double> share_top = std::nullopt) {
    model::BaseParty party;
    party.code = code;
    party.name = code;
    party.votes = votes;
    party.top = votes;
    party.share = share;
    party.share_top = share_top ? share_top : std::optional<double>(share);
    party.votes_rounded = static_cast<long long>(votes);
    party.seats = variant_seats.at("rank-slot");
    party.predecessor_seats = predecessor;
    party.variant_seats = std::move(variant_seats);
    return party;
}

inline model::BaseWard base_ward(const std::string& code, const std::string& name, int seats,
                                 const std::string& change_class,
                                 std::vector<model::BaseParty> parties, bool knife_edge = false,
                                 std::optional<double> margin_pct = std::nullopt) {
    model::BaseWard ward;
    ward.code = code;
    ward.name = name;
    ward.seats = seats;
    ward.change_class = model::parse_change_class(change_class).value();
    ward.knife_edge = knife_edge;
    ward.margin_pct = margin_pct;
    ward.parties = std::move(parties);
    return ward;
}

/// The parties' names in bases and actual elections; others are named by their code.
inline const std::map<std::string, std::string> kNames{{"CON", "Conservative"},
                                                       {"LAB", "Labour"},
                                                       {"LD", "Liberal Democrat"},
                                                       {"GRN", "Green"},
                                                       {"UKIP", "UK Independence Party"}};

inline model::NotionalBase base_of(std::vector<model::BaseWard> wards,
                                   std::map<std::string, int> old_seats = {}) {
    model::NotionalBase base;
    base.variants = kVariants;
    base.wards = std::move(wards);
    base.old_seats = std::move(old_seats);
    base.party_names = kNames;
    for (const auto& ward : base.wards) {
        for (const auto& party : ward.parties) {
            if (!base.party_names.count(party.code)) base.party_names[party.code] = party.code;
        }
    }
    return base;
}

/// The actual election on the new wards, its parties named by kNames.
inline model::Election actual_of(std::vector<model::WardResult> wards) {
    return election_of(std::move(wards), kNames, "new.csv");
}

/// Alpha, one seat, major change. Its main old ward elected CON, but the move made it notionally
/// LAB under every rule: LAB 1100 (55%), CON 900 (45%). In the new election CON 1000, LAB 800.
inline model::BaseWard alpha_base() {
    return base_ward(
        "E05000001", "Alpha", 1, "major",
        {base_party("LAB", 1100, 0.55, every(1), 0), base_party("CON", 900, 0.45, every(0), 1)});
}
inline model::WardResult alpha_result() {
    return result_of("E05000001", "Alpha", {{"CON", 1000, true}, {"LAB", 800}}, 1);
}

/// Beta, two seats, major change. The main old ward elected 2 CON, but LAB holds both seats
/// notionally under every rule; LAB wins both.
inline model::BaseWard beta_base() {
    return base_ward(
        "E05000002", "Beta", 2, "major",
        {base_party("LAB", 2000, 0.6, every(2), 0), base_party("CON", 1333, 0.4, every(0), 2)});
}
inline model::WardResult beta_result() {
    return result_of("E05000002", "Beta",
                     {{"LAB", 1200, true}, {"LAB", 1150, true}, {"CON", 900}, {"CON", 850}}, 2);
}

/// Xi, three seats: LAB 1500, CON 1200, LAB 1000 elected; LAB 990, CON 700 not.
inline model::WardResult three_seat_result(std::optional<double> ballots,
                                           std::optional<double> electorate) {
    return result_of(
        "E05000040", "Xi",
        {{"LAB", 1500, true}, {"CON", 1200, true}, {"LAB", 1000, true}, {"LAB", 990}, {"CON", 700}},
        3, ballots, electorate);
}
inline model::NotionalBase three_seat_base() {
    return base_of({base_ward(
        "E05000040", "Xi", 3, "major",
        {base_party("LAB", 3500, 0.6, every(2), 2), base_party("CON", 2000, 0.4, every(1), 1)})});
}

/// One seat held by CON: notional CON 500 (50%), LAB 300 (30%), LD 200 (20%); for swings.
inline model::NotionalBase con_lab_ld_base(const std::string& code, const std::string& name) {
    return base_of({base_ward(
        code, name, 1, "major",
        {base_party("CON", 500, 0.5, every(1), 1), base_party("LAB", 300, 0.3, every(0), 0),
         base_party("LD", 200, 0.2, every(0), 0)})});
}

/// Delta, one seat: every rule gives CON the seat (1008 to 992), a notional margin of 0.8% of
/// ballots, a knife-edge; LAB won it 1100 to 900.
inline model::NotionalBase delta_base() {
    return base_of({base_ward(
        "E05000004", "Delta", 1, "minor",
        {base_party("CON", 1008, 0.504, every(1)), base_party("LAB", 992, 0.496, every(0))}, true,
        0.8)});
}
inline model::Election delta_actual() {
    return actual_of({result_of("E05000004", "Delta", {{"LAB", 1100, true}, {"CON", 900}}, 1)});
}

/// Tau, two seats. Notional shares of all votes CON 50%, LAB 50%, of top votes CON 55%,
/// LAB 45%; actual CON 1000 + 900, LAB 800 + 700: all votes 3400, top votes 1000 + 800 = 1800.
inline model::NotionalBase tau_base() {
    return base_of({base_ward("E05000070", "Tau", 2, "major",
                              {base_party("CON", 2000, 0.5, every(1), 1, 0.55),
                               base_party("LAB", 2000, 0.5, every(1), 1, 0.45)})});
}
inline model::Election tau_actual() {
    return actual_of(
        {result_of("E05000070", "Tau",
                   {{"CON", 1000, true}, {"CON", 900, true}, {"LAB", 800}, {"LAB", 700}}, 2)});
}

}  // namespace notional::test
