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

std::vector<std::size_t> parties_in(const Notional& notional, std::size_t ward,
                                    const WardSeats* seats) {
    const auto& tot = notional.carried.tot;
    const auto row = static_cast<Eigen::Index>(ward);
    std::map<std::string, int> won;
    if (seats) won = seats->by_party();
    std::vector<std::size_t> parties;
    for (std::size_t p = 0; p < notional.old.parties.size(); ++p) {
        if (tot.coeff(row, static_cast<Eigen::Index>(p)) > 0.0 ||
            won.contains(notional.old.parties[p])) {
            parties.push_back(p);
        }
    }
    std::stable_sort(parties.begin(), parties.end(), [&](std::size_t a, std::size_t b) {
        return tot.coeff(row, static_cast<Eigen::Index>(a)) >
               tot.coeff(row, static_cast<Eigen::Index>(b));
    });
    return parties;
}

}  // namespace notional::model
