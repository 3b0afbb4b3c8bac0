#include "model/seats.hpp"

#include <algorithm>
#include <cmath>

#include "core/csv.hpp"
#include "core/error.hpp"
#include "core/text.hpp"

namespace notional::model {

SeatMethod parse_seat_method(const std::string& text) {
    const std::string t = lower(text);
    if (t == "rank-slot" || t == "rank_slot" || t == "rankslot") return SeatMethod::rank_slot;
    if (t == "block") return SeatMethod::block;
    if (t == "block-top" || t == "block_top") return SeatMethod::block_top;
    if (t == "continuity" || t == "denver") return SeatMethod::continuity;
    throw UsageError("'" + text + "' is no seat rule: rank-slot, block, block-top or continuity");
}

const char* to_string(SeatMethod method) {
    switch (method) {
        case SeatMethod::block: return "block";
        case SeatMethod::block_top: return "block-top";
        case SeatMethod::continuity: return "continuity";
        case SeatMethod::rank_slot: break;
    }
    return "rank-slot";
}

std::map<std::string, int> WardSeats::by_party() const {
    std::map<std::string, int> seats_by_party;
    for (const auto& party : winners) ++seats_by_party[party];
    return seats_by_party;
}

std::map<std::string, int> council_totals(const std::vector<WardSeats>& wards) {
    std::map<std::string, int> totals;
    for (const auto& ward : wards) {
        for (const auto& [party, seats] : ward.by_party()) totals[party] += seats;
    }
    return totals;
}

namespace {

struct Slot {
    std::size_t party = 0;
    int rank = 0;  ///< 1-based
    double value = 0.0;
};

/// The old election's rank values, extended where a new ward has more seats (METHOD.md §6).
class Ranks {
public:
    explicit Ranks(const Measures& old) : m_old(old) {
        for (const auto& rank : old.rank) m_rank.emplace_back(rank);
        m_stood = old.stood;
    }
    /// R[o,p,i] for 1-based i; sets `extended` when an old ward's last rank stands in (only
    /// when `extend`).
    double value(std::size_t o, std::size_t p, int i, bool& extended, bool extend = true) const {
        const auto row = static_cast<Eigen::Index>(o);
        const auto col = static_cast<Eigen::Index>(p);
        const int stood = static_cast<int>(m_stood.coeff(row, col));
        if (i <= stood) return m_rank[static_cast<std::size_t>(i - 1)].coeff(row, col);
        const int seats = m_old.seats[o];
        if (extend && seats > 0 && i > seats && stood >= seats) {
            extended = true;
            return m_rank[static_cast<std::size_t>(seats - 1)].coeff(row, col);
        }
        return 0.0;
    }

private:
    const Measures& m_old;
    std::vector<SparseRows> m_rank;
    SparseRows m_stood;
};

/// The old wards a new ward draws on, with f[o,n], for parties and for independents.
struct Sources {
    std::vector<std::pair<std::size_t, double>> by_share, whole;
};

std::vector<Sources> sources_of(const Crosswalk& crosswalk) {
    std::vector<Sources> sources(crosswalk.new_count());
    const auto add = [&](const SparseRows& matrix, auto member) {
        for (Eigen::Index o = 0; o < matrix.outerSize(); ++o) {
            for (SparseRows::InnerIterator it(matrix, o); it; ++it) {
                (sources[static_cast<std::size_t>(it.col())].*member)
                    .emplace_back(static_cast<std::size_t>(o), it.value());
            }
        }
    };
    add(crosswalk.shares(), &Sources::by_share);
    add(crosswalk.whole(), &Sources::whole);
    return sources;
}

/// Elects the `seats` best slots and measures the margin.
void elect(std::vector<Slot> slots, int seats, double ballots, const Measures& measures,
           const SeatOptions& options, WardSeats& ward) {
    std::sort(slots.begin(), slots.end(), [&](const Slot& a, const Slot& b) {
        if (a.value != b.value) return a.value > b.value;
        if (a.party != b.party) return measures.parties[a.party] < measures.parties[b.party];
        return a.rank < b.rank;
    });
    const auto filled = std::min(static_cast<std::size_t>(seats), slots.size());
    for (std::size_t i = 0; i < filled; ++i) {
        ward.winners.push_back(measures.parties[slots[i].party]);
    }
    if (filled == 0) return;
    // The margin is the smallest swing of votes that changes which parties hold the seats: for
    // each party's best unelected slot, the gap to the lowest elected slot of another party
    // (a party's own next slot, all equal under block votes, takes nothing from it).
    std::optional<double> margin;
    std::vector<bool> seen(measures.parties.size(), false);
    for (std::size_t u = filled; u < slots.size(); ++u) {
        if (seen[slots[u].party]) continue;
        seen[slots[u].party] = true;
        for (std::size_t e = filled; e-- > 0;) {
            if (slots[e].party == slots[u].party) continue;
            const double gap = slots[e].value - slots[u].value;
            if (!margin || gap < *margin) margin = gap;
            break;
        }
    }
    ward.margin_votes = margin ? *margin : slots[filled - 1].value;  // else unopposed
    ward.tie = margin && *margin <= 1e-9 * std::max(1.0, slots[filled - 1].value);
    if (ballots > 0.0) {
        ward.margin_pct = 100.0 * *ward.margin_votes / ballots;
        ward.knife_edge = *ward.margin_pct < options.knife_edge_pct;
    }
}

/// Decides one new ward's notional seats after another.
class SeatDecider {
public:
    SeatDecider(const Notional& notional, const Crosswalk& crosswalk, const SeatOptions& options)
        : m_notional(notional),
          m_old(notional.old),
          m_carried(notional.carried),
          m_crosswalk(crosswalk),
          m_options(options),
          m_ranks(notional.old),
          m_sources(sources_of(crosswalk)),
          m_top(notional.carried.top),
          m_avg(notional.carried.avg),
          m_stood(notional.carried.stood) {}

