/// report.html's ward cards: where each new ward comes from and how its votes compare.
#include <cmath>

#include "core/csv.hpp"
#include "report/html_parts.hpp"

namespace notional::report::html {

namespace {

std::string sources_line(const HtmlReport& report, const model::WardComparison& ward,
                         const Words& words) {
    const auto found = report.sources.find(ward.code);
    if (found == report.sources.end() || found->second.empty()) return "";
    std::string text = "<p class=\"facts\">From old " + words.wards + ": ";
    bool first = true;
    for (const auto& source : found->second) {
        text += (first ? "" : ", ") + html_escape(source.name) + " (" + html_escape(source.code) +
                ") " + fixed(100.0 * source.share, 1) + "%";
        first = false;
    }
    return text + "</p>\n";
}

std::string facts_line(const model::WardComparison& ward) {
    std::string facts;
    const auto add = [&](const std::string& fact) { facts += (facts.empty() ? "" : " · ") + fact; };
    if (ward.notional_majority_pct) {
        add("notional margin " + fixed(*ward.notional_majority_pct, 2) + "%" +
            (ward.notional_knife_edge ? " (a knife-edge)" : ""));
    }
    if (ward.swing) {
        // A swing to the leader read the other way when negative, as report.md has it.
        const bool to_leader = *ward.swing >= 0;
        add("swing " + fixed(std::abs(*ward.swing), 1) + " pts " +
            html_escape(to_leader ? ward.swing_from + " to " + ward.swing_to
                                  : ward.swing_to + " to " + ward.swing_from));
    }
    if (ward.majority_votes) {
        add("majority " + fixed(*ward.majority_votes, 0) +
            (ward.majority_pct ? " (" + fixed(*ward.majority_pct, 1) + "%)" : ""));
    }
    if (ward.turnout) add("turnout " + percent(ward.turnout));
    return facts.empty() ? "" : "<p class=\"facts\">" + facts + "</p>\n";
}

std::string party_rows(const HtmlReport& report, const model::WardComparison& ward) {
    std::string text;
    for (const auto& party : ward.parties) {
        const auto change = party.share_change();
        // Votes with their share beside them, and seats notional to won, keep a card narrow.
        const auto votes = [](double count, const std::optional<double>& share) {
            return fixed(count, 0) +
                   (share ? " <span class=\"note\">" + percent(share) + "</span>" : "");
        };
        text += "<tr><td class=\"party\">" + swatch(report.colours(party.party)) +
                html_escape(party.party) + "</td><td class=\"n\">" +
                (ward.judged ? votes(party.notional_votes, party.notional_share) : "") +
                "</td><td class=\"n\">" + votes(party.actual_votes, party.actual_share) +
                "</td><td class=\"n\">" +
                (party.is_new ? std::string("new")
                              : (change ? (*change >= 0 ? "+" : "") + fixed(100.0 * *change, 1)
                                        : std::string())) +
                "</td><td class=\"n\">" +
                (ward.judged ? std::to_string(party.notional_seats) + " → " : std::string()) +
                std::to_string(party.actual_seats) + "</td><td>" +
                html_escape(party.verdict_text()) + "</td></tr>\n";
    }
    return text;
}

std::string card(const HtmlReport& report, const model::WardComparison& ward, const Words& words) {
    return R"(<section class="card" id=")" + anchor(ward.code) + "\">\n<h3>" +
           html_escape(ward.name) + " <span class=\"note\">" + html_escape(ward.code) +
           "</span></h3>\n<p class=\"facts\"><b>" + html_escape(ward.label) + "</b> · " +
           std::to_string(ward.seats) + (ward.seats == 1 ? " seat" : " seats") + " · boundary " +
           model::to_string(ward.change_class) +
           (ward.judged ? (ward.partial ? " · partial notional" : "") : " · not judged") +
           "</p>\n" + sources_line(report, ward, words) + facts_line(ward) +
           "<table>\n<thead><tr><th>party</th><th class=\"n\">notional</th>"
           "<th class=\"n\">actual</th><th class=\"n\">change</th><th class=\"n\">seats</th>"
           "<th>verdict</th></tr></thead>\n<tbody>\n" +
           party_rows(report, ward) + "</tbody>\n</table>\n</section>\n";
}

}  // namespace

std::string ward_cards(const HtmlReport& report) {
    const Words words = html::words(report.general);
    std::string text = "<h2 id=\"" + words.wards + "\">" + words.wards_capital +
                       "</h2>\n<p class=\"note\">Votes with their share; the change in the share "
                       "in points; seats notional → won. Swing is Butler's, between the two "
                       "leading parties; the majority is the last elected's lead over the first "
                       "unelected.</p>\n<div class=\"cards\">\n";
    for (const auto& ward : report.comparison.wards) text += card(report, ward, words);
    return text + "</div>\n";
}

}  // namespace notional::report::html
