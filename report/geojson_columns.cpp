#include "report/geojson_columns.hpp"

#include <map>
#include <optional>

#include "core/csv.hpp"
#include "model/measures.hpp"
#include "report/comparison.hpp"
#include "report/precision.hpp"
#include "report/tables.hpp"

namespace notional::report {

namespace {

/// Rounded as written in every output, so the GeoJSON and the CSV agree to the digit.
Value rounded_value(double value, int decimals) {
    return notional::rounded(value, decimals);
}

Value maybe(const std::optional<double>& value, int decimals) {
    return value ? rounded_value(*value, decimals) : Value();
}

std::string joined(const std::vector<std::string>& parts) {
    std::string text;
    for (const auto& part : parts) text += (text.empty() ? "" : ",") + part;
    return text;
}

/// Columns of one value per ward in `order`.
class Columns {
public:
    explicit Columns(const std::vector<std::size_t>& order) : m_order(order) {}
    template <typename F>
    void add(const std::string& name, F value_of) {
        Column column{name, {}};
        for (const std::size_t n : m_order) column.values.push_back(value_of(n));
        m_columns.push_back(std::move(column));
    }
    [[nodiscard]] std::vector<Column> take() { return std::move(m_columns); }

private:
    const std::vector<std::size_t>& m_order;
    std::vector<Column> m_columns;
};

void seat_columns(Columns& columns, const std::vector<model::WardSeats>& s) {
    columns.add("seats", [&](std::size_t n) {
        return s[n].seats > 0 ? Value(static_cast<long long>(s[n].seats)) : Value();
    });
    columns.add("notional_winners", [&](std::size_t n) {
        return s[n].unknown ? Value() : Value(joined(s[n].winners));
    });
    columns.add("margin_votes", [&](std::size_t n) { return maybe(s[n].margin_votes, 2); });
    columns.add("margin_pct",
                [&](std::size_t n) { return maybe(s[n].margin_pct, margin_decimals); });
    columns.add("knife_edge",
                [&](std::size_t n) { return s[n].margin_pct ? Value(s[n].knife_edge) : Value(); });
    columns.add("tie", [&](std::size_t n) { return Value(s[n].tie); });
    // The margin's ballots are the parties' top votes where the results gave none.
    columns.add("ballots_estimated", [&](std::size_t n) { return Value(s[n].ballots_estimated); });
    // An old ward's last rank stood in for seats it did not have (METHOD.md §6).
    columns.add("slots_extended", [&](std::size_t n) { return Value(s[n].extended); });
}

void party_columns(Columns& columns, const model::Notional& notional,
                   const std::vector<model::WardSeats>* seats) {
    const model::Measures& m = notional.carried;
    const Eigen::VectorXd tot_totals = model::ward_totals(m.tot);
    const Eigen::VectorXd top_totals = model::ward_totals(m.top);
    std::vector<std::map<std::string, int>> won;  // per ward, seats by party
    if (seats) {
        for (const auto& ward : *seats) won.push_back(ward.by_party());
    }
    columns.add("votes_total", [&](std::size_t n) {
        return rounded_value(tot_totals[static_cast<Eigen::Index>(n)], vote_decimals);
    });
    auto share = [&](const model::Sparse& votes, const Eigen::VectorXd& totals, std::size_t n,
                     Eigen::Index col) {
        const auto row = static_cast<Eigen::Index>(n);
        return notional.partial[n] || totals[row] <= 0.0
                   ? Value()
                   : rounded_value(votes.coeff(row, col) / totals[row], share_decimals);
    };
    for (std::size_t p = 0; p < m.parties.size(); ++p) {
        const auto col = static_cast<Eigen::Index>(p);
        const std::string& party = m.parties[p];
        columns.add(party + "_votes", [&](std::size_t n) {
            return rounded_value(m.tot.coeff(static_cast<Eigen::Index>(n), col), vote_decimals);
        });
        columns.add(party + "_share",
                    [&](std::size_t n) { return share(m.tot, tot_totals, n, col); });
        columns.add(party + "_share_top",
                    [&](std::size_t n) { return share(m.top, top_totals, n, col); });
        if (seats) {
            columns.add(party + "_seats", [&](std::size_t n) {
                return (*seats)[n].unknown ? Value()
                                           : Value(static_cast<long long>(
                                                 won[n].contains(party) ? won[n].at(party) : 0));
            });
        }
    }
}

}  // namespace

std::vector<Column> notional_columns(const std::vector<std::size_t>& order,
                                     const WardList& new_wards,
                                     const std::vector<std::string>& old_codes,
                                     const std::vector<model::WardHonesty>& honesty,
                                     const model::Notional* notional,
                                     const std::vector<model::WardSeats>* seats) {
    Columns columns(order);
    columns.add("ward_code", [&](std::size_t n) { return Value(new_wards.codes[n]); });
    columns.add("ward_name", [&](std::size_t n) { return Value(new_wards.names[n]); });
    columns.add("area_m2",
                [&](std::size_t n) { return rounded_value(new_wards.areas_m2[n], area_decimals); });
    columns.add("change_class", [&](std::size_t n) {
        return Value(std::string(model::to_string(honesty[n].change)));
    });
    columns.add("moved",
                [&](std::size_t n) { return rounded_value(honesty[n].moved, share_decimals); });
    columns.add("sources",
                [&](std::size_t n) { return Value(sources_text(honesty[n], old_codes)); });
    // No old ward's weight reaches it: its votes are zero, not unknown, and it is flagged.
    columns.add("reached", [&](std::size_t n) { return Value(!honesty[n].sources.empty()); });
    if (!notional) return columns.take();
    const model::Measures& m = notional->carried;
    columns.add("estimated_pct",
                [&](std::size_t n) { return rounded_value(honesty[n].estimated_pct, 2); });
    columns.add("partial",
                [&](std::size_t n) { return Value(static_cast<bool>(notional->partial[n])); });
    columns.add("electorate", [&](std::size_t n) { return maybe(m.electorate[n], 2); });
    columns.add("ballots", [&](std::size_t n) { return maybe(m.ballots[n], 2); });
    columns.add("turnout", [&](std::size_t n) {
        return m.ballots[n] && m.electorate[n] && *m.electorate[n] > 0.0
                   ? rounded_value(*m.ballots[n] / *m.electorate[n], share_decimals)
                   : Value();
    });
    if (seats) seat_columns(columns, *seats);
    party_columns(columns, *notional, seats);
    return columns.take();
}

std::vector<Column> comparison_columns(const model::Comparison& comparison) {
    std::vector<Column> columns;
    auto optional = [](const std::optional<double>& value) {
        return value ? Value(notional::rounded(*value, 3)) : Value();
    };
    for (const auto& ward : comparison.wards) {
        std::string gains;
        std::string verdicts;
        for (const auto& party : ward.parties) {
            if (party.change() > 0) {
                gains +=
                    (gains.empty() ? "" : ",") + party.party + ":" + std::to_string(party.change());
            }
            if (!party.verdicts.empty()) {
                verdicts +=
                    (verdicts.empty() ? "" : ", ") + party.party + " " + party.verdict_text();
            }
        }
        std::optional<double> turnout_change;
        if (ward.turnout && ward.notional_turnout) {
            turnout_change = *ward.turnout - *ward.notional_turnout;
        }
        const std::vector<std::pair<std::string, Value>> properties{
            {"ward_code", ward.code},
            {"ward_name", ward.name},
            {"seats", static_cast<long long>(ward.seats)},
            {"winner", ward.winner},
            {"label", ward.label},
            {"gains", gains},
            {"verdict", verdicts},
            {"change_class", std::string(model::to_string(ward.change_class))},
            {"swing", optional(ward.swing)},
            {"steed_swing", optional(ward.steed_swing)},
            {"swing_to", ward.swing_to},
            {"swing_from", ward.swing_from},
            {"majority_votes", optional(ward.majority_votes)},
            {"majority_pct", optional(ward.majority_pct)},
            {"notional_majority_pct", optional(ward.notional_majority_pct)},
            {"turnout", optional(ward.turnout)},
            {"turnout_change", optional(turnout_change)},
            // simplestyle-spec, so any GeoJSON viewer colours the map by winner.
            {"fill", party_colour(ward.winner)},
            {"stroke", party_colour(ward.winner)},
            {"fill-opacity", 0.6}};
        if (columns.empty()) {
            for (const auto& [name, value] : properties) columns.push_back({name, {}});
        }
        for (std::size_t c = 0; c < properties.size(); ++c) {
            columns[c].values.push_back(properties[c].second);
        }
    }
    return columns;
}

std::vector<Column> uncovered_columns(const std::vector<std::size_t>& wards,
                                      const WardList& old_wards, const Uncovered& uncovered,
                                      const model::Crosswalk& crosswalk,
                                      const model::Notional* notional) {
    const Eigen::VectorXd votes =
        notional ? model::ward_totals(notional->old.tot) : Eigen::VectorXd();
    std::vector<Column> columns{{"old_code", {}},        {"old_name", {}},  {"uncovered_m2", {}},
                                {"uncovered_share", {}}, {"gap_m2", {}},    {"votes_are", {}},
                                {"votes", {}},           {"votes_lost", {}}};
    for (const std::size_t o : wards) {
        const auto& entry = crosswalk.ledger()[o];
        const char* fate = entry.outside > 0.0 && entry.allocated <= 0.0
                               ? "lost: no part on the new map"
                           : entry.outside > 0.0 ? "lost: more than --max-uncovered beyond the map"
                           : uncovered.gap_m2[o] > 0.0 ? "spread, but lost in the gap"
                                                       : "spread over the part the map covers";
        const bool known = notional != nullptr && notional->old.contested[o];
        const double ward_votes = known ? votes[static_cast<Eigen::Index>(o)] : 0.0;
        const std::vector<Value> values{
            old_wards.codes[o],
            old_wards.names[o],
            rounded_value(uncovered.uncovered_m2[o], area_decimals),
            rounded_value(uncovered.uncovered_m2[o] / old_wards.areas_m2[o], share_decimals),
            rounded_value(uncovered.gap_m2[o], area_decimals),
            std::string(fate),
            known ? rounded_value(ward_votes, 0) : Value(),
            known ? rounded_value(ward_votes * entry.lost(), vote_decimals) : Value()};
        for (std::size_t c = 0; c < columns.size(); ++c) columns[c].values.push_back(values[c]);
    }
    return columns;
}

}  // namespace notional::report
