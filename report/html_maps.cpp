/// report.html's maps: each ward's path from the drawing, filled by what the map shows, with a
/// <title> to hover and a link to its card; a legend under each.
#include <algorithm>
#include <array>
#include <functional>
#include <map>
#include <set>
#include <utility>

#include "core/csv.hpp"
#include "report/html_parts.hpp"

namespace notional::report::html {

namespace {

/// How one ward is drawn on one map.
struct Look {
    std::string fill;
    std::string css_class;  ///< "claim" or "knife": outlined, so drawn after the others
    std::string note;       ///< the map's own words for the ward's <title>
};

using LookOf = std::function<Look(const model::WardComparison&)>;

/// `defs_of`, when given, writes the <defs> once the looks are known (the patterns they use).
std::string map_svg(const HtmlReport& report, const std::string& id, const LookOf& look_of,
                    const std::function<std::string()>& defs_of = {}) {
    const Drawing& drawing = report.drawing;
    std::string text;
    // The outlined wards last, so that no neighbour hides part of their outline.
    for (const bool outlined : {false, true}) {
        for (const auto& ward : report.comparison.wards) {
            const auto shape = drawing.shapes.find(ward.code);
            if (shape == drawing.shapes.end()) continue;
            const Look look = look_of(ward);
            if (look.css_class.empty() == outlined) continue;
            text += "<a href=\"#" + anchor(ward.code) + "\"><path d=\"" + shape->second.path +
                    "\" fill=\"" + look.fill + "\"" +
                    (look.css_class.empty() ? "" : " class=\"" + look.css_class + "\"") +
                    "><title>" +
                    html_escape(ward.name + " (" + ward.code + "): " + ward.label + look.note) +
                    "</title></path></a>\n";
        }
    }
    const std::string defs = defs_of ? "<defs>" + defs_of() + "</defs>\n" : "";
    return R"(<svg class="map" id="map-)" + id + "\" viewBox=\"0 0 " + fixed(drawing.width, 0) +
           " " + fixed(drawing.height, 0) +
           R"(" fill-rule="evenodd" role="img" aria-label="map: )" + id + "\">\n" + defs + text +
           "</svg>\n";
}

std::string figure(const std::string& caption, const std::string& svg, const std::string& legend) {
    return "<figure>\n<figcaption>" + caption + "</figcaption>\n" + svg + "<div class=\"legend\">" +
           legend + "</div>\n</figure>\n";
}

std::string item(const std::string& colour, const std::string& text) {
    return "<span>" + swatch(colour) + html_escape(text) + "</span>";
}

/// A legend's swatch filled with a pattern or outlined like a claimed ward.
std::string pattern_item(const std::string& fill, const std::string& text, bool outlined) {
    return std::string(
               "<span><svg width=\"14\" height=\"14\" aria-hidden=\"true\"><rect x=\"1\" "
               "y=\"1\" width=\"12\" height=\"12\" fill=\"") +
           fill + "\" stroke=\"" + (outlined ? "#24292f" : "#8c959f") + "\" stroke-width=\"" +
           (outlined ? "1.6" : "1") + "\"/></svg>" + html_escape(text) + "</span>";
}

/// The party that gained most seats on its notional, first among equals; "" for none. As
/// comparison.geojson's fill has it.
std::string gainer(const model::WardComparison& ward) {
    std::string party;
    int most = 0;
    for (const auto& candidate : ward.parties) {
        if (candidate.change() > most) {
            party = candidate.party;
            most = candidate.change();
        }
    }
    return party;
}

std::string winner_map(const HtmlReport& report, const Words& words) {
    std::map<std::string, int> won;
    for (const auto& ward : report.comparison.wards) ++won[ward.winner];
    std::vector<std::pair<std::string, int>> order(won.begin(), won.end());
    std::stable_sort(order.begin(), order.end(),
                     [](const auto& a, const auto& b) { return a.second > b.second; });
    std::string legend;
    for (const auto& [party, count] : order) {
        legend += item(report.colours(party), (party.empty() ? std::string("no winner") : party) +
                                                  " " + std::to_string(count));
    }
    const LookOf look = [&](const model::WardComparison& ward) {
        return Look{report.colours(ward.winner), "", ""};
    };
    return figure("Winner in each " + words.ward, map_svg(report, "winner", look), legend);
}

std::string pattern_id(const std::string& verdict, const std::string& colour) {
    return "v-" + verdict + "-" + colour.substr(colour.empty() ? 0 : 1);
}

/// A hatch (boundary artefact) or dots (uncertain) over `colour`.
std::string pattern(const std::string& verdict, const std::string& colour) {
    const std::string mark = verdict == "artefact"
                                 ? "<rect width=\"2.2\" height=\"6\" fill=\"#24292f\" "
                                   "fill-opacity=\".5\"/>"
                                 : "<circle cx=\"3\" cy=\"3\" r=\"1.5\" fill=\"#24292f\" "
                                   "fill-opacity=\".6\"/>";
    return "<pattern id=\"" + pattern_id(verdict, colour) +
           R"(" width="6" height="6" patternUnits="userSpaceOnUse")" +
           (verdict == "artefact" ? " patternTransform=\"rotate(45)\"" : "") +
           R"(><rect width="6" height="6" fill=")" + colour + "\"/>" + mark + "</pattern>";
}

