#pragma once
/// One election's results by ward: candidates, parties, seats, electorate and ballots.
#include <cstddef>
#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "model/parties.hpp"

namespace notional::model {

enum class ResultsFormat { automatic, democracy_club, gla, canonical };

/// Parses "auto", "dc", "gla", "canonical"; throws UsageError otherwise.
[[nodiscard]] ResultsFormat parse_results_format(const std::string& text);
[[nodiscard]] const char* to_string(ResultsFormat format);

struct Candidate {
    std::string name;
    std::string party;  ///< party code (see parties.hpp)
    double votes = 0.0;
    bool elected = false;
};

struct WardResult {
    std::string code;      ///< GSS code when the file gives one, else empty
    std::string name;      ///< ward name as the file writes it (for Democracy Club, from the slug)
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
    std::vector<WardResult> wards;                   ///< in the order the file first names them
    std::map<std::string, std::string> party_names;  ///< code -> display name
    std::map<std::string, std::set<std::string>> party_spellings;  ///< code -> names as written

    [[nodiscard]] double total_votes() const;
};

/// Reads candidate-level results. `ward_stats` (optional) is the GLA ward statistics file with
/// seats, electorate and ballots. Throws IoError or DataError naming the file and row.
[[nodiscard]] Election read_results(const std::filesystem::path& path, ResultsFormat format,
                                    const std::optional<std::filesystem::path>& ward_stats = {});

/// The election's parties, for unify_parties.
[[nodiscard]] PartyTable party_table(const Election& election, const std::string& label);

/// Gives the election's parties the codes and names `unification` chose for its `index`-th
/// election.
void apply_parties(Election& election, const PartyUnification& unification, std::size_t index);

/// Which result ward goes with which polygon: one index into the layer per result ward.
/// Codes match first, then normalised names. Throws DataError listing every unmatched ward, and
/// naming any polygon claimed by two result wards.
[[nodiscard]] std::vector<std::size_t> match_wards(const Election& election,
                                                   const std::vector<std::string>& layer_codes,
                                                   const std::vector<std::string>& layer_names,
                                                   const std::string& layer_label);

}  // namespace notional::model
