#include "cli/summary_json.hpp"

#include <algorithm>

#include "cli/figures.hpp"
#include "core/json.hpp"

namespace notional::cli {

namespace {

/// Wards by index as [{"code", "name"}], with `more` adding members to each.
template <typename More>
void wards(JsonWriter& json, const geo::Layer& layer, const std::vector<std::size_t>& indices,
           More more) {
    json.begin_array();
    for (const std::size_t i : indices) {
        json.begin_object().member("code", layer.codes[i]).member("name", layer.names[i]);
        more(i);
        json.end_object();
    }
    json.end_array();
}

void wards(JsonWriter& json, const geo::Layer& layer, const std::vector<std::size_t>& indices) {
    wards(json, layer, indices, [](std::size_t) {});
}

/// Wards given as (value, index), as [{"code", "name", `key`: value}].
void valued_wards(JsonWriter& json, const geo::Layer& layer,
                  const std::vector<std::pair<double, std::size_t>>& valued, const char* key) {
    std::vector<std::size_t> indices;
    indices.reserve(valued.size());
    for (const auto& [value, i] : valued) indices.push_back(i);
    std::size_t at = 0;  // the ward's place in `valued`: `wards` goes through them in order
    wards(json, layer, indices, [&](std::size_t) { json.member(key, valued[at++].first); });
}

void layer_read(JsonWriter& json, const geo::Layer& layer, const std::string& fields) {
    json.begin_object()
        .member("wards", layer.size())
        .member("features", layer.features)
        .member("label", layer.label)
        .member("fields", fields)
        .member("repaired", layer.repaired)
        .end_object();
}

/// The maps, the CRS, the overlay, the outline and the wards drawn twice.
void maps(JsonWriter& json, const app::JobResult& r, const app::JobOptions& options) {
    json.key("old_wards");
    layer_read(json, r.old_wards, r.old_fields);
    json.key("new_wards");
    layer_read(json, r.new_wards, r.new_fields);
    json.member("crs", r.crs).member("crosswalk_fate", r.crosswalk_fate);
    json.member("reloaded", r.reloaded).key("overlay");
    if (r.overlay) {
        const geo::Overlay& overlay = *r.overlay;
        json.begin_object()
            .member("pieces", overlay.pieces.size())
            .member("whole", overlay.whole)
            .member("intersected", overlay.intersections)
            .member("slivers", overlay.slivers)
            .member("min_piece_m2", options.overlay.min_piece_m2)
            .member("sliver_m2", sliver_m2(overlay))
            .member("noise", overlay.noise)
            .end_object();
    } else {
        json.null();
    }
    const OutlineFigures f = outline_figures(r);
    json.key("outline").begin_object().member("beyond", f.beyond).member("spread_m2", f.spread_m2);
    std::vector<std::pair<double, std::size_t>> largest;
    for (std::size_t i = 0; i < std::min<std::size_t>(5, f.largest.size()); ++i) {
        if (f.largest[i].first < 0.001) break;  // as the text: it shows none under 0.1%
        largest.push_back(f.largest[i]);
    }
    json.key("largest");
    valued_wards(json, r.old_wards, largest, "share_beyond");
    json.member("no_part", f.no_part)
        .member("too_much", f.too_much)
        .member("max_uncovered", options.max_uncovered)
        .member("gap_m2", f.gap_m2)
        .member("overlap_m2", f.overlap_m2)
        .end_object();
    json.key("same_wards");
    if (!options.code_match) {
        json.null();
        return;
    }
    json.begin_object().member("same", r.same.same.size()).key("disagree").begin_array();
    for (const auto& [o, n] : r.same.disagree) json.value(r.old_wards.codes[o]);
    json.end_array().end_object();
}

void weights(JsonWriter& json, const app::JobResult& r) {
    json.key("weights");
    if (!r.weighting) {
        json.null();
        return;
    }
    const geo::WeightLayer& layer = *r.weight_layer;
    const geo::Weighting& w = *r.weighting;
    json.begin_object()
        .member("name", layer.name)
        .member("features", layer.shapes.size())
        .member("points", layer.points)
        .member("label", layer.label)
        .member("outside_features", w.outside_features)
        .member("outside_weight", w.outside_weight)
        .member("without_count", layer.without_count)
        .member("zero_pieces", w.zero_pieces)
        .member("area_fallback", w.area_fallback)
        .key("partly_covered");
    valued_wards(json, r.old_wards, partly_weighted(r), "coverage");
    json.end_object();
}

void support(JsonWriter& json, const app::JobResult& r) {
    json.key("support");
    if (!r.support) {
        json.null();
        return;
    }
    json.begin_object().key("elections").begin_array();
    for (const app::LocalSupport& local : r.supports) {
        json.begin_object()
            .member("results", local.election.path.string())
            .member("wards", local.election.wards.size())
            .member("layer", local.wards.label)
            .member("councils_skipped", local.skipped.size())
            .end_object();
    }
    json.end_array()
        .member("people_covered_share", support_covered(*r.support))
        .member("old_wards_reached", r.support->old_wards_reached())
        .end_object();
}

void crosswalks(JsonWriter& json, const app::JobResult& r) {
    json.key("rakings").begin_array();
    for (const auto& [name, report] : r.rakings) {
        json.begin_object()
            .member("name", name)
            .member("converged", report.converged)
            .member("iterations", report.iterations)
            .member("max_error", report.max_error)
            .member("structural_zeros", report.structural_zeros);
        json.key("impossible_new").begin_array();
        for (const auto n : report.impossible_new) json.value(r.new_wards.codes[n]);
        json.end_array().key("impossible_old").begin_array();
        for (const auto o : report.impossible_old) json.value(r.old_wards.codes[o]);
        json.end_array().end_object();
    }
    json.end_array().member("crosswalk", r.crosswalks.front().first).key("crosswalks");
    json.begin_array();
    for (const auto& [name, crosswalk] : r.crosswalks) json.value(name);
    json.end_array();
}

/// Councils kept, rows and councils skipped, unreached new wards, change classes.
void coverage(JsonWriter& json, const app::JobResult& r) {
    json.key("councils").strings(r.councils.kept);
    json.key("skipped").begin_array();
    for (const auto& [results, skipped] :
         {std::pair{r.election ? &*r.election : nullptr, &r.skipped_old},
          std::pair{r.actual ? &*r.actual : nullptr, &r.skipped_actual}}) {
        if (!results) continue;
        json.begin_object()
            .member("results", results->path.string())
            .member("rows", skipped_rows(*results))
            .key("rows_by_kind")
            .begin_object();
        for (const auto& [kind, count] : results->skipped_rows) json.member(kind, count);
        json.end_object().key("councils_off_the_map").begin_object();
        for (const auto& [council, count] : *skipped) json.member(council, count);
        json.end_object().end_object();
    }
    json.end_array().key("unreached");
    wards(json, r.new_wards, unreached_wards(r));
    json.key("change").begin_object();
    auto classes = change_classes(r);
    for (const char* name : {"unchanged", "minor", "major", "new"}) {
        json.member(name, classes[name]);
    }
    json.end_object();
}

void party_line(JsonWriter& json, const PartyLine& line, bool seats) {
    json.begin_object()
        .member("party", line.entry.party)
        .member("seats", line.seats)
        .key("notional");
    if (seats) {
        json.value(line.notional);
    } else {
        json.null();  // no seats for the new wards
    }
    json.member("old_votes", line.entry.old_votes)
        .member("new_votes", line.entry.new_votes)
        .member("lost_sliver", line.entry.lost_sliver)
        .member("lost_gap", line.entry.lost_gap)
        .member("lost_outside", line.entry.lost_outside)
        .end_object();
}

/// The results read, the per-party table, conservation, lost and rounded votes.
void results(JsonWriter& json, const app::JobResult& r, const app::JobOptions& options) {
    const model::Election& election = *r.election;
    const model::Notional& notional = *r.notional();
    const ResultsFigures f = results_figures(r);
    json.key("results")
        .begin_object()
        .member("path", election.path.string())
        .member("format", model::to_string(election.format))
        .member("candidates", f.candidates)
        .member("wards", election.wards.size())
        .member("seats", f.seats)
        .member("uncontested", notional.uncontested_old)
        .member("strong_independents_split", notional.strong_independents)
        .member("parties_kept_whole", notional.minor_whole)
        .member("partial_new_wards", f.partial)
        .key("no_results");
    wards(json, r.old_wards, f.missing_old);
    json.key("partial");
    wards(json, r.new_wards, f.partial_new);
    json.key("near_names").strings(r.near_old);
    json.key("near_names_actual").strings(r.near_actual);
    json.key("other_codes").strings(r.recoded_old);
    json.key("other_codes_actual").strings(r.recoded_actual);
    json.end_object();

    const LedgerFigures ledger = ledger_figures(r);
    json.key("parties_table").begin_array();
    for (const auto& line : ledger.parties) party_line(json, line, r.seats.has_value());
    json.end_array().key("all");
    party_line(json, ledger.all, r.seats.has_value());
    json.key("conservation")
        .begin_object()
        .member("largest_relative_difference", ledger.worst_imbalance)
        .member("tolerance", options.redistribute.conservation_tolerance)
        .end_object();
    json.key("lost")
        .begin_object()
        .member("votes", notional.lost_total())
        .member("share", notional.lost_total() / std::max(1.0, notional.old_total()))
        .member("tolerance_share", options.redistribute.max_lost)
        .end_object();
    json.key("rounded")
        .begin_object()
        .member("kept", r.rounded_kept)
        .member("lost", r.rounded_lost)
        .member("old_votes", notional.old_total())
        .end_object();
}

void seats(JsonWriter& json, const app::JobResult& r, const app::JobOptions& options) {
    json.key("seats");
    if (!r.seats) {
        json.null();  // votes only
        return;
    }
    const SeatFigures f = seat_figures(*r.seats);
    json.begin_object()
        .member("total", f.total)
        .member("rule", model::to_string(options.seats.method))
        .member("knife_edge", f.knife_edge)
        .member("knife_edge_margin", options.seats.knife_edge_pct / 100.0)
        .member("ties", f.ties)
        .member("continuity", f.continuity)
        .member("carried", f.carried)
        .member("unknown", f.unknown)
        .end_object();
}

/// Each party and how it was matched across the elections, which it stood in.
void parties(JsonWriter& json, const app::JobResult& r) {
    json.key("parties");
    if (!r.parties) {
        json.null();
        return;
    }
    json.begin_array();
    for (const auto& party : r.parties->parties) {
        json.begin_object()
            .member("code", party.code)
            .member("name", party.name)
            .member("how", party.how)
            .key("stood_in")
            .begin_array();
        for (std::size_t e = 0; e < party.stood.size(); ++e) {
            if (party.stood[e]) json.value(r.party_labels[e]);
        }
        json.end_array().key("spellings").begin_array();
        for (const auto& names : party.spellings) {
            for (const auto& name : names) {
                if (name != party.name) json.value(name);
            }
        }
        json.end_array().end_object();
    }
    json.end_array();
}

void comparison(JsonWriter& json, const app::JobResult& r) {
    json.key("comparison");
    if (!r.comparison) {
        json.null();
        return;
    }
    json.begin_object().key("council").begin_array();
    for (const auto& row : r.comparison->council) {
        json.begin_object()
            .member("party", row.party)
            .member("old", row.old_seats)
            .member("notional", row.notional_seats)
            .member("actual", row.actual_seats)
            .member("press", row.press_change())
            .member("real", row.real_change())
            .member("gains", row.gains)
            .member("losses", row.losses)
            .end_object();
    }
    json.end_array().key("verdicts").begin_object();
    for (const auto& [verdict, count] : verdict_counts(*r.comparison)) json.member(verdict, count);
    json.end_object().end_object();
}

}  // namespace

std::string job_summary_json(const app::JobResult& result, const app::JobOptions& options,
                             const std::vector<std::filesystem::path>& outputs) {
    JsonWriter json;
    json.begin_object();
    maps(json, result, options);
    weights(json, result);
    support(json, result);
    crosswalks(json, result);
    coverage(json, result);
    if (result.election) {
        results(json, result, options);
        seats(json, result, options);
    }
    parties(json, result);
    comparison(json, result);
    json.key("outputs").begin_array();
    for (const auto& path : outputs) json.value(path.string());
    json.end_array();
    return json.end_object().text();
}

}  // namespace notional::cli
