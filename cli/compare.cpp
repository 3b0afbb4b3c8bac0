#include "cli/compare.hpp"

#include <iostream>
#include <sstream>

#include <boost/program_options.hpp>

#include "app/compare.hpp"
#include "cli/options.hpp"
#include "cli/summary.hpp"
#include "core/error.hpp"
#include "report/results_formats.hpp"

namespace po = boost::program_options;

namespace notional::cli {

namespace {

struct Raw {
    std::string format = "auto";
    bool share_top = false;
};

// One option a paragraph.
// clang-format off
po::options_description compare_options(CompareOptions& o, Raw& raw) {
    po::options_description options("Options");
    options.add_options()
        ("notional", po::value(&o.notional_path)->value_name("DIR"),
         "the notional base: a directory written by notional (notional.csv, council.csv, "
         "notional.geojson), or its notional.csv")
        ("actual", po::value(&o.actual_path)->value_name("CSV"),
         "the election on the new wards (Democracy Club, GLA or canonical CSV)")
        ("actual-format", po::value(&raw.format)->value_name("FORMAT")->default_value("auto"),
         "auto, dc, gla or canonical")
        ("actual-wards", po::value<std::string>()->value_name("CSV"),
         "GLA ward statistics beside GLA results (electorate, ballots)")
        ("party-alias", po::value<std::string>()->value_name("CSV"),
         "from,to: two names (or codes) of one party, e.g. a party that changed its name")
        ("share-top", po::bool_switch(&raw.share_top),
         "compare shares of the parties' top votes (default: shares of all votes)")
        ("knife-edge", po::value(&o.knife_edge_pct)->value_name("PCT")->default_value(2.0),
         "a notional margin below this % of ballots is a knife-edge: its verdicts UNCERTAIN")
        ("output,o", po::value(&o.output_dir)->value_name("DIR")->default_value("comparison-out"),
         "directory for the outputs, never the notional base's own")
        ("overwrite", po::bool_switch(&o.overwrite),
         "replace an earlier comparison's outputs in DIR")
        ("help,h", "show this help");
    return options;
}
// clang-format on

}  // namespace

CompareOptions parse_compare(const std::vector<std::string>& args) {
    CompareOptions options;
    Raw raw;
    const auto values = parse_options(args, compare_options(options, raw), "compare");
    if (values.count("help")) {
        options.help = true;
        return options;
    }
    if (options.notional_path.empty()) throw UsageError("compare: --notional is required");
    if (options.actual_path.empty()) throw UsageError("compare: --actual is required");
    if (values.count("actual-wards")) {
        options.actual_wards_path = values["actual-wards"].as<std::string>();
    }
    if (values.count("party-alias")) {
        options.party_alias_path = values["party-alias"].as<std::string>();
    }
    options.actual_format =
        parse_value("compare: --actual-format", raw.format, report::parse_results_format);
    if (!(options.knife_edge_pct >= 0.0 && options.knife_edge_pct <= 100.0)) {
        throw UsageError("compare: --knife-edge is a percentage of ballots from 0 to 100");
    }
    if (raw.share_top) options.convention = model::ShareConvention::top;
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
    std::cout << compare_summary(app::run_compare(options));
}

}  // namespace notional::cli
