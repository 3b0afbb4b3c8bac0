#pragma once
/// The main job: old and new boundaries (and the old results) in, notional results out.
#include <optional>
#include <string>
#include <vector>

#include "geo/layer.hpp"
#include "geo/overlay.hpp"
#include "geo/weights.hpp"
#include "model/compare.hpp"
#include "model/redistribute.hpp"
#include "model/results.hpp"
#include "model/seats.hpp"

namespace notional::cli {

struct JobOptions {
    bool help = false;
    std::string old_path, new_path;
    geo::LayerOptions old_layer, new_layer;
    std::vector<std::string> councils;  ///< --council: keep only these councils' wards, everywhere
    geo::CrsOptions crs;
    geo::OverlayOptions overlay;
    std::optional<geo::WeightOptions> weights;  ///< electors' weights beside area
    std::optional<std::string> crosswalk_path;  ///< reload the crosswalks, or save them there
    bool crosswalk_update = false;  ///< measure again when the saved crosswalk's inputs differ
    std::optional<std::string> new_electorate_path;  ///< rake the crosswalks to these
    std::optional<std::string> old_electorate_path;
    std::optional<std::string> results_path;
    std::optional<std::string> results_wards_path;
    model::ResultsFormat results_format = model::ResultsFormat::automatic;
    std::optional<std::string> new_seats_path;
    std::optional<std::string> actual_path;        ///< the next election, on the new wards
    std::optional<std::string> actual_wards_path;  ///< its GLA ward statistics
    model::ResultsFormat actual_format = model::ResultsFormat::automatic;
    std::optional<std::string> party_alias_path;  ///< `from,to`: two names of one party
    bool share_top = false;                       ///< compare shares of top votes, not of all votes
    model::RedistributeOptions redistribute;      ///< max_lost is a share; the option a percentage
    double max_uncovered = 0.5;                   ///< a share; the option a percentage
    bool code_match = true;                       ///< a code on both maps is one ward drawn twice
    model::SeatOptions seats;
    std::string output_dir = "notional-out";
    bool overwrite = false;  ///< replace an earlier run's outputs in output_dir
};

/// Parses the main job's arguments (without the program name); no I/O. Throws UsageError.
[[nodiscard]] JobOptions parse_job(const std::vector<std::string>& args);

/// The main job's --help text.
[[nodiscard]] std::string job_help();

/// Runs the job, printing the summary on stdout. Throws notional::Error on failure.
void run_job(const JobOptions& options);

}  // namespace notional::cli
