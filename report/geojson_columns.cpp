#include "report/geojson_columns.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <optional>
#include <set>

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

/// A percentage as the outputs write every share: a fraction of 1.
std::optional<double> fraction(const std::optional<double>& percent) {
    return percent ? std::optional<double>(*percent / 100.0) : std::nullopt;
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

/// The party with most notional seats in ward `n`; between equals, the one with most votes.
std::string notional_winner(const model::WardSeats& ward, const model::Measures& m, std::size_t n) {
    if (ward.unknown) return {};
    std::string best;
    int most = 0;
    double votes = 0.0;
    for (const auto& [party, won] : ward.by_party()) {
        const auto p =
            std::lower_bound(m.parties.begin(), m.parties.end(), party) - m.parties.begin();
        const double v = m.tot.coeff(static_cast<Eigen::Index>(n), p);
        if (won > most || (won == most && v > votes)) {
            best = party;
            most = won;
            votes = v;
        }
    }
    return best;
}

void seat_columns(Columns& columns, const std::vector<model::WardSeats>& s,
                  const model::Measures& m, const PartyColours& colours) {
    std::vector<std::string> winner(s.size());
    for (std::size_t n = 0; n < s.size(); ++n) winner[n] = notional_winner(s[n], m, n);
    columns.add("seats", [&](std::size_t n) {
        return s[n].seats > 0 ? Value(static_cast<long long>(s[n].seats)) : Value();
    });
    columns.add("winner", [&](std::size_t n) { return Value(winner[n]); });
    columns.add("winners", [&](std::size_t n) {
        return s[n].unknown ? Value() : Value(joined(s[n].winners));
    });
    columns.add("margin_v", [&](std::size_t n) { return maybe(s[n].margin_votes, 2); });
    columns.add("margin",
                [&](std::size_t n) { return maybe(fraction(s[n].margin_pct), margin_decimals); });
    columns.add("knife_edge",
                [&](std::size_t n) { return s[n].margin_pct ? Value(s[n].knife_edge) : Value(); });
    columns.add("tie", [&](std::size_t n) { return Value(s[n].tie); });
    // The results gave no ballots: the margin is over the parties' top votes.
    columns.add("no_ballots", [&](std::size_t n) { return Value(s[n].ballots_estimated); });
    // An old ward's last rank stood in for seats it did not have (METHOD.md §6).
    columns.add("extended", [&](std::size_t n) { return Value(s[n].extended); });
    // simplestyle-spec, so any GeoJSON viewer colours the map by winner.
    columns.add("fill", [&](std::size_t n) { return Value(colours(winner[n])); });
}

void party_columns(Columns& columns, const model::Notional& notional) {
    const model::Measures& m = notional.carried;
    const Eigen::VectorXd totals = model::ward_totals(m.tot);
    const auto fields = party_fields(m.parties);
    columns.add("votes", [&](std::size_t n) {
        return rounded_value(totals[static_cast<Eigen::Index>(n)], vote_decimals);
    });
    for (std::size_t p = 0; p < m.parties.size(); ++p) {
        const auto col = static_cast<Eigen::Index>(p);
        const std::string& key = fields.at(m.parties[p]);
        columns.add(key + "_v", [&](std::size_t n) {
            return rounded_value(m.tot.coeff(static_cast<Eigen::Index>(n), col), vote_decimals);
        });
        columns.add(key + "_s", [&](std::size_t n) {
            const auto row = static_cast<Eigen::Index>(n);
            return notional.partial[n] || totals[row] <= 0.0
                       ? Value()
                       : rounded_value(m.tot.coeff(row, col) / totals[row], share_decimals);
        });
    }
}

/// A Shapefile keeps it as a field name with "_v" or "_s" after it.
bool shapefile_safe(const std::string& key) {
    if (key.empty() || key.size() > 8 || std::isalpha(static_cast<unsigned char>(key[0])) == 0) {
        return false;
    }
    return std::all_of(key.begin(), key.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_';
    });
}

}  // namespace

