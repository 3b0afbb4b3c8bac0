#pragma once
/// Comparing a real election on the new wards with the notionals (METHOD.md §7): seat changes
/// against the notional, media labels, share change, swing, majorities, turnout, and a verdict
/// on every claimed gain across the seat rules that were run.
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "model/base.hpp"
#include "model/results.hpp"

namespace notional::model {

enum class Verdict { genuine, boundary_artefact, uncertain };
[[nodiscard]] const char* to_string(Verdict verdict);  ///< GENUINE, BOUNDARY ARTEFACT, UNCERTAIN

/// A party in one new ward, notional against actual.
struct PartyComparison {
    std::string party;
    int notional_seats = 0, actual_seats = 0;
    std::optional<int> predecessor_seats;  ///< what the press compares with
    double notional_votes = 0.0, actual_votes = 0.0;
    std::optional<double> notional_share, actual_share;  ///< in the chosen convention
    bool is_new = false;                                 ///< did not stand in the notional base
    /// One per claimed gain: each seat above the notional or above the predecessor's result.
    std::vector<Verdict> verdicts;
    std::string reason;  ///< the variants' notional seats, so an analyst can see why

    [[nodiscard]] int change() const { return actual_seats - notional_seats; }
    /// "GENUINE", or "GENUINE x2", or "BOUNDARY ARTEFACT; GENUINE" for mixed seats.
    [[nodiscard]] std::string verdict_text() const;
    [[nodiscard]] std::optional<double> share_change() const;
};

struct WardComparison {
    std::string code, name;
    int seats = 0;
    /// False where the base has no notional seats (most of the ward comes from old wards whose
    /// votes are unknown): the actual result is shown, nothing is judged or counted.
    bool judged = true;
    bool partial = false;  ///< the notional draws in part on old wards without results
    ChangeClass change_class = ChangeClass::created;
    std::string label;   ///< "LAB gain from CON (notional)", "CON hold"
    std::string winner;  ///< the party with most seats (most votes between equals)
    std::vector<PartyComparison> parties;  ///< most actual votes first
    std::string swing_to, swing_from;      ///< the two leading parties, actual
    std::optional<double> swing;           ///< Butler swing to `swing_to`, in points
    std::optional<double> steed_swing;     ///< the same on the two parties' shares of their sum
    std::optional<double> majority_votes, majority_pct;  ///< actual: last elected - first unelected
    std::optional<double> notional_majority_pct;
    bool notional_knife_edge = false;
    std::optional<double> turnout, notional_turnout;
};

struct CouncilRow {
    std::string party, name;
    int old_seats = 0;          ///< old election, old map (what press releases compare with)
    int notional_seats = 0;     ///< old election, new map
    int actual_seats = 0;       ///< new election, new map
    int gains = 0, losses = 0;  ///< against the notional, ward by ward

    /// The change a press release quotes: against the old election on the old map.
    [[nodiscard]] int press_change() const { return actual_seats - old_seats; }
    /// The real change: against the notional result on the new map.
    [[nodiscard]] int real_change() const { return actual_seats - notional_seats; }
};

enum class ShareConvention { total, top };

struct Comparison {
    ShareConvention convention = ShareConvention::total;
    double knife_edge_pct = 2.0;
    std::vector<std::string> variants;
    std::vector<WardComparison> wards;  ///< by code
    std::vector<CouncilRow> council;    ///< most actual seats first

    /// The wards judged (those with notional seats) and their seats.
    [[nodiscard]] std::pair<std::size_t, int> judged() const;
};

/// `actual` is the new election on the new wards; its wards are matched to the base's by code
/// or name. Throws DataError listing unmatched wards, or where seat counts disagree.
/// A notional margin under `knife_edge_pct` of ballots is a knife-edge, and its verdicts
/// UNCERTAIN.
[[nodiscard]] Comparison compare(const NotionalBase& base, const Election& actual,
                                 ShareConvention convention = ShareConvention::total,
                                 double knife_edge_pct = 2.0);

}  // namespace notional::model
