#pragma once
/// notional.csv and council.csv: the notional base written, and read back by column name.
#include <filesystem>
#include <string>
#include <string_view>

#include "model/base.hpp"
#include "model/redistribute.hpp"
#include "report/colours.hpp"

namespace notional::report {

/// notional.csv: one row per (new ward, party).
[[nodiscard]] std::string base_csv(const model::NotionalBase& base);

/// council.csv: one row per party: old seats, notional seats, votes and share, and the legend of
/// the maps: the key of its fields in notional.geojson and its colour.
[[nodiscard]] std::string council_csv(const model::NotionalBase& base,
                                      const model::Notional& notional, const PartyColours& colours);

/// Reads a base back from notional.csv and the council.csv beside it (for the old election's
/// seats). Throws IoError or DataError naming the file and row.
[[nodiscard]] model::NotionalBase read_base(const std::filesystem::path& notional_csv);

/// Parses notional.csv text (the old election's seats, from council.csv, are not in it);
/// `path` names it in messages. What base_csv wrote, this reads back to the digit.
[[nodiscard]] model::NotionalBase parse_base(std::string_view text,
                                             const std::filesystem::path& path);

}  // namespace notional::report
