#pragma once
/// Councils across the inputs: what --council keeps in every input, and each layer's wards with
/// their councils for matching.
#include <string>
#include <vector>

#include "geo/layer.hpp"
#include "model/councils.hpp"
#include "model/matching.hpp"
#include "model/results.hpp"

namespace notional::app {

/// The councils every input names, and what --council kept.
struct CouncilReport {
    model::Councils councils;
    std::vector<std::string> kept;  ///< labels of the councils --council kept
};

/// Records the councils the layers and results name, and with `wanted` (--council) keeps only
/// their wards in every input: the layers by an attribute filter, the results by dropping rows.
/// Throws UsageError for a council no input names, DataError for one an input lacks.
[[nodiscard]] CouncilReport select_councils(const std::vector<std::string>& wanted,
                                            geo::SourceLayer& old_layer,
                                            geo::SourceLayer& new_layer, model::Election* election,
                                            model::Election* actual);

/// A layer's wards for matching, with their councils where the layer names them.
[[nodiscard]] model::WardsToMatch wards_to_match(const geo::Layer& layer,
                                                 const geo::SourceLayer& source,
                                                 const model::Councils& councils);

}  // namespace notional::app
