#pragma once
/// Each party's colour on a map: the party's own for every party that wins seats in Great
/// Britain or Northern Ireland, and for every other party (an independent, a residents' group) a
/// colour of its own, the same in every run where it can be and never another party's in the
/// same output.
#include <map>
#include <string>
#include <vector>

namespace notional::report {

/// The colour of a ward with no winner (no seats, no votes).
inline constexpr const char* no_winner_colour = "#bdbdbd";

class PartyColours {
public:
    /// Colours for every party in `parties` (any order; codes as the outputs write them).
    explicit PartyColours(const std::vector<std::string>& parties);

    /// "#rrggbb": the party's colour; a party not given to the constructor, or "", has
    /// no_winner_colour.
    [[nodiscard]] std::string operator()(const std::string& party) const;

    [[nodiscard]] const std::map<std::string, std::string>& all() const { return m_colours; }

private:
    std::map<std::string, std::string> m_colours;
};

/// The parties' own colours, by code (the register's codes: CON, LAB, SNP, DUP...).
[[nodiscard]] const std::map<std::string, std::string>& own_colours();

/// A hold's paler fill: `colour` ("#rrggbb") mixed with white, so that gains stand out in full
/// colour on the same map.
[[nodiscard]] std::string hold_tint(const std::string& colour);

}  // namespace notional::report
