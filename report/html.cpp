#include "report/html.hpp"

#include <algorithm>

#include "core/csv.hpp"
#include "report/html_parts.hpp"

namespace notional::report {

std::string html_escape(const std::string& text) {
    std::string out;
    out.reserve(text.size());
    for (const char c : text) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&#39;"; break;
            default: out += c;
        }
    }
    return out;
}

namespace html {

Words words(bool general) {
    if (general) return {"constituency", "constituencies", "Constituencies", "Parliament"};
    return {"ward", "wards", "Wards", "Council"};
}

std::string anchor(const std::string& code) {
    std::string id = code;
    std::replace_if(
        id.begin(), id.end(), [](char c) { return c == ' ' || c == '\t'; }, '_');
    return html_escape(id);
}

std::string percent(const std::optional<double>& share, int decimals) {
    return share ? fixed(100.0 * *share, decimals) + "%" : "";
}

std::string swatch(const std::string& colour) {
    return R"(<span class="sw" style="background:)" + html_escape(colour) + "\"></span>";
}

namespace {

std::string class_of(model::Verdict verdict) {
    switch (verdict) {
        case model::Verdict::genuine: return "genuine";
        case model::Verdict::boundary_artefact: return "artefact";
        case model::Verdict::uncertain: break;
    }
    return "uncertain";
}

/// One class for a list of verdicts: theirs when they agree, else uncertain.
std::string class_of(const std::vector<model::Verdict>& verdicts) {
    if (verdicts.empty()) return "";
    const bool agree = std::all_of(verdicts.begin(), verdicts.end(),
                                   [&](model::Verdict v) { return v == verdicts.front(); });
    return agree ? class_of(verdicts.front()) : "uncertain";
}

}  // namespace

std::string verdict_class(const model::WardComparison& ward) {
    std::vector<model::Verdict> all;
    for (const auto& party : ward.parties) {
        all.insert(all.end(), party.verdicts.begin(), party.verdicts.end());
    }
    return class_of(all);
}

