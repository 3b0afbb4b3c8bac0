#include "cli/job.hpp"

#include <algorithm>
#include <iostream>
#include <limits>
#include <memory>
#include <set>
#include <sstream>

#include <boost/program_options.hpp>

#include "app/job.hpp"
#include "cli/actual.hpp"
#include "cli/options.hpp"
#include "cli/progress.hpp"
#include "cli/summary.hpp"
#include "cli/summary_json.hpp"
#include "core/error.hpp"
#include "report/results_formats.hpp"

namespace po = boost::program_options;

namespace notional::cli {

namespace {

/// Option values that need checking or converting after parsing.
struct Raw {
    std::string format = "auto", seat_method = "rank-slot";
    ActualRaw actual;
    double max_lost_pct = 0.1, max_uncovered_pct = 50.0;
    long long threads = 0;  ///< signed, so that -1 is refused rather than wrapped
    std::string overlay = "measure";
    bool no_code_match = false;
    geo::WeightOptions weights;
};

// One option a paragraph reads better than the formatter's chains.
// clang-format off
po::options_description job_options(JobOptions& o, Raw& raw) {
    po::options_description inputs("Inputs");
    inputs.add_options()
        ("old", po::value(&o.old_path)->value_name("OLD"),
         "old wards: any polygon layer GDAL reads")
        ("new", po::value(&o.new_path)->value_name("NEW"),
         "new wards: any polygon layer GDAL reads")
        ("results", po::value<std::string>()->value_name("CSV"),
         "the old election's candidate results (Democracy Club, GLA, House of Commons Library or canonical CSV)")
        ("results-format", po::value(&raw.format)->value_name("FORMAT")->default_value("auto"),
         "auto, dc, gla, hoc or canonical")
        ("results-wards", po::value<std::string>()->value_name("CSV"),
         "statistics beside the results: the GLA's wards (seats, electorate, ballots), the "
         "Commons Library's constituencies (electorate, valid votes)")
        ("new-seats", po::value<std::string>()->value_name("CSV"),
         "seats of each new ward: ward code and seats (a GLA ward statistics file serves); "
         "default: the actual election's winners")
        ("new-seats-field", po::value(&o.new_layer.seats_field)->value_name("FIELD"),
         "field of NEW holding each ward's seats")
        ("old-layer", po::value(&o.old_layer.layer)->value_name("NAME"),
         "layer in a multi-layer OLD")
        ("new-layer", po::value(&o.new_layer.layer)->value_name("NAME"),
         "layer in a multi-layer NEW")
        ("old-key", po::value(&o.old_layer.key_field)->value_name("FIELD"),
         "ward code field of OLD (default: found, e.g. GSS_CODE, WD18CD)")
        ("old-name", po::value(&o.old_layer.name_field)->value_name("FIELD"),
         "ward name field of OLD (default: found, e.g. NAME, WD18NM)")
        ("new-key", po::value(&o.new_layer.key_field)->value_name("FIELD"),
         "ward code field of NEW")
        ("new-name", po::value(&o.new_layer.name_field)->value_name("FIELD"),
         "ward name field of NEW")
        ("old-where", po::value(&o.old_layer.where)->value_name("SQL"),
         "only the features of OLD this OGR SQL filter keeps, e.g. \"LAGSSCODE = 'E09000006'\"")
        ("new-where", po::value(&o.new_layer.where)->value_name("SQL"),
         "only the features of NEW this filter keeps")
        ("council", po::value(&o.councils)->value_name("NAME|CODE")->composing(),
         "keep one council's wards in every input (repeatable): a GSS code (E09000006) or a "
         "name (Bromley, \"Barking & Dagenham\", barking-and-dagenham)")
        ("old-council-field", po::value(&o.old_layer.council_field)->value_name("FIELD"),
         "field of OLD naming each ward's council (default: found, e.g. LAGSSCODE, LAD22CD, "
         "DISTRICT)")
        ("new-council-field", po::value(&o.new_layer.council_field)->value_name("FIELD"),
         "field of NEW naming each ward's council");
    po::options_description weights("Weights that follow electors");
    weights.add_options()
        ("weights", po::value(&raw.weights.path)->value_name("LAYER"),
         "small-area polygons with counts, or points (a layer, or a CSV with coordinate columns)")
        ("weight-field", po::value(&raw.weights.field)->value_name("FIELD"),
         "the count: a field of the weights layer, or a column of --weights-table (points "
         "without it count 1 each)")
        ("weights-layer", po::value(&raw.weights.layer)->value_name("NAME"),
         "layer in a multi-layer weights file")
        ("weights-table", po::value(&raw.weights.table)->value_name("CSV"),
         "counts apart from the polygons, joined by key")
        ("weights-key", po::value(&raw.weights.table_key)->value_name("COLUMN"),
         "the table's column naming a small area (the layer's code field is found, e.g. LSOA21CD)")
        ("weights-layer-key", po::value(&raw.weights.layer_key)->value_name("FIELD"),
         "the weights layer's code field, if it is not found by itself")
        ("weights-filter", po::value(&raw.weights.filters)->value_name("COL=VALUE")->composing(),
         "keep only table rows where COL=VALUE (or COL!=VALUE); repeatable; kept rows are summed")
        ("weights-crs", po::value(&raw.weights.crs)->value_name("CRS"),
         "CRS of weights that declare none (a CSV's Eastings/Northings: EPSG:27700)")
        ("weights-name", po::value(&raw.weights.name)->value_name("NAME"),
         "the weights' name in outputs (default: the count field)")
        ("support", po::value<std::vector<std::string>>()->value_name("LAYER")->composing(),
         "a local election's wards: each party's votes within an old seat follow its local "
         "support among the weights' people (repeatable; several average)")
        ("support-results", po::value<std::vector<std::string>>()->value_name("CSV")->composing(),
         "that local election's candidate results, after its --support")
        ("support-wards", po::value<std::vector<std::string>>()->value_name("CSV")->composing(),
         "its GLA ward statistics, after its --support")
        ("support-format", po::value<std::vector<std::string>>()->value_name("FORMAT")->composing(),
         "its results' format (auto, dc, gla, hoc or canonical), after its --support")
        ("new-electorate", po::value<std::string>()->value_name("CSV"),
         "electors of each new ward (ward code and electors; the GLA ward file serves): rake "
         "every crosswalk to them")
        ("old-electorate", po::value<std::string>()->value_name("CSV"),
         "electors of each old ward, for the raking's rows (default: the crosswalk's own)");
    po::options_description method("Method");
    method.add_options()
        ("crs", po::value(&o.crs.crs)->value_name("CRS"),
         "projected CRS to measure in (default: OLD's if projected, else NEW's, else equal-area)")
        ("assume-crs", po::value(&o.crs.assume_crs)->value_name("CRS"),
         "CRS of a layer that declares none")
        ("min-piece", po::value(&o.overlay.min_piece_m2)->value_name("M2")->default_value(1.0),
         "pieces smaller than this many m² are slivers: dropped and counted")
        ("threads", po::value(&raw.threads)->value_name("N")->default_value(0),
         "threads for the overlay (0: one per core); the results do not depend on it")
        ("noise-width", po::value(&o.overlay.noise_width_m)->value_name("M")->default_value(5.0),
         "pieces thinner on average than this many metres are boundary noise, not change")
        ("overlay", po::value(&raw.overlay)->value_name("METHOD")->default_value("measure"),
         "geos: build each piece where boundaries cross; measure: measure it from the "
         "boundaries without building it (GEOS still builds pieces that weights need)")
        ("crosswalk", po::value<std::string>()->value_name("FILE"),
         "reload the crosswalks from FILE when it exists (refused if it was measured on other "
         "inputs); else measure them and save them there")
        ("crosswalk-update", po::bool_switch(&o.crosswalk_update),
         "with --crosswalk: measure again and save when FILE was measured on other inputs")
        ("max-lost", po::value(&raw.max_lost_pct)->value_name("PCT")->default_value(0.1, "0.1"),
         "fail when more than this percentage of all votes is lost (in slivers, in gaps inside "
         "the new map, in old wards it does not cover)")
        ("max-uncovered", po::value(&raw.max_uncovered_pct)->value_name("PCT")->default_value(50.0),
         "an old ward more of which than this lies beyond the new map's outline loses that part's "
         "votes (a wrong or partial file); below it they are spread over the part the map covers")
        ("no-code-match", po::bool_switch(&raw.no_code_match),
         "codes on both maps are not the same wards (the layers' codes are not GSS codes): do not "
         "carry such a ward whole")
        ("seat-method", po::value(&raw.seat_method)->value_name("RULE")->default_value("rank-slot"),
         "notional seats: rank-slot, block, block-top or continuity")
        ("split-independents", po::bool_switch(&o.redistribute.split_independents),
         "split independents' votes like parties' (default: whole to the main successor)")
        ("knife-edge", po::value(&o.seats.knife_edge_pct)->value_name("PCT")->default_value(2.0),
         "a notional margin below this % of ballots is a knife-edge");
    po::options_description output("Output");
    output.add_options()
        ("output,o", po::value(&o.output_dir)->value_name("DIR")->default_value("notional-out"),
         "directory for the outputs")
        ("overwrite", po::bool_switch(&o.overwrite),
         "replace an earlier run's outputs in DIR (and remove those this run does not write)")
        ("no-geojson", po::bool_switch()->notifier([&o](bool off) { o.geojson = !off; }),
         "write no maps (notional, comparison and uncovered .geojson), the tables and reports "
         "alone: for layers too large to map; notional compare needs a base's map")
        ("summary-json", po::value<std::string>()->value_name("FILE"),
         "the summary as JSON in FILE too, written with the other outputs")
        ("quiet,q", po::bool_switch(&o.quiet),
         "print nothing on stdout and no progress on stderr (errors still go to stderr)")
        ("timings", po::bool_switch(&o.timings),
         "print each phase's wall time on stderr at the end (read, overlay, weights, raking, "
         "allocating, writing, and the rest)")
        ("version", "show the version and exit")
        ("help,h", "show this help");
    po::options_description all;
    all.add(inputs).add(actual_options(raw.actual)).add(weights).add(method).add(output);
    return all;
}
// clang-format on

/// The method's numbers in their ranges, percentages made shares.
void check_method_numbers(const Raw& raw, JobOptions& options) {
    if (!(options.overlay.min_piece_m2 >= 0.0)) throw UsageError("--min-piece must be 0 or more");
    // More than the cores or the work is allowed: the overlay starts no more than it can use.
    if (raw.threads < 0 || raw.threads > std::numeric_limits<unsigned>::max()) {
        throw UsageError("--threads must be 0 (one per core) or more");
    }
    options.overlay.threads = static_cast<unsigned>(raw.threads);
    if (raw.overlay != "geos" && raw.overlay != "measure") {
        throw UsageError("--overlay is geos or measure, not " + raw.overlay);
    }
    options.overlay.method =
        raw.overlay == "measure" ? geo::OverlayMethod::measure : geo::OverlayMethod::geos;
    if (!(options.overlay.noise_width_m >= 0.0)) {
        throw UsageError("--noise-width must be 0 or more");
    }
    if (!(options.seats.knife_edge_pct >= 0.0 && options.seats.knife_edge_pct <= 100.0)) {
        throw UsageError("--knife-edge is a percentage of ballots from 0 to 100");
    }
    if (!(raw.max_lost_pct >= 0.0 && raw.max_lost_pct <= 100.0)) {
        throw UsageError("--max-lost is a percentage from 0 to 100");
    }
    options.redistribute.max_lost = raw.max_lost_pct / 100.0;
    if (!(raw.max_uncovered_pct >= 0.0 && raw.max_uncovered_pct <= 100.0)) {
        throw UsageError("--max-uncovered is a percentage from 0 to 100");
    }
    options.max_uncovered = raw.max_uncovered_pct / 100.0;
}

/// The --support groups in command-line order: each local election's layer, then its results,
/// ward statistics and format; `results` and `weights` say whether --results and --weights are
/// given, which support needs.
std::vector<app::SupportOptions> support_groups(const std::vector<std::string>& args, bool results,
                                                bool weights) {
    std::vector<app::SupportOptions> groups;
    std::vector<std::set<std::string>> given;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& arg = args[i];
        if (!arg.starts_with("--support")) continue;
        const auto equals = arg.find('=');
        const std::string name = arg.substr(0, equals);
        std::string value;
        if (equals != std::string::npos) {
            value = arg.substr(equals + 1);
        } else if (i + 1 < args.size()) {
            value = args[++i];
        }
        if (name == "--support") {
            groups.push_back({value, "", std::nullopt, model::ResultsFormat::automatic});
            given.emplace_back();
            continue;
        }
        if (groups.empty()) throw UsageError(name + " must follow its --support LAYER");
        if (!given.back().insert(name).second) {
            throw UsageError("two " + name + " for the --support " + groups.back().layer_path);
        }
        if (name == "--support-results") groups.back().results_path = value;
        if (name == "--support-wards") groups.back().wards_path = value;
        if (name == "--support-format") {
            groups.back().format = parse_value(name, value, report::parse_results_format);
        }
    }
    if (!groups.empty() && !results) {
        throw UsageError("--support needs --results: it places the old election's votes");
    }
    if (!groups.empty() && !weights) {
        throw UsageError("--support needs --weights: support is measured among people");
    }
    for (const auto& group : groups) {
        if (group.results_path.empty()) {
            throw UsageError("--support " + group.layer_path + " needs its --support-results");
        }
    }
    return groups;
}

}  // namespace

