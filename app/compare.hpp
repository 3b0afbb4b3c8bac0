#pragma once
/// `notional compare` behind its options: a saved notional base against an actual election,
/// without the overlay.
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "app/options.hpp"
#include "model/compare.hpp"
#include "model/parties.hpp"
#include "model/results.hpp"

namespace notional::app {

struct CompareResult {
    std::filesystem::path base;  ///< the base's notional.csv
    model::Election actual;
    std::map<std::string, std::size_t> skipped;  ///< councils of the actual file not in the base
    model::PartyUnification parties;
    model::Comparison comparison;
    std::vector<std::filesystem::path> written;
};

/// Reads the base, its polygons (notional.geojson beside it) and, where they are there, its
/// wards' sources (crosswalk.csv and ledger.csv beside it, for report.html), compares, writes
/// comparison.csv, comparison.geojson, report.md and report.html, never into the base's own
/// directory. Throws notional::Error on failure.
[[nodiscard]] CompareResult run_compare(const CompareOptions& options);

}  // namespace notional::app
