#pragma once
/// comparison.csv and report.md.
#include <string>

#include "model/compare.hpp"

namespace notional::report {

using model::Comparison;

/// comparison.csv: one row per (new ward, party).
[[nodiscard]] std::string comparison_csv(const Comparison& comparison);

/// report.md: the council table, the gains with verdicts and reasons, the knife-edges.
[[nodiscard]] std::string report_markdown(const Comparison& comparison, const std::string& title);

}  // namespace notional::report
