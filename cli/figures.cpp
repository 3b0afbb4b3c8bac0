#include "cli/figures.hpp"

#include <algorithm>

#include "model/ordering.hpp"

namespace notional::cli {

OutlineFigures outline_figures(const app::JobResult& r) {
    const model::Crosswalk& by_area = r.by_area();
    const geo::Overlay* overlay = r.overlay ? &*r.overlay : nullptr;
    OutlineFigures f;
    for (std::size_t o = 0; o < r.old_wards.size(); ++o) {
        const auto& entry = by_area.ledger()[o];
        f.overlap_m2 += entry.overlap;
        if (overlay) f.gap_m2 += overlay->old_gap_m2[o];
        // Counted where more than a sliver reaches beyond (its part shaped in uncovered.geojson),
        // not for every rounding error of the pieces' sum.
        const bool shaped = overlay == nullptr || overlay->old_uncovered_m2[o] > 0.0;
        if (entry.spread > 0.0 && shaped) {
            ++f.beyond;
            f.spread_m2 += entry.spread * entry.weight;
            f.largest.emplace_back(entry.spread, o);
        }
        if (entry.outside > 0.0) ++(entry.allocated > 0.0 ? f.too_much : f.no_part);
    }
    std::sort(f.largest.rbegin(), f.largest.rend());
    return f;
}

double sliver_m2(const geo::Overlay& overlay) {
    double total = 0.0;
    for (const double m2 : overlay.old_sliver_m2) total += m2;
    return total;
}

std::vector<std::pair<double, std::size_t>> partly_weighted(const app::JobResult& r) {
    std::vector<std::pair<double, std::size_t>> partly;
    if (!r.weighting) return partly;
    const geo::Weighting& w = *r.weighting;
    for (std::size_t o = 0; o < r.old_wards.size(); ++o) {
        if (w.old_coverage[o] > 0.0 && w.old_coverage[o] < 0.95) {
            partly.emplace_back(w.old_coverage[o], o);
        }
    }
    std::sort(partly.begin(), partly.end());
    return partly;
}

std::size_t skipped_rows(const model::Election& election) {
    std::size_t rows = 0;
    for (const auto& [kind, count] : election.skipped_rows) rows += count;
    return rows;
}

std::vector<std::size_t> unreached_wards(const app::JobResult& r) {
    std::vector<std::size_t> unreached;
    for (const std::size_t n : model::order_by_code(r.new_wards.codes)) {
        if (r.honesty[n].sources.empty()) unreached.push_back(n);
    }
    return unreached;
}

std::map<std::string, int> change_classes(const app::JobResult& r) {
    std::map<std::string, int> classes{{"unchanged", 0}, {"minor", 0}, {"major", 0}, {"new", 0}};
    for (const auto& ward : r.honesty) ++classes[model::to_string(ward.change)];
    return classes;
}

ResultsFigures results_figures(const app::JobResult& r) {
    ResultsFigures f;
    for (const auto& ward : r.election->wards) {
        f.candidates += ward.candidates.size();
        f.seats += ward.seats.value_or(0);
    }
    const model::Notional& notional = *r.notional();
    f.partial = static_cast<std::size_t>(
        std::count(notional.partial.begin(), notional.partial.end(), true));
    // Old wards the results do not name: their votes are unknown, never zero.
    std::vector<bool> has_result(r.old_wards.size(), false);
    for (const std::size_t o : r.matched) has_result[o] = true;
    for (const std::size_t o : model::order_by_code(r.old_wards.codes)) {
        if (!has_result[o]) f.missing_old.push_back(o);
    }
    for (const std::size_t n : model::order_by_code(r.new_wards.codes)) {
        if (notional.partial[n]) f.partial_new.push_back(n);
    }
    return f;
}

LedgerFigures ledger_figures(const app::JobResult& r) {
    const model::Notional& notional = *r.notional();
    const auto totals = r.seats ? model::council_totals(*r.seats) : std::map<std::string, int>{};
    std::map<std::string, int> won_before;
    for (const auto& winners : notional.old.winners) {
        for (const auto& party : winners) ++won_before[party];
    }
    LedgerFigures f;
    f.all.entry.party = "all";
    for (const auto& entry : notional.ledger) {
        PartyLine line{entry, won_before.contains(entry.party) ? won_before[entry.party] : 0,
                       totals.contains(entry.party) ? totals.at(entry.party) : 0};
        f.all.seats += line.seats;
        f.all.notional += line.notional;
        f.all.entry.old_votes += entry.old_votes;
        f.all.entry.new_votes += entry.new_votes;
        f.all.entry.lost_sliver += entry.lost_sliver;
        f.all.entry.lost_gap += entry.lost_gap;
        f.all.entry.lost_outside += entry.lost_outside;
        f.worst_imbalance = std::max(f.worst_imbalance, entry.imbalance());
        f.parties.push_back(std::move(line));
    }
    return f;
}

SeatFigures seat_figures(const std::vector<model::WardSeats>& seats) {
    SeatFigures f;
    for (const auto& ward : seats) {
        f.knife_edge += ward.knife_edge ? 1 : 0;
        f.ties += ward.tie ? 1 : 0;
        f.continuity += ward.continuity ? 1 : 0;
        f.carried += ward.carried ? 1 : 0;
        f.unknown += ward.unknown ? 1 : 0;
    }
    for (const auto& [party, won] : model::council_totals(seats)) f.total += won;
    return f;
}

std::map<std::string, int> verdict_counts(const model::Comparison& comparison) {
    std::map<std::string, int> verdicts;
    for (const auto verdict :
         {model::Verdict::genuine, model::Verdict::boundary_artefact, model::Verdict::uncertain}) {
        verdicts[model::to_string(verdict)] = 0;
    }
    for (const auto& ward : comparison.wards) {
        for (const auto& party : ward.parties) {
            for (const auto verdict : party.verdicts) ++verdicts[model::to_string(verdict)];
        }
    }
    return verdicts;
}

double support_covered(const model::PartySupport& support) {
    return support.people() > 0.0 ? support.people_covered() / support.people() : 0.0;
}

}  // namespace notional::cli