std::map<std::string, std::string> party_fields(const std::vector<std::string>& parties) {
    const std::set<std::string> sorted(parties.begin(), parties.end());
    std::map<std::string, std::string> fields;
    std::set<std::string> taken;  // lower case: a DBF field name ignores case
    auto lower = [](std::string text) {
        for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        return text;
    };
    std::vector<std::string> numbered;
    for (const auto& party : sorted) {
        std::string key = party;
        std::replace(key.begin(), key.end(), '-', '_');
        if (shapefile_safe(key) && key[0] != 'P' && taken.insert(lower(key)).second) {
            fields[party] = key;
        } else {
            numbered.push_back(party);
        }
    }
    // The rest by their place in code order; "P" keys are kept for them, so none can clash.
    std::size_t place = 0;
    for (const auto& party : sorted) {
        ++place;
        if (std::find(numbered.begin(), numbered.end(), party) == numbered.end()) continue;
        fields[party] = "P" + std::to_string(place);
    }
    return fields;
}

std::vector<Column> notional_columns(const std::vector<std::size_t>& order,
                                     const WardList& new_wards,
                                     const std::vector<std::string>& old_codes,
                                     const std::vector<model::WardHonesty>& honesty,
                                     const model::Notional* notional,
                                     const std::vector<model::WardSeats>* seats,
                                     const PartyColours& colours) {
    Columns columns(order);
    columns.add("ward_code", [&](std::size_t n) { return Value(new_wards.codes[n]); });
    columns.add("ward_name", [&](std::size_t n) { return Value(new_wards.names[n]); });
    columns.add("area_m2",
                [&](std::size_t n) { return rounded_value(new_wards.areas_m2[n], area_decimals); });
    columns.add("boundary", [&](std::size_t n) {
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
    columns.add("estimated", [&](std::size_t n) {
        return rounded_value(honesty[n].estimated_pct / 100.0, share_decimals);
    });
    columns.add("partial",
                [&](std::size_t n) { return Value(static_cast<bool>(notional->partial[n])); });
    columns.add("turnout", [&](std::size_t n) {
        return m.ballots[n] && m.electorate[n] && *m.electorate[n] > 0.0
                   ? rounded_value(*m.ballots[n] / *m.electorate[n], share_decimals)
                   : Value();
    });
    if (seats) seat_columns(columns, *seats, m, colours);
    party_columns(columns, *notional);
    return columns.take();
}

std::vector<Column> comparison_columns(const model::Comparison& comparison,
                                       const PartyColours& colours) {
    std::vector<Column> columns;
    auto optional = [](const std::optional<double>& value, int decimals) {
        return value ? Value(notional::rounded(*value, decimals)) : Value();
    };
    for (const auto& ward : comparison.wards) {
        std::string gains;
        std::string verdicts;
        std::string gainer;  // the party that gained most seats, first among equals
        int most = 0;
        for (const auto& party : ward.parties) {
            if (party.change() > most) {
                gainer = party.party;
                most = party.change();
            }
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
        // A gain in the gainer's full colour, a hold paler in the winner's, as election-night
        // maps draw them; the outline is the winner's.
        const std::string colour = colours(ward.winner);
        const std::vector<std::pair<std::string, Value>> properties{
            {"ward_code", ward.code},
            {"ward_name", ward.name},
            {"seats", static_cast<long long>(ward.seats)},
            {"winner", ward.winner},
            {"label", ward.label},
            {"gains", gains},
            {"verdict", verdicts},
            {"boundary", std::string(model::to_string(ward.change_class))},
            {"swing", optional(fraction(ward.swing), margin_decimals)},
            {"steed", optional(fraction(ward.steed_swing), margin_decimals)},
            {"swing_to", ward.swing_to},
            {"swing_from", ward.swing_from},
            {"majority_v", optional(ward.majority_votes, 0)},
            {"majority", optional(fraction(ward.majority_pct), margin_decimals)},
            {"n_majority", optional(fraction(ward.notional_majority_pct), margin_decimals)},
            {"turnout", optional(ward.turnout, share_decimals)},
            {"turnout_ch", optional(turnout_change, share_decimals)},
            {"fill", gainer.empty() ? hold_tint(colour) : colours(gainer)},
            {"stroke", colour}};
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
    std::vector<Column> columns{{"old_code", {}},  {"old_name", {}},  {"area_m2", {}},
                                {"share_old", {}}, {"gap_m2", {}},    {"votes_are", {}},
                                {"votes", {}},     {"votes_lost", {}}};
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
