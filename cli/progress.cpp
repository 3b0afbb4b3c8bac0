#include "cli/progress.hpp"

#include <unistd.h>

#include <algorithm>
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

PhaseTimes::PhaseTimes()
    : m_start(Clock::now()), m_phases(std::make_shared<std::vector<Phase>>()) {}

notional::Progress PhaseTimes::timed(const std::string& name, notional::Progress shown) {
    auto& phases = *m_phases;
    const Clock::time_point now = Clock::now();
    if (!phases.empty() && !phases.back().end) phases.back().end = now;
    phases.push_back({name, now, std::nullopt});
    const std::size_t index = phases.size() - 1;
    return
        [phases = m_phases, index, shown = std::move(shown)](std::size_t done, std::size_t total) {
            if (shown) shown(done, total);
            Phase& phase = (*phases)[index];
            if (done >= total && !phase.end) phase.end = Clock::now();
        };
}

std::string PhaseTimes::line() const {
    const Clock::time_point now = Clock::now();
    auto seconds = [](Clock::duration d) { return std::chrono::duration<double>(d).count(); };
    std::string out = "timings     ";
    double timed_s = 0.0;
    char number[32];
    for (std::size_t i = 0; i < m_phases->size(); ++i) {
        const Phase& phase = (*m_phases)[i];
        const double s = seconds(phase.end.value_or(now) - phase.start);
        timed_s += s;
        std::snprintf(number, sizeof number, " %.2f s", s);
        out += (i == 0 ? " " : ", ") + phase.name + number;
    }
    const double total_s = seconds(now - m_start);
    std::snprintf(number, sizeof number, "%.2f s", std::max(0.0, total_s - timed_s));
    out += std::string(m_phases->empty() ? " " : "; ") + "other " + number;
    std::snprintf(number, sizeof number, "%.2f s", total_s);
    return out + ", total " + number + "\n";
}

}  // namespace notional::cli
