#pragma once
/// The saved crosswalk (--crosswalk FILE): the crosswalks' seeds and what they were measured on.
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "model/crosswalk.hpp"

namespace notional::report {

using model::CrosswalkSeed;

/// The seeds as CSV: `kind,crosswalk,old_code,new_code,weight,noise` with kind piece, old (an old
/// ward's whole weight), sliver or gap; weights written to 17 significant digits, so a reloaded
/// crosswalk gives the same results to the last digit.
/// `inputs` (what the seeds were measured on: each layer's path, feature count, geometry hash
/// and CRS, the options that shape the pieces) is written first, as rows of kind `input`.
[[nodiscard]] std::string seeds_csv(const std::vector<CrosswalkSeed>& seeds,
                                    const std::vector<std::string>& old_codes,
                                    const std::vector<std::string>& new_codes,
                                    const std::map<std::string, std::string>& inputs = {});

/// Reads seeds written by seeds_csv against the layers' codes; throws DataError naming the row
/// for a ward the layers do not have.
/// `inputs` gets the file's record of what it was measured on.
[[nodiscard]] std::vector<CrosswalkSeed> read_seeds(
    const std::filesystem::path& path, const std::vector<std::string>& old_codes,
    const std::vector<std::string>& new_codes,
    std::map<std::string, std::string>* inputs = nullptr);

}  // namespace notional::report
