#pragma once
/// The main job: old and new boundaries (and the old results) in, notional results out.
#include <optional>
#include <string>
#include <vector>

#include "app/options.hpp"

namespace notional::cli {

using app::JobOptions;

/// Parses the main job's arguments (without the program name); no I/O. Throws UsageError.
[[nodiscard]] JobOptions parse_job(const std::vector<std::string>& args);

/// The main job's --help text.
[[nodiscard]] std::string job_help();

/// Runs the job (app::run_job, with progress on a terminal) and prints its summary on stdout.
/// Throws notional::Error on failure.
void run_job(const JobOptions& options);

}  // namespace notional::cli
