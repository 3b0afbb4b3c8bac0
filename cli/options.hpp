#pragma once
/// Parsing a subcommand's options with Boost.Program_options; no I/O.
#include <string>
#include <vector>

#include <boost/program_options.hpp>

#include "core/error.hpp"

namespace notional::cli {

/// Parses `args` against `description`; a Boost error becomes a UsageError (exit 2), its
/// message prefixed with `subcommand` ("compare: ") where there is one.
inline boost::program_options::variables_map parse_options(
    const std::vector<std::string>& args,
    const boost::program_options::options_description& description,
    const std::string& subcommand = "") {
    namespace po = boost::program_options;
    po::variables_map values;
    try {
        // No guessing: an abbreviated option (--knife for --knife-edge) is an unknown one.
        const int style =
            po::command_line_style::default_style & ~po::command_line_style::allow_guessing;
        po::store(po::command_line_parser(args).options(description).style(style).run(), values);
        po::notify(values);
    } catch (const po::error& error) {
        throw UsageError((subcommand.empty() ? "" : subcommand + ": ") + error.what());
    }
    return values;
}

/// `parse(text)`, a UsageError it throws prefixed with the option the text came from:
/// "--actual-format: 'xlsx' is no results format: ...".
template <typename Parse>
auto parse_value(const std::string& option, const std::string& text, Parse parse) {
    try {
        return parse(text);
    } catch (const UsageError& error) {
        throw UsageError(option + ": " + error.what());
    }
}

}  // namespace notional::cli
