#include "app/councils.hpp"

#include <set>

#include "core/error.hpp"

namespace notional::app {

namespace {

std::string joined(const std::vector<std::string>& parts) {
    std::string text;
    for (const auto& part : parts) text += (text.empty() ? "" : ", ") + part;
    return text;
}

}  // namespace

CouncilReport select_councils(const std::vector<std::string>& wanted, geo::SourceLayer& old_layer,
                              geo::SourceLayer& new_layer, model::Election* election,
                              model::Election* actual) {
    CouncilReport report;
    const auto old_pairs = old_layer.councils();
    const auto new_pairs = new_layer.councils();
    for (const auto* pairs : {&old_pairs, &new_pairs}) {
        for (const auto& [code, name] : *pairs) report.councils.add(code, name);
    }
    for (const model::Election* results : {election, actual}) {
        if (!results) continue;
        for (const auto& ward : results->wards) {
            report.councils.add(ward.council_code, ward.council_name);
        }
    }
    if (wanted.empty()) return report;
    std::set<std::size_t> chosen;
    for (const auto& text : wanted) {
        const auto council = report.councils.find(text);
        if (!council) {
            throw UsageError(
                "'" + text + "' is no council the layers or results name (by GSS code or name)",
                {Setting::councils});
        }
        chosen.insert(*council);
        report.kept.push_back(report.councils.label(*council));
    }
    auto keep = [&](geo::SourceLayer& layer,
                    const std::vector<std::pair<std::string, std::string>>& pairs, Setting field) {
        if (pairs.empty()) {
            throw UsageError(
                layer.label() + ": no council field found to keep councils by; name one", {field});
        }
        std::vector<std::pair<std::string, std::string>> kept;
        for (const auto& pair : pairs) {
            const auto council = report.councils.find(pair.first, pair.second);
            if (council && chosen.contains(*council)) kept.push_back(pair);
        }
        if (kept.empty()) {
            throw DataError(layer.label() + ": no ward of " + joined(report.kept) +
                            " in the layer");
        }
        layer.keep_councils(kept);
    };
    keep(old_layer, old_pairs, Setting::old_council_field);
    keep(new_layer, new_pairs, Setting::new_council_field);
    for (model::Election* results : {election, actual}) {
        if (!results || !results->names_councils()) continue;
        (void)model::drop_wards(*results, [&](const model::WardResult& ward) {
            const auto council = report.councils.find(ward.council_code, ward.council_name);
            return !council || !chosen.contains(*council);
        });
        if (results->wards.empty()) {
            throw DataError(results->path.string() + ": no results for " + joined(report.kept));
        }
    }
    return report;
}

model::WardsToMatch wards_to_match(const geo::Layer& layer, const geo::SourceLayer& source,
                                   const model::Councils& councils) {
    model::WardsToMatch wards{layer.codes, layer.names, layer.label};
    if (source.council_code_field().empty() && source.council_name_field().empty()) return wards;
    for (std::size_t i = 0; i < layer.size(); ++i) {
        wards.councils.push_back(councils.find(layer.council_codes[i], layer.council_names[i]));
    }
    return wards;
}

}  // namespace notional::app
