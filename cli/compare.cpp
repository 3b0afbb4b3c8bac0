#include "cli/compare.hpp"

#include <iostream>
#include <sstream>

#include <boost/program_options.hpp>

#include "app/compare.hpp"
#include "cli/actual.hpp"
#include "cli/options.hpp"
#include "cli/summary.hpp"
#include "core/error.hpp"
#include "report/results_formats.hpp"

namespace po = boost::program_options;

namespace notional::cli {

namespace {

struct Raw {
    ActualRaw actual;
};

// One option a paragraph.
// clang-format off
po::options_description compare_options(CompareOptions& o, Raw& raw) {
    po::options_description base("The notional base");
    base.add_options()
        ("notional", po::value(&o.notional_path)->value_name("DIR"),
         "a directory written by notional (notional.csv, council.csv, notional.geojson), or its "
         "notional.csv");
    po::options_description options("Method and output");
    options.add_options()
        ("knife-edge", po::value(&o.knife_edge_pct)->value_name("PCT")->default_value(2.0),
         "a notional margin below this % of ballots is a knife-edge: its verdicts UNCERTAIN")
        ("output,o", po::value(&o.output_dir)->value_name("DIR")->default_value("comparison-out"),
         "directory for the outputs, never the notional base's own")
        ("overwrite", po::bool_switch(&o.overwrite),
         "replace an earlier comparison's outputs in DIR")
        ("quiet,q", po::bool_switch(&o.quiet),
         "print nothing on stdout (errors still go to stderr)")
        ("help,h", "show this help");
    po::options_description all;
    all.add(base).add(actual_options(raw.actual)).add(options);
    return all;
}
// clang-format on

}  // namespace

CompareOptions parse_compare(const std::vector<std::string>& args) {
    CompareOptions options;
    Raw raw;
    const auto values = parse_options(args, compare_options(options, raw), "compare");
    if (values.contains("help")) {
        options.help = true;
        return options;
    }
    if (options.notional_path.empty()) throw UsageError("compare: --notional is required");
    read_actual_paths(values, raw.actual);
    if (!raw.actual.path || raw.actual.path->empty()) {
        throw UsageError("compare: --actual is required");
    }
    options.actual_path = *raw.actual.path;
    options.actual_wards_path = raw.actual.wards;
    options.party_alias_path = raw.actual.party_alias;
    options.actual_format = actual_format(raw.actual, "compare: ");
    if (!(options.knife_edge_pct >= 0.0 && options.knife_edge_pct <= 100.0)) {
        throw UsageError("compare: --knife-edge is a percentage of ballots from 0 to 100");
    }
    if (raw.actual.share_top) options.convention = model::ShareConvention::top;
    return options;
}

std::string compare_help() {
    CompareOptions options;
    Raw raw;
    std::ostringstream text;
    text << "notional compare: an election on the new wards against a saved notional base\n\n"
            "usage: notional compare --notional DIR --actual CSV [--actual-wards CSV] [-o DIR]\n\n"
            "Writes comparison.csv, comparison.geojson and report.md: seats won against the\n"
            "notional seats and the old election's, labels, swing, majorities, and a verdict on\n"
            "every claimed gain across the seat rules the base holds.\n"
         << compare_options(options, raw);
    return text.str();
}

void run_compare(const CompareOptions& options) {
    const app::CompareResult result = app::run_compare(options);
    if (!options.quiet) std::cout << compare_summary(result);
}

}  // namespace notional::cli