JobOptions parse_job(const std::vector<std::string>& args) {
    JobOptions options;
    Raw raw;
    const auto values = parse_options(args, job_options(options, raw));
    if (values.contains("help")) {
        options.help = true;
        return options;
    }
    if (values.contains("version")) throw UsageError("--version stands alone");
    if (options.old_path.empty()) throw UsageError("--old is required");
    if (options.new_path.empty()) throw UsageError("--new is required");
    if (values.contains("results")) options.results_path = values["results"].as<std::string>();
    if (values.contains("results-wards")) {
        if (!options.results_path) throw UsageError("--results-wards needs --results");
        options.results_wards_path = values["results-wards"].as<std::string>();
    }
    if (values.contains("new-seats")) {
        if (!options.new_layer.seats_field.empty()) {
            throw UsageError("--new-seats and --new-seats-field both give seats; choose one");
        }
        options.new_seats_path = values["new-seats"].as<std::string>();
    }
    read_actual_paths(values, raw.actual);
    if (raw.actual.path && !options.results_path) {
        throw UsageError("--actual needs --results to compare with");
    }
    if (raw.actual.wards && !raw.actual.path) throw UsageError("--actual-wards needs --actual");
    if (raw.actual.party_alias && !options.results_path) {
        throw UsageError("--party-alias needs --results");
    }
    options.actual_path = raw.actual.path;
    options.actual_wards_path = raw.actual.wards;
    options.party_alias_path = raw.actual.party_alias;
    options.share_top = raw.actual.share_top;
    options.results_format =
        parse_value("--results-format", raw.format, report::parse_results_format);
    options.actual_format = actual_format(raw.actual, "");
    options.seats.method = parse_value("--seat-method", raw.seat_method, model::parse_seat_method);
    check_method_numbers(raw, options);
    options.code_match = !raw.no_code_match;
    if (values.contains("crosswalk")) {
        options.crosswalk_path = values["crosswalk"].as<std::string>();
    }
    if (values.contains("summary-json")) {
        options.summary_json_path = values["summary-json"].as<std::string>();
    }
    if (options.crosswalk_update && !options.crosswalk_path) {
        throw UsageError("--crosswalk-update needs --crosswalk");
    }
    if (values.contains("new-electorate")) {
        options.new_electorate_path = values["new-electorate"].as<std::string>();
    }
    if (values.contains("old-electorate")) {
        if (!options.new_electorate_path) {
            throw UsageError("--old-electorate needs --new-electorate");
        }
        options.old_electorate_path = values["old-electorate"].as<std::string>();
    }
    if (options.share_top && !options.actual_path) {
        throw UsageError("--share-top needs --actual: it chooses the shares compared");
    }
    options.supports =
        support_groups(args, options.results_path.has_value(), !raw.weights.path.empty());
    if (!raw.weights.path.empty()) {
        if (!raw.weights.table.empty() && raw.weights.table_key.empty()) {
            throw UsageError("--weights-table needs --weights-key");
        }
        if (!raw.weights.table.empty() && raw.weights.field.empty()) {
            throw UsageError("--weights-table needs --weight-field");
        }
        options.weights = raw.weights;
    } else {
        for (const char* name :
             {"weight-field", "weights-layer", "weights-table", "weights-key", "weights-layer-key",
              "weights-filter", "weights-crs", "weights-name"}) {
            if (values.contains(name)) {
                throw UsageError("--" + std::string(name) + " needs --weights");
            }
        }
    }
    return options;
}

