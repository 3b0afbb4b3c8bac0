#pragma once
/// Outlines that differ: uncovered.geojson and the summary's lines on what the old wards have
/// beyond the new map.
#include <string>

#include "core/outputs.hpp"
#include "geo/geos.hpp"
#include "geo/layer.hpp"
#include "geo/overlay.hpp"
#include "model/crosswalk.hpp"
#include "model/redistribute.hpp"

namespace notional::cli {

/// Stages uncovered.geojson: each old ward's part that no new ward covers (at least
/// `min_piece_m2`), with its area, the share of the ward it is, the part in gaps, and what
/// became of its votes under `crosswalk` (`notional` may be null: boundaries only). Takes the
/// shapes out of `overlay`.
void write_uncovered(notional::StagedOutputs& outputs, geo::Overlay& overlay,
                     const geo::Layer& old_wards, const model::Crosswalk& crosswalk,
                     const model::Notional* notional, double min_piece_m2,
                     geo::GeosContext& context);

/// Where the old wards reach beyond the new map's outline, and what was lost, for the summary;
/// `overlay` may be null (a reloaded crosswalk).
[[nodiscard]] std::string outline_summary(const model::Crosswalk& by_area,
                                          const geo::Layer& old_wards, const geo::Overlay* overlay,
                                          double max_uncovered);

}  // namespace notional::cli
