#include "cli/progress.hpp"

#include <unistd.h>

#include <cstdio>
#include <memory>

namespace notional::cli {

int progress_percent(std::size_t done, std::size_t total) {
    if (total == 0 || done >= total) return 100;
    // In integers: a double would round 99.999% up to 100 before the end.
    return static_cast<int>(done * 100 / total);
}

std::string progress_line(const std::string& label, int percent) {
    char number[8];
    std::snprintf(number, sizeof number, "%3d%%", percent);
    return "\r" + label + " " + number;
}

notional::Progress terminal_progress(std::string label, bool quiet) {
    if (quiet || ::isatty(STDERR_FILENO) == 0) return {};
    // The percentage shown, shared, for the callback is copied into std::function. Redrawn only
    // when it changes: at most 101 times a phase, however often the work reports. (A limit of
    // ten a second as well would leave a phase that reports seldom, such as writing, showing
    // a stale figure for seconds.)
    auto shown = std::make_shared<int>(-1);
    return [label = std::move(label), shown](std::size_t done, std::size_t total) {
        const int percent = progress_percent(done, total);
        if (done >= total) {
            std::fprintf(stderr, "\r\033[K");  // the phase is over: its line goes
            std::fflush(stderr);
            *shown = -1;
            return;
        }
        if (percent == *shown) return;
        *shown = percent;
        std::fputs(progress_line(label, percent).c_str(), stderr);
        std::fflush(stderr);
    };
}

}  // namespace notional::cli
