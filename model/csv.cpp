#include "model/csv.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <set>
#include <sstream>
#include <unordered_map>

#include "model/error.hpp"
#include "model/text.hpp"

namespace notional::model {

std::optional<std::size_t> CsvTable::find(std::string_view name) const {
    for (std::size_t i = 0; i < header.size(); ++i) {
        if (iequals(header[i], name)) return i;
    }
    return std::nullopt;
}

std::size_t CsvTable::require(std::string_view name) const {
    if (auto index = find(name)) return *index;
    throw DataError(path.string() + ": no column '" + std::string(name) + "' in the header");
}

std::string CsvTable::where(std::size_t row) const {
    // Line numbers as a text editor shows them: the header is line 1.
    const std::size_t line = row < lines.size() ? lines[row] : row + 2;
    return path.string() + ", line " + std::to_string(line);
}

CsvTable parse_csv(std::string_view text, const std::filesystem::path& path) {
    if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
    CsvTable table;
    table.path = path;
    std::vector<std::vector<std::string>> records;
    std::vector<std::size_t> record_lines;
    std::vector<std::string> record;
    std::size_t line = 1, record_line = 1, quote_line = 1;
    std::string field;
    // Where the parser is within a field: RFC 4180 allows a quote only to open a field, to end
    // it, or doubled inside a quoted one.
    enum class State { start, plain, quoted, closed } state = State::start;
    auto fail = [&](std::size_t at, const std::string& cause) {
        throw DataError(path.string() + ", line " + std::to_string(at) + ": " + cause);
    };
    auto end_field = [&] {
        record.push_back(std::move(field));
        field.clear();
        state = State::start;
    };
    bool blank = true;  // nothing on the record's line yet, not even a quote
    auto end_record = [&] {
        end_field();
        // A blank line is no record; a line of one quoted empty field ("") is one.
        if (!blank) {
            records.push_back(std::move(record));
            record_lines.push_back(record_line);
        }
        blank = true;
        record.clear();
    };
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c != '\n' && c != '\r') blank = false;
        if (state == State::quoted) {
            if (c == '"') {
                if (i + 1 < text.size() && text[i + 1] == '"') {
                    field += '"';
                    ++i;
                } else {
                    state = State::closed;
                }
            } else {
                if (c == '\n') ++line;
                field += c;
            }
        } else if (c == ',') {
            end_field();
        } else if (c == '\n' || c == '\r') {
            if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
            end_record();
            record_line = ++line;
        } else if (state == State::closed) {
            fail(line,
                 "text after the closing quote of a field (a quote inside a quoted field "
                 "is written twice: \"\")");
        } else if (c == '"') {
            if (state == State::plain) {
                fail(line,
                     "a quote inside a field that does not start with one (quote the "
                     "whole field and write the quote twice)");
            }
            state = State::quoted;
            quote_line = line;
        } else {
            field += c;
            state = State::plain;
        }
    }
    if (state == State::quoted) {
        fail(quote_line,
             "the quoted field that starts here is never closed (a file cut short, "
             "or a stray quote)");
    }
    if (state != State::start || !record.empty()) end_record();
    if (records.empty()) throw DataError(path.string() + ": the file is empty (no header row)");

    table.header = std::move(records.front());
    for (auto& name : table.header) name = std::string(trim(name));
    if (std::all_of(table.header.begin(), table.header.end(),
                    [](const std::string& name) { return name.empty(); })) {
        throw DataError(path.string() + ", line " + std::to_string(record_lines.front()) +
                        ": the header row names no column");
    }
    table.lines.assign(record_lines.begin() + 1, record_lines.end());
    for (std::size_t r = 1; r < records.size(); ++r) {
        if (records[r].size() != table.header.size()) {
            throw DataError(table.where(r - 1) + ": " + std::to_string(records[r].size()) +
                            " fields where the header has " + std::to_string(table.header.size()));
        }
        table.rows.push_back(std::move(records[r]));
    }
    return table;
}

