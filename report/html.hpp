#pragma once
/// report.html: the comparison as one self-contained page (inline CSS and SVG, no script): the
/// council table, four maps, the gains with their verdicts, the knife-edges and a card per ward.
#include <map>
#include <string>
#include <vector>

#include "core/drawing.hpp"
#include "model/compare.hpp"
#include "report/colours.hpp"

namespace notional::report {

/// An old ward a new ward draws on, and the share of the new ward's weight it gives.
struct WardSource {
    std::string code, name;
    double share = 0.0;
};

/// What the page is made of besides the comparison.
struct HtmlReport {
    const model::Comparison& comparison;
    std::string title;
    bool general = false;  ///< a general election: constituencies, not wards
    const PartyColours& colours;
    const Drawing& drawing;  ///< the new wards, by code
    /// Each new ward's old wards, by new code; empty where they are not known.
    std::map<std::string, std::vector<WardSource>> sources;
};

/// The page; deterministic (no dates), every text escaped.
[[nodiscard]] std::string report_html(const HtmlReport& report);

/// `text` safe in HTML text and in a quoted attribute.
[[nodiscard]] std::string html_escape(const std::string& text);

}  // namespace notional::report
