#pragma once
/// The one precision table: the decimals each kind of number is written with, in every output.
namespace notional::report {

inline constexpr int vote_decimals = 4;      ///< notional votes (exact fractions of votes)
inline constexpr int share_decimals = 6;     ///< shares of the votes, turnout (0 to 1)
inline constexpr int margin_decimals = 5;    ///< margins, majorities, swings (fractions of 1)
inline constexpr int area_decimals = 2;      ///< square metres
inline constexpr int weight_decimals = 4;    ///< crosswalk weights (electors or m²)
inline constexpr int fraction_decimals = 9;  ///< crosswalk and ledger shares

}  // namespace notional::report
