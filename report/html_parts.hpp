#pragma once
/// The parts of report.html, for report/html*.cpp alone: the maps (html_maps.cpp) and the ward
/// cards (html_wards.cpp) beside the page and its tables (html.cpp).
#include <optional>
#include <string>

#include "report/html.hpp"

namespace notional::report::html {

/// "ward" or "constituency", as the election has them.
struct Words {
    std::string ward, wards, wards_capital, council;
};
[[nodiscard]] Words words(bool general);

/// The id of a ward's card, its code with no space in it.
[[nodiscard]] std::string anchor(const std::string& code);

/// A share of 1 as a percentage, "42.1%"; "" when unknown.
[[nodiscard]] std::string percent(const std::optional<double>& share, int decimals = 1);

/// A colour swatch for a legend or a table.
[[nodiscard]] std::string swatch(const std::string& colour);

/// The ward's verdicts in one word for the maps: "" (no claimed gain), "genuine", "artefact",
/// or "uncertain" (an UNCERTAIN verdict, or verdicts that differ between its seats).
[[nodiscard]] std::string verdict_class(const model::WardComparison& ward);

/// The four maps with their legends; nothing where there is no drawing.
[[nodiscard]] std::string maps_section(const HtmlReport& report);

/// A card per ward: sources, votes and shares, margin, swing, majority.
[[nodiscard]] std::string ward_cards(const HtmlReport& report);

}  // namespace notional::report::html
