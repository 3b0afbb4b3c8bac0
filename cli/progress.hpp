#pragma once
/// Progress on stderr, only when stderr is a terminal: GDAL's manner of a phase's name and a
/// percentage, redrawn in place ("overlay  42%") and cleared when the phase ends.
#include <chrono>
#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/progress.hpp"

namespace notional::cli {

/// The whole percentage `done` is of `total`, from 0 to 100 (100 for a total of 0).
[[nodiscard]] int progress_percent(std::size_t done, std::size_t total);

/// The line showing `label` at `percent`, redrawn over the last: "\roverlay  42%".
[[nodiscard]] std::string progress_line(const std::string& label, int percent);

/// A progress callback that redraws progress_line() on stderr when the percentage changes, and
/// clears the line when done reaches total. Empty (nothing shown)
/// when `quiet` or when stderr is not a terminal.
[[nodiscard]] notional::Progress terminal_progress(std::string label, bool quiet = false);

/// Each phase's wall time, for --timings: from when its progress callback is made (just before
/// the work) to when it reports the last of its total, or else to the next phase's start.
class PhaseTimes {
public:
    PhaseTimes();
    /// `shown`, which may be empty, timed as phase `name`.
    [[nodiscard]] notional::Progress timed(const std::string& name, notional::Progress shown);
    /// "timings      read old 0.21 s, overlay 0.40 s, ...; other 0.10 s, total 1.24 s".
    [[nodiscard]] std::string line() const;

private:
    using Clock = std::chrono::steady_clock;
    struct Phase {
        std::string name;
        Clock::time_point start;
        std::optional<Clock::time_point> end;
    };
    Clock::time_point m_start;
    std::shared_ptr<std::vector<Phase>> m_phases;  ///< shared with the callbacks made
};

}  // namespace notional::cli
