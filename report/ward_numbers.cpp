#include "report/ward_numbers.hpp"

#include <cctype>
#include <cmath>
#include <optional>
#include <set>
#include <unordered_map>

#include "core/csv.hpp"
#include "core/error.hpp"
#include "core/fields.hpp"
#include "core/text.hpp"

namespace notional::report {

namespace {

std::optional<std::size_t> ward_column(const CsvTable& table) {
    if (auto column = find_field(table.header, ward_code_fields())) return column;
    return find_field(table.header, ward_name_fields());
}

std::optional<std::size_t> council_column(const CsvTable& table) {
    if (auto column = find_field(table.header, council_code_fields())) return column;
    return find_field(table.header, council_name_fields());
}

/// "a, b or c"
std::string listed(const std::vector<std::string>& names) {
    std::string text;
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (i != 0) text += i + 1 == names.size() ? " or " : ", ";
        text += names[i];
    }
    return text;
}

}  // namespace

std::vector<double> read_ward_numbers(const std::filesystem::path& path,
                                      const std::vector<std::string>& codes,
                                      const std::vector<std::string>& names,
                                      const WardNumberSpec& spec) {
    const CsvTable table = read_csv(path);
    const std::optional<std::size_t> ward = ward_column(table);
    std::optional<std::size_t> value;
    for (const auto& name : spec.value_columns) {
        if ((value = table.find(name))) break;
    }
    if (!ward || !value) {
        throw DataError(path.string() +
                        ": needs a ward column (ward_code, a code such as WD22CD or PCON24CD, "
                        "code, gss_code, ONS ID, ward or ward_name) and " +
                        (spec.value_columns.size() > 1
                             ? "a " + spec.what + " column (" + listed(spec.value_columns) + ")"
                             : "a column " + listed(spec.value_columns)));
    }
    std::unordered_map<std::string, std::size_t> by_code;
    std::unordered_map<std::string, std::size_t> by_name;
    for (std::size_t i = 0; i < codes.size(); ++i) {
        by_code.emplace(codes[i], i);
        if (i < names.size()) by_name.emplace(ward_name_key(names[i]), i);
    }
    auto ward_of = [&](std::size_t r) -> std::optional<std::size_t> {
        const std::string key(trim(table.rows[r][*ward]));
        if (auto code = by_code.find(key); code != by_code.end()) return code->second;
        if (auto name = by_name.find(ward_name_key(key)); name != by_name.end()) {
            return name->second;
        }
        return std::nullopt;
    };
    // A file of several councils (the GLA's London-wide ward file) serves a layer of one: the
    // rows of councils none of whose wards is in the layer are skipped.
    std::set<std::string> councils_in_layer;
    const std::optional<std::size_t> council = council_column(table);
    if (council) {
        for (std::size_t r = 0; r < table.rows.size(); ++r) {
            if (ward_of(r)) councils_in_layer.insert(std::string(trim(table.rows[r][*council])));
        }
    }
    std::vector<double> result(codes.size(), 0.0);
    std::vector<bool> found(codes.size(), false);
    for (std::size_t r = 0; r < table.rows.size(); ++r) {
        const auto matched = ward_of(r);
        if (!matched && council &&
            !councils_in_layer.contains(std::string(trim(table.rows[r][*council])))) {
            continue;
        }
        if (!matched) {
            throw DataError(table.where(r) + ": ward '" + std::string(trim(table.rows[r][*ward])) +
                            "' is not in the " + spec.layer + " layer");
        }
        const std::size_t n = *matched;
        if (found[n]) {
            throw DataError(table.where(r) + ": ward '" + std::string(trim(table.rows[r][*ward])) +
                            "' has a row already; give each ward once");
        }
        const std::string& text = table.rows[r][*value];
        double number = 0.0;
        if (!parse_count(text, number) || (spec.valid && !spec.valid(number))) {
            throw DataError(table.where(r) + ": " + spec.what + " '" + text + "' is not " +
                            spec.requirement);
        }
        result[n] = number;
        found[n] = true;
    }
    std::string missing;
    std::size_t count = 0;
    for (std::size_t n = 0; n < result.size(); ++n) {
        if (!found[n]) missing += (count++ != 0 ? ", " : " ") + codes[n];
    }
    if (count != 0) {
        throw DataError(path.string() + ": no " + spec.what + " for " + std::to_string(count) +
                        " " + spec.layer + " wards:" + missing);
    }
    return result;
}

std::vector<int> read_new_seats(const std::filesystem::path& path,
                                const std::vector<std::string>& codes,
                                const std::vector<std::string>& names) {
    WardNumberSpec spec;
    spec.what = "seats";
    spec.value_columns = {"seats", "num_councillors"};
    spec.requirement = "a whole number from 1 to 1000";
    spec.valid = [](double value) {
        return value == std::floor(value) && value >= 1.0 && value <= 1000.0;
    };
    std::vector<int> result;
    for (const double seats : read_ward_numbers(path, codes, names, spec)) {
        result.push_back(static_cast<int>(seats));
    }
    return result;
}

std::vector<double> read_electorate(const std::filesystem::path& path,
                                    const std::vector<std::string>& codes,
                                    const std::vector<std::string>& names,
                                    const std::string& layer) {
    WardNumberSpec spec;
    spec.what = "electorate";
    spec.value_columns = {"electorate", "electors", "entitled_electors"};
    spec.requirement = "a count of electors";
    spec.layer = layer;
    return read_ward_numbers(path, codes, names, spec);
}

}  // namespace notional::report
