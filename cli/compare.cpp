#include "cli/compare.hpp"

#include <iostream>
#include <sstream>

#include <boost/program_options.hpp>

#include "cli/comparison.hpp"
#include "cli/options.hpp"
#include "core/error.hpp"
#include "core/outputs.hpp"
#include "geo/layer.hpp"
#include "model/base.hpp"
#include "report/notional_csv.hpp"

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
    options.actual_format = model::parse_results_format(raw.format, "--actual-format");
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
    std::filesystem::path csv = options.notional_path;
    if (!std::filesystem::exists(csv)) {
        throw IoError(csv.string() +
                      ": no notional base here (a directory written by notional, "
                      "holding notional.csv, or that notional.csv)");
    }
    if (std::filesystem::is_directory(csv)) csv /= "notional.csv";
    // The outputs' directory first: never the base's, nor an earlier comparison's unless asked.
    const std::filesystem::path out_dir = options.output_dir;
    std::error_code same_error;
    const std::filesystem::path base_dir = csv.parent_path().empty() ? "." : csv.parent_path();
    if (std::filesystem::exists(out_dir / "notional.csv") ||
        (std::filesystem::exists(out_dir) &&
         std::filesystem::equivalent(out_dir, base_dir, same_error))) {
        throw UsageError("compare: -o " + options.output_dir +
                         " holds a notional base; write the comparison elsewhere");
    }
    notional::StagedOutputs outputs(out_dir);
    outputs.claim({"comparison.csv", "comparison.geojson", "report.md"}, options.overwrite);

    const model::NotionalBase base = report::read_base(csv);
    if (base.variants.empty()) {
        throw DataError(csv.string() +
                        ": the base has no notional seats (it was made without the new wards' "
                        "seats); run notional again with --new-seats");
    }
    const auto polygons = csv.parent_path() / "notional.geojson";
    geo::GeosContext context;
    geo::LayerOptions fields;
    fields.key_field = "ward_code";
    fields.name_field = "ward_name";
    const geo::SourceLayer source(polygons, fields);
    const geo::CrsOptions crs;
    const geo::Layer wards =
        geo::read_layer(source, crs, geo::choose_crs(source, source, crs), context);
    std::optional<std::filesystem::path> ward_stats;
    if (options.actual_wards_path) ward_stats = *options.actual_wards_path;
    model::Election actual =
        model::read_results(options.actual_path, options.actual_format, ward_stats);
    // A file of many councils against a base of some: the others' wards are skipped.
    model::Councils councils;
    for (const auto& ward : actual.wards) councils.add(ward.council_code, ward.council_name);
    std::vector<std::string> codes, names;
    for (const auto& ward : base.wards) {
        codes.push_back(ward.code);
        names.push_back(ward.name);
    }
    const auto skipped =
        model::keep_councils_on_map(actual, councils, {codes, names, csv.string()});
    model::PartyTable base_parties{"base", base.party_names, {}};
    for (const auto& [code, name] : base.party_names) base_parties.spellings[code].insert(name);
    const auto parties = model::unify_parties(
        {base_parties, model::party_table(actual, "actual")},
        options.party_alias_path ? model::read_party_aliases(*options.party_alias_path)
                                 : std::vector<model::PartyAlias>{});
    if (!parties.renames[0].empty()) {
        // The base's parties were made one when it was written; only an alias can join two.
        throw DataError(csv.string() + ": parties " + parties.renames[0].begin()->first + " and " +
                        parties.renames[0].begin()->second +
                        " of the base are one party; make the base again (with --party-alias)");
    }
    model::apply_parties(actual, parties, 1);
    const model::Comparison comparison =
        model::compare(base, actual, options.convention, options.knife_edge_pct);

    write_comparison(outputs, comparison, wards,
                     "Notional base " + csv.parent_path().filename().string() + " against actual " +
                         actual.path.stem().string(),
                     context);
    const auto written = outputs.commit();
    std::ostringstream out;
    out << "compared     " << comparison.wards.size() << " wards of " << csv.string() << " with "
        << actual.path.string() << " (" << model::to_string(actual.format) << ")\n";
    if (!skipped.empty()) {
        out << "skipped      " << skipped.size() << " councils of " << actual.path.string()
            << " with no ward in the base\n";
    }
    out << party_summary(parties, {"base", "actual"}) << comparison_summary(comparison)
        << "\noutputs";
    for (const auto& path : written) out << "\n  " << path.string();
    out << "\n";
    std::cout << out.str();
}

}  // namespace notional::cli
