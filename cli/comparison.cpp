#include "cli/comparison.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>

#include "geo/geojson.hpp"
#include "model/csv.hpp"
#include "model/error.hpp"

namespace notional::cli {

void write_comparison(model::StagedOutputs& outputs, const model::Comparison& comparison,
                      const geo::Layer& wards, const std::string& title,
                      geo::GeosContext& context) {
    outputs.write_text("comparison.csv", model::comparison_csv(comparison));
    outputs.write_text("report.md", model::report_markdown(comparison, title));

    std::map<std::string, std::size_t> polygon;
    for (std::size_t i = 0; i < wards.size(); ++i) polygon[wards.codes[i]] = i;
    std::vector<std::size_t> order;
    std::vector<geo::Column> columns{{"ward_code", {}},
                                     {"ward_name", {}},
                                     {"seats", {}},
                                     {"winner", {}},
                                     {"label", {}},
                                     {"gains", {}},
                                     {"verdict", {}},
                                     {"change_class", {}},
                                     {"swing", {}},
                                     {"swing_to", {}},
                                     {"swing_from", {}},
                                     {"majority_pct", {}},
                                     {"notional_majority_pct", {}},
                                     {"fill", {}},
                                     {"stroke", {}},
                                     {"fill-opacity", {}}};
    for (const auto& ward : comparison.wards) {
        const auto it = polygon.find(ward.code);
        if (it == polygon.end()) {
            throw DataError(wards.label + ": no polygon for ward " + ward.code);
        }
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
        auto optional = [](const std::optional<double>& value) {
            return value ? geo::Value(std::round(*value * 1000.0) / 1000.0) : geo::Value();
        };
        const std::vector<geo::Value> values{ward.code,
                                             ward.name,
                                             static_cast<long long>(ward.seats),
                                             ward.winner,
                                             ward.label,
                                             gains,
                                             verdicts,
                                             ward.change_class,
                                             optional(ward.swing),
                                             ward.swing_to,
                                             ward.swing_from,
                                             optional(ward.majority_pct),
                                             optional(ward.notional_majority_pct),
                                             model::party_colour(ward.winner),
                                             model::party_colour(ward.winner),
                                             0.6};
        for (std::size_t c = 0; c < columns.size(); ++c) columns[c].values.push_back(values[c]);
    }
    geo::write_geojson(outputs.stage("comparison.geojson"), "comparison", wards, order, columns,
                       context);
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
