#pragma once
/// Orders of wards and parties every output lists them in: wards by code, parties by votes.
#include <cstddef>
#include <string>
#include <vector>

#include "model/crosswalk.hpp"
#include "model/honesty.hpp"
#include "model/redistribute.hpp"
#include "model/seats.hpp"

namespace notional::model {

/// Ward indices ordered by code: every output lists wards in this order.
[[nodiscard]] std::vector<std::size_t> order_by_code(const std::vector<std::string>& codes);

/// Parties of one new ward worth a row: those with votes or notional seats there, most
/// votes first, party code breaking ties. `votes` is the notional's carried total votes by
/// ward (row-major, so that a ward's parties are found without a search down every column),
/// `parties` its party codes.
[[nodiscard]] std::vector<std::size_t> parties_in(const SparseRows& votes,
                                                  const std::vector<std::string>& parties,
                                                  std::size_t ward, const WardSeats* seats);

}  // namespace notional::model
