#pragma once
/// What a run is asked to do: the options of the main job and of `compare`, filled by the CLI
/// (or any other front end) and read by app/.
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

namespace notional::app {

/// A local election whose support places each party's votes within an old seat (--support).
struct SupportOptions {
    std::string layer_path;                 ///< --support: its wards
    std::string results_path;               ///< --support-results
    std::optional<std::string> wards_path;  ///< --support-wards: GLA ward statistics
    model::ResultsFormat format = model::ResultsFormat::automatic;  ///< --support-format
};

struct JobOptions {
    bool help = false;
    std::string old_path, new_path;
    geo::LayerOptions old_layer, new_layer;
    std::vector<std::string> councils;  ///< --council: keep only these councils' wards, everywhere
    geo::CrsOptions crs;
    geo::OverlayOptions overlay;
    std::optional<geo::WeightOptions> weights;  ///< electors' weights beside area
    std::vector<SupportOptions> supports;       ///< local elections, with the weights
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
    /// --no-geojson: no maps (notional, comparison, uncovered), the tables and reports alone
    bool geojson = true;
    bool quiet = false;    ///< --quiet: the front end prints no summary and no progress
    bool timings = false;  ///< --timings: the front end prints each phase's wall time
    std::optional<std::string> summary_json_path;  ///< --summary-json: the summary as JSON there
    std::vector<std::string> command_line;         ///< argv as given, for manifest.json
};

struct CompareOptions {
    bool help = false;
    std::string notional_path;  ///< notional.csv, or the directory holding it
    std::string actual_path;
    std::optional<std::string> actual_wards_path;
    model::ResultsFormat actual_format = model::ResultsFormat::automatic;
    std::optional<std::string> party_alias_path;  ///< `from,to`: two names of one party
    model::ShareConvention convention = model::ShareConvention::total;
    double knife_edge_pct = 2.0;  ///< a notional margin under this % of ballots is a knife-edge
    std::string output_dir = "comparison-out";  ///< never the base's own directory
    bool overwrite = false;                     ///< replace an earlier comparison in output_dir
    bool quiet = false;                         ///< --quiet: the front end prints no summary
    std::vector<std::string> command_line;      ///< argv as given, for manifest.json
};

}  // namespace notional::app
