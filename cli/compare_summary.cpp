// The compare subcommand's summary, and the parties' and comparison's sections both
// subcommands print.
#include <algorithm>
#include <cstdio>
#include <map>
#include <sstream>

#include "cli/figures.hpp"
#include "cli/summary.hpp"

namespace notional::cli {

std::string compare_summary(const app::CompareResult& result) {
    std::ostringstream out;
    out << "compared     " << result.comparison.wards.size() << " wards of " << result.base.string()
        << " with " << result.actual.path.string() << " (" << model::to_string(result.actual.format)
        << ")\n";
    if (!result.skipped.empty()) {
        out << "skipped      " << result.skipped.size() << " councils of "
            << result.actual.path.string() << " with no ward in the base\n";
    }
    return out.str() + party_summary(result.parties, {"base", "actual"}) +
           comparison_summary(result.comparison) + outputs_list(result.written);
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
        std::size_t shown = 0;
        std::size_t others = 0;
        for (const auto& names : party.spellings) {
            for (const auto& name : names) {
                if (name == party.name) continue;
                if (shown < 3) {
                    spelled += (shown != 0 ? ", '" : "; as '") + name + "'";
                    ++shown;
                } else {
                    ++others;
                }
            }
        }
        if (others != 0) spelled += " and " + std::to_string(others) + " more";
        text += "  " + party.code + std::string(width - party.code.size() + 2, ' ') + party.name +
                ": " + party.how + (stood.empty() ? "" : ", " + stood);
        text += spelled + "\n";
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
                      row.press_change(), row.real_change(), row.gains, row.losses);
        text += line;
    }
    auto verdicts = verdict_counts(comparison);
    text += "verdicts    ";
    for (const char* name : {"GENUINE", "BOUNDARY ARTEFACT", "UNCERTAIN"}) {
        text += std::string(" ") + std::to_string(verdicts[name]) + " " + name +
                (std::string(name) == "UNCERTAIN" ? "\n" : ",");
    }
    return text;
}

}  // namespace notional::cli
