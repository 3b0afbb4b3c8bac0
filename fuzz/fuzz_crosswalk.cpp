/// libFuzzer: a saved crosswalk read back against the demo's ward codes, then built into a
/// crosswalk. DataError, never a crash, never a NaN share.
#include <unistd.h>

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>

#include "core/error.hpp"
#include "model/crosswalk.hpp"
#include "report/crosswalk_file.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const std::filesystem::path path =
        std::filesystem::temp_directory_path() /
        ("notional-fuzz-crosswalk-" + std::to_string(::getpid()) + ".csv");
    {
        std::ofstream out(path, std::ios::binary | std::ios::trunc);
        out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
    }
    const std::vector<std::string> old_codes{"E05900001", "E05900002", "E05900003", "E05900004",
                                             "E05900005"};
    const std::vector<std::string> new_codes{"E05900101", "E05900102", "E05900103", "E05900104",
                                             "E05900105"};
    try {
        for (const auto& seed : notional::report::read_seeds(path, old_codes, new_codes)) {
            const notional::model::Crosswalk crosswalk(
                new_codes.size(), seed.pieces, seed.old_weight, seed.old_sliver, seed.old_gap);
            for (const auto& entry : crosswalk.ledger()) {
                if (std::isnan(entry.allocated)) __builtin_trap();
            }
        }
    } catch (const notional::Error&) {
    }
    return 0;
}
