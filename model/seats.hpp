#pragma once
/// Notional seats in multi-member wards (METHOD.md §6): rank-slot by default, block and
/// continuity (Denver) as alternatives; margins, knife-edges and ties.
#include <cstddef>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "model/crosswalk.hpp"
#include "model/redistribute.hpp"

namespace notional::model {

/// block_top values each slot at the party's top vote instead of its average: the share_top
/// convention's seat rule, run as a variant.
enum class SeatMethod { rank_slot, block, block_top, continuity };

/// "rank-slot", "block", "block-top", "continuity"; throws UsageError otherwise.
[[nodiscard]] SeatMethod parse_seat_method(const std::string& text);
[[nodiscard]] const char* to_string(SeatMethod method);

struct SeatOptions {
    SeatMethod method = SeatMethod::rank_slot;
    double knife_edge_pct = 2.0;    ///< a margin below this % of ballots is a knife-edge
    double continuity_share = 0.9;  ///< the continuity rule's 90% both ways
};

struct WardSeats {
    int seats = 0;
    std::vector<std::string> winners;    ///< party codes of the elected slots, best first
    std::optional<double> margin_votes;  ///< last elected slot minus first unelected slot
    std::optional<double> margin_pct;    ///< the margin as a % of (notional) ballots
    bool ballots_estimated = false;  ///< no ballots in the results: the sum of top votes stood in
    bool knife_edge = false;
    bool tie = false;         ///< the last seat went by party code order between equal slots
    bool extended = false;    ///< a new ward with more seats than an old ward it draws on
    bool continuity = false;  ///< the continuity rule applied (else rank-slot stood in)
    bool carried = false;     ///< seats carried from an uncontested old ward, not from votes
    bool unknown = false;     ///< no seats: the ward's seats or its votes are unknown

    [[nodiscard]] std::map<std::string, int> by_party() const;
};

/// Notional seats of every new ward; `new_seats[n]` 0 means the ward's seat count is unknown.
[[nodiscard]] std::vector<WardSeats> notional_seats(const Notional& notional,
                                                    const Crosswalk& crosswalk,
                                                    const std::vector<int>& new_seats,
                                                    const SeatOptions& options = {});

/// Seats by party over many wards.
[[nodiscard]] std::map<std::string, int> council_totals(const std::vector<WardSeats>& wards);

}  // namespace notional::model
