#pragma once
/// comparison.csv, report.md and the parties' map colours.
#include <string>

#include "model/compare.hpp"

namespace notional::report {

using model::Comparison;

/// comparison.csv: one row per (new ward, party).
[[nodiscard]] std::string comparison_csv(const Comparison& comparison);

/// report.md: the council table, the gains with verdicts and reasons, the knife-edges.
[[nodiscard]] std::string report_markdown(const Comparison& comparison, const std::string& title);

/// simplestyle-spec colour of a party: CON blue, LAB red, LD orange, GRN green, REF teal,
/// others grey.
[[nodiscard]] std::string party_colour(const std::string& party);

}  // namespace notional::report
