#pragma once
/// Election results as published: Democracy Club candidate files, the GLA's 2022 results (with
/// its ward statistics), and our canonical CSV (data/README.md), read into model::Election.
#include <filesystem>
#include <optional>
#include <string>

#include "core/error.hpp"
#include "model/results.hpp"

namespace notional::report {

/// Parses "auto", "dc", "gla", "canonical"; throws UsageError otherwise.
[[nodiscard]] model::ResultsFormat parse_results_format(const std::string& text);

/// The settings a results file's errors are about: the old election's or the next one's.
struct ResultsSettings {
    Setting format = Setting::results_format, wards = Setting::results_wards;
};

/// Reads candidate-level results. `ward_stats` (optional) is the GLA ward statistics file with
/// seats, electorate and ballots. Throws IoError or DataError naming the file and row, and
/// `settings` where the format or the ward statistics do not fit.
[[nodiscard]] model::Election read_results(
    const std::filesystem::path& path, model::ResultsFormat format,
    const std::optional<std::filesystem::path>& ward_stats = {},
    const ResultsSettings& settings = {});

}  // namespace notional::report
