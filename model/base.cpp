#include "model/base.hpp"

#include <algorithm>
#include <cmath>

#include "core/csv.hpp"
#include "core/error.hpp"
#include "core/text.hpp"
#include "model/tables.hpp"

namespace notional::model {

const BaseParty* BaseWard::party(const std::string& party_code) const {
    for (const auto& entry : parties) {
        if (entry.code == party_code) return &entry;
    }
    return nullptr;
}

namespace {
// The precision notional.csv writes. The base holds its values rounded so, so a comparison
// made in the same run and one made later from the file agree to the digit.
constexpr int vote_decimals = 4, share_decimals = 6, margin_decimals = 3;

std::optional<double> as_written(const std::optional<double>& value, int decimals) {
    return value ? std::optional<double>(notional::rounded(*value, decimals)) : std::nullopt;
}
}  // namespace

NotionalBase make_base(const std::vector<std::string>& codes, const std::vector<std::string>& names,
                       const std::vector<Run>& runs, const std::vector<WardHonesty>& honesty,
                       const Sparse& rounded) {
    NotionalBase base;
    const Notional& notional = *runs.front().notional;
    const Measures& old = notional.old;
    const Measures& m = notional.carried;
    const auto& rules = runs.front().seats;
    for (const auto& run : runs) {
        for (const auto& rule : run.seats) base.variants.push_back(run.name + "/" + rule.name);
    }
    for (std::size_t p = 0; p < old.parties.size(); ++p) {
        base.party_names[old.parties[p]] = old.party_names[p];
    }
    for (const auto& winners : old.winners) {
        for (const auto& party : winners) ++base.old_seats[party];
    }
    std::vector<Eigen::VectorXd> tot_totals, top_totals;  // per run, per ward
    for (const auto& run : runs) {
        tot_totals.push_back(ward_totals(run.notional->carried.tot));
        top_totals.push_back(ward_totals(run.notional->carried.top));
    }
    for (const std::size_t n : order_by_code(codes)) {
        const auto row = static_cast<Eigen::Index>(n);
        const WardSeats* chosen = rules.empty() ? nullptr : &rules.front().seats[n];
        BaseWard ward;
        ward.code = codes[n];
        ward.name = names[n];
        ward.change_class = to_string(honesty[n].change);
        ward.reached = !honesty[n].sources.empty();
        ward.partial = notional.partial[n];
        if (chosen && !chosen->unknown) {
            ward.seats = chosen->seats;
            ward.margin_pct = as_written(chosen->margin_pct, margin_decimals);
            ward.knife_edge = chosen->knife_edge;
        }
        if (m.ballots[n] && m.electorate[n] && *m.electorate[n] > 0.0) {
            ward.turnout = notional::rounded(*m.ballots[n] / *m.electorate[n], share_decimals);
        }
        std::map<std::string, int> predecessor;
        if (!honesty[n].sources.empty()) {
            for (const auto& party : old.winners[honesty[n].sources.front().first]) {
                ++predecessor[party];
            }
        }
        const bool known = !notional.partial[n];
        for (const std::size_t p : parties_in(notional, n, chosen)) {
            const auto col = static_cast<Eigen::Index>(p);
            BaseParty party;
            party.code = m.parties[p];
            party.name = m.party_names[p];
            party.votes_rounded = static_cast<long long>(rounded.coeff(row, col));
            // Votes and shares under every crosswalk run, the chosen one first.
            for (std::size_t r = 0; r < runs.size(); ++r) {
                const Measures& carried = runs[r].notional->carried;
                const double votes = notional::rounded(carried.tot.coeff(row, col), vote_decimals);
                const double total = tot_totals[r][row];
                std::optional<double> share;
                if (known && total > 0.0) {
                    share = notional::rounded(carried.tot.coeff(row, col) / total, share_decimals);
                }
                if (r == 0) {
                    party.votes = party.votes_min = party.votes_max = votes;
                    party.share = party.share_min = party.share_max = share;
                    const double top_total = top_totals[r][row];
                    party.top = notional::rounded(carried.top.coeff(row, col), vote_decimals);
                    if (known && top_total > 0.0) {
                        party.share_top = notional::rounded(carried.top.coeff(row, col) / top_total,
                                                            share_decimals);
                    }
                }
                party.votes_min = std::min(party.votes_min, votes);
                party.votes_max = std::max(party.votes_max, votes);
                if (share && party.share_min) {
                    party.share_min = std::min(*party.share_min, *share);
                    party.share_max = std::max(*party.share_max, *share);
                }
                for (const auto& rule : runs[r].seats) {
                    const WardSeats& seats = rule.seats[n];
                    if (seats.unknown) continue;
                    const auto won = seats.by_party();
                    party.variant_seats[runs[r].name + "/" + rule.name] =
                        won.count(party.code) ? won.at(party.code) : 0;
                }
            }
            if (chosen && !chosen->unknown) {
                party.seats = party.variant_seats[base.variants.front()];
                // Its k-th seat is won in the variants where it has at least k.
                int most = 0;
                for (const auto& [name, seats] : party.variant_seats) most = std::max(most, seats);
                for (int k = 1; k <= most; ++k) {
                    const auto winning =
                        std::count_if(party.variant_seats.begin(), party.variant_seats.end(),
                                      [&](const auto& entry) { return entry.second >= k; });
                    party.seat_support.push_back(static_cast<double>(winning) /
                                                 static_cast<double>(party.variant_seats.size()));
                }
            }
            if (!honesty[n].sources.empty()) {
                party.predecessor_seats =
                    predecessor.count(party.code) ? predecessor.at(party.code) : 0;
            }
            ward.parties.push_back(std::move(party));
        }
        base.wards.push_back(std::move(ward));
    }
    return base;
}

namespace {

const std::vector<std::string> base_header{
    "ward_code",     "ward_name",      "party",      "party_name",
    "votes",         "share",          "top_vote",   "share_top",
    "votes_rounded", "notional_seats", "ward_seats", "change_class",
    "margin_pct",    "knife_edge",     "turnout",    "predecessor_seats",
    "variant_seats", "votes_min",      "votes_max",  "share_min",
    "share_max",     "seat_support",   "reached",    "partial"};

std::string optional_number(const std::optional<double>& value, int decimals) {
    return value ? fixed(*value, decimals) : "";
}

std::string optional_int(const std::optional<int>& value) {
    return value ? std::to_string(*value) : "";
}

}  // namespace

std::string base_csv(const NotionalBase& base) {
    std::string text = csv_row(base_header);
    for (const auto& ward : base.wards) {
        // A ward nothing reaches still has its row: no party, zero votes, reached false.
        const std::vector<BaseParty> nobody(1);
        for (const auto& party : ward.parties.empty() ? nobody : ward.parties) {
            std::string variants, support;
            for (const auto& name : base.variants) {
                if (!party.variant_seats.count(name)) continue;
                variants += (variants.empty() ? "" : ";") + name + ":" +
                            std::to_string(party.variant_seats.at(name));
            }
            for (const double share : party.seat_support) {
                support += (support.empty() ? "" : ";") + fixed(share, 3);
            }
            text += csv_row({ward.code,
                             ward.name,
                             party.code,
                             party.name,
                             fixed(party.votes, vote_decimals),
                             optional_number(party.share, share_decimals),
                             fixed(party.top, vote_decimals),
                             optional_number(party.share_top, share_decimals),
                             std::to_string(party.votes_rounded),
                             optional_int(party.seats),
                             ward.seats ? std::to_string(ward.seats) : "",
                             ward.change_class,
                             optional_number(ward.margin_pct, margin_decimals),
                             ward.margin_pct ? (ward.knife_edge ? "true" : "false") : "",
                             optional_number(ward.turnout, share_decimals),
                             optional_int(party.predecessor_seats),
                             variants,
                             fixed(party.votes_min, vote_decimals),
                             fixed(party.votes_max, vote_decimals),
                             optional_number(party.share_min, share_decimals),
                             optional_number(party.share_max, share_decimals),
                             support,
                             ward.reached ? "true" : "false",
                             ward.partial ? "true" : "false"});
        }
    }
    return text;
}

std::string council_csv(const NotionalBase& base, const Notional& notional) {
    std::map<std::string, int> seats;
    for (const auto& ward : base.wards) {
        for (const auto& party : ward.parties) seats[party.code] += party.seats.value_or(0);
    }
    const double total = notional.old_total();
    std::string text = csv_row({"party", "party_name", "old_seats", "notional_seats", "old_votes",
                                "notional_votes", "share"});
    for (const auto& ledger : notional.ledger) {
        const std::string& party = ledger.party;
        text += csv_row({party, base.party_names.at(party),
                         std::to_string(base.old_seats.count(party) ? base.old_seats.at(party) : 0),
                         base.variants.empty() ? "" : std::to_string(seats[party]),
                         fixed(ledger.old_votes, 0), fixed(ledger.new_votes, 4),
                         total > 0.0 ? fixed(ledger.old_votes / total, 6) : ""});
    }
    return text;
}

namespace {

std::vector<std::string> split(const std::string& text, char separator) {
    std::vector<std::string> parts;
    std::size_t start = 0;
    while (start < text.size()) {
        const auto end = std::min(text.find(separator, start), text.size());
        parts.push_back(text.substr(start, end - start));
        start = end + 1;
    }
    return parts;
}

std::optional<double> read_optional(const CsvTable& table, std::size_t row, std::size_t column) {
    const std::string& text = table.rows[row][column];
    if (trim(text).empty()) return std::nullopt;
    try {
        std::size_t used = 0;
        const double value = std::stod(text, &used);
        if (used == text.size()) return value;
    } catch (const std::exception&) {
    }
    throw DataError(table.where(row) + ": '" + text + "' in column " + table.header[column] +
                    " is not a number");
}

/// A whole number from 0 to `most`, or nothing where the cell is empty: a count read back, so
/// that no cast of a hostile file's number overflows.
std::optional<long long> read_whole(const CsvTable& table, std::size_t row, std::size_t column,
                                    double most) {
    const auto value = read_optional(table, row, column);
    if (!value) return std::nullopt;
    if (!(*value >= 0.0 && *value <= most) || *value != std::floor(*value)) {
        throw DataError(table.where(row) + ": '" + table.rows[row][column] + "' in column " +
                        table.header[column] + " is not a whole number from 0 to " +
                        fixed(most, 0));
    }
    return static_cast<long long>(*value);
}

constexpr double most_seats = 1000.0, most_votes = 1e15;

}  // namespace

NotionalBase read_base(const std::filesystem::path& notional_csv) {
    const CsvTable table = read_csv(notional_csv);
    std::vector<std::size_t> column;
    for (const auto& name : base_header) {
        // Optional: bases written before them lack them.
        if (name == "reached" || name == "partial") continue;
        column.push_back(table.require(name));
    }
    const auto reached = table.find("reached"), partial = table.find("partial");
    auto cell = [&](std::size_t row, std::size_t c) -> const std::string& {
        return table.rows[row][column[c]];
    };
    NotionalBase base;
    std::map<std::string, std::size_t> ward_index;
    for (std::size_t r = 0; r < table.rows.size(); ++r) {
        const std::string& code = cell(r, 0);
        auto [it, fresh] = ward_index.try_emplace(code, base.wards.size());
        if (fresh) {
            BaseWard ward;
            ward.code = code;
            ward.name = cell(r, 1);
            const auto seats = read_whole(table, r, column[10], most_seats);
            ward.seats = seats ? static_cast<int>(*seats) : 0;
            ward.change_class = cell(r, 11);
            ward.margin_pct = read_optional(table, r, column[12]);
            bool knife = false;
            ward.knife_edge = parse_flag(cell(r, 13), knife) && knife;
            ward.turnout = read_optional(table, r, column[14]);
            for (auto [flag, slot] :
                 {std::pair{reached, &ward.reached}, std::pair{partial, &ward.partial}}) {
                if (flag && !parse_flag(table.rows[r][*flag], *slot)) {
                    throw DataError(table.where(r) + ": " + table.header[*flag] + " '" +
                                    table.rows[r][*flag] + "' is not true or false");
                }
            }
            base.wards.push_back(std::move(ward));
        }
        if (trim(cell(r, 2)).empty()) continue;  // a ward no party's votes reach
        BaseParty party;
        party.code = cell(r, 2);
        party.name = cell(r, 3);
        base.party_names[party.code] = party.name;
        const auto votes = read_optional(table, r, column[4]);
        const auto top = read_optional(table, r, column[6]);
        const auto rounded = read_whole(table, r, column[8], most_votes);
        if (!votes || !top || !rounded) {
            throw DataError(table.where(r) + ": votes, top_vote and votes_rounded are required");
        }
        party.votes = *votes;
        party.top = *top;
        party.votes_rounded = *rounded;
        party.share = read_optional(table, r, column[5]);
        party.share_top = read_optional(table, r, column[7]);
        if (auto seats = read_whole(table, r, column[9], most_seats)) {
            party.seats = static_cast<int>(*seats);
        }
        if (auto seats = read_whole(table, r, column[15], most_seats)) {
            party.predecessor_seats = static_cast<int>(*seats);
        }
        const auto votes_min = read_optional(table, r, column[17]);
        const auto votes_max = read_optional(table, r, column[18]);
        party.votes_min = votes_min.value_or(party.votes);
        party.votes_max = votes_max.value_or(party.votes);
        party.share_min = read_optional(table, r, column[19]);
        party.share_max = read_optional(table, r, column[20]);
        for (const auto& item : split(cell(r, 21), ';')) {
            double share = 0.0;
            if (!parse_count(item, share) || share > 1.0) {
                throw DataError(table.where(r) + ": seat_support '" + cell(r, 21) +
                                "' is not a list of shares like 1.000;0.250");
            }
            party.seat_support.push_back(share);
        }
        // "area/rank-slot:2;area/block:2": the variants in the order the job ran them.
        for (const auto& item : split(cell(r, 16), ';')) {
            const auto colon = item.rfind(':');
            double seats = 0.0;
            if (colon == std::string::npos || !parse_count(item.substr(colon + 1), seats) ||
                seats != std::floor(seats) || seats > most_seats) {
                throw DataError(table.where(r) + ": variant_seats '" + cell(r, 16) +
                                "' is not of the form rule:seats;rule:seats");
            }
            const std::string name = item.substr(0, colon);
            party.variant_seats[name] = static_cast<int>(seats);
            if (std::find(base.variants.begin(), base.variants.end(), name) ==
                base.variants.end()) {
                base.variants.push_back(name);
            }
        }
        base.wards[it->second].parties.push_back(std::move(party));
    }
    std::sort(base.wards.begin(), base.wards.end(),
              [](const BaseWard& a, const BaseWard& b) { return a.code < b.code; });

    const auto council_path = notional_csv.parent_path() / "council.csv";
    if (std::filesystem::exists(council_path)) {
        const CsvTable council = read_csv(council_path);
        const auto party = council.require("party"), seats = council.require("old_seats");
        for (std::size_t r = 0; r < council.rows.size(); ++r) {
            double value = 0.0;
            if (!parse_count(council.rows[r][seats], value) || value != std::floor(value) ||
                value > 100 * most_seats) {
                throw DataError(council.where(r) + ": old_seats '" + council.rows[r][seats] +
                                "' is not a whole number");
            }
            if (value > 0) base.old_seats[council.rows[r][party]] = static_cast<int>(value);
        }
    }
    return base;
}

}  // namespace notional::model