CsvTable read_csv(const std::filesystem::path& path) {
    std::error_code error;
    if (std::filesystem::is_directory(path, error)) {
        throw IoError(path.string() + ": is a directory, not a CSV file");
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) throw IoError(path.string() + ": cannot open for reading");
    std::ostringstream text;
    text << in.rdbuf();
    if (in.bad()) throw IoError(path.string() + ": read failed");
    return parse_csv(text.str(), path);
}

namespace {

/// A ward code column of any year: WD22CD, WD18CD, PCON24CD, LAD22CD is not one.
bool is_code_column(std::string_view name) {
    const std::string n = lower(name);
    for (std::string_view prefix : {"wd", "pcon"}) {
        if (n.size() == prefix.size() + 4 && n.compare(0, prefix.size(), prefix) == 0 &&
            std::isdigit(static_cast<unsigned char>(n[prefix.size()])) &&
            std::isdigit(static_cast<unsigned char>(n[prefix.size() + 1])) &&
            n.compare(n.size() - 2, 2, "cd") == 0) {
            return true;
        }
    }
    return false;
}

std::optional<std::size_t> ward_column(const CsvTable& table) {
    if (auto column = table.find("ward_code")) return column;
    for (std::size_t i = 0; i < table.header.size(); ++i) {
        if (is_code_column(table.header[i])) return i;
    }
    for (const char* name : {"code", "gss_code", "ONS ID", "ward", "ward_name"}) {
        if (auto column = table.find(name)) return column;
    }
    return std::nullopt;
}

/// A council column of any year: LAD22CD, LAD19NM, borough, council.
std::optional<std::size_t> council_column(const CsvTable& table) {
    for (std::size_t i = 0; i < table.header.size(); ++i) {
        const std::string n = lower(table.header[i]);
        if (n.size() == 7 && n.starts_with("lad") &&
            std::isdigit(static_cast<unsigned char>(n[3])) &&
            std::isdigit(static_cast<unsigned char>(n[4])) &&
            (n.ends_with("cd") || n.ends_with("nm"))) {
            return i;
        }
    }
    for (const char* name : {"borough", "council", "local_authority"}) {
        if (auto column = table.find(name)) return column;
    }
    return std::nullopt;
}

/// "a, b or c"
std::string listed(const std::vector<std::string>& names) {
    std::string text;
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (i) text += i + 1 == names.size() ? " or " : ", ";
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
    std::unordered_map<std::string, std::size_t> by_code, by_name;
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
            !councils_in_layer.count(std::string(trim(table.rows[r][*council])))) {
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
        if (!found[n]) missing += (count++ ? ", " : " ") + codes[n];
    }
    if (count) {
        throw DataError(path.string() + ": no " + spec.what + " for " + std::to_string(count) +
                        " " + spec.layer + " wards:" + missing);
    }
    return result;
}

std::string csv_field(std::string_view value) {
    // A value that starts with a byte-order mark is quoted too: at the start of a file the
    // mark unquoted would be read as no part of it.
    if (value.find_first_of(",\"\n\r") == std::string_view::npos &&
        !value.starts_with("\xEF\xBB\xBF")) {
        return std::string(value);
    }
    std::string out = "\"";
    for (char c : value) {
        if (c == '"') out += '"';
        out += c;
    }
    out += '"';
    return out;
}

std::string csv_row(const std::vector<std::string>& fields) {
    // One empty field alone is written quoted, or it would read as a blank line.
    if (fields.size() == 1 && fields[0].empty()) return "\"\"\n";
    std::string line;
    for (std::size_t i = 0; i < fields.size(); ++i) {
        if (i) line += ',';
        line += csv_field(fields[i]);
    }
    line += '\n';
    return line;
}

double rounded(double value, int decimals) {
    const double scale = std::pow(10.0, decimals);
    return std::round(value * scale) / scale;
}

std::string fixed(double value, int decimals) {
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
    std::string text = buffer;
    // "-0.000" reads as a loss where there is none.
    if (text.front() == '-' && text.find_first_not_of("-0.") == std::string::npos) {
        text.erase(0, 1);
    }
    return text;
}

}  // namespace notional::model
