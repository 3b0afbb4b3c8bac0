#include "cli/errors.hpp"

#include <algorithm>
#include <vector>

namespace notional::cli {

std::string option_for(Setting setting) {
    switch (setting) {
        case Setting::max_lost: return "--max-lost";
        case Setting::max_uncovered: return "--max-uncovered";
        case Setting::councils: return "--council";
        case Setting::layer: return "--old-layer/--new-layer";
        case Setting::key_field: return "--old-key/--new-key";
        case Setting::assume_crs: return "--assume-crs";
        case Setting::crs: return "--crs";
        case Setting::weights: return "--weights";
        case Setting::weights_crs: return "--weights-crs";
        case Setting::weights_filter: return "--weights-filter";
        case Setting::weight_field: return "--weight-field";
        case Setting::weights_table: return "--weights-table";
        case Setting::old_council_field: return "--old-council-field";
        case Setting::new_council_field: return "--new-council-field";
        case Setting::results_format: return "--results-format";
        case Setting::results_wards: return "--results-wards";
        case Setting::actual_format: return "--actual-format";
        case Setting::actual_wards: return "--actual-wards";
        case Setting::support: return "--support";
        case Setting::support_format: return "--support-format";
        case Setting::support_wards: return "--support-wards";
        case Setting::new_seats: return "--new-seats";
        case Setting::party_alias: return "--party-alias";
        case Setting::crosswalk: return "--crosswalk";
        case Setting::crosswalk_update: return "--crosswalk-update";
        case Setting::overwrite: return "--overwrite";
        case Setting::output: break;
    }
    return "-o";
}

std::string error_line(const Error& error) {
    std::string options;
    std::vector<Setting> named;
    for (const Setting setting : error.about()) {
        if (std::find(named.begin(), named.end(), setting) != named.end()) continue;
        named.push_back(setting);
        options += (options.empty() ? "" : ", ") + option_for(setting);
    }
    return std::string(error.what()) + (options.empty() ? "" : " (options: " + options + ")");
}

}  // namespace notional::cli