namespace {

const char* const style = R"(
:root{--ink:#1f2328;--muted:#59636e;--line:#d1d9e0;--soft:#f6f8fa}
*{box-sizing:border-box}
body{margin:0;color:var(--ink);background:#fff;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,"Noto Sans","Liberation Sans",sans-serif}
main{max-width:1240px;margin:0 auto;padding:24px 28px 48px}
h1{font-size:26px;line-height:1.25;margin:0 0 6px}
h2{font-size:20px;margin:36px 0 12px;padding-bottom:6px;border-bottom:1px solid var(--line)}
p{margin:6px 0}
.lede,.note{color:var(--muted)}
a{color:#0969da;text-decoration:none}
a:hover{text-decoration:underline}
table{border-collapse:collapse;width:100%;font-size:14px}
th,td{padding:5px 10px;border-bottom:1px solid var(--line);text-align:left;vertical-align:top}
th{background:var(--soft);font-weight:600}
.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.up{color:#1a7f37}.down{color:#cf222e}
.sw{display:inline-block;width:12px;height:12px;margin-right:6px;vertical-align:-1px;border-radius:2px;border:1px solid rgba(0,0,0,.25)}
.maps{display:grid;grid-template-columns:repeat(auto-fit,minmax(440px,1fr));gap:18px}
figure{margin:0;padding:12px 14px;border:1px solid var(--line);border-radius:8px}
figcaption{font-weight:600;margin-bottom:8px}
svg.map{display:block;width:100%;height:auto;max-height:640px}
svg.map path{stroke:#fff;stroke-width:.6;stroke-linejoin:round;vector-effect:non-scaling-stroke}
svg.map path.claim{stroke:#24292f;stroke-width:1.1}
svg.map path.knife{stroke:#24292f;stroke-width:1.6;stroke-dasharray:4 2}
svg.map a:hover path{stroke:#000;stroke-width:2.2}
.legend{display:flex;flex-wrap:wrap;gap:4px 16px;margin-top:10px;font-size:13px;color:var(--muted)}
.legend svg{vertical-align:-2px;margin-right:6px}
.badge{display:inline-block;padding:1px 8px;border-radius:10px;font-size:12px;font-weight:600;white-space:nowrap}
.genuine{background:#dafbe1;color:#116329}
.artefact{background:#fff1e5;color:#953800}
.uncertain{background:#eef1f4;color:#424a53}
.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(480px,1fr));gap:16px}
.card{padding:12px 14px;border:1px solid var(--line);border-radius:8px;overflow-x:auto}
.card:target{outline:3px solid #0969da}
.card h3{margin:0 0 2px;font-size:16px}
.card table{font-size:13px;margin-top:8px}
.card th,.card td{padding:3px 6px}\n.card td.party{white-space:nowrap}
.facts{margin:4px 0;font-size:13px;color:var(--muted)}
)";

std::string badge(const model::PartyComparison& party) {
    return "<span class=\"badge " + html::class_of(party.verdicts) + "\">" +
           html_escape(party.verdict_text()) + "</span>";
}

std::string change_cell(int change) {
    const char* tone = change > 0 ? " up" : (change < 0 ? " down" : "");
    return "<td class=\"n" + std::string(tone) + "\">" + signed_int(change) + "</td>";
}

std::string intro(const HtmlReport& report, const html::Words& words) {
    const auto& comparison = report.comparison;
    const auto [judged, seats] = comparison.judged();
    std::string variants;
    for (const auto& variant : comparison.variants) {
        variants += (variants.empty() ? "" : ", ") + variant;
    }
    return "<p class=\"lede\">" + std::to_string(judged) + " " + words.wards + " and " +
           std::to_string(seats) + " seats compared. Notional seats by " +
           html_escape(comparison.variants.empty() ? "-" : comparison.variants.front()) +
           "; verdicts across every variant run (" + html_escape(variants) + "). Shares are of " +
           (comparison.convention == model::ShareConvention::total ? "all votes" : "top votes") +
           ".</p>\n";
}

std::string council_table(const HtmlReport& report, const html::Words& words) {
    std::string text = "<h2 id=\"council\">" + words.council +
                       "</h2>\n<p class=\"note\">The change the press quotes is against the old "
                       "election on the old map; the real change is against the notional result "
                       "on the new map.</p>\n<table>\n<thead><tr><th>party</th>"
                       "<th class=\"n\">old election, old map</th>"
                       "<th class=\"n\">notional, new map</th><th class=\"n\">actual</th>"
                       "<th class=\"n\">change the press quotes</th>"
                       "<th class=\"n\">real change</th><th class=\"n\">gains</th>"
                       "<th class=\"n\">losses</th></tr></thead>\n<tbody>\n";
    for (const auto& row : report.comparison.council) {
        text +=
            "<tr><td>" + html::swatch(report.colours(row.party)) + html_escape(row.party) +
            (row.name != row.party ? " <span class=\"note\">" + html_escape(row.name) + "</span>"
                                   : "") +
            "</td><td class=\"n\">" + std::to_string(row.old_seats) + "</td><td class=\"n\">" +
            std::to_string(row.notional_seats) + "</td><td class=\"n\">" +
            std::to_string(row.actual_seats) + "</td>" + change_cell(row.press_change()) +
            change_cell(row.real_change()) + "<td class=\"n\">" + std::to_string(row.gains) +
            "</td><td class=\"n\">" + std::to_string(row.losses) + "</td></tr>\n";
    }
    return text + "</tbody>\n</table>\n";
}

std::string gains_table(const HtmlReport& report, const html::Words& words) {
    std::string text =
        "<h2 id=\"gains\">Claimed gains</h2>\n<p class=\"note\">A seat a party won above its "
        "notional, or above what it won in the " +
        words.ward +
        "'s main predecessor. <b>GENUINE</b>: above the notional under every seat "
        "rule; <b>BOUNDARY ARTEFACT</b>: the party held it notionally under every rule; "
        "<b>UNCERTAIN</b>: the rules disagree or the notional is a knife-edge.</p>\n"
        "<table>\n<thead><tr><th>" +
        words.ward +
        "</th><th>label</th><th>party</th>"
        "<th class=\"n\">seats</th><th>verdict</th><th>why</th></tr></thead>\n<tbody>\n";
    bool any = false;
    for (const auto& ward : report.comparison.wards) {
        for (const auto& party : ward.parties) {
            if (party.verdicts.empty()) continue;
            any = true;
            text += "<tr><td><a href=\"#" + html::anchor(ward.code) + "\">" +
                    html_escape(ward.name) + "</a></td><td>" + html_escape(ward.label) +
                    "</td><td>" + html::swatch(report.colours(party.party)) +
                    html_escape(party.party) + "</td><td class=\"n\">" +
                    std::to_string(party.actual_seats) + "</td><td>" + badge(party) + "</td><td>" +
                    html_escape(party.reason) + "</td></tr>\n";
        }
    }
    if (!any) text += "<tr><td colspan=\"6\">none</td></tr>\n";
    return text + "</tbody>\n</table>\n";
}

/// The knife-edges, then the wards judged on part of their notional and those not judged.
std::string lists(const HtmlReport& report, const html::Words& words) {
    const auto& comparison = report.comparison;
    const auto item = [](const model::WardComparison& ward, const std::string& rest) {
        return "<li><a href=\"#" + html::anchor(ward.code) + "\">" + html_escape(ward.name) +
               "</a> (" + html_escape(ward.code) + ")" + rest + "</li>\n";
    };
    std::string knife;
    std::string partial;
    std::string unjudged;
    for (const auto& ward : comparison.wards) {
        if (ward.notional_knife_edge) {
            knife += item(
                ward, ": notional margin " +
                          (ward.notional_majority_pct ? fixed(*ward.notional_majority_pct, 2) + "%"
                                                      : std::string()) +
                          "; " + html_escape(ward.label));
        }
        if (ward.judged && ward.partial) partial += item(ward, "");
        if (!ward.judged) unjudged += item(ward, ": " + html_escape(ward.label));
    }
    std::string text =
        "<h2 id=\"knife-edges\">Knife-edges</h2>\n<p class=\"note\">Notional "
        "margins under " +
        fixed(comparison.knife_edge_pct, 1) +
        "% of ballots, where the notional winner itself is in doubt.</p>\n<ul>\n" +
        (knife.empty() ? "<li>none</li>\n" : knife) + "</ul>\n";
    if (!partial.empty()) {
        text += "<h2>Partial notionals</h2>\n<p class=\"note\">" + words.wards_capital +
                " whose notional draws in part on old " + words.wards +
                " without results: judged on the part that has them.</p>\n<ul>\n" + partial +
                "</ul>\n";
    }
    if (!unjudged.empty()) {
        text += "<h2>Not judged</h2>\n<p class=\"note\">" + words.wards_capital +
                " whose notional is unknown: they are left out of the table above.</p>\n<ul>\n" +
                unjudged + "</ul>\n";
    }
    return text;
}

}  // namespace

}  // namespace html

std::string report_html(const HtmlReport& report) {
    const html::Words words = html::words(report.general);
    return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
           "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>" +
           html_escape(report.title) + "</title>\n<style>" + html::style +
           "</style>\n</head>\n<body>\n<main>\n<h1>" + html_escape(report.title) + "</h1>\n" +
           html::intro(report, words) + html::council_table(report, words) +
           html::maps_section(report) + html::gains_table(report, words) +
           html::lists(report, words) + html::ward_cards(report) + "</main>\n</body>\n</html>\n";
}

}  // namespace notional::report
