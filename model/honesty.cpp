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
    Eigen::VectorXd estimated_sum = Eigen::VectorXd::Zero(f.cols()), total = estimated_sum;
    if (notional) {
        Eigen::VectorXd split(f.rows());
        for (Eigen::Index o = 0; o < f.rows(); ++o) {
            split[o] = successors[static_cast<std::size_t>(o)] > 1 ? 1.0 : 0.0;
        }
        const Sparse split_votes = split.asDiagonal() * notional->old.tot;
        const Sparse estimated =
            carry(split_votes, crosswalk, notional->old.independent, notional->independents_split);
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

Sparse rounded_votes(const Notional& notional, const Crosswalk& crosswalk,
                     std::vector<double>& lost) {
    const Measures& old = notional.old;
    const SparseRows votes = old.tot;
    lost.assign(old.parties.size(), 0.0);
    std::vector<Eigen::Triplet<double>> out;
    for (Eigen::Index o = 0; o < votes.outerSize(); ++o) {
        for (SparseRows::InnerIterator v(votes, o); v; ++v) {
            const auto p = static_cast<std::size_t>(v.col());
            const bool whole = old.independent[p] && !notional.independents_split;
            const SparseRows& f = whole ? crosswalk.whole() : crosswalk.shares();
            // Destinations: the new wards, then what is lost; exact parts, floors, remainders.
            struct Part {
                long long index;  // -1: lost
                double exact;
                double floor;
            };
            std::vector<Part> parts;
            double given = 0.0;
            for (SparseRows::InnerIterator it(f, o); it; ++it) {
                const double exact = it.value() * v.value();
                parts.push_back({it.col(), exact, std::floor(exact)});
                given += it.value();
            }
            const double exact_lost = std::max(0.0, 1.0 - given) * v.value();
            parts.push_back({-1, exact_lost, std::floor(exact_lost)});
            double floors = 0.0;
            for (const auto& part : parts) floors += part.floor;
            auto left = static_cast<long long>(std::llround(v.value() - floors));
            std::vector<std::size_t> order(parts.size());
            for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
            std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
                return parts[a].exact - parts[a].floor > parts[b].exact - parts[b].floor;
            });
            for (std::size_t i = 0; left > 0 && i < order.size(); ++i, --left)
                parts[order[i]].floor += 1.0;
            for (const auto& part : parts) {
                if (part.index < 0) {
                    lost[p] += part.floor;
                } else if (part.floor > 0.0) {
                    out.emplace_back(static_cast<int>(part.index), static_cast<int>(p), part.floor);
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
