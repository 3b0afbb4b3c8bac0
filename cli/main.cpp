/// notional's entry point: maps errors to exit codes (0 ok, 1 failure, 2 usage).
#include <exception>
#include <iostream>
#include <string>
#include <vector>

#include "cli/job.hpp"
#include "model/error.hpp"

int main(int argc, char** argv) {
    const std::vector<std::string> args(argv + 1, argv + argc);
    try {
        const auto options = notional::cli::parse_job(args);
        if (options.help) {
            std::cout << notional::cli::job_help();
            return 0;
        }
        notional::cli::run_job(options);
        return 0;
    } catch (const notional::UsageError& error) {
        std::cerr << "notional: " << error.what() << " (see notional --help)\n";
        return 2;
    } catch (const notional::Error& error) {
        std::cerr << "notional: " << error.what() << '\n';
        return 1;
    } catch (const std::exception& error) {
        std::cerr << "notional: internal error: " << error.what() << '\n';
        return 1;
    }
}