std::string gains_map(const HtmlReport& report) {
    std::set<std::pair<std::string, std::string>> patterns{{"artefact", "#ffffff"},
                                                           {"uncertain", "#ffffff"}};
    std::set<std::string> gained;
    std::set<std::string> held;
    const LookOf look = [&](const model::WardComparison& ward) {
        const std::string party = gainer(ward);
        (party.empty() ? held : gained).insert(party.empty() ? ward.winner : party);
        const std::string colour =
            party.empty() ? hold_tint(report.colours(ward.winner)) : report.colours(party);
        const std::string verdict = verdict_class(ward);
        std::string note;
        for (const auto& candidate : ward.parties) {
            if (!candidate.verdicts.empty()) {
                note += "; " + candidate.party + " " + candidate.verdict_text();
            }
        }
        if (verdict.empty()) return Look{colour, "", note};
        if (verdict == "genuine") return Look{colour, "claim", note};
        patterns.insert({verdict, colour});
        return Look{"url(#" + pattern_id(verdict, colour) + ")", "claim", note};
    };
    const std::string svg = map_svg(report, "gains", look, [&] {
        std::string defs;
        for (const auto& [verdict, colour] : patterns) defs += pattern(verdict, colour);
        return defs;
    });
    std::string legend;
    for (const auto& party : gained) {
        legend += item(report.colours(party), party + " gain");
    }
    for (const auto& party : held) {
        legend += item(hold_tint(report.colours(party)),
                       (party.empty() ? std::string("no winner") : party) + " hold");
    }
    legend += pattern_item("#ffffff", "GENUINE (solid, outlined)", true) +
              pattern_item("url(#v-artefact-ffffff)", "BOUNDARY ARTEFACT (hatched)", true) +
              pattern_item("url(#v-uncertain-ffffff)", "UNCERTAIN or mixed (dotted)", true);
    return figure("Gains on the notional, and the verdicts on claimed gains", svg, legend);
}

std::string change_map(const HtmlReport& report, const Words& words) {
    static const std::map<model::ChangeClass, const char*> colour{
        {model::ChangeClass::unchanged, "#f1eef6"},
        {model::ChangeClass::minor, "#bdc9e1"},
        {model::ChangeClass::major, "#74a9cf"},
        {model::ChangeClass::created, "#045a8d"}};
    std::map<model::ChangeClass, int> count;
    for (const auto& ward : report.comparison.wards) ++count[ward.change_class];
    const LookOf look = [&](const model::WardComparison& ward) {
        return Look{colour.at(ward.change_class), "",
                    std::string("; boundary ") + model::to_string(ward.change_class)};
    };
    const std::string svg = map_svg(report, "change", look);
    std::string legend;
    for (const auto& [change, fill] : colour) {
        legend +=
            item(fill, std::string(model::to_string(change)) + " " + std::to_string(count[change]));
    }
    return figure("How much each " + words.ward + "'s boundary changed", svg, legend);
}

std::string margin_map(const HtmlReport& report, const Words& words) {
    // Light where the notional winner barely led, dark where it was safe.
    static const std::array<double, 4> edges{5.0, 10.0, 20.0, 30.0};
    static const std::array<const char*, 5> colours{"#ffffcc", "#c2e699", "#78c679", "#31a354",
                                                    "#006837"};
    const LookOf look = [&](const model::WardComparison& ward) {
        if (!ward.notional_majority_pct) return Look{no_winner_colour, "", "; no notional"};
        const double margin = *ward.notional_majority_pct;
        std::size_t bin = 0;
        while (bin < edges.size() && margin >= edges[bin]) ++bin;
        return Look{colours[bin], ward.notional_knife_edge ? "knife" : "",
                    "; notional margin " + fixed(margin, 2) + "%" +
                        (ward.notional_knife_edge ? ", a knife-edge" : "")};
    };
    const std::string svg = map_svg(report, "margin", look);
    std::string legend = item(colours[0], "under 5%");
    for (std::size_t bin = 1; bin < colours.size(); ++bin) {
        legend += item(colours[bin],
                       fixed(edges[bin - 1], 0) +
                           (bin < edges.size() ? "–" + fixed(edges[bin], 0) + "%" : "% or more"));
    }
    legend += item(no_winner_colour, "no notional") +
              "<span><svg width=\"14\" height=\"14\" aria-hidden=\"true\"><rect x=\"1\" y=\"1\" "
              "width=\"12\" height=\"12\" fill=\"#ffffcc\" stroke=\"#24292f\" "
              "stroke-width=\"1.6\" stroke-dasharray=\"4 2\"/></svg>knife-edge (under " +
              fixed(report.comparison.knife_edge_pct, 1) + "%)</span>";
    return figure("Notional margin in each " + words.ward + " (share of ballots)", svg, legend);
}

}  // namespace

std::string maps_section(const HtmlReport& report) {
    const Words words = html::words(report.general);
    if (report.drawing.shapes.empty()) return "";
    return "<h2 id=\"maps\">Maps</h2>\n<p class=\"note\">Hover over a " + words.ward +
           " for its name and result; click it for its card.</p>\n<div class=\"maps\">\n" +
           winner_map(report, words) + gains_map(report) + change_map(report, words) +
           margin_map(report, words) + "</div>\n";
}

}  // namespace notional::report::html
