#include "cli/summary.hpp"

#include <algorithm>
#include <cstdio>
#include <map>
#include <sstream>

#include "cli/figures.hpp"
#include "core/csv.hpp"
#include "model/ordering.hpp"

namespace notional::cli {

namespace {

std::string percent(double share, int decimals = 3) {
    return fixed(100.0 * share, decimals) + "%";
}

std::string joined(const std::vector<std::string>& parts) {
    std::string text;
    for (const auto& part : parts) text += (text.empty() ? "" : ",") + part;
    return text;
}

/// "a, b, c and 4 more": at most `shown` items.
std::string listing(const std::vector<std::string>& items, std::size_t shown) {
    std::string text;
    for (std::size_t i = 0; i < std::min(shown, items.size()); ++i) {
        text += (i != 0 ? ", " : "") + items[i];
    }
    if (items.size() > shown) text += " and " + std::to_string(items.size() - shown) + " more";
    return text;
}

/// "a 3, b 1": councils or kinds of row skipped, with their counts.
std::string skipped_text(const std::map<std::string, std::size_t>& skipped) {
    std::string text;
    for (const auto& [council, wards] : skipped) {
        text += (text.empty() ? "" : ", ") + council + " " + std::to_string(wards);
    }
    return text;
}

/// Where the old wards reach beyond the new map's outline, and what was lost.
std::string outline_summary(const app::JobResult& r, double max_uncovered) {
    const geo::Layer& old_wards = r.old_wards;
    const OutlineFigures f = outline_figures(r);
    const auto& largest = f.largest;
    std::ostringstream out;
    out << "outline      " << f.beyond << " old wards reach beyond the new map's outline by "
        << notional::fixed(f.spread_m2, 0)
        << " m² (a river, a coast drawn another way): their votes are spread over the part the "
           "map covers";
    for (std::size_t i = 0; i < std::min<std::size_t>(5, largest.size()); ++i) {
        if (largest[i].first < 0.001) break;  // would print as 0.0%
        const std::size_t o = largest[i].second;
        out << (i != 0 ? ", " : "; most ") << old_wards.names[o] << " (" << old_wards.codes[o]
            << ") " << percent(largest[i].first, 1);
    }
    out << "\n             lost: " << f.no_part << " old wards with no part on the new map, "
        << f.too_much << " more than " << percent(max_uncovered, 0)
        << " beyond it (--max-uncovered), " << notional::fixed(f.gap_m2, 0)
        << " m² in gaps inside the new map; " << notional::fixed(f.overlap_m2, 2)
        << " m² covered twice by overlapping new wards\n";
    return out.str();
}

/// The maps read, the CRS, the overlay or the reloaded crosswalk, the outlines, the same wards.
std::string maps_summary(const app::JobResult& r, const app::JobOptions& options) {
    std::ostringstream out;
    out << "old wards    " << r.old_wards.size() << " from " << r.old_wards.label << " ("
        << r.old_fields << "), " << r.old_wards.repaired << " repaired\n";
    out << "new wards    " << r.new_wards.size() << " from " << r.new_wards.label << " ("
        << r.new_fields << "), " << r.new_wards.repaired << " repaired\n";
    out << "CRS          " << r.crs << "\n";
    if (!r.crosswalk_fate.empty()) out << "saved        crosswalks " << r.crosswalk_fate << "\n";
    if (r.reloaded) {
        out << "overlay      none: the crosswalks were reloaded from " << *options.crosswalk_path
            << "\n";
    } else {
        const geo::Overlay& overlay = *r.overlay;
        out << "overlay      " << overlay.pieces.size() << " pieces (" << overlay.whole
            << " whole, " << overlay.intersections << " intersected); " << overlay.slivers
            << " slivers under " << fixed(options.overlay.min_piece_m2, 1) << " m² dropped ("
            << fixed(sliver_m2(overlay), 2) << " m²); " << overlay.noise
            << " boundary-noise pieces given to their old ward's main successor\n";
    }
    out << outline_summary(r, options.max_uncovered);
    if (options.code_match) {
        out << "same wards   " << r.same.same.size()
            << " wards drawn twice (a code on both maps, shapes that coincide) carried whole";
        if (!r.same.disagree.empty()) {
            out << "; " << r.same.disagree.size()
                << " codes on both maps whose shapes disagree, not trusted:";
            for (const auto& [o, n] : r.same.disagree) out << " " << r.old_wards.codes[o];
        }
        out << "\n";
    }
    return out.str();
}

/// The weights, the rakings and the crosswalks of the ensemble.
std::string crosswalks_summary(const app::JobResult& r) {
    std::ostringstream out;
    if (r.weighting) {
        const geo::WeightLayer& layer = *r.weight_layer;
        const geo::Weighting& w = *r.weighting;
        out << "weights      " << layer.name << ": " << layer.shapes.size()
            << (layer.points ? " points" : " small areas") << " from " << layer.label << "; "
            << w.outside_features << " of them (" << fixed(w.outside_weight, 0)
            << ") outside every old ward";
        if (layer.without_count != 0) {
            out << ", " << layer.without_count << " without a count in the table";
        }
        out << "; " << w.zero_pieces << " pieces of no weight; " << w.area_fallback
            << " old wards of no weight use area (at the weights' mean density)\n";
        const auto partly = partly_weighted(r);
        if (!partly.empty()) {
            std::vector<std::string> names;
            names.reserve(partly.size());
            for (const auto& [coverage, o] : partly) {
                names.push_back(r.old_wards.names[o] + " " + percent(coverage, 1));
            }
            out << "             " << partly.size()
                << " old wards the weights cover less than 95% of count the rest by area at "
                   "their own density: "
                << listing(names, 8) << "\n";
        }
    }
    out << support_summary(r);
    for (const auto& [name, report] : r.rakings) {
        char error[32];
        std::snprintf(error, sizeof error, "%.1e", report.max_error);
        out << "raking       " << name << ": "
            << (report.converged ? "converged" : "did NOT converge") << " in " << report.iterations
            << " passes (largest margin error " << error << "); " << report.structural_zeros
            << " structural zeros";
        if (!report.impossible_new.empty()) {
            out << "; new wards no old ward reaches:";
            for (const auto n : report.impossible_new) out << " " << r.new_wards.codes[n];
        }
        if (!report.impossible_old.empty()) {
            out << "; old wards with electors but no piece:";
            for (const auto o : report.impossible_old) out << " " << r.old_wards.codes[o];
        }
        out << "\n";
    }
    out << "crosswalk    " << r.crosswalks.front().first << " (chosen)";
    for (std::size_t i = 1; i < r.crosswalks.size(); ++i) out << ", " << r.crosswalks[i].first;
    out << "\n";
    return out.str();
}

/// Councils kept, rows and councils skipped, new wards nothing reaches, change classes.
std::string coverage_summary(const app::JobResult& r) {
    std::ostringstream out;
    if (!r.councils.kept.empty()) {
        out << "councils     " << joined(r.councils.kept) << " (--council), in every input\n";
    }
    for (const auto& [results, skipped] :
         {std::pair{r.election ? &*r.election : nullptr, &r.skipped_old},
          std::pair{r.actual ? &*r.actual : nullptr, &r.skipped_actual}}) {
        if (!results) continue;
        if (!results->skipped_rows.empty()) {
            out << "skipped      " << skipped_rows(*results) << " rows of "
                << results->path.string() << " that are no local ward ballot ("
                << skipped_text(results->skipped_rows) << ")\n";
        }
        if (!skipped->empty()) {
            out << "skipped      " << skipped->size() << " councils of " << results->path.string()
                << " with no ward on the map (wards): " << skipped_text(*skipped) << "\n";
        }
    }
    const auto unreached = unreached_wards(r);
    if (!unreached.empty()) {
        out << "unreached    " << unreached.size()
            << " new wards no old ward's weight reaches (zero votes, reached false):";
        for (const std::size_t n : unreached) out << " " << r.new_wards.codes[n];
        out << "\n";
    }
    auto classes = change_classes(r);
    out << "change       ";
    for (const char* name : {"unchanged", "minor", "major", "new"}) {
        out << classes[name] << " " << name << (std::string(name) == "new" ? "\n" : ", ");
    }
    return out.str();
}

/// The results read, old wards without results, near names.
std::string results_summary(const app::JobResult& r) {
    const model::Election& election = *r.election;
    const model::Notional& notional = *r.notional();
    std::ostringstream out;
    const ResultsFigures f = results_figures(r);
    out << "results      " << f.candidates << " candidates in " << election.wards.size()
        << " wards, " << f.seats << " seats, from " << election.path.string() << " ("
        << model::to_string(election.format) << ")";
    if (notional.uncontested_old != 0) out << "; " << notional.uncontested_old << " uncontested";
    if (notional.strong_independents != 0) {
        out << "; " << notional.strong_independents
            << " independents with a tenth of their seat's vote or more split like parties";
    }
    if (notional.minor_whole != 0) {
        out << "; " << notional.minor_whole
            << " parties kept whole with the successor holding most of the old seat's people "
               "(minor ones, under 1% of their country's vote, and the Speaker)";
    }
    if (f.partial != 0) out << "; " << f.partial << " new wards partial (votes unknown in part)";
    std::vector<std::string> missing;
    std::vector<std::string> partial_wards;
    for (const std::size_t o : f.missing_old) {
        missing.push_back(r.old_wards.names[o] + " (" + r.old_wards.codes[o] + ")");
    }
    for (const std::size_t n : f.partial_new) {
        partial_wards.push_back(r.new_wards.names[n] + " (" + r.new_wards.codes[n] + ")");
    }
    if (!missing.empty()) {
        out << "\nno results   " << missing.size()
            << " old wards have no results in the file: " << listing(missing, 10)
            << "; the new wards they feed are partial: "
            << (partial_wards.empty() ? "none" : listing(partial_wards, 10));
    }
    for (const auto* near : {&r.near_old, &r.near_actual}) {
        if (near->empty()) continue;
        out << "\nnear names   " << near->size()
            << " wards matched by a name one letter away: " << listing(*near, 10);
    }
    for (const auto* recoded : {&r.recoded_old, &r.recoded_actual}) {
        if (recoded->empty()) continue;
        out << "\nother codes  " << recoded->size()
            << " wards matched by name, the layer giving them another code: "
            << listing(*recoded, 10);
    }
    return out.str();
}

/// Per party: seats before and notionally after, votes in and out; the conservation check and
/// the whole votes.
std::string ledger_summary(const app::JobResult& r, const app::JobOptions& options) {
    const model::Notional& notional = *r.notional();
    std::ostringstream out;
    int width = 5;  // wide enough for "party" and the longest code
    for (const auto& entry : notional.ledger) {
        width = std::max(width, static_cast<int>(entry.party.size()));
    }
    char line[256];
    std::snprintf(line, sizeof line, "\n\n  %-*s %6s %8s %12s %14s %12s %10s %12s\n", width,
                  "party", "seats", "notional", "old votes", "new votes", "lost sliver", "lost gap",
                  "lost outside");
    out << line;
    auto print = [&](const model::PartyLedger& entry, int before, const std::string& after) {
        std::snprintf(line, sizeof line, "  %-*s %6d %8s %12.0f %14.4f %12.4f %10.4f %12.4f\n",
                      width, entry.party.c_str(), before, after.c_str(), entry.old_votes,
                      entry.new_votes, entry.lost_sliver, entry.lost_gap, entry.lost_outside);
        out << line;
    };
    const LedgerFigures f = ledger_figures(r);
    for (const auto& party : f.parties) {
        print(party.entry, party.seats, r.seats ? std::to_string(party.notional) : "-");
    }
    print(f.all.entry, f.all.seats, r.seats ? std::to_string(f.all.notional) : "-");
    char imbalance[32];
    std::snprintf(imbalance, sizeof imbalance, "%.1e", f.worst_imbalance);
    out << "\nconservation new + lost = old for every party (largest relative difference "
        << imbalance << ", tolerance 1e-9)\n";
    out << "lost         " << fixed(notional.lost_total(), 4) << " votes ("
        << percent(notional.lost_total() / std::max(1.0, notional.old_total()), 4)
        << "), tolerance " << percent(options.redistribute.max_lost) << "\n";
    out << "rounded      " << fixed(r.rounded_kept, 0) << " whole votes in the new wards + "
        << fixed(r.rounded_lost, 0) << " lost = " << fixed(notional.old_total(), 0)
        << " (votes_rounded)\n";
    return out.str();
}

/// How the notional seats were decided.
std::string seats_summary(const app::JobResult& r, const app::JobOptions& options) {
    if (!r.seats) {
        return "seats        no seats for the new wards (--new-seats or --new-seats-field): votes "
               "only\n";
    }
    const SeatFigures f = seat_figures(*r.seats);
    std::ostringstream out;
    out << "seats        " << f.total << " notional seats by "
        << model::to_string(options.seats.method);
    if (options.seats.method == model::SeatMethod::continuity) {
        out << " (" << f.continuity << " wards by continuity, the rest rank-slot)";
    }
    out << "; " << f.knife_edge << " knife-edge, " << f.ties << " decided by a tie";
    if (f.carried != 0) out << ", " << f.carried << " carried from uncontested wards";
    if (f.unknown != 0) out << ", " << f.unknown << " unknown";
    out << "\n";
    return out.str();
}

}  // namespace

std::string job_summary(const app::JobResult& result, const app::JobOptions& options) {
    std::string text =
        maps_summary(result, options) + crosswalks_summary(result) + coverage_summary(result);
    if (result.election) {
        text += results_summary(result) + ledger_summary(result, options) +
                seats_summary(result, options);
    }
    if (result.parties) text += party_summary(*result.parties, result.party_labels);
    if (result.comparison) text += comparison_summary(*result.comparison);
    return text + outputs_list(result.written);
}

std::string outputs_list(const std::vector<std::filesystem::path>& written) {
    std::string text = "\noutputs";
    for (const auto& path : written) text += "\n  " + path.string();
    return text + "\n";
}

}  // namespace notional::cli
