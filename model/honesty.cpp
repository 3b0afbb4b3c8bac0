#include "model/honesty.hpp"

#include <algorithm>
#include <cmath>

namespace notional::model {

const char* to_string(ChangeClass change) {
    switch (change) {
        case ChangeClass::unchanged: return "unchanged";
        case ChangeClass::minor: return "minor";
        case ChangeClass::major: return "major";
        case ChangeClass::created: break;
    }
    return "new";
}

std::optional<ChangeClass> parse_change_class(std::string_view text) {
    for (const auto change :
         {ChangeClass::unchanged, ChangeClass::minor, ChangeClass::major, ChangeClass::created}) {
        if (text == to_string(change)) return change;
    }
    return std::nullopt;
}

std::vector<WardHonesty> assess(const Crosswalk& crosswalk, const Notional* notional,
                                const HonestyOptions& options) {
    const auto& f = crosswalk.shares();
    const auto& ledger = crosswalk.ledger();
    std::vector<WardHonesty> result(crosswalk.new_count());
    std::vector<int> successors(crosswalk.old_count(), 0);
    const auto& g = crosswalk.shares_of_new();
    for (Eigen::Index o = 0; o < g.outerSize(); ++o) {
        for (SparseRows::InnerIterator it(g, o); it; ++it) {
            ++successors[static_cast<std::size_t>(o)];
            result[static_cast<std::size_t>(it.col())].sources.emplace_back(
                static_cast<std::size_t>(o), it.value());
        }
    }

    // Votes from split old wards, carried exactly as the notional itself is.
    Eigen::VectorXd estimated_sum = Eigen::VectorXd::Zero(f.cols());
    Eigen::VectorXd total = estimated_sum;
    if (notional) {
        Eigen::VectorXd split(f.rows());
        for (Eigen::Index o = 0; o < f.rows(); ++o) {
            split[o] = successors[static_cast<std::size_t>(o)] > 1 ? 1.0 : 0.0;
        }
        const Sparse split_votes = split.asDiagonal() * notional->old.tot;
        const Sparse estimated = carry(split_votes, crosswalk, *notional);
        estimated_sum = estimated * Eigen::VectorXd::Ones(estimated.cols());
        total = notional->carried.tot * Eigen::VectorXd::Ones(notional->carried.tot.cols());
    }

    for (std::size_t n = 0; n < result.size(); ++n) {
        WardHonesty& ward = result[n];
        std::sort(ward.sources.begin(), ward.sources.end(), [](const auto& a, const auto& b) {
            return a.second != b.second ? a.second > b.second : a.first < b.first;
        });
        const auto i = static_cast<Eigen::Index>(n);
        ward.estimated_pct = total[i] > 0.0 ? 100.0 * estimated_sum[i] / total[i] : 0.0;
        if (ward.sources.empty()) continue;  // draws on nothing: new
        const auto [main, taken] = ward.sources.front();
        const double allocated = ledger[main].allocated;
        const double kept =
            allocated > 0.0 ? f.coeff(static_cast<Eigen::Index>(main), i) / allocated : 0.0;
        ward.moved = std::max(1.0 - taken, 1.0 - kept);
        if (ward.moved < 1e-9) ward.moved = 0.0;  // rounding in the shares, not a change
        if (taken < 0.5) {
            ward.change = ChangeClass::created;
        } else if (ward.moved == 0.0) {
            ward.change = ChangeClass::unchanged;
        } else if (ward.moved <= options.minor_moved) {
            ward.change = ChangeClass::minor;
        } else {
            ward.change = ChangeClass::major;
        }
    }
    return result;
}

namespace {

/// Adds 1 to the `count` parts with the largest remainders over their floors (the first of
/// equal remainders first).
void give_remainders(const std::vector<double>& exact, std::vector<double>& floors,
                     long long count) {
    std::vector<std::size_t> order(exact.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return exact[a] - floors[a] > exact[b] - floors[b];
    });
    for (std::size_t i = 0; count > 0 && i < order.size(); ++i, --count) floors[order[i]] += 1.0;
}

}  // namespace

Sparse rounded_votes(const Notional& notional, const Crosswalk& crosswalk,
                     std::vector<double>& lost) {
    const Measures& old = notional.old;
    const Sparse& votes = old.tot;  // column-major: one party at a time
    lost.assign(old.parties.size(), 0.0);
    std::vector<Eigen::Triplet<double>> out;
    for (Eigen::Index p = 0; p < votes.outerSize(); ++p) {
        const auto party = static_cast<std::size_t>(p);
        const SparseRows f = notional.route(party, crosswalk);
        // First the party's lost votes: their whole number is the party's exact loss rounded,
        // shared out over the old wards by largest remainder.
        std::vector<Eigen::Index> wards;
        std::vector<double> value;
        std::vector<double> lost_exact;
        std::vector<double> lost_whole;
        for (Sparse::InnerIterator v(votes, p); v; ++v) {
            double given = 0.0;
            for (SparseRows::InnerIterator it(f, v.row()); it; ++it) given += it.value();
            wards.push_back(v.row());
            value.push_back(v.value());
            lost_exact.push_back(std::max(0.0, 1.0 - given) * v.value());
            lost_whole.push_back(std::floor(lost_exact.back()));
        }
        double lost_sum = 0.0;
        double lost_floors = 0.0;
        for (std::size_t i = 0; i < wards.size(); ++i) {
            lost_sum += lost_exact[i];
            lost_floors += lost_whole[i];
        }
        give_remainders(lost_exact, lost_whole, std::llround(lost_sum) - std::llround(lost_floors));
        // Then each old ward's kept votes over its successors, again by largest remainder, so
        // the ward's total stays exact.
        for (std::size_t i = 0; i < wards.size(); ++i) {
            std::vector<Eigen::Index> successors;
            std::vector<double> exact;
            std::vector<double> floors;
            for (SparseRows::InnerIterator it(f, wards[i]); it; ++it) {
                successors.push_back(it.col());
                exact.push_back(it.value() * value[i]);
                floors.push_back(std::floor(exact.back()));
            }
            double floor_sum = 0.0;
            for (const double part : floors) floor_sum += part;
            give_remainders(exact, floors,
                            std::llround(value[i] - lost_whole[i]) - std::llround(floor_sum));
            lost[party] += lost_whole[i];
            for (std::size_t k = 0; k < successors.size(); ++k) {
                if (floors[k] > 0.0) {
                    out.emplace_back(static_cast<int>(successors[k]), static_cast<int>(p),
                                     floors[k]);
                }
            }
        }
    }
    Sparse result(static_cast<Eigen::Index>(crosswalk.new_count()),
                  static_cast<Eigen::Index>(old.parties.size()));
    result.setFromTriplets(out.begin(), out.end());
    return result;
}

}  // namespace notional::model
