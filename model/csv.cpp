#include "model/csv.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <sstream>

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
    return path.string() + ", row " + std::to_string(line);
}

CsvTable parse_csv(std::string_view text, const std::filesystem::path& path) {
    if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
    CsvTable table;
    table.path = path;
    std::vector<std::vector<std::string>> records;
    std::vector<std::size_t> record_lines;
    std::vector<std::string> record;
    std::size_t line = 1, record_line = 1;
    std::string field;
    bool quoted = false;
    bool field_started = false;
    auto end_field = [&] {
        record.push_back(std::move(field));
        field.clear();
        field_started = false;
    };
    auto end_record = [&] {
        end_field();
        // A blank line is no record.
        if (!(record.size() == 1 && record[0].empty())) {
            records.push_back(std::move(record));
            record_lines.push_back(record_line);
        }
        record.clear();
    };
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (quoted) {
            if (c == '"') {
                if (i + 1 < text.size() && text[i + 1] == '"') {
                    field += '"';
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                if (c == '\n') ++line;
                field += c;
            }
        } else if (c == '"' && !field_started) {
            quoted = true;
            field_started = true;
        } else if (c == ',') {
            end_field();
        } else if (c == '\n' || c == '\r') {
            if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
            end_record();
            record_line = ++line;
        } else {
            field += c;
            field_started = true;
        }
    }
    if (quoted) throw DataError(path.string() + ": a quoted field is not closed before the end");
    if (field_started || !record.empty()) end_record();
    if (records.empty()) throw DataError(path.string() + ": the file is empty (no header row)");

    table.header = std::move(records.front());
    for (auto& name : table.header) name = std::string(trim(name));
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
    std::ifstream in(path, std::ios::binary);
    if (!in) throw IoError(path.string() + ": cannot open for reading");
    std::ostringstream text;
    text << in.rdbuf();
    if (in.bad()) throw IoError(path.string() + ": read failed");
    return parse_csv(text.str(), path);
}

std::string csv_field(std::string_view value) {
    if (value.find_first_of(",\"\n\r") == std::string_view::npos) return std::string(value);
    std::string out = "\"";
    for (char c : value) {
        if (c == '"') out += '"';
        out += c;
    }
    out += '"';
    return out;
}

std::string csv_row(const std::vector<std::string>& fields) {
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
