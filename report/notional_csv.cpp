#include "report/notional_csv.hpp"

#include <algorithm>
#include <cmath>
#include <map>

#include "core/csv.hpp"
#include "core/error.hpp"
#include "core/text.hpp"
#include "report/geojson_columns.hpp"
#include "report/precision.hpp"

namespace notional::report {

using model::BaseParty;
using model::BaseWard;
using model::Notional;
using model::NotionalBase;

namespace {

const std::vector<std::string> base_header{
    "ward_code",     "ward_name",      "party",      "party_name",
    "votes",         "share",          "top_vote",   "share_top",
    "votes_rounded", "notional_seats", "ward_seats", "change_class",
    "margin",        "knife_edge",     "turnout",    "predecessor_seats",
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
            std::string variants;
            std::string support;
            for (const auto& name : base.variants) {
                if (!party.variant_seats.contains(name)) continue;
                variants += (variants.empty() ? "" : ";") + name + ":" +
                            std::to_string(party.variant_seats.at(name));
            }
            for (const double share : party.seat_support) {
                support += (support.empty() ? "" : ";") + fixed(share, 3);
            }
            append_csv_row(text,
                           {ward.code,
                            ward.name,
                            party.code,
                            party.name,
                            fixed(party.votes, vote_decimals),
                            optional_number(party.share, share_decimals),
                            fixed(party.top, vote_decimals),
                            optional_number(party.share_top, share_decimals),
                            std::to_string(party.votes_rounded),
                            optional_int(party.seats),
                            ward.seats != 0 ? std::to_string(ward.seats) : "",
                            model::to_string(ward.change_class),
                            ward.margin_pct ? fixed(*ward.margin_pct / 100.0, margin_decimals) : "",
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

std::string council_csv(const NotionalBase& base, const Notional& notional,
                        const PartyColours& colours) {
    std::map<std::string, int> seats;
    for (const auto& ward : base.wards) {
        for (const auto& party : ward.parties) seats[party.code] += party.seats.value_or(0);
    }
    const double total = notional.old_total();
    const auto fields = party_fields(notional.carried.parties);
    std::string text = csv_row({"party", "party_name", "old_seats", "notional_seats", "old_votes",
                                "notional_votes", "share", "field", "colour"});
    for (const auto& ledger : notional.ledger) {
        const std::string& party = ledger.party;
        append_csv_row(
            text,
            {party, base.party_names.at(party),
             std::to_string(base.old_seats.contains(party) ? base.old_seats.at(party) : 0),
             base.variants.empty() ? "" : std::to_string(seats[party]), fixed(ledger.old_votes, 0),
             fixed(ledger.new_votes, 4), total > 0.0 ? fixed(ledger.old_votes / total, 6) : "",
             fields.contains(party) ? fields.at(party) : "", colours(party)});
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

/// The rows of a notional.csv, by column name.
class BaseRows {
public:
    explicit BaseRows(const CsvTable& table) : m_table(table) {
        // Every one of base_header but the two later versions added, and the margin that
        // earlier versions wrote in percentage points.
        for (const auto& name : base_header) {
            if (name == "reached" || name == "partial" || name == "margin") continue;
            m_column[name] = table.require(name);
        }
        const auto points = table.find("margin_pct");
        m_margin_points = points.has_value();
        m_column["margin"] = points ? *points : table.require("margin");
        m_reached = table.find("reached");
        m_partial = table.find("partial");
    }

    [[nodiscard]] const std::string& cell(std::size_t row, const char* name) const {
        return m_table.rows[row][m_column.at(name)];
    }

    /// The ward's columns of row `r`.
    [[nodiscard]] BaseWard ward(std::size_t r) const {
        BaseWard ward;
        ward.code = cell(r, "ward_code");
        ward.name = cell(r, "ward_name");
        const auto seats = whole(r, "ward_seats", most_seats);
        ward.seats = seats ? static_cast<int>(*seats) : 0;
        const auto change = model::parse_change_class(cell(r, "change_class"));
        if (!change) {
            throw DataError(m_table.where(r) + ": change_class '" + cell(r, "change_class") +
                            "' is none of unchanged, minor, major, new; write the file again");
        }
        ward.change_class = *change;
        ward.margin_pct = number(r, "margin");
        if (ward.margin_pct && !m_margin_points) *ward.margin_pct *= 100.0;
        bool knife = false;
        ward.knife_edge = parse_flag(cell(r, "knife_edge"), knife) && knife;
        ward.turnout = number(r, "turnout");
        for (auto [flag, slot] :
             {std::pair{m_reached, &ward.reached}, std::pair{m_partial, &ward.partial}}) {
            if (flag && !parse_flag(m_table.rows[r][*flag], *slot)) {
                throw DataError(m_table.where(r) + ": " + m_table.header[*flag] + " '" +
                                m_table.rows[r][*flag] + "' is not true or false");
            }
        }
        return ward;
    }

    /// The party's columns of row `r`; the variants it names join `variants` in order.
    [[nodiscard]] BaseParty party(std::size_t r, std::vector<std::string>& variants) const {
        BaseParty party;
        party.code = cell(r, "party");
        party.name = cell(r, "party_name");
        const auto votes = number(r, "votes");
        const auto top = number(r, "top_vote");
        const auto rounded = whole(r, "votes_rounded", most_votes);
        if (!votes || !top || !rounded) {
            throw DataError(m_table.where(r) + ": votes, top_vote and votes_rounded are required");
        }
        party.votes = *votes;
        party.top = *top;
        party.votes_rounded = *rounded;
        party.share = number(r, "share");
        party.share_top = number(r, "share_top");
        if (auto seats = whole(r, "notional_seats", most_seats)) {
            party.seats = static_cast<int>(*seats);
        }
        if (auto seats = whole(r, "predecessor_seats", most_seats)) {
            party.predecessor_seats = static_cast<int>(*seats);
        }
        party.votes_min = number(r, "votes_min").value_or(party.votes);
        party.votes_max = number(r, "votes_max").value_or(party.votes);
        party.share_min = number(r, "share_min");
        party.share_max = number(r, "share_max");
        for (const auto& item : split(cell(r, "seat_support"), ';')) {
            double share = 0.0;
            if (!parse_count(item, share) || share > 1.0) {
                throw DataError(m_table.where(r) + ": seat_support '" + cell(r, "seat_support") +
                                "' is not a list of shares like 1.000;0.250");
            }
            party.seat_support.push_back(share);
        }
        read_variant_seats(r, party, variants);
        return party;
    }

private:
    [[nodiscard]] std::optional<double> number(std::size_t row, const char* name) const {
        return read_optional(m_table, row, m_column.at(name));
    }
    [[nodiscard]] std::optional<long long> whole(std::size_t row, const char* name,
                                                 double most) const {
        return read_whole(m_table, row, m_column.at(name), most);
    }

    /// "area/rank-slot:2;area/block:2": the variants in the order the job ran them.
    void read_variant_seats(std::size_t r, BaseParty& party,
                            std::vector<std::string>& variants) const {
        for (const auto& item : split(cell(r, "variant_seats"), ';')) {
            const auto colon = item.rfind(':');
            double seats = 0.0;
            if (colon == std::string::npos || !parse_count(item.substr(colon + 1), seats) ||
                seats != std::floor(seats) || seats > most_seats) {
                throw DataError(m_table.where(r) + ": variant_seats '" + cell(r, "variant_seats") +
                                "' is not of the form rule:seats;rule:seats");
            }
            const std::string name = item.substr(0, colon);
            party.variant_seats[name] = static_cast<int>(seats);
            if (std::find(variants.begin(), variants.end(), name) == variants.end()) {
                variants.push_back(name);
            }
        }
    }

    const CsvTable& m_table;
    std::map<std::string, std::size_t> m_column;
    std::optional<std::size_t> m_reached, m_partial;
    bool m_margin_points = false;  ///< an earlier version's margin_pct, in percentage points
};

}  // namespace

NotionalBase parse_base(std::string_view text, const std::filesystem::path& path) {
    const CsvTable table = parse_csv(text, path);
    const BaseRows rows(table);
    NotionalBase base;
    std::map<std::string, std::size_t> ward_index;
    for (std::size_t r = 0; r < table.rows.size(); ++r) {
        auto [it, fresh] = ward_index.try_emplace(rows.cell(r, "ward_code"), base.wards.size());
        if (fresh) base.wards.push_back(rows.ward(r));
        if (trim(rows.cell(r, "party")).empty()) continue;  // a ward no party's votes reach
        BaseParty party = rows.party(r, base.variants);
        base.party_names[party.code] = party.name;
        base.wards[it->second].parties.push_back(std::move(party));
    }
    std::sort(base.wards.begin(), base.wards.end(),
              [](const BaseWard& a, const BaseWard& b) { return a.code < b.code; });
    return base;
}

NotionalBase read_base(const std::filesystem::path& notional_csv) {
    NotionalBase base = parse_base(read_text_file(notional_csv), notional_csv);
    const auto council_path = notional_csv.parent_path() / "council.csv";
    if (std::filesystem::exists(council_path)) {
        const CsvTable council = read_csv(council_path);
        const auto party = council.require("party");
        const auto seats = council.require("old_seats");
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

}  // namespace notional::report
