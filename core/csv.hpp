#pragma once
/// Reading and writing RFC 4180 CSV: the results files and every table we write.
#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace notional {

/// A CSV file read whole: header names and rows of fields, with the file kept for messages.
struct CsvTable {
    std::filesystem::path path;
    std::vector<std::string> header;
    std::vector<std::vector<std::string>> rows;
    std::vector<std::size_t> lines;  ///< the line each row starts on (the header is line 1)

    /// Column index by name, case-insensitive; nullopt when absent.
    [[nodiscard]] std::optional<std::size_t> find(std::string_view name) const;
    /// Column index by name; throws DataError naming the file when absent.
    [[nodiscard]] std::size_t require(std::string_view name) const;
    /// "file, row N" for messages: `row` counts data rows from 0, N is the line it starts on.
    [[nodiscard]] std::string where(std::size_t row) const;
};

/// Reads a CSV file with a header row; a UTF-8 BOM is skipped, quoted fields may hold commas,
/// quotes and newlines. Throws IoError when the file cannot be read, DataError when a row's
/// field count differs from the header's.
[[nodiscard]] CsvTable read_csv(const std::filesystem::path& path);

/// A text file read whole; throws IoError naming it when it cannot be (a directory included).
[[nodiscard]] std::string read_text_file(const std::filesystem::path& path);

/// Parses CSV text (same rules as read_csv); `path` is used only in messages.
[[nodiscard]] CsvTable parse_csv(std::string_view text, const std::filesystem::path& path);

/// One field quoted when it needs to be (comma, quote, newline).
[[nodiscard]] std::string csv_field(std::string_view value);
/// The same, added to `out`.
void append_csv_field(std::string& out, std::string_view value);

/// A row of fields joined with commas and ended with '\n'.
[[nodiscard]] std::string csv_row(const std::vector<std::string>& fields);
/// The same, added to `out` (a table's rows, each written in place).
void append_csv_row(std::string& out, const std::vector<std::string>& fields);

/// A value rounded to `decimals` places, as fixed() writes it: what a reader of the file gets.
[[nodiscard]] double rounded(double value, int decimals);

/// A number in fixed notation with `decimals` places, "-0" written as "0".
[[nodiscard]] std::string fixed(double value, int decimals);

/// A change in whole numbers with its sign: "+2", "0", "-1".
[[nodiscard]] std::string signed_int(int value);

}  // namespace notional
