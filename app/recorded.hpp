#pragma once
/// What a saved crosswalk records of the inputs it was measured on, and how a run's differ.
#include <map>
#include <string>

#include "app/job.hpp"
#include "app/options.hpp"
#include "geo/geos.hpp"

namespace notional::app {

/// What the pieces are measured on, recorded in a saved crosswalk and checked on reloading.
[[nodiscard]] std::map<std::string, std::string> measured_on(const JobOptions& options,
                                                             const JobResult& result,
                                                             geo::GeosContext& context);

/// What differs between a saved crosswalk's record of its inputs and this run's, "" when nothing
/// that shapes the pieces does (a path may change: the file moved).
[[nodiscard]] std::string input_differences(const std::map<std::string, std::string>& recorded,
                                            const std::map<std::string, std::string>& now);

}  // namespace notional::app
