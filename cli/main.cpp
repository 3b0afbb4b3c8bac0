/// notional's entry point: picks the subcommand and maps errors to exit codes (0 ok, 1 failure,
/// 2 usage).
#include <exception>
#include <iostream>
#include <string>
#include <vector>

#include "cli/compare.hpp"
#include "cli/errors.hpp"
#include "cli/job.hpp"
#include "core/error.hpp"

namespace {

/// `command_line` is argv whole, for the manifest; the options are parsed from the rest.
int dispatch(const std::vector<std::string>& command_line) {
    const std::vector<std::string> args(command_line.begin() + 1, command_line.end());
    if (args.size() == 1 && args.front() == "--version") {
        std::cout << "notional " << NOTIONAL_VERSION << '\n';
        return 0;
    }
    if (!args.empty() && args.front() == "compare") {
        auto options =
            notional::cli::parse_compare(std::vector<std::string>(args.begin() + 1, args.end()));
        options.command_line = command_line;
        if (options.help) {
            std::cout << notional::cli::compare_help();
        } else {
            notional::cli::run_compare(options);
        }
        return 0;
    }
    auto options = notional::cli::parse_job(args);
    options.command_line = command_line;
    if (options.help) {
        std::cout << notional::cli::job_help();
    } else {
        notional::cli::run_job(options);
    }
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    try {
        const int code = dispatch(std::vector<std::string>(argv, argv + argc));
        // The summary is an output too: a full device or a closed pipe is a failure.
        std::cout.flush();
        if (!std::cout) {
            std::cerr << "notional: cannot write the summary to standard output (a full device or "
                         "a closed pipe); the output files were written\n";
            return 1;
        }
        return code;
    } catch (const notional::UsageError& error) {
        std::cerr << "notional: " << notional::cli::error_line(error) << " (see notional --help)\n";
        return 2;
    } catch (const notional::Error& error) {
        std::cerr << "notional: " << notional::cli::error_line(error) << '\n';
        return 1;
    } catch (const std::exception& error) {
        std::cerr << "notional: internal error: " << error.what() << '\n';
        return 1;
    }
}
