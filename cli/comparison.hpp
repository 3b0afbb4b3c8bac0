#pragma once
/// Writing a comparison (comparison.csv, comparison.geojson, report.md) and its summary: shared
/// by the main job with --actual and by the compare subcommand.
#include <string>
#include <vector>

#include "core/outputs.hpp"
#include "geo/geos.hpp"
#include "geo/layer.hpp"
#include "model/compare.hpp"
#include "model/parties.hpp"

namespace notional::cli {

/// Stages the three comparison outputs; `wards` gives the polygons, matched by code.
void write_comparison(notional::StagedOutputs& outputs, const model::Comparison& comparison,
                      const geo::Layer& wards, const std::string& title, geo::GeosContext& context);

/// The parties' section of the summary: each party, how it was matched across the elections
/// (`labels` name them, in unify_parties' order) and which it stood in.
[[nodiscard]] std::string party_summary(const model::PartyUnification& parties,
                                        const std::vector<std::string>& labels);

/// The council table for the summary on stdout.
[[nodiscard]] std::string comparison_summary(const model::Comparison& comparison);

}  // namespace notional::cli
