#include "model/ordering.hpp"

#include <algorithm>
#include <map>
#include <tuple>

#include "core/csv.hpp"

namespace notional::model {

std::vector<std::size_t> order_by_code(const std::vector<std::string>& codes) {
    std::vector<std::size_t> order(codes.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::sort(order.begin(), order.end(),
              [&](std::size_t a, std::size_t b) { return codes[a] < codes[b]; });
    return order;
}

std::vector<std::size_t> parties_in(const SparseRows& votes,
                                    const std::vector<std::string>& parties, std::size_t ward,
                                    const WardSeats* seats) {
    std::vector<double> value(parties.size(), 0.0);
    for (SparseRows::InnerIterator it(votes, static_cast<Eigen::Index>(ward)); it; ++it) {
        value[static_cast<std::size_t>(it.col())] = it.value();
    }
    std::map<std::string, int> won;
    if (seats) won = seats->by_party();
    std::vector<std::size_t> kept;
    for (std::size_t p = 0; p < parties.size(); ++p) {
        if (value[p] > 0.0 || won.contains(parties[p])) kept.push_back(p);
    }
    std::stable_sort(kept.begin(), kept.end(),
                     [&](std::size_t a, std::size_t b) { return value[a] > value[b]; });
    return kept;
}

}  // namespace notional::model
