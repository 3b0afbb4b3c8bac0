#pragma once
/// The summary a run prints on stdout: what was read, measured, carried, lost and decided.
#include <filesystem>
#include <string>
#include <vector>

#include "app/compare.hpp"
#include "app/job.hpp"
#include "model/compare.hpp"
#include "model/parties.hpp"

namespace notional::cli {

/// The main job's summary.
[[nodiscard]] std::string job_summary(const app::JobResult& result, const app::JobOptions& options);

/// The local support line (--support), or "" without it.
[[nodiscard]] std::string support_summary(const app::JobResult& result);

/// The outputs written, one per line under "outputs".
[[nodiscard]] std::string outputs_list(const std::vector<std::filesystem::path>& written);

/// The compare subcommand's summary.
[[nodiscard]] std::string compare_summary(const app::CompareResult& result);

/// The parties' section: each party, how it was matched across the elections (`labels` name
/// them, in unify_parties' order) and which it stood in.
[[nodiscard]] std::string party_summary(const model::PartyUnification& parties,
                                        const std::vector<std::string>& labels);

/// The council table of a comparison.
[[nodiscard]] std::string comparison_summary(const model::Comparison& comparison);

}  // namespace notional::cli