    void decide(std::size_t n, WardSeats& ward) const {
        if (ward.seats <= 0) {
            ward.unknown = true;
            return;
        }
        if (m_notional.partial[n] && carry_unknown(n, ward)) return;
        const double ballots = ballots_of(n, ward);
        std::vector<Slot> slots;
        if (m_options.method == SeatMethod::continuity) continuity_slots(n, ward, slots);
        if (!ward.continuity) {
            if (m_options.method == SeatMethod::block ||
                m_options.method == SeatMethod::block_top) {
                block_slots(n, ward, slots);
            } else {
                rank_slots(n, m_sources[n].by_share, m_sources[n].whole, ward, slots);
            }
        }
        elect(std::move(slots), ward.seats, ballots, m_carried, m_options, ward);
    }

private:
    [[nodiscard]] double share_of_new(std::size_t o, std::size_t n) const {
        return m_crosswalk.shares_of_new().coeff(static_cast<Eigen::Index>(o),
                                                 static_cast<Eigen::Index>(n));
    }

    /// A ward mostly of an old ward of unknown votes carries that ward's seats; true when so
    /// decided (or left unknown), false to decide on the rest.
    bool carry_unknown(std::size_t n, WardSeats& ward) const {
        double unknown_share = 0.0;
        double largest = 0.0;
        std::optional<std::size_t> main_unknown;
        for (const auto& [o, f] : m_sources[n].by_share) {
            if (m_old.contested[o]) continue;
            const double share = share_of_new(o, n);
            unknown_share += share;
            if (share > largest) {
                largest = share;
                main_unknown = o;
            }
        }
        if (unknown_share < 0.5) return false;
        const auto& winners = m_old.winners[*main_unknown];
        if (winners.empty()) {
            ward.unknown = true;
            return true;
        }
        ward.carried = true;
        for (int i = 0; i < ward.seats; ++i) {
            ward.winners.push_back(
                winners[std::min<std::size_t>(static_cast<std::size_t>(i), winners.size() - 1)]);
        }
        ward.extended = ward.seats > static_cast<int>(winners.size());
        return true;
    }

