#pragma once
/// The properties of the GeoJSON outputs (notional.geojson, comparison.geojson,
/// uncovered.geojson), one column per property; geo/ writes them with the shapes.
#include <cstddef>
#include <map>
#include <string>
#include <vector>

#include "core/columns.hpp"
#include "model/compare.hpp"
#include "model/crosswalk.hpp"
#include "model/honesty.hpp"
#include "model/redistribute.hpp"
#include "model/seats.hpp"
#include "report/colours.hpp"

namespace notional::report {

/// A layer's wards as the outputs need them.
struct WardList {
    const std::vector<std::string>& codes;
    const std::vector<std::string>& names;
    const std::vector<double>& areas_m2;
};

/// The GeoJSON outputs' field names survive a Shapefile (at most 10 letters, digits or
/// underscores) and every share in them is a fraction of 1, as in the CSVs.
///
/// Each party's key in the names of its fields, "<key>_v" (votes) and "<key>_s" (share): its code
/// where a Shapefile keeps it (at most 8 letters, digits or underscores, a hyphen written as an
/// underscore, not starting with "P"), else "P<n>", its place in code order. council.csv gives
/// every party's key.
[[nodiscard]] std::map<std::string, std::string> party_fields(
    const std::vector<std::string>& parties);

/// notional.geojson's properties, wards in `order`: the ward, its honesty, and with a notional
/// its turnout, seats, winner and its colour (`fill`) and each party's votes and share; the rest
/// is in notional.csv. `notional` and `seats` may be null.
[[nodiscard]] std::vector<Column> notional_columns(const std::vector<std::size_t>& order,
                                                   const WardList& new_wards,
                                                   const std::vector<std::string>& old_codes,
                                                   const std::vector<model::WardHonesty>& honesty,
                                                   const model::Notional* notional,
                                                   const std::vector<model::WardSeats>* seats,
                                                   const PartyColours& colours);

/// comparison.geojson's properties, in the comparison's ward order: winner, label, gains,
/// verdicts, swing, majorities, turnout and simplestyle colours: a gain filled in the colour of
/// the party that gained, a hold in a paler tint of the winner's, the outline the winner's.
[[nodiscard]] std::vector<Column> comparison_columns(const model::Comparison& comparison,
                                                     const PartyColours& colours);

/// What no new ward covers of each old ward in `wards`, for uncovered.geojson: its area and
/// share, the part in gaps, and what became of its votes (`notional` may be null).
struct Uncovered {
    const std::vector<double>& uncovered_m2;
    const std::vector<double>& gap_m2;
};
[[nodiscard]] std::vector<Column> uncovered_columns(const std::vector<std::size_t>& wards,
                                                    const WardList& old_wards,
                                                    const Uncovered& uncovered,
                                                    const model::Crosswalk& crosswalk,
                                                    const model::Notional* notional);

}  // namespace notional::report
