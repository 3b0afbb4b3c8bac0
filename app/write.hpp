#pragma once
/// Every output of a run staged in the output directory, for app/job.cpp and app/compare.cpp.
#include <map>
#include <string>
#include <vector>

#include "app/job.hpp"
#include "core/outputs.hpp"
#include "core/progress.hpp"
#include "geo/geos.hpp"
#include "geo/layer.hpp"
#include "geo/lon_lat.hpp"
#include "model/base.hpp"
#include "model/compare.hpp"
#include "report/colours.hpp"
#include "report/html.hpp"

namespace notional::app {

/// Stages crosswalk.csv, ledger.csv, notional.csv, council.csv, notional.geojson and
/// uncovered.geojson (the maps unless options.geojson is false), and with an actual election
/// compares it with the base as written (as `notional compare` does later, so the two agree to the
/// digit) and stages the comparison. Takes the uncovered shapes out of the overlay. Reports
/// progress by file.
void write_outputs(const JobOptions& options, JobResult& result, StagedOutputs& outputs,
                   geo::GeosContext& context, const Progress& progress = {});

/// One colour per party for every map of a run, the notional's and the comparison's alike:
/// from the parties of the base as written and of the comparison, so that the main job and
/// `notional compare` on its base colour every ward alike. Either may be null.
[[nodiscard]] report::PartyColours run_colours(const model::NotionalBase* base,
                                               const model::Comparison* comparison);

/// What report.html says besides the comparison.
struct PageFacts {
    bool general = false;  ///< a general election: constituencies
    /// Each new ward's old wards, by new code; empty where unknown.
    std::map<std::string, std::vector<report::WardSource>> sources;
};

/// Stages comparison.csv, report.md, report.html and, given `lon_lat` (the wards' vertices in
/// lon/lat), comparison.geojson; `wards` gives the polygons, matched by code. Throws DataError
/// for a ward of the comparison that has none.
void write_comparison(StagedOutputs& outputs, const model::Comparison& comparison,
                      const geo::Layer& wards, const geo::LonLatVertices* lon_lat,
                      const std::string& title, const report::PartyColours& colours,
                      const PageFacts& facts, geo::GeosContext& context);

}  // namespace notional::app
