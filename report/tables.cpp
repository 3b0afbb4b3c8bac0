#include "report/tables.hpp"

#include <algorithm>
#include <charconv>
#include <map>
#include <tuple>

#include "core/csv.hpp"
#include "core/error.hpp"
#include "model/measures.hpp"
#include "model/ordering.hpp"
#include "report/precision.hpp"

namespace notional::report {

using model::order_by_code;
using model::ward_totals;

std::string crosswalk_csv(const WardNames& old_wards, const WardNames& new_wards,
                          const Crosswalk& crosswalk, const Crosswalk& by_area) {
    std::vector<Piece> pieces = crosswalk.pieces();
    std::sort(pieces.begin(), pieces.end(), [&](const Piece& a, const Piece& b) {
        return std::tie(old_wards.codes[a.old_index], new_wards.codes[a.new_index]) <
               std::tie(old_wards.codes[b.old_index], new_wards.codes[b.new_index]);
    });
    std::map<std::pair<std::size_t, std::size_t>, double> area;
    for (const auto& piece : by_area.pieces()) {
        area[{piece.old_index, piece.new_index}] = piece.weight;
    }
    std::string text =
        csv_row({"old_code", "new_code", "area_m2", "share_of_old", "share_of_new", "weight"});
    for (const auto& piece : pieces) {
        const auto o = static_cast<Eigen::Index>(piece.old_index);
        const auto n = static_cast<Eigen::Index>(piece.new_index);
        const auto m2 = area.find({piece.old_index, piece.new_index});
        append_csv_row(text, {old_wards.codes[piece.old_index], new_wards.codes[piece.new_index],
                              m2 == area.end() ? "" : fixed(m2->second, area_decimals),
                              fixed(crosswalk.shares().coeff(o, n), fraction_decimals),
                              fixed(crosswalk.shares_of_new().coeff(o, n), fraction_decimals),
                              fixed(piece.weight, weight_decimals)});
    }
    return text;
}

std::string ledger_csv(const WardNames& old_wards, const Crosswalk& crosswalk,
                       const Crosswalk& by_area, const Notional* notional) {
    std::string text = csv_row({"old_code", "old_name", "area_m2", "weight", "share_allocated",
                                "share_noise", "share_sliver", "share_gap", "share_outside",
                                "share_spread", "same_ward", "overlap_m2", "votes", "votes_lost"});
    const Eigen::VectorXd votes_of = notional ? ward_totals(notional->old.tot) : Eigen::VectorXd();
    for (const std::size_t o : order_by_code(old_wards.codes)) {
        const auto& entry = crosswalk.ledger()[o];
        const auto& area = by_area.ledger()[o];
        std::string votes;
        std::string lost;
        if (notional && notional->old.contested[o]) {
            const double total = votes_of[static_cast<Eigen::Index>(o)];
            votes = fixed(total, 0);
            lost = fixed(total * entry.lost(), vote_decimals);
        }
        append_csv_row(
            text, {old_wards.codes[o], old_wards.names[o], fixed(area.weight, area_decimals),
                   fixed(entry.weight, weight_decimals), fixed(entry.allocated, fraction_decimals),
                   fixed(entry.noise, fraction_decimals), fixed(entry.sliver, fraction_decimals),
                   fixed(entry.gap, fraction_decimals), fixed(entry.outside, fraction_decimals),
                   fixed(entry.spread, fraction_decimals), entry.same ? "true" : "false",
                   fixed(area.overlap, area_decimals), votes, lost});
    }
    return text;
}

std::string sources_text(const WardHonesty& ward, const std::vector<std::string>& old_codes) {
    std::string text;
    for (const auto& [o, share] : ward.sources) {
        text += (text.empty() ? "" : ";") + old_codes[o] + ":" + fixed(share, share_decimals);
    }
    return text;
}

std::map<std::string, std::vector<WardSource>> saved_sources(
    const std::filesystem::path& directory) {
    std::map<std::string, std::vector<WardSource>> sources;
    const auto crosswalk_path = directory / "crosswalk.csv";
    const auto ledger_path = directory / "ledger.csv";
    if (!std::filesystem::exists(crosswalk_path) || !std::filesystem::exists(ledger_path)) {
        return sources;
    }
    const CsvTable ledger = read_csv(ledger_path);
    std::map<std::string, std::string> names;
    for (const auto& row : ledger.rows) {
        names[row[ledger.require("old_code")]] = row[ledger.require("old_name")];
    }
    const CsvTable crosswalk = read_csv(crosswalk_path);
    const std::size_t old_code = crosswalk.require("old_code");
    const std::size_t share = crosswalk.require("share_of_new");
    for (std::size_t r = 0; r < crosswalk.rows.size(); ++r) {
        const auto& row = crosswalk.rows[r];
        double value = 0.0;
        const std::string& text = row[share];
        const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
        if (error != std::errc() || end != text.data() + text.size()) {
            throw DataError(crosswalk.where(r) + ": share_of_new '" + text + "' is not a number");
        }
        const auto name = names.find(row[old_code]);
        sources[row[crosswalk.require("new_code")]].push_back(
            {row[old_code], name == names.end() ? "" : name->second, value});
    }
    for (auto& [code, list] : sources) {
        std::stable_sort(list.begin(), list.end(), [](const WardSource& a, const WardSource& b) {
            return a.share > b.share;
        });
    }
    return sources;
}

}  // namespace notional::report
