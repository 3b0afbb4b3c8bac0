#pragma once
/// --party-alias files: `from,to` rows naming one party twice.
#include <filesystem>
#include <vector>

#include "model/parties.hpp"

namespace notional::report {

/// Reads a CSV with columns `from` and `to`. Throws IoError or DataError naming the row.
[[nodiscard]] std::vector<model::PartyAlias> read_party_aliases(const std::filesystem::path& path);

}  // namespace notional::report
