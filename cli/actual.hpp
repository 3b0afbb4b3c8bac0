#pragma once
/// The options of the election on the new wards, one definition for both subcommands:
/// --actual, --actual-format, --actual-wards, --party-alias, --share-top.
#include <optional>
#include <string>

#include <boost/program_options.hpp>

#include "model/results.hpp"

namespace notional::cli {

/// Their values as given.
struct ActualRaw {
    std::optional<std::string> path, wards, party_alias;
    std::string format = "auto";
    bool share_top = false;
};

/// The option group, filling `raw`.
[[nodiscard]] boost::program_options::options_description actual_options(ActualRaw& raw);

/// Copies the paths given out of `values` into `raw` (Boost leaves an optional unset).
void read_actual_paths(const boost::program_options::variables_map& values, ActualRaw& raw);

/// The format asked for; a UsageError names the option, after `prefix` ("compare: " or "").
[[nodiscard]] model::ResultsFormat actual_format(const ActualRaw& raw, const std::string& prefix);

}  // namespace notional::cli
