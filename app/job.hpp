#pragma once
/// The main job behind the options, for any front end: old and new boundaries (and the old
/// results) in, notional results and every output file out, and all that was found on the way.
#include <cstddef>
#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "app/councils.hpp"
#include "app/options.hpp"
#include "app/support.hpp"
#include "core/outputs.hpp"
#include "core/progress.hpp"
#include "geo/layer.hpp"
#include "geo/overlay.hpp"
#include "geo/weights.hpp"
#include "model/base.hpp"
#include "model/compare.hpp"
#include "model/crosswalk.hpp"
#include "model/honesty.hpp"
#include "model/parties.hpp"
#include "model/rake.hpp"
#include "model/redistribute.hpp"
#include "model/results.hpp"
#include "model/seats.hpp"

namespace notional::app {

/// A progress callback for a named phase ("overlay", "weights"); an empty one shows nothing.
using PhaseProgress = std::function<Progress(const std::string& phase)>;

/// The callback for phase `name`; an empty one when there is no progress to show.
[[nodiscard]] inline Progress phase(const PhaseProgress& progress, const std::string& name) {
    return progress ? progress(name) : Progress();
}

/// Everything a run read, measured and decided: what the outputs are made of and what the
/// summary says.
struct JobResult {
    /// The old wards' shapes are let go once measured (the overlay and the weights done): only
    /// the new wards' are drawn. Their codes, names and areas stay.
    geo::Layer old_wards, new_wards;
    std::string old_fields, new_fields;   ///< the code and name fields read, "GSS_CODE, NAME"
    std::string crs;                      ///< the working CRS and why
    bool reloaded = false;                ///< the crosswalks came from --crosswalk
    std::string crosswalk_fate;           ///< what became of --crosswalk FILE; empty without
    std::optional<geo::Overlay> overlay;  ///< none when reloaded
    std::optional<geo::WeightLayer> weight_layer;
    std::optional<geo::Weighting> weighting;
    std::vector<LocalSupport> supports;          ///< --support: local elections on their wards
    std::optional<model::PartySupport> support;  ///< their parties' support among the people
    model::SameWards same;
    /// The ensemble's crosswalks, the chosen one first, each by name.
    std::vector<std::pair<std::string, model::Crosswalk>> crosswalks;
    std::vector<std::pair<std::string, model::RakeReport>> rakings;

    CouncilReport councils;
    std::optional<model::Election> election, actual;
    std::vector<std::size_t> matched, actual_matched;  ///< polygon of each result ward
    std::map<std::string, std::size_t> skipped_old, skipped_actual;  ///< councils off the map
    std::vector<std::string> near_old, near_actual;        ///< wards matched by a near spelling
    std::vector<std::string> recoded_old, recoded_actual;  ///< matched by name: codes differ
    std::optional<model::PartyUnification> parties;
    std::vector<std::string> party_labels;

    std::vector<model::Notional> notionals;  ///< one per crosswalk, the chosen first
    std::vector<model::WardHonesty> honesty;
    std::optional<std::vector<model::WardSeats>> seats;  ///< the chosen crosswalk and rule
    std::optional<model::NotionalBase> base;
    double rounded_kept = 0.0, rounded_lost = 0.0;  ///< whole votes, for the summary
    std::optional<model::Comparison> comparison;
    std::vector<std::filesystem::path> written;  ///< every output, in the order written

    [[nodiscard]] const model::Crosswalk& chosen() const { return crosswalks.front().second; }
    [[nodiscard]] const model::Crosswalk& by_area() const;
    [[nodiscard]] const model::Notional* notional() const {
        return notionals.empty() ? nullptr : &notionals.front();
    }
};

/// Called when every output is staged, just before they are committed: a front end stages its
/// own there (a JSON summary), to be written with the rest, all or none.
using BeforeCommit = std::function<void(const JobResult& result, StagedOutputs& outputs)>;

/// Claims the output directory, reads the inputs, overlays and weighs them, builds the ensemble
/// of crosswalks, carries the votes, decides the seats, compares with the next election and
/// writes every output and manifest.json, all or none. Throws notional::Error naming the file,
/// row or feature.
[[nodiscard]] JobResult run_job(const JobOptions& options, const PhaseProgress& progress = {},
                                const BeforeCommit& before_commit = {});

}  // namespace notional::app
