/// libFuzzer: the results readers (Democracy Club, GLA, canonical, recognised by the header) on
/// any bytes, through a file as a user gives one. DataError or UsageError, never a crash.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>

#include "core/error.hpp"
#include "report/results_formats.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const std::filesystem::path path =
        std::filesystem::temp_directory_path() /
        ("notional-fuzz-results-" + std::to_string(::getpid()) + ".csv");
    {
        std::ofstream out(path, std::ios::binary | std::ios::trunc);
        out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
    }
    try {
        const auto election =
            notional::report::read_results(path, notional::model::ResultsFormat::automatic);
        (void)election.total_votes();
    } catch (const notional::Error&) {
    }
    return 0;
}
