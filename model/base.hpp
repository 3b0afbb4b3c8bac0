#pragma once
/// The notional base: what the comparer needs of a notional result, per new ward and party.
/// report/notional_csv.hpp writes it as notional.csv and reads it back, so one notional serves
/// many analyses.
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "model/crosswalk.hpp"
#include "model/honesty.hpp"
#include "model/redistribute.hpp"
#include "model/seats.hpp"

namespace notional::model {

struct BaseParty {
    std::string code, name;
    double votes = 0.0;                      ///< notional total vote (share_total convention)
    double top = 0.0;                        ///< notional top vote (share_top convention)
    std::optional<double> share, share_top;  ///< unknown in partial wards
    long long votes_rounded = 0;
    std::optional<int> seats;              ///< under the chosen seat rule; unknown without seats
    std::optional<int> predecessor_seats;  ///< won in the main predecessor at the old election
    std::map<std::string, int> variant_seats;  ///< seats under every variant run
    /// The range of votes and shares over the crosswalks run (area, weights, raked).
    double votes_min = 0.0, votes_max = 0.0;
    std::optional<double> share_min, share_max;
    /// For its 1st, 2nd, ... seat: the share of variants in which the party wins it.
    std::vector<double> seat_support;
};

struct BaseWard {
    std::string code, name;
    int seats = 0;  ///< 0: unknown
    ChangeClass change_class = ChangeClass::created;
    std::optional<double> margin_pct;
    bool knife_edge = false;
    std::optional<double> turnout;
    bool reached = true;             ///< false: no old ward's weight reaches it (no votes at all)
    bool partial = false;            ///< draws in part on old wards whose votes are unknown
    std::vector<BaseParty> parties;  ///< most votes first

    [[nodiscard]] const BaseParty* party(const std::string& party_code) const;
};

struct NotionalBase {
    std::vector<std::string> variants;     ///< variant names, the chosen one first
    std::vector<BaseWard> wards;           ///< ordered by code
    std::map<std::string, int> old_seats;  ///< seats by party at the old election, old map
    std::map<std::string, std::string> party_names;
};

/// One seat rule's notional seats, named.
struct SeatVariant {
    std::string name;
    std::vector<WardSeats> seats;
};

/// One crosswalk of the ensemble ("area", "adults"), its notional and its seats under every
/// rule run.
struct Run {
    std::string name;
    const Notional* notional = nullptr;
    std::vector<SeatVariant> seats;  ///< empty when the new wards' seats are unknown
};

/// The base of an in-memory ensemble: `runs[0]` is the chosen crosswalk, its `seats[0]` the
/// chosen rule; `honesty` and `rounded` are the chosen crosswalk's. Variants are named
/// "crosswalk/rule".
[[nodiscard]] NotionalBase make_base(const std::vector<std::string>& codes,
                                     const std::vector<std::string>& names,
                                     const std::vector<Run>& runs,
                                     const std::vector<WardHonesty>& honesty,
                                     const Sparse& rounded);

}  // namespace notional::model
