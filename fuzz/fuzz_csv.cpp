/// libFuzzer: the strict CSV reader on any bytes. It may refuse them with a DataError, never
/// crash, and what it reads it writes back so that it reads the same again.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/csv.hpp"
#include "core/error.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    try {
        const auto table = notional::parse_csv(text, "fuzz.csv");
        std::string again = notional::csv_row(table.header);
        for (const auto& row : table.rows) again += notional::csv_row(row);
        const auto back = notional::parse_csv(again, "again.csv");
        if (back.rows.size() != table.rows.size()) __builtin_trap();
    } catch (const notional::Error&) {
    }
    return 0;
}