    /// The ballots carried, else the sum of top votes (estimated).
    double ballots_of(std::size_t n, WardSeats& ward) const {
        if (m_carried.ballots[n]) return *m_carried.ballots[n];
        double ballots = 0.0;
        for (SparseRows::InnerIterator it(m_top, static_cast<Eigen::Index>(n)); it; ++it) {
            ballots += it.value();
        }
        ward.ballots_estimated = true;
        return ballots;
    }

    using From = std::vector<std::pair<std::size_t, double>>;

    /// Each party's candidates' votes carried into new ward `n` by rank, as the party's votes
    /// move (Notional::route).
    void rank_slots(std::size_t n, const From& parties_from, const From& independents_from,
                    WardSeats& ward, std::vector<Slot>& slots, bool extend = true) const {
        for (std::size_t p = 0; p < m_old.parties.size(); ++p) {
            const bool whole = m_notional.whole[p];
            const bool supported = !whole && m_notional.supported(p);
            const auto& from = whole ? independents_from : parties_from;
            for (int i = 1; i <= ward.seats; ++i) {
                double value = 0.0;
                for (const auto& [o, f] : from) {
                    if (!m_old.contested[o]) continue;
                    const double factor =
                        supported ? m_notional.support[p].coeff(static_cast<Eigen::Index>(o),
                                                                static_cast<Eigen::Index>(n))
                                  : 1.0;
                    value += f * factor * m_ranks.value(o, p, i, ward.extended, extend);
                }
                if (value > 0.0) slots.push_back({p, i, value});
            }
        }
    }

    void continuity_slots(std::size_t n, WardSeats& ward, std::vector<Slot>& slots) const {
        for (const auto& [o, f] : m_sources[n].by_share) {
            if (f < m_options.continuity_share || share_of_new(o, n) < m_options.continuity_share) {
                continue;
            }
            // The old ward's own candidates, scaled to the share of them now here: the old
            // elected set, less its lowest or plus its best loser as seats change. A gained seat
            // goes to the best real loser, not to a full slate's last rank repeated; extend only
            // when the old ward has too few candidates.
            const From only{{o, f}};
            rank_slots(n, only, only, ward, slots, false);
            if (slots.size() < static_cast<std::size_t>(ward.seats)) {
                slots.clear();
                rank_slots(n, only, only, ward, slots, true);
            }
            ward.continuity = true;
            return;
        }
    }

    void block_slots(std::size_t n, const WardSeats& ward, std::vector<Slot>& slots) const {
        const SparseRows& value_of = m_options.method == SeatMethod::block ? m_avg : m_top;
        for (std::size_t p = 0; p < m_old.parties.size(); ++p) {
            const auto row = static_cast<Eigen::Index>(n);
            const auto col = static_cast<Eigen::Index>(p);
            const double value = value_of.coeff(row, col);
            const int slate = std::min(ward.seats, static_cast<int>(m_stood.coeff(row, col)));
            for (int i = 1; i <= slate && value > 0.0; ++i) slots.push_back({p, i, value});
        }
    }

    const Notional& m_notional;
    const Measures& m_old;
    const Measures& m_carried;
    const Crosswalk& m_crosswalk;
    const SeatOptions& m_options;
    const Ranks m_ranks;
    const std::vector<Sources> m_sources;
    const SparseRows m_top, m_avg, m_stood;
};

}  // namespace

std::vector<WardSeats> notional_seats(const Notional& notional, const Crosswalk& crosswalk,
                                      const std::vector<int>& new_seats,
                                      const SeatOptions& options) {
    const SeatDecider decider(notional, crosswalk, options);
    std::vector<WardSeats> result(crosswalk.new_count());
    for (std::size_t n = 0; n < result.size(); ++n) {
        result[n].seats = new_seats.at(n);
        decider.decide(n, result[n]);
    }
    return result;
}

}  // namespace notional::model
