#pragma once
/// Progress on stderr, only when stderr is a terminal.
#include <unistd.h>
#include <cstdio>
#include <string>

#include "core/progress.hpp"

namespace notional::cli {

/// A progress callback that redraws "label done/total" on a terminal, and does nothing otherwise.
inline notional::Progress terminal_progress(std::string label) {
    if (::isatty(STDERR_FILENO) == 0) return {};
    return [label = std::move(label)](std::size_t done, std::size_t total) {
        std::fprintf(stderr, "\r%s %zu/%zu", label.c_str(), done, total);
        if (done == total) std::fprintf(stderr, "\r\033[K");
        std::fflush(stderr);
    };
}

}  // namespace notional::cli
