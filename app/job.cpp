#include "app/job.hpp"

#include <malloc.h>

#include <algorithm>

#include "app/inputs.hpp"
#include "app/manifest.hpp"
#include "app/recorded.hpp"
#include "app/write.hpp"
#include "core/csv.hpp"
#include "core/error.hpp"
#include "core/outputs.hpp"
#include "model/ordering.hpp"
#include "report/crosswalk_file.hpp"
#include "report/party_aliases.hpp"
#include "report/ward_numbers.hpp"

namespace notional::app {

const model::Crosswalk& JobResult::by_area() const {
    const auto it = std::find_if(crosswalks.begin(), crosswalks.end(),
                                 [](const auto& entry) { return entry.first == "area"; });
    if (it == crosswalks.end()) throw DataError("no area crosswalk among the crosswalks run");
    return it->second;
}

namespace {

/// The name of a crosswalk whose parties also follow their local support.
const std::string support_suffix = "+support";

/// The outputs of the main job, for claiming the directory and sweeping earlier runs'.
const std::vector<std::string> job_outputs{
    "notional.csv", "notional.geojson",  "council.csv",    "crosswalk.csv",
    "ledger.csv",   "uncovered.geojson", "comparison.csv", "comparison.geojson",
    "report.md",    "report.html",       "manifest.json"};

/// One code for each party across both elections (the old election's where it has one).
void unify_parties(const JobOptions& options, JobResult& result) {
    if (!result.election) return;
    std::vector<model::PartyTable> tables{model::party_table(*result.election, "old")};
    if (result.actual) tables.push_back(model::party_table(*result.actual, "actual"));
    for (std::size_t i = 0; i < result.supports.size(); ++i) {
        tables.push_back(
            model::party_table(result.supports[i].election, "support " + std::to_string(i + 1)));
    }
    for (const auto& table : tables) result.party_labels.push_back(table.label);
    result.parties = model::unify_parties(
        tables, options.party_alias_path ? report::read_party_aliases(*options.party_alias_path)
                                         : std::vector<model::PartyAlias>{});
    std::size_t index = 0;
    model::apply_parties(*result.election, *result.parties, index++);
    if (result.actual) model::apply_parties(*result.actual, *result.parties, index++);
    for (auto& support : result.supports) {
        model::apply_parties(support.election, *result.parties, index++);
    }
}

/// Seats of the new wards from --new-seats, the new layer's seats field, or the winners of the
/// actual election; one each in a general election; empty when none.
std::vector<int> new_ward_seats(const JobOptions& options, const JobResult& result) {
    const geo::Layer& new_wards = result.new_wards;
    if (options.new_seats_path) {
        return report::read_new_seats(*options.new_seats_path, new_wards.codes, new_wards.names);
    }
    if (new_wards.seats.empty() && !result.actual && result.election && result.election->general) {
        std::vector<int> one_each(new_wards.size(), 1);  // a constituency elects one member
        return one_each;
    }
    if (!new_wards.seats.empty() || !result.actual) return new_wards.seats;
    std::vector<int> seats(new_wards.size(), 0);
    for (std::size_t w = 0; w < result.actual->wards.size(); ++w) {
        seats[result.actual_matched[w]] = result.actual->wards[w].seats.value_or(0);
    }
    return seats;
}

/// The crosswalks' seeds: reloaded from --crosswalk when it exists and was measured on these
/// inputs, else measured. Weights that follow electors come before area.
std::vector<model::CrosswalkSeed> seeds_for(const JobOptions& options, JobResult& result,
                                            const std::map<std::string, std::string>& inputs,
                                            geo::GeosContext& context,
                                            const PhaseProgress& progress) {
    std::vector<model::CrosswalkSeed> seeds;
    if (result.reloaded) {
        std::map<std::string, std::string> recorded;
        seeds = report::read_seeds(*options.crosswalk_path, result.old_wards.codes,
                                   result.new_wards.codes, &recorded);
        const std::string differences = input_differences(recorded, inputs);
        if (differences.empty()) {
            result.crosswalk_fate =
                "reloaded from " + *options.crosswalk_path + ", measured on these inputs";
            return seeds;
        }
        if (!options.crosswalk_update) {
            throw DataError(*options.crosswalk_path + ": measured on other inputs than these (" +
                                differences + "); measure it again, or do without it",
                            {Setting::crosswalk_update, Setting::crosswalk});
        }
        result.reloaded = false;
        seeds.clear();
        result.crosswalk_fate =
            "measured again and saved to " + *options.crosswalk_path + ", as asked: " + differences;
    }
    const geo::Layer& old_wards = result.old_wards;
    geo::OverlayOptions overlay_options = options.overlay;
    overlay_options.shapes = result.weight_layer.has_value();  // weights and support use them
    result.overlay = geo::overlay(old_wards, result.new_wards, overlay_options, context,
                                  phase(progress, "overlay"));
    const geo::Overlay& overlay = *result.overlay;
    if (result.weight_layer) {
        result.weighting = geo::weigh(overlay, old_wards, *result.weight_layer, context,
                                      phase(progress, "weights"));
        const geo::Weighting& w = *result.weighting;
        seeds.push_back(
            {result.weight_layer->name, w.pieces, w.old_weight, w.old_sliver, w.old_gap});
        if (!result.supports.empty()) {
            result.support = party_support(result.supports, *result.weight_layer, overlay, context,
                                           phase(progress, "support"));
        }
    }
    seeds.push_back(
        {"area", overlay.pieces, old_wards.areas_m2, overlay.old_sliver_m2, overlay.old_gap_m2});
    return seeds;
}

/// The crosswalks of the ensemble, the best first: weights before area, raked to known
/// electorates before not (METHOD.md §4). The chosen one carries the votes; the others give
/// the ranges and the verdicts.
void build_crosswalks(const JobOptions& options, JobResult& result,
                      const std::vector<model::CrosswalkSeed>& seeds,
                      const PhaseProgress& progress) {
    const auto area_seed = std::find_if(seeds.begin(), seeds.end(),
                                        [](const auto& seed) { return seed.name == "area"; });
    if (area_seed == seeds.end()) {
        throw DataError(*options.crosswalk_path + ": no area crosswalk in the file");
    }
    const std::size_t old_count = result.old_wards.size();
    const std::size_t new_count = result.new_wards.size();
    // A ward whose GSS code is on both maps and whose shapes coincide is one ward drawn twice.
    model::CrosswalkOptions crosswalk_options;
    crosswalk_options.max_uncovered = options.max_uncovered;
    if (options.code_match) {
        result.same = model::same_wards(*area_seed, result.old_wards.codes, result.new_wards.codes);
        crosswalk_options.same = result.same.same;
    }
    std::optional<std::vector<double>> new_electorate;
    std::optional<std::vector<double>> old_electorate;
    if (options.new_electorate_path) {
        new_electorate = report::read_electorate(
            *options.new_electorate_path, result.new_wards.codes, result.new_wards.names, "new");
    }
    if (options.old_electorate_path) {
        old_electorate = report::read_electorate(
            *options.old_electorate_path, result.old_wards.codes, result.old_wards.names, "old");
    }
    // The raking phase only where there is raking: a phase runs until the next one starts.
    const model::RakeOptions rake_options{
        .tolerance = 1e-9,
        .max_iterations = 100000,
        .progress = new_electorate ? phase(progress, "raking") : Progress()};
    for (const model::CrosswalkSeed& seed : seeds) {
        model::Crosswalk plain(new_count, seed.pieces, seed.old_weight, seed.old_sliver,
                               seed.old_gap, crosswalk_options);
        if (new_electorate) {
            model::RakeReport report;
            const auto raked =
                model::rake_pieces(plain.pieces(), old_count, new_count, *new_electorate,
                                   old_electorate, rake_options, report);
            result.crosswalks.emplace_back(
                seed.name + "+raked",
                model::Crosswalk(new_count, raked, seed.old_weight, seed.old_sliver, seed.old_gap,
                                 crosswalk_options));
            result.rakings.emplace_back(seed.name + "+raked", report);
        }
        result.crosswalks.emplace_back(seed.name, std::move(plain));
    }
    // The chosen one is the first that is not a raking that did not converge: such a fit joins
    // the ensemble but never carries the votes. Roles go by name, never by position.
    auto converged = [&](const std::string& name) {
        return std::none_of(result.rakings.begin(), result.rakings.end(), [&](const auto& raking) {
            return raking.first == name && !raking.second.converged;
        });
    };
    auto& crosswalks = result.crosswalks;
    const auto chosen = std::find_if(crosswalks.begin(), crosswalks.end(),
                                     [&](const auto& entry) { return converged(entry.first); });
    std::rotate(crosswalks.begin(), chosen, chosen + 1);  // the chosen first, the rest in order
    // Local support refines the chosen crosswalk party by party, and is chosen before it.
    if (result.support) {
        auto refined = crosswalks.front();
        refined.first += support_suffix;
        crosswalks.insert(crosswalks.begin(), std::move(refined));
    }
}

/// Notional seats under every crosswalk and rule: the chosen rule first, then every other, for
/// the comparer's verdicts.
std::vector<model::Run> seat_runs(const JobOptions& options, const JobResult& result,
                                  const std::vector<int>& seats_of_new) {
    std::vector<model::SeatMethod> methods{options.seats.method};
    for (auto method : {model::SeatMethod::rank_slot, model::SeatMethod::block,
                        model::SeatMethod::block_top, model::SeatMethod::continuity}) {
        if (method != options.seats.method) methods.push_back(method);
    }
    if (seats_of_new.empty()) methods.clear();
    std::vector<model::Run> runs;
    for (std::size_t i = 0; i < result.crosswalks.size(); ++i) {
        model::Run run{result.crosswalks[i].first, &result.notionals[i], {}};
        for (const auto method : methods) {
            model::SeatOptions rule = options.seats;
            rule.method = method;
            run.seats.push_back(
                {model::to_string(method),
                 model::notional_seats(result.notionals[i], result.crosswalks[i].second,
                                       seats_of_new, rule)});
        }
        runs.push_back(std::move(run));
    }
    return runs;
}

/// The old election carried through every crosswalk, judged for what it loses, rounded for
/// publication, and its seats decided: the notional base.
void carry_votes(const JobOptions& options, JobResult& result,
                 const std::vector<int>& seats_of_new) {
    if (result.election) {
        model::RedistributeOptions redistribute = options.redistribute;
        // A general election: an independent with a tenth of the seat's vote is split like a
        // party, for such a vote is local; minor parties and the Speaker go whole (METHOD.md
        // §10).
        if (result.election->general && !redistribute.strong_independent_share) {
            redistribute.strong_independent_share = 0.10;
        }
        for (const auto& [name, candidate] : result.crosswalks) {
            const bool supported = name.ends_with(support_suffix);
            result.notionals.push_back(model::redistribute(*result.election, result.matched,
                                                           candidate, redistribute,
                                                           supported ? &*result.support : nullptr));
        }
        model::check_lost(result.notionals.front(), *result.election, result.matched,
                          result.chosen(), result.crosswalks.front().first,
                          options.redistribute.max_lost);
    }
    const model::Notional* notional = result.notional();
    result.honesty = model::assess(result.chosen(), notional);
    if (!notional) return;
    std::vector<double> lost_by_party;
    const model::Sparse rounded = model::rounded_votes(*notional, result.chosen(), lost_by_party);
    result.rounded_kept = rounded.sum();
    for (const double votes : lost_by_party) result.rounded_lost += votes;
    const auto runs = seat_runs(options, result, seats_of_new);
    if (!runs.front().seats.empty()) result.seats = runs.front().seats.front().seats;
    result.base = model::make_base(result.new_wards.codes, result.new_wards.names, runs,
                                   result.honesty, rounded);
}

}  // namespace

JobResult run_job(const JobOptions& options, const PhaseProgress& progress,
                  const BeforeCommit& before_commit) {
    // The output directory is claimed first: a run that would overwrite an earlier one without
    // --overwrite fails before any work.
    StagedOutputs outputs(options.output_dir);
    outputs.claim(job_outputs, options.overwrite);
    JobResult result;
    result.reloaded = options.crosswalk_path && std::filesystem::exists(*options.crosswalk_path);
    if (result.reloaded && options.weights && !options.crosswalk_update) {
        throw UsageError(*options.crosswalk_path +
                             " exists and holds its crosswalks' weights already; give no weights, "
                             "or measure them again",
                         {Setting::weights, Setting::crosswalk_update});
    }
    if (!options.supports.empty() && (!options.weights || result.reloaded)) {
        throw UsageError(
            "--support places each party's votes among people: it needs --weights, measured in "
            "this run (not reloaded from --crosswalk)",
            {Setting::support, Setting::weights, Setting::crosswalk_update});
    }
    geo::GeosContext context;
    read_inputs(options, result, context, progress);
    // What the reading threads let go (the files' text, the layers as GDAL read them) is handed
    // back before the overlay: glibc would keep it in their arenas.
    malloc_trim(0);
    unify_parties(options, result);
    const std::vector<int> seats_of_new = new_ward_seats(options, result);
    if (options.weights) {
        result.weight_layer =
            geo::read_weights(*options.weights, {result.old_wards.srs, result.crs}, context,
                              phase(progress, "read weights"));
    }
    // What the crosswalks were measured on, for --crosswalk alone (digesting every shape costs).
    const auto inputs = options.crosswalk_path ? measured_on(options, result, context)
                                               : std::map<std::string, std::string>{};
    const auto seeds = seeds_for(options, result, inputs, context, progress);
    // Nothing draws or measures the old shapes again. Their memory is handed back to the
    // system: glibc would keep it in the reading thread's arena, where the threads writing the
    // maps do not look.
    result.old_wards.shapes = std::vector<geo::Geometry>();
    malloc_trim(0);
    const Progress allocating = phase(progress, "allocating");  // crosswalks, votes, seats
    build_crosswalks(options, result, seeds, progress);
    carry_votes(options, result, seats_of_new);
    if (allocating) allocating(1, 1);
    write_outputs(options, result, outputs, context, phase(progress, "writing"));
    if (options.crosswalk_path && !result.reloaded) {
        // Saved with the outputs, all or nothing.
        outputs.write_file(
            *options.crosswalk_path,
            report::seeds_csv(seeds, result.old_wards.codes, result.new_wards.codes, inputs));
        if (result.crosswalk_fate.empty()) {
            result.crosswalk_fate = "measured and saved to " + *options.crosswalk_path;
        }
    }
    if (before_commit) before_commit(result, outputs);
    auto manifest = outputs.staged();
    manifest.push_back(std::filesystem::path(options.output_dir) / "manifest.json");
    outputs.write_text("manifest.json", job_manifest(options, result, manifest));
    result.written = outputs.commit();
    return result;
}

}  // namespace notional::app
