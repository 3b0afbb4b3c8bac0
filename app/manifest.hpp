#pragma once
/// manifest.json: what a run was, so that its outputs can be traced to their inputs: the tool
/// and version, the command line, every input file with its size and SHA-256, the CRS, the
/// options that shape the results, the crosswalk and seat rule chosen, and the outputs.
#include <filesystem>
#include <string>
#include <vector>

#include "app/compare.hpp"
#include "app/job.hpp"
#include "app/options.hpp"

namespace notional::app {

/// The main job's manifest; `outputs` are the files it is committed with (itself among them).
/// Throws IoError when an input cannot be read to digest it.
[[nodiscard]] std::string job_manifest(const JobOptions& options, const JobResult& result,
                                       const std::vector<std::filesystem::path>& outputs);

/// `notional compare`'s manifest.
[[nodiscard]] std::string compare_manifest(const CompareOptions& options,
                                           const CompareResult& result,
                                           const std::vector<std::filesystem::path>& outputs);

}  // namespace notional::app
