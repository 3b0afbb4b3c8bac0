#pragma once
/// Local elections whose support places each party's votes within an old seat (--support,
/// METHOD.md §10): each read with its own wards and matched to them, and people placed in the
/// overlay's pieces and the local wards.
#include <cstddef>
#include <map>
#include <string>
#include <vector>

#include "app/options.hpp"
#include "core/progress.hpp"
#include "geo/layer.hpp"
#include "geo/overlay.hpp"
#include "geo/weights.hpp"
#include "model/results.hpp"
#include "model/support.hpp"

namespace notional::app {

/// One local election on its wards.
struct LocalSupport {
    LocalSupport() = default;
    LocalSupport(const LocalSupport&) = delete;
    LocalSupport(LocalSupport&&) noexcept = default;  // kept in a vector: moved, never copied
    LocalSupport& operator=(const LocalSupport&) = delete;
    LocalSupport& operator=(LocalSupport&&) noexcept = default;
    ~LocalSupport() = default;

    geo::Layer wards;
    model::Election election;
    std::vector<std::size_t> matched;            ///< polygon of each result ward
    std::map<std::string, std::size_t> skipped;  ///< councils with no ward on its map
};

/// Reads the local election and its wards, keeps the councils on its map and matches the
/// results to the wards. Throws notional::Error naming the file, row or feature.
[[nodiscard]] LocalSupport read_support(const SupportOptions& options, const geo::CrsOptions& crs,
                                        const geo::WorkingCrs& working, geo::GeosContext& context,
                                        const Progress& progress = {});

/// Each party's support among the weights' people, placed in the overlay's pieces and in each
/// local election's wards (its parties already given their codes across the elections).
[[nodiscard]] model::PartySupport party_support(const std::vector<LocalSupport>& supports,
                                                const geo::WeightLayer& people,
                                                const geo::Overlay& overlay,
                                                geo::GeosContext& context,
                                                const Progress& progress = {});

}  // namespace notional::app
