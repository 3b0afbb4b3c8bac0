#pragma once
/// Which result ward goes with which polygon of a layer, and which councils are on the map.
#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "model/councils.hpp"
#include "model/results.hpp"

namespace notional::model {

/// A layer's wards as matching sees them: codes, names and, where known, each one's council.
struct WardsToMatch {
    const std::vector<std::string>& codes;
    const std::vector<std::string>& names;
    std::string label;
    /// Per polygon, its council (a number Councils::find gave); empty: the layer names none.
    std::vector<std::optional<std::size_t>> councils = {};
};

/// Per ward, its council as `councils` numbers it; empty when the file names no councils.
[[nodiscard]] std::vector<std::optional<std::size_t>> ward_councils(const Election& election,
                                                                    const Councils& councils);

/// Drops the wards of councils with no ward on the map (a national file against one region's
/// wards): by council where the layer names councils, else the councils none of whose wards
/// matches a polygon by code or name. Returns what drop_wards returns.
std::map<std::string, std::size_t> keep_councils_on_map(Election& election,
                                                        const Councils& councils,
                                                        const WardsToMatch& layer);

/// Which result ward goes with which polygon: one index into the layer per result ward. A ward
/// whose code the layer lacks but whose name it has is matched by name, and `other_code` gets
/// "'Glasgow East' (S14000030) as S14000110".
/// Codes match first, then normalised names, within the ward's council where both the results
/// and the layer name it (`ward_councils`, per result ward; empty: none); last, a ward left over
/// takes the one polygon left over in its council whose name is one letter away ("Shirly
/// South" in the London 2018 layer), and `near` gets "'shirley south' of croydon as 'Shirly
/// South' (E05011479)". Throws DataError listing every unmatched ward, and naming any polygon
/// claimed by two result wards.
[[nodiscard]] std::vector<std::size_t> match_wards(
    const Election& election, const WardsToMatch& layer,
    const std::vector<std::optional<std::size_t>>& ward_councils = {},
    std::vector<std::string>* near = nullptr, std::vector<std::string>* other_code = nullptr);

}  // namespace notional::model
