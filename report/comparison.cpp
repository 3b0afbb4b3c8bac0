#include "report/comparison.hpp"

#include <cmath>
#include <map>

#include "core/csv.hpp"
#include "report/precision.hpp"

namespace notional::report {

using model::ShareConvention;

namespace {

std::string optional_fixed(const std::optional<double>& value, int decimals) {
    return value ? fixed(*value, decimals) : "";
}

std::string points(const std::optional<double>& share) {
    return share ? fixed(100.0 * *share, 1) : "";
}

}  // namespace

std::string comparison_csv(const Comparison& comparison) {
    std::string text =
        csv_row({"ward_code", "ward_name", "label", "party", "notional_seats", "actual_seats",
                 "change", "predecessor_seats", "notional_votes", "actual_votes", "notional_share",
                 "actual_share", "share_change", "verdict", "reason"});
    for (const auto& ward : comparison.wards) {
        for (const auto& party : ward.parties) {
            const auto change = party.share_change();
            const bool judged = ward.judged;  // else the notional columns are unknown
            append_csv_row(
                text,
                {ward.code, ward.name, ward.label, party.party,
                 judged ? std::to_string(party.notional_seats) : "",
                 std::to_string(party.actual_seats), judged ? std::to_string(party.change()) : "",
                 party.predecessor_seats ? std::to_string(*party.predecessor_seats) : "",
                 judged ? fixed(party.notional_votes, vote_decimals) : "",
                 fixed(party.actual_votes, 0), optional_fixed(party.notional_share, share_decimals),
                 optional_fixed(party.actual_share, share_decimals),
                 party.is_new ? "new" : optional_fixed(change, share_decimals),
                 party.verdict_text(), party.verdicts.empty() ? "" : party.reason});
        }
    }
    return text;
}

namespace {

std::string intro_section(const Comparison& comparison) {
    std::string text;
    const auto [judged, seats] = comparison.judged();
    text += std::to_string(judged) + " wards and " + std::to_string(seats) +
            " seats compared. Notional seats by " +
            (comparison.variants.empty() ? std::string("-") : comparison.variants.front()) +
            "; verdicts across every variant run, crosswalk/seat rule (";
    for (std::size_t v = 0; v < comparison.variants.size(); ++v) {
        text += (v != 0 ? ", " : "") + comparison.variants[v];
    }
    text += "). Shares are of " +
            std::string(comparison.convention == ShareConvention::total ? "all votes (share_total)"
                                                                        : "top votes (share_top)") +
            ".\n\n## Council\n\n"
            "| party | old election, old map | notional, new map | actual | change the press "
            "quotes | real change | gains | losses |\n|---|--:|--:|--:|--:|--:|--:|--:|\n";
    for (const auto& row : comparison.council) {
        text += "| " + row.party + (row.name != row.party ? " (" + row.name + ")" : "") + " | " +
                std::to_string(row.old_seats) + " | " + std::to_string(row.notional_seats) + " | " +
                std::to_string(row.actual_seats) + " | " + signed_int(row.press_change()) + " | " +
                signed_int(row.real_change()) + " | " + std::to_string(row.gains) + " | " +
                std::to_string(row.losses) + " |\n";
    }
    text += "\n";
    for (const auto& row : comparison.council) {
        if (row.actual_seats == 0 && row.notional_seats == 0) continue;
        text += "- " + row.party + " won " + std::to_string(row.actual_seats) + ", against " +
                std::to_string(row.old_seats) + " at the last election (" +
                signed_int(row.press_change()) + ", the naive change) and " +
                std::to_string(row.notional_seats) + " notional on the new map (" +
                signed_int(row.real_change()) + ", the real change).\n";
    }
    return text;
}

std::string gains_section(const Comparison& comparison) {
    std::string text =
        "\n## Claimed gains\n\nA seat a party won above its notional, or above what it won "
        "in the ward's main old ward. GENUINE: above the notional under every seat rule; "
        "BOUNDARY ARTEFACT: the party held it notionally under every rule; UNCERTAIN: the "
        "rules disagree or the notional is a knife-edge.\n\n"
        "| ward | label | party | seats | verdict | why |\n|---|---|---|--:|---|---|\n";
    for (const auto& ward : comparison.wards) {
        for (const auto& party : ward.parties) {
            if (party.verdicts.empty()) continue;
            text += "| " + ward.name + " | " + ward.label + " | " + party.party + " | " +
                    std::to_string(party.actual_seats) + " | " + party.verdict_text() + " | " +
                    party.reason + " |\n";
        }
    }
    return text;
}

std::string knife_edge_section(const Comparison& comparison) {
    std::string text =
        "\n## Knife-edges\n\nNotional margins under " + fixed(comparison.knife_edge_pct, 1) +
        "% of ballots (--knife-edge), where the notional winner itself is in doubt:\n\n";
    bool any = false;
    for (const auto& ward : comparison.wards) {
        if (!ward.notional_knife_edge) continue;
        any = true;
        text += "- " + ward.name + " (" + ward.code + "): notional margin " +
                optional_fixed(ward.notional_majority_pct, 2) + "%; " + ward.label + "\n";
    }
    if (!any) text += "- none\n";
    return text;
}

/// The wards judged on part of their notional, and those not judged at all.
std::string partial_sections(const Comparison& comparison) {
    std::string text;
    std::string unjudged;
    for (const auto& ward : comparison.wards) {
        if (ward.judged) continue;
        std::string won;
        for (const auto& party : ward.parties) {
            if (party.actual_seats > 0) {
                won += (won.empty() ? "" : ", ") + party.party + " " +
                       std::to_string(party.actual_seats);
            }
        }
        unjudged += "- " + ward.name + " (" + ward.code + "): won by " + won + "\n";
    }
    std::string partial;
    for (const auto& ward : comparison.wards) {
        if (ward.judged && ward.partial) partial += "- " + ward.name + " (" + ward.code + ")\n";
    }
    if (!partial.empty()) {
        text +=
            "\n## Partial notionals\n\nWards whose notional draws in part on old wards without "
            "results: judged on the part that has them.\n\n" +
            partial;
    }
    if (!unjudged.empty()) {
        text +=
            "\n## Not judged\n\nWards whose notional is unknown: half or more of each comes from "
            "old wards without results. They are left out of the council table.\n\n" +
            unjudged;
    }
    return text;
}

std::string wards_section(const Comparison& comparison) {
    std::string text =
        "\n## Wards\n\nSwing is Butler's, between the two leading parties; Steed's is beside "
        "it.\n\n"
        "| ward | label | swing | Steed | majority | turnout |\n|---|---|---|--:|--:|--:|\n";
    for (const auto& ward : comparison.wards) {
        // "9.1 pts CON to LAB": a swing to the leader read the other way when negative.
        const auto swing = [&](const std::optional<double>& points) -> std::string {
            if (!points) return "";
            return fixed(std::abs(*points), 1) + " pts " +
                   (*points >= 0 ? ward.swing_from + " to " + ward.swing_to
                                 : ward.swing_to + " to " + ward.swing_from);
        };
        text += "| " + ward.name + " | " + ward.label + " | " + swing(ward.swing) + " | " +
                swing(ward.steed_swing) + " | " +
                (ward.majority_votes ? fixed(*ward.majority_votes, 0) + " (" +
                                           optional_fixed(ward.majority_pct, 1) + "%)"
                                     : "") +
                " | " + points(ward.turnout) + (ward.turnout ? "%" : "") + " |\n";
    }
    return text;
}

}  // namespace

std::string report_markdown(const Comparison& comparison, const std::string& title) {
    return "# " + title + "\n\n" + intro_section(comparison) + gains_section(comparison) +
           knife_edge_section(comparison) + partial_sections(comparison) +
           wards_section(comparison);
}

}  // namespace notional::report
