#include "report/party_aliases.hpp"

#include <utility>

#include "core/csv.hpp"
#include "core/error.hpp"
#include "core/text.hpp"

namespace notional::report {

using model::PartyAlias;

std::vector<PartyAlias> read_party_aliases(const std::filesystem::path& path) {
    const CsvTable table = read_csv(path);
    const auto from = table.require("from");
    const auto to = table.require("to");
    std::vector<PartyAlias> aliases;
    for (std::size_t r = 0; r < table.rows.size(); ++r) {
        PartyAlias alias{std::string(trim(table.rows[r][from])),
                         std::string(trim(table.rows[r][to])), table.where(r)};
        if (alias.from.empty() || alias.to.empty()) {
            throw DataError(alias.where + ": a party alias needs both 'from' and 'to'");
        }
        aliases.push_back(std::move(alias));
    }
    return aliases;
}

}  // namespace notional::report
