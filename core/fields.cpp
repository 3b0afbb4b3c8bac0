#include "core/fields.hpp"

#include <regex>

namespace notional {

const FieldPatterns& ward_code_fields() {
    static const FieldPatterns patterns{"(WD|PCON|ED|UTW|LSOA|MSOA|OA)[0-9]{2}CD",
                                        "GSS_CODE",
                                        "GSS",
                                        "WARD_CODE",
                                        "CODE",
                                        "ONS ID"};
    return patterns;
}

const FieldPatterns& ward_name_fields() {
    static const FieldPatterns patterns{"(WD|PCON|ED|UTW|LSOA|MSOA|OA)[0-9]{2}NM", "NAME",
                                        "WARD_NAME", "WARD"};
    return patterns;
}

const FieldPatterns& council_code_fields() {
    static const FieldPatterns patterns{"LAGSSCODE",       "LAD[0-9]{2}CD", "LTLA[0-9]{2}CD",
                                        "CTYUA[0-9]{2}CD", "LA_?CODE",      "COUNCIL_?CODE"};
    return patterns;
}

const FieldPatterns& council_name_fields() {
    static const FieldPatterns patterns{"DISTRICT",        "LAD[0-9]{2}NM", "LTLA[0-9]{2}NM",
                                        "CTYUA[0-9]{2}NM", "LA_?NAME",      "COUNCIL_?NAME",
                                        "BOROUGH",         "COUNCIL",       "LOCAL_AUTHORITY"};
    return patterns;
}

std::optional<std::size_t> find_field(const std::vector<std::string>& names,
                                      const FieldPatterns& patterns) {
    for (const auto pattern : patterns) {
        const std::regex re(pattern.begin(), pattern.end(), std::regex::icase);
        for (std::size_t i = 0; i < names.size(); ++i) {
            if (std::regex_match(names[i], re)) return i;
        }
    }
    return std::nullopt;
}

}  // namespace notional
