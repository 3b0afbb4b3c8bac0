#pragma once
/// General-election results as the House of Commons Library publishes them: one row per
/// candidacy (ONS ID, Constituency name, Party name, Electoral Commission party ID, Candidate
/// first name and surname, Votes), beside a file of constituencies (ONS ID, Electorate, Valid
/// votes). Internal to report/ (read_results reads them).
#include <filesystem>
#include <optional>

#include "core/csv.hpp"
#include "model/results.hpp"

namespace notional::report {

/// True when the header is the candidacies file's.
[[nodiscard]] bool is_hoclib(const CsvTable& table);

/// A constituency is a one-seat ward won by the candidate with most votes (a tie, which the
/// file cannot settle, is an error); `constituencies` gives each its electorate and ballots
/// (valid votes). Throws DataError naming the file and row.
[[nodiscard]] model::Election read_hoclib(
    const CsvTable& table, const std::optional<std::filesystem::path>& constituencies);

}  // namespace notional::report
