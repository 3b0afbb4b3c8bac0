#include "model/tables.hpp"

#include <algorithm>
#include <map>
#include <tuple>

#include "core/csv.hpp"

namespace notional::model {

std::vector<std::size_t> order_by_code(const std::vector<std::string>& codes) {
    std::vector<std::size_t> order(codes.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::sort(order.begin(), order.end(),
              [&](std::size_t a, std::size_t b) { return codes[a] < codes[b]; });
    return order;
}

std::vector<std::size_t> parties_in(const Notional& notional, std::size_t ward,
                                    const WardSeats* seats) {
    const auto& tot = notional.carried.tot;
    const auto row = static_cast<Eigen::Index>(ward);
    std::map<std::string, int> won;
    if (seats) won = seats->by_party();
    std::vector<std::size_t> parties;
    for (std::size_t p = 0; p < notional.old.parties.size(); ++p) {
        if (tot.coeff(row, static_cast<Eigen::Index>(p)) > 0.0 ||
            won.count(notional.old.parties[p])) {
            parties.push_back(p);
        }
    }
    std::stable_sort(parties.begin(), parties.end(), [&](std::size_t a, std::size_t b) {
        return tot.coeff(row, static_cast<Eigen::Index>(a)) >
               tot.coeff(row, static_cast<Eigen::Index>(b));
    });
    return parties;
}

std::string crosswalk_csv(const WardNames& old_wards, const WardNames& new_wards,
                          const Crosswalk& crosswalk, const Crosswalk& by_area) {
    std::vector<Piece> pieces = crosswalk.pieces();
    std::sort(pieces.begin(), pieces.end(), [&](const Piece& a, const Piece& b) {
        return std::tie(old_wards.codes[a.old_index], new_wards.codes[a.new_index]) <
               std::tie(old_wards.codes[b.old_index], new_wards.codes[b.new_index]);
    });
    std::map<std::pair<std::size_t, std::size_t>, double> area;
    for (const auto& piece : by_area.pieces())
        area[{piece.old_index, piece.new_index}] = piece.weight;
    std::string text =
        csv_row({"old_code", "new_code", "area_m2", "share_of_old", "share_of_new", "weight"});
    for (const auto& piece : pieces) {
        const auto o = static_cast<Eigen::Index>(piece.old_index);
        const auto n = static_cast<Eigen::Index>(piece.new_index);
        const auto m2 = area.find({piece.old_index, piece.new_index});
        text += csv_row({old_wards.codes[piece.old_index], new_wards.codes[piece.new_index],
                         m2 == area.end() ? "" : fixed(m2->second, 2),
                         fixed(crosswalk.shares().coeff(o, n), 9),
                         fixed(crosswalk.shares_of_new().coeff(o, n), 9), fixed(piece.weight, 4)});
    }
    return text;
}

std::string ledger_csv(const WardNames& old_wards, const Crosswalk& crosswalk,
                       const Crosswalk& by_area, const Notional* notional) {
    std::string text = csv_row({"old_code", "old_name", "area_m2", "weight", "share_allocated",
                                "share_noise", "share_sliver", "share_gap", "share_outside",
                                "share_spread", "same_ward", "overlap_m2", "votes", "votes_lost"});
    const Eigen::VectorXd votes_of = notional ? ward_totals(notional->old.tot) : Eigen::VectorXd();
    for (const std::size_t o : order_by_code(old_wards.codes)) {
        const auto& entry = crosswalk.ledger()[o];
        const auto& area = by_area.ledger()[o];
        std::string votes, lost;
        if (notional && notional->old.contested[o]) {
            const double total = votes_of[static_cast<Eigen::Index>(o)];
            votes = fixed(total, 0);
            lost = fixed(total * entry.lost(), 4);
        }
        text += csv_row({old_wards.codes[o], old_wards.names[o], fixed(area.weight, 2),
                         fixed(entry.weight, 4), fixed(entry.allocated, 9), fixed(entry.noise, 9),
                         fixed(entry.sliver, 9), fixed(entry.gap, 9), fixed(entry.outside, 9),
                         fixed(entry.spread, 9), entry.same ? "true" : "false",
                         fixed(area.overlap, 2), votes, lost});
    }
    return text;
}

std::string sources_text(const WardHonesty& ward, const std::vector<std::string>& old_codes) {
    std::string text;
    for (const auto& [o, share] : ward.sources) {
        text += (text.empty() ? "" : ";") + old_codes[o] + ":" + fixed(share, 6);
    }
    return text;
}

}  // namespace notional::model
