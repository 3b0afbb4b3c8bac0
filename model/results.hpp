#pragma once
/// One election's results by ward: candidates, parties, seats, electorate and ballots.
#include <cstddef>
#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "model/parties.hpp"

namespace notional::model {

/// The format an election was read from (report/results_formats.hpp reads each).
enum class ResultsFormat { automatic, democracy_club, gla, hoc_library, canonical };

[[nodiscard]] const char* to_string(ResultsFormat format);

struct Candidate {
    std::string name;
    std::string party;  ///< party code (see parties.hpp)
    double votes = 0.0;
    bool elected = false;
};

struct WardResult {
    std::string code;  ///< GSS code when the file gives one, else empty
    std::string name;  ///< ward name as the file writes it (for Democracy Club, from the slug)
    /// The ward's council as the file names it: a GSS code, a name or a slug; either may be empty
    std::string council_code, council_name;
    std::size_t line = 0;  ///< the file's line where the ward first appears, for messages
    std::vector<Candidate> candidates;
    std::optional<int> seats;  ///< from the file, else the count of winners
    std::optional<double> electorate;
    std::optional<double> ballots;  ///< valid ballot papers
    bool uncontested = false;       ///< seats known, votes unknown (never zero)

    /// What the file calls this ward, for messages: "Name (CODE)" or either alone.
    [[nodiscard]] std::string label() const;
};

struct Election {
    std::filesystem::path path;
    ResultsFormat format = ResultsFormat::automatic;
    /// A general election: each ward a constituency (METHOD.md §10 rules apply).
    bool general = false;
    std::vector<WardResult> wards;                   ///< in the order the file first names them
    std::map<std::string, std::string> party_names;  ///< code -> display name
    std::map<std::string, std::set<std::string>> party_spellings;  ///< code -> names as written
    /// Rows that are not local ward ballots, skipped: by kind ("mayor", "parl", ...), counted.
    std::map<std::string, std::size_t> skipped_rows;

    /// True when the file says which council each ward belongs to.
    [[nodiscard]] bool names_councils() const;

    [[nodiscard]] double total_votes() const;
};

/// The election's parties, for unify_parties.
[[nodiscard]] PartyTable party_table(const Election& election, const std::string& label);

/// Gives the election's parties the codes and names `unification` chose for its `index`-th
/// election.
void apply_parties(Election& election, const PartyUnification& unification, std::size_t index);

/// Drops the wards for which `drop` is true; returns how many wards it dropped per council (its
/// name, or code, as the file gives it).
std::map<std::string, std::size_t> drop_wards(Election& election,
                                              const std::function<bool(const WardResult&)>& drop);

}  // namespace notional::model
