#include "cli/outline.hpp"

#include <algorithm>
#include <sstream>
#include <utility>
#include <vector>

#include "core/csv.hpp"
#include "geo/geojson.hpp"
#include "model/measures.hpp"
#include "model/ordering.hpp"

namespace notional::cli {

namespace {

std::string percent(double share, int decimals) {
    return notional::fixed(100.0 * share, decimals) + "%";
}

}  // namespace

void write_uncovered(notional::StagedOutputs& outputs, geo::Overlay& overlay,
                     const geo::Layer& old_wards, const model::Crosswalk& crosswalk,
                     const model::Notional* notional, double min_piece_m2,
                     geo::GeosContext& context) {
    geo::Layer parts;
    parts.label = old_wards.label + ": parts no new ward covers";
    parts.srs = old_wards.srs;
    std::vector<std::size_t> wards;
    for (const std::size_t o : model::order_by_code(old_wards.codes)) {
        if (!overlay.uncovered[o] || overlay.old_uncovered_m2[o] < min_piece_m2) {
            continue;
        }
        wards.push_back(o);
        parts.codes.push_back(old_wards.codes[o]);
        parts.names.push_back(old_wards.names[o]);
        parts.shapes.push_back(std::move(overlay.uncovered[o]));
    }
    const Eigen::VectorXd votes =
        notional ? model::ward_totals(notional->old.tot) : Eigen::VectorXd();
    std::vector<geo::Column> columns{
        {"old_code", {}}, {"old_name", {}},  {"uncovered_m2", {}}, {"uncovered_share", {}},
        {"gap_m2", {}},   {"votes_are", {}}, {"votes", {}},        {"votes_lost", {}}};
    for (const std::size_t o : wards) {
        const auto& entry = crosswalk.ledger()[o];
        const char* fate = entry.outside > 0.0 && entry.allocated <= 0.0
                               ? "lost: no part on the new map"
                           : entry.outside > 0.0 ? "lost: more than --max-uncovered beyond the map"
                           : overlay.old_gap_m2[o] > 0.0 ? "spread, but lost in the gap"
                                                         : "spread over the part the map covers";
        const bool known = notional && notional->old.contested[o];
        const double ward_votes = known ? votes[static_cast<Eigen::Index>(o)] : 0.0;
        const std::vector<geo::Value> values{
            old_wards.codes[o],
            old_wards.names[o],
            notional::rounded(overlay.old_uncovered_m2[o], 2),
            notional::rounded(overlay.old_uncovered_m2[o] / old_wards.areas_m2[o], 6),
            notional::rounded(overlay.old_gap_m2[o], 2),
            std::string(fate),
            known ? geo::Value(notional::rounded(ward_votes, 0)) : geo::Value(),
            known ? geo::Value(notional::rounded(ward_votes * entry.lost(), 4)) : geo::Value()};
        for (std::size_t c = 0; c < columns.size(); ++c) columns[c].values.push_back(values[c]);
    }
    std::vector<std::size_t> order(parts.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    outputs.write_text("uncovered.geojson",
                       geo::geojson_text("uncovered", parts, order, columns, context));
}

std::string outline_summary(const model::Crosswalk& by_area, const geo::Layer& old_wards,
                            const geo::Overlay* overlay, double max_uncovered) {
    std::size_t beyond = 0, no_part = 0, too_much = 0;
    double spread_m2 = 0.0, overlap_m2 = 0.0, gap_m2 = 0.0;
    std::vector<std::pair<double, std::size_t>> largest;
    for (std::size_t o = 0; o < old_wards.size(); ++o) {
        const auto& entry = by_area.ledger()[o];
        overlap_m2 += entry.overlap;
        if (overlay) gap_m2 += overlay->old_gap_m2[o];
        if (entry.spread > 0.0) {
            ++beyond;
            spread_m2 += entry.spread * entry.weight;
            largest.emplace_back(entry.spread, o);
        }
        if (entry.outside > 0.0) ++(entry.allocated > 0.0 ? too_much : no_part);
    }
    std::sort(largest.rbegin(), largest.rend());
    std::ostringstream out;
    out << "outline      " << beyond << " old wards reach beyond the new map's outline by "
        << notional::fixed(spread_m2, 0)
        << " m² (a river, a coast drawn another way): their votes are spread over the part the "
           "map covers";
    for (std::size_t i = 0; i < std::min<std::size_t>(5, largest.size()); ++i) {
        if (largest[i].first < 0.001) break;  // would print as 0.0%
        const std::size_t o = largest[i].second;
        out << (i ? ", " : "; most ") << old_wards.names[o] << " (" << old_wards.codes[o] << ") "
            << percent(largest[i].first, 1);
    }
    out << "\n             lost: " << no_part << " old wards with no part on the new map, "
        << too_much << " more than " << percent(max_uncovered, 0)
        << " beyond it (--max-uncovered), " << notional::fixed(gap_m2, 0)
        << " m² in gaps inside the new map; " << notional::fixed(overlap_m2, 2)
        << " m² covered twice by overlapping new wards\n";
    return out.str();
}

}  // namespace notional::cli
