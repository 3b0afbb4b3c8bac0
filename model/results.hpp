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

#include "model/councils.hpp"
#include "model/parties.hpp"

namespace notional::model {

enum class ResultsFormat { automatic, democracy_club, gla, canonical };

/// Parses "auto", "dc", "gla", "canonical"; throws UsageError naming `option` otherwise.
[[nodiscard]] ResultsFormat parse_results_format(const std::string& text,
                                                 const std::string& option = "--results-format");
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
    std::vector<WardResult> wards;                   ///< in the order the file first names them
    std::map<std::string, std::string> party_names;  ///< code -> display name
    std::map<std::string, std::set<std::string>> party_spellings;  ///< code -> names as written
    /// Rows that are not local ward ballots, skipped: by kind ("mayor", "parl", ...), counted.
    std::map<std::string, std::size_t> skipped_rows;

    /// True when the file says which council each ward belongs to.
    [[nodiscard]] bool names_councils() const;

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

/// Drops the wards for which `drop` is true; returns how many wards it dropped per council (its
/// name, or code, as the file gives it).
std::map<std::string, std::size_t> drop_wards(Election& election,
                                              const std::function<bool(const WardResult&)>& drop);

/// A layer's wards as matching sees them: codes, names and, where known, each one's council.
struct WardsToMatch {
    const std::vector<std::string>& codes;
    const std::vector<std::string>& names;
    std::string label;
    /// Per polygon, its council (a number Councils::find gave); empty: the layer names none.
    std::vector<std::optional<std::size_t>> councils = {};
};

/// Per ward, its council as `councils` numbers it; empty when the file names no councils.
[[nodiscard]] std::vector<std::optional<std::size_t>> ward_councils(const Election& election,
                                                                    const Councils& councils);

/// Drops the wards of councils with no ward on the map (a national file against one region's
/// wards): by council where the layer names councils, else the councils none of whose wards
/// matches a polygon by code or name. Returns what drop_wards returns.
std::map<std::string, std::size_t> keep_councils_on_map(Election& election,
                                                        const Councils& councils,
                                                        const WardsToMatch& layer);

/// Which result ward goes with which polygon: one index into the layer per result ward.
/// Codes match first, then normalised names, within the ward's council where both the results
/// and the layer name it (`ward_councils`, per result ward; empty: none); last, a ward left over
/// takes the one polygon left over in its council whose name is one letter away ("Shirly
/// South" in the London 2018 layer), and `near` gets "'shirley south' of croydon as 'Shirly
/// South' (E05011479)". Throws DataError listing every unmatched ward, and naming any polygon
/// claimed by two result wards.
[[nodiscard]] std::vector<std::size_t> match_wards(
    const Election& election, const WardsToMatch& layer,
    const std::vector<std::optional<std::size_t>>& ward_councils = {},
    std::vector<std::string>* near = nullptr);

}  // namespace notional::model
