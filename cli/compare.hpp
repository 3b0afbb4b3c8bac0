#pragma once
/// notional compare: a saved notional base against an actual election, without the overlay.
#include <optional>
#include <string>
#include <vector>

#include "app/options.hpp"

namespace notional::cli {

using app::CompareOptions;

/// Parses `compare`'s arguments (after the word compare); no I/O. Throws UsageError.
[[nodiscard]] CompareOptions parse_compare(const std::vector<std::string>& args);
[[nodiscard]] std::string compare_help();

/// Runs the comparison (app::run_compare) and prints its summary on stdout. Throws
/// notional::Error on failure.
void run_compare(const CompareOptions& options);

}  // namespace notional::cli
