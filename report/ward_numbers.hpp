#pragma once
/// Per-ward numbers from a CSV (seats, electorates): a ward column and a value column, matched
/// to a layer's wards by code or name.
#include <filesystem>
#include <string>
#include <vector>

namespace notional::report {

/// What a per-ward number is, where it lives and what it may be: for reading and for messages.
struct WardNumberSpec {
    std::string what;                        ///< "seats", "electorate"
    std::vector<std::string> value_columns;  ///< tried in order, case-insensitive
    std::string requirement;                 ///< e.g. "a whole number of at least 1"
    bool (*valid)(double) = nullptr;  ///< beyond parse_count's non-negative number; null: any
    std::string layer = "new";        ///< "new" or "old": for messages
};

/// A number for every ward of a layer from a CSV with a ward column (a code column of
/// core/fields.hpp, such as WD22CD, PCON24CD or ward_code, else a name column such as ward or
/// ward_name) matched by code, else by ward_name_key, and a value column. Where the file has a
/// council column (LAD22CD, borough, council), the rows of councils none of whose wards is in the
/// layer are skipped. Throws DataError naming the row of a ward not in the layer, given twice or of
/// a bad value, and listing the wards of the layer with no row.
[[nodiscard]] std::vector<double> read_ward_numbers(const std::filesystem::path& path,
                                                    const std::vector<std::string>& codes,
                                                    const std::vector<std::string>& names,
                                                    const WardNumberSpec& spec);

/// Seats per new ward from a CSV with a ward column (read_ward_numbers: ward_code, WD22CD, code,
/// ward or ward_name...) and a seats column (seats or num_councillors): the GLA ward statistics
/// file serves. Every ward of the layer must have seats; throws DataError listing those that do
/// not.
[[nodiscard]] std::vector<int> read_new_seats(const std::filesystem::path& path,
                                              const std::vector<std::string>& codes,
                                              const std::vector<std::string>& names);

/// Electors per ward from a CSV with a ward column (as read_ward_numbers) and an electorate
/// column (electorate, electors or entitled_electors); every ward of the layer must be there.
/// `layer` ("new", "old") names the layer in messages.
[[nodiscard]] std::vector<double> read_electorate(const std::filesystem::path& path,
                                                  const std::vector<std::string>& codes,
                                                  const std::vector<std::string>& names,
                                                  const std::string& layer = "new");

}  // namespace notional::report
