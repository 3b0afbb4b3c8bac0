#include "cli/actual.hpp"

#include "cli/options.hpp"
#include "report/results_formats.hpp"

namespace po = boost::program_options;

namespace notional::cli {

// clang-format off
po::options_description actual_options(ActualRaw& raw) {
    po::options_description options("The election on the new wards");
    options.add_options()
        ("actual", po::value<std::string>()->value_name("CSV"),
         "its candidates' results (Democracy Club, GLA, House of Commons Library or canonical CSV): compare them with the "
         "notionals")
        ("actual-format", po::value(&raw.format)->value_name("FORMAT")->default_value("auto"),
         "auto, dc, gla, hoc or canonical")
        ("actual-wards", po::value<std::string>()->value_name("CSV"),
         "statistics beside them: the GLA's wards or the Commons Library's constituencies")
        ("party-alias", po::value<std::string>()->value_name("CSV"),
         "from,to: two names (or codes) of one party, e.g. a party that changed its name")
        ("share-top", po::bool_switch(&raw.share_top),
         "compare shares of the parties' top votes (default: shares of all votes)");
    return options;
}
// clang-format on

void read_actual_paths(const po::variables_map& values, ActualRaw& raw) {
    for (auto [name, slot] : {std::pair{"actual", &raw.path}, std::pair{"actual-wards", &raw.wards},
                              std::pair{"party-alias", &raw.party_alias}}) {
        if (values.contains(name)) *slot = values[name].as<std::string>();
    }
}

model::ResultsFormat actual_format(const ActualRaw& raw, const std::string& prefix) {
    return parse_value(prefix + "--actual-format", raw.format, report::parse_results_format);
}

}  // namespace notional::cli
