#pragma once
/// Election results as published: Democracy Club candidate files, the GLA's 2022 results (with
/// its ward statistics), and our canonical CSV (data/README.md), read into model::Election.
#include <filesystem>
#include <optional>
#include <string>

#include "model/results.hpp"

namespace notional::report {

/// Parses "auto", "dc", "gla", "canonical"; throws UsageError naming `option` otherwise.
[[nodiscard]] model::ResultsFormat parse_results_format(
    const std::string& text, const std::string& option = "--results-format");

/// Reads candidate-level results. `ward_stats` (optional) is the GLA ward statistics file with
/// seats, electorate and ballots. Throws IoError or DataError naming the file and row.
[[nodiscard]] model::Election read_results(
    const std::filesystem::path& path, model::ResultsFormat format,
    const std::optional<std::filesystem::path>& ward_stats = {});

}  // namespace notional::report
