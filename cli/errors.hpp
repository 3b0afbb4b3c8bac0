#pragma once
/// What the command line adds to the libraries' errors: the options that set what an error is
/// about.
#include <string>

#include "core/error.hpp"

namespace notional::cli {

/// The option that sets `setting`; the subcommands that share a setting share its option.
[[nodiscard]] std::string option_for(Setting setting);

/// The line printed for `error`: its message, then the options it is about, if any:
/// "... more than the limit (options: --max-lost, --council)".
[[nodiscard]] std::string error_line(const Error& error);

}  // namespace notional::cli