std::string job_help() {
    JobOptions options;
    Raw raw;
    std::ostringstream text;
    text << "notional: notional election results on new boundaries\n\n"
            "usage: notional --old OLD --new NEW [--results CSV] [--actual CSV] [-o DIR]\n"
            "       notional compare --notional DIR --actual CSV [-o DIR]\n\n"
            "Overlays the old and new wards, builds the crosswalk (the share of each old ward\n"
            "in each new one) and, with --results, carries the old election's votes into the\n"
            "new wards and, with seats for the new wards, decides notional seats; with\n"
            "--actual it compares the next election with them. Writes notional.geojson,\n"
            "notional.csv, council.csv, crosswalk.csv and ledger.csv (and comparison.csv,\n"
            "comparison.geojson and report.md) to DIR; every vote is allocated or reported\n"
            "lost. See notional compare --help for the comparison alone.\n"
         << job_options(options, raw);
    return text.str();
}

namespace {

/// A job's results, kept to the end of the process and never freed: the system takes the
/// memory back at once at exit, where freeing every shape, piece and row one by one took a
/// quarter of a second at 100,000 wards. Reachable, so no leak to a checker.
const app::JobResult& kept_to_the_end(app::JobResult result) {
    static auto* const results = new std::vector<std::unique_ptr<const app::JobResult>>();
    results->push_back(std::make_unique<const app::JobResult>(std::move(result)));
    return *results->back();
}

}  // namespace

void run_job(const JobOptions& options) {
    app::BeforeCommit summary_json;
    if (options.summary_json_path) {
        summary_json = [&options](const app::JobResult& result, StagedOutputs& outputs) {
            const std::filesystem::path path = *options.summary_json_path;
            const auto manifest = std::filesystem::path(options.output_dir) / "manifest.json";
            // Every output, as the text summary lists them once they are committed.
            auto written = outputs.staged();
            if (path == manifest ||
                std::find(written.begin(), written.end(), path) != written.end()) {
                throw UsageError("--summary-json " + path.string() + " is another output");
            }
            written.push_back(path);
            written.push_back(manifest);
            outputs.write_file(path, job_summary_json(result, options, written));
        };
    }
    PhaseTimes times;
    const app::JobResult& result = kept_to_the_end(app::run_job(
        options,
        [&](const std::string& phase) {
            Progress shown = terminal_progress(phase, options.quiet);
            return options.timings ? times.timed(phase, std::move(shown)) : shown;
        },
        summary_json));
    if (!options.quiet) std::cout << job_summary(result, options);
    if (options.timings) std::cerr << times.line();
}

}  // namespace notional::cli
