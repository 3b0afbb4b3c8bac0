#pragma once
/// Progress on stderr, only when stderr is a terminal: GDAL's manner of a phase's name and a
/// percentage, redrawn in place ("overlay  42%") and cleared when the phase ends.
#include <cstddef>
#include <string>

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

}  // namespace notional::cli
