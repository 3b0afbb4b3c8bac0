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
        po::store(po::command_line_parser(args).options(description).run(), values);
        po::notify(values);
    } catch (const po::error& error) {
        throw UsageError((subcommand.empty() ? "" : subcommand + ": ") + error.what());
    }
    return values;
}

}  // namespace notional::cli
