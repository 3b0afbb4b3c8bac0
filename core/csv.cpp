#include "core/csv.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <set>
#include <sstream>
#include <unordered_map>

#include "core/error.hpp"
#include "core/text.hpp"

namespace notional {

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

namespace {

/// The records of CSV text and the line each starts on, by RFC 4180.
struct Records {
    std::vector<std::vector<std::string>> rows;
    std::vector<std::size_t> lines;
};

Records records_of(std::string_view text, const std::filesystem::path& path) {
    Records out;
    auto& records = out.rows;
    auto& record_lines = out.lines;
    std::vector<std::string> record;
    std::size_t line = 1;
    std::size_t record_line = 1;
    std::size_t quote_line = 1;
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
    return out;
}

}  // namespace

CsvTable parse_csv(std::string_view text, const std::filesystem::path& path) {
    if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
    auto [records, record_lines] = records_of(text, path);
    if (records.empty()) throw DataError(path.string() + ": the file is empty (no header row)");
    CsvTable table;
    table.path = path;
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

std::string read_text_file(const std::filesystem::path& path) {
    std::error_code error;
    if (std::filesystem::is_directory(path, error)) {
        throw IoError(path.string() + ": is a directory, not a CSV file");
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) throw IoError(path.string() + ": cannot open for reading");
    std::ostringstream text;
    text << in.rdbuf();
    if (in.bad()) throw IoError(path.string() + ": read failed");
    return text.str();
}

CsvTable read_csv(const std::filesystem::path& path) {
    return parse_csv(read_text_file(path), path);
}

void append_csv_field(std::string& out, std::string_view value) {
    // A value that starts with a byte-order mark is quoted too: at the start of a file the
    // mark unquoted would be read as no part of it.
    if (value.find_first_of(",\"\n\r") == std::string_view::npos &&
        !value.starts_with("\xEF\xBB\xBF")) {
        out += value;
        return;
    }
    out += '"';
    for (char c : value) {
        if (c == '"') out += '"';
        out += c;
    }
    out += '"';
}

std::string csv_field(std::string_view value) {
    std::string out;
    append_csv_field(out, value);
    return out;
}

void append_csv_row(std::string& out, const std::vector<std::string>& fields) {
    // One empty field alone is written quoted, or it would read as a blank line.
    if (fields.size() == 1 && fields[0].empty()) {
        out += "\"\"\n";
        return;
    }
    for (std::size_t i = 0; i < fields.size(); ++i) {
        if (i > 0) out += ',';
        append_csv_field(out, fields[i]);
    }
    out += '\n';
}

std::string csv_row(const std::vector<std::string>& fields) {
    std::string line;
    append_csv_row(line, fields);
    return line;
}

double rounded(double value, int decimals) {
    const double scale = std::pow(10.0, decimals);
    return std::round(value * scale) / scale;
}

std::string signed_int(int value) {
    return (value > 0 ? "+" : "") + std::to_string(value);
}

std::string fixed(double value, int decimals) {
    char buffer[400];  // DBL_MAX in full, and its decimals
    const char* end =
        std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::fixed, decimals)
            .ptr;
    std::string text(static_cast<const char*>(buffer), end);
    // "-0.000" reads as a loss where there is none.
    if (text.front() == '-' && text.find_first_not_of("-0.") == std::string::npos) {
        text.erase(0, 1);
    }
    return text;
}

}  // namespace notional
