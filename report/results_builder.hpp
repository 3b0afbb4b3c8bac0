#pragma once
/// Candidate rows grouped into wards, with every number checked: what each results reader
/// (report/results_*.cpp) builds its election with. Internal to report/.
#include <cstddef>
#include <limits>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/csv.hpp"
#include "model/results.hpp"

namespace notional::report {

/// One candidate row before it is grouped into its ward.
struct Row {
    std::string ward_code, ward_name, council_code, council_name;
    std::string party_id, party_name, candidate, candidate_id;
    std::string votes, elected;
    std::string seats, electorate, ballots;
};

/// Groups rows into wards, classifies parties and checks every number.
class Builder {
public:
    explicit Builder(const CsvTable& table, model::ResultsFormat format) : m_table(table) {
        m_election.path = table.path;
        m_election.format = format;
    }

    /// One candidate's row, `row_index` of the table.
    void add(std::size_t row_index, const Row& row);

    /// Applies a ward statistics row to the ward with this code.
    void add_stats(const std::string& where, const std::string& code, const std::string& seats,
                   const std::string& electorate, const std::string& ballots);

    /// A row that is no local ward ballot (a mayor, a by-election to Parliament), of `kind`.
    void skip(const std::string& kind) { ++m_election.skipped_rows[kind]; }

    /// The election, each ward checked: winners against seats, ballots against votes and
    /// electors.
    [[nodiscard]] model::Election finish();

private:
    const CsvTable& m_table;
    model::Election m_election;
    std::unordered_map<std::string, std::size_t> m_index;
    std::size_t m_last = std::numeric_limits<std::size_t>::max();  // the last row's ward
    std::unordered_map<std::string, std::string> m_id_code;        // EC id -> its party's code
    // Each (id, name) once: every party but an independent is the same for all its candidates.
    std::unordered_map<std::string, model::Party> m_party_of;
    /// Per ward, its people so far (by candidate id, else name and party) and their lines.
    std::vector<std::vector<std::pair<std::string, std::size_t>>> m_people;
    std::vector<std::size_t> m_empty_votes;
};

/// A cell of `column`, trimmed; empty where the table has no such column.
[[nodiscard]] std::string field(const std::vector<std::string>& row,
                                std::optional<std::size_t> column);

}  // namespace notional::report
