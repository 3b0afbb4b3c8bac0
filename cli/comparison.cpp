#include "cli/comparison.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>

#include "core/csv.hpp"
#include "core/error.hpp"
#include "geo/geojson.hpp"
#include "report/comparison.hpp"

namespace notional::cli {

void write_comparison(notional::StagedOutputs& outputs, const model::Comparison& comparison,
                      const geo::Layer& wards, const std::string& title,
                      geo::GeosContext& context) {
    outputs.write_text("comparison.csv", report::comparison_csv(comparison));
    outputs.write_text("report.md", report::report_markdown(comparison, title));

    std::map<std::string, std::size_t> polygon;
    for (std::size_t i = 0; i < wards.size(); ++i) polygon[wards.codes[i]] = i;
    std::vector<std::size_t> order;
    std::vector<geo::Column> columns;
    auto optional = [](const std::optional<double>& value) {
        return value ? geo::Value(std::round(*value * 1000.0) / 1000.0) : geo::Value();
    };
    for (const auto& ward : comparison.wards) {
        const auto it = polygon.find(ward.code);
        if (it == polygon.end())
            throw DataError(wards.label + ": no polygon for ward " + ward.code);
        order.push_back(it->second);
        std::string gains, verdicts;
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
        const std::vector<std::pair<std::string, geo::Value>> properties{
            {"ward_code", ward.code},
            {"ward_name", ward.name},
            {"seats", static_cast<long long>(ward.seats)},
            {"winner", ward.winner},
            {"label", ward.label},
            {"gains", gains},
            {"verdict", verdicts},
            {"change_class", ward.change_class},
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
            {"fill", report::party_colour(ward.winner)},
            {"stroke", report::party_colour(ward.winner)},
            {"fill-opacity", 0.6}};
        if (columns.empty()) {
            for (const auto& [name, value] : properties) columns.push_back({name, {}});
        }
        for (std::size_t c = 0; c < properties.size(); ++c) {
            columns[c].values.push_back(properties[c].second);
        }
    }
    outputs.write_text("comparison.geojson",
                       geo::geojson_text("comparison", wards, order, columns, context));
}

std::string party_summary(const model::PartyUnification& parties,
                          const std::vector<std::string>& labels) {
    std::size_t width = 5;
    for (const auto& party : parties.parties) width = std::max(width, party.code.size());
    std::string text = "\nparties      " + std::to_string(parties.parties.size()) +
                       " besides independents (each independent is a party of their own):\n";
    for (const auto& party : parties.parties) {
        std::string stood;
        const auto count = std::count(party.stood.begin(), party.stood.end(), true);
        if (labels.size() > 1) {
            if (count == static_cast<long>(party.stood.size())) {
                stood = "in both";
            } else {
                for (std::size_t e = 0; e < party.stood.size(); ++e) {
                    if (party.stood[e]) stood += (stood.empty() ? "" : ", ") + labels[e];
                }
                stood += " only";
            }
        }
        // Spellings other than the party's name: where the matching did its work.
        std::string spelled;
        std::size_t shown = 0, others = 0;
        for (const auto& names : party.spellings) {
            for (const auto& name : names) {
                if (name == party.name) continue;
                if (shown < 3) {
                    spelled += (shown ? ", '" : "; as '") + name + "'";
                    ++shown;
                } else {
                    ++others;
                }
            }
        }
        if (others) spelled += " and " + std::to_string(others) + " more";
        text += "  " + party.code + std::string(width - party.code.size() + 2, ' ') + party.name +
                ": " + party.how + (stood.empty() ? "" : ", " + stood) + spelled + "\n";
    }
    return text;
}

std::string comparison_summary(const model::Comparison& comparison) {
    int width = 5;
    for (const auto& row : comparison.council) {
        width = std::max(width, static_cast<int>(row.party.size()));
    }
    char line[256];
    std::snprintf(line, sizeof line, "\ncomparison   %-*s %4s %9s %7s %6s %5s %6s %7s\n", width,
                  "party", "old", "notional", "actual", "press", "real", "gains", "losses");
    std::string text = line;
    for (const auto& row : comparison.council) {
        std::snprintf(line, sizeof line, "             %-*s %4d %9d %7d %+6d %+5d %6d %7d\n", width,
                      row.party.c_str(), row.old_seats, row.notional_seats, row.actual_seats,
                      row.actual_seats - row.old_seats, row.actual_seats - row.notional_seats,
                      row.gains, row.losses);
        text += line;
    }
    std::map<std::string, int> verdicts;
    for (const auto& ward : comparison.wards) {
        for (const auto& party : ward.parties) {
            for (const auto verdict : party.verdicts) ++verdicts[model::to_string(verdict)];
        }
    }
    text += "verdicts    ";
    for (const char* name : {"GENUINE", "BOUNDARY ARTEFACT", "UNCERTAIN"}) {
        text += std::string(" ") + std::to_string(verdicts[name]) + " " + name +
                (std::string(name) == "UNCERTAIN" ? "\n" : ",");
    }
    return text;
}

}  // namespace notional::cli
