#pragma once
/// Progress as work advances: a callback the libraries call and the CLI shows.
#include <cstddef>
#include <functional>

namespace notional {

/// Called as work advances: (done, total). The CLI shows it on a terminal; the library never
/// prints.
using Progress = std::function<void(std::size_t done, std::size_t total)>;

}  // namespace notional
