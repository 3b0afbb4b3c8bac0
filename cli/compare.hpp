#pragma once
/// notional compare: a saved notional base against an actual election, without the overlay.
#include <optional>
#include <string>
#include <vector>

#include "model/compare.hpp"
#include "model/results.hpp"

namespace notional::cli {

struct CompareOptions {
    bool help = false;
    std::string notional_path;  ///< notional.csv, or the directory holding it
    std::string actual_path;
    std::optional<std::string> actual_wards_path;
    model::ResultsFormat actual_format = model::ResultsFormat::automatic;
    std::optional<std::string> party_alias_path;  ///< `from,to`: two names of one party
    model::ShareConvention convention = model::ShareConvention::total;
    double knife_edge_pct = 2.0;  ///< a notional margin under this % of ballots is a knife-edge
    std::string output_dir = "comparison-out";  ///< never the base's own directory
    bool overwrite = false;                     ///< replace an earlier comparison in output_dir
};

/// Parses `compare`'s arguments (after the word compare); no I/O. Throws UsageError.
[[nodiscard]] CompareOptions parse_compare(const std::vector<std::string>& args);
[[nodiscard]] std::string compare_help();

/// Reads the base and its polygons (notional.geojson beside it), compares, writes
/// comparison.csv, comparison.geojson and report.md. Throws notional::Error on failure.
void run_compare(const CompareOptions& options);

}  // namespace notional::cli
