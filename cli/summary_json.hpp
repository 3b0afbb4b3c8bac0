#pragma once
/// The main job's summary as JSON (--summary-json): every figure the text summary gives, from
/// the same computations (cli/figures.hpp).
#include <filesystem>
#include <string>
#include <vector>

#include "app/job.hpp"

namespace notional::cli {

/// The summary of `result` as a JSON object; `outputs` are every file the run writes.
[[nodiscard]] std::string job_summary_json(const app::JobResult& result,
                                           const app::JobOptions& options,
                                           const std::vector<std::filesystem::path>& outputs);

}  // namespace notional::cli
