#pragma once
/// How much of each notional is estimated (METHOD.md §8): change class, estimated share,
/// sources; and integer votes for publication that still add up.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "model/crosswalk.hpp"
#include "model/redistribute.hpp"

namespace notional::model {

enum class ChangeClass { unchanged, minor, major, created };

/// "unchanged", "minor", "major", "new".
[[nodiscard]] const char* to_string(ChangeClass change);

/// The change class `to_string` names; nullopt for any other text.
[[nodiscard]] std::optional<ChangeClass> parse_change_class(std::string_view text);

struct WardHonesty {
    ChangeClass change = ChangeClass::created;
    /// The larger of what the main old ward gives away and what the new ward takes from others,
    /// as a share of the weight: 0 for an unchanged ward.
    double moved = 1.0;
    /// % of the ward's notional votes from old wards split between new wards (not carried whole).
    double estimated_pct = 0.0;
    /// The old wards it draws on, with the share of this ward's weight each gives, largest first.
    std::vector<std::pair<std::size_t, double>> sources;
};

struct HonestyOptions {
    double minor_moved = 0.10;  ///< at most this share moved: minor
};

/// Per new ward; `notional` (may be null: boundaries only) gives estimated_pct. Boundary noise was
/// folded by the crosswalk, so it never makes an unchanged ward look changed. A new ward whose main
/// old ward gives it less than half its weight is new.
[[nodiscard]] std::vector<WardHonesty> assess(const Crosswalk& crosswalk, const Notional* notional,
                                              const HonestyOptions& options = {});

/// Integer notional votes (new wards x parties) by controlled rounding, so every old ward's
/// total and every party's total stay exact: a party's lost votes are its exact loss rounded,
/// shared over the old wards by largest remainder; each old ward's kept votes are split over
/// its successors by largest remainder. So each party's whole votes in the new wards are within
/// half a vote of its exact notional total. `lost[p]` gets the lost votes.
[[nodiscard]] Sparse rounded_votes(const Notional& notional, const Crosswalk& crosswalk,
                                   std::vector<double>& lost);

}  // namespace notional::model
