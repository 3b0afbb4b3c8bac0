#include "cli/job.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <iostream>
#include <map>
#include <sstream>

#include <boost/program_options.hpp>

#include "cli/comparison.hpp"
#include "cli/councils.hpp"
#include "cli/options.hpp"
#include "cli/outline.hpp"
#include "cli/progress.hpp"
#include "core/csv.hpp"
#include "core/error.hpp"
#include "core/outputs.hpp"
#include "geo/geojson.hpp"
#include "model/base.hpp"
#include "model/crosswalk.hpp"
#include "model/honesty.hpp"
#include "model/ordering.hpp"
#include "model/rake.hpp"
#include "report/crosswalk_file.hpp"
#include "report/notional_csv.hpp"
#include "report/tables.hpp"

namespace po = boost::program_options;

namespace notional::cli {

namespace {

/// Option values that need checking or converting after parsing.
struct Raw {
    std::string format = "auto", actual_format = "auto", seat_method = "rank-slot";
    double max_lost_pct = 0.1, max_uncovered_pct = 50.0;
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
         "the old election's candidate results (Democracy Club, GLA or canonical CSV)")
        ("results-format", po::value(&raw.format)->value_name("FORMAT")->default_value("auto"),
         "auto, dc, gla or canonical")
        ("results-wards", po::value<std::string>()->value_name("CSV"),
         "GLA ward statistics beside GLA results (seats, electorate, ballots)")
        ("actual", po::value<std::string>()->value_name("CSV"),
         "the next election's results on the new wards: compare them with the notionals")
        ("actual-format", po::value(&raw.actual_format)->value_name("FORMAT")->default_value("auto"),
         "auto, dc, gla or canonical")
        ("actual-wards", po::value<std::string>()->value_name("CSV"),
         "GLA ward statistics beside GLA actual results (electorate, ballots)")
        ("party-alias", po::value<std::string>()->value_name("CSV"),
         "from,to: two names (or codes) of one party, e.g. a party that changed its name")
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
        ("threads", po::value(&o.overlay.threads)->value_name("N")->default_value(0),
         "threads for the overlay (0: one per core); the results do not depend on it")
        ("noise-width", po::value(&o.overlay.noise_width_m)->value_name("M")->default_value(5.0),
         "pieces thinner on average than this many metres are boundary noise, not change")
        ("crosswalk", po::value<std::string>()->value_name("FILE"),
         "reload the crosswalks from FILE when it exists (refused if it was measured on other "
         "inputs); else measure them and save them there")
        ("crosswalk-update", po::bool_switch(&o.crosswalk_update),
         "with --crosswalk: measure again and save when FILE was measured on other inputs")
        ("max-lost", po::value(&raw.max_lost_pct)->value_name("PCT")->default_value(0.1),
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
         "a notional margin below this % of ballots is a knife-edge")
        ("share-top", po::bool_switch(&o.share_top),
         "compare shares of the parties' top votes (default: shares of all votes)");
    po::options_description output("Output");
    output.add_options()
        ("output,o", po::value(&o.output_dir)->value_name("DIR")->default_value("notional-out"),
         "directory for the outputs")
        ("overwrite", po::bool_switch(&o.overwrite),
         "replace an earlier run's outputs in DIR (and remove those this run does not write)")
        ("help,h", "show this help");
    po::options_description all;
    all.add(inputs).add(weights).add(method).add(output);
    return all;
}
// clang-format on

}  // namespace

JobOptions parse_job(const std::vector<std::string>& args) {
    JobOptions options;
    Raw raw;
    const auto values = parse_options(args, job_options(options, raw));
    if (values.count("help")) {
        options.help = true;
        return options;
    }
    if (options.old_path.empty()) throw UsageError("--old is required");
    if (options.new_path.empty()) throw UsageError("--new is required");
    if (values.count("results")) options.results_path = values["results"].as<std::string>();
    if (values.count("results-wards")) {
        if (!options.results_path) throw UsageError("--results-wards needs --results");
        options.results_wards_path = values["results-wards"].as<std::string>();
    }
    if (values.count("new-seats")) {
        if (!options.new_layer.seats_field.empty()) {
            throw UsageError("--new-seats and --new-seats-field both give seats; choose one");
        }
        options.new_seats_path = values["new-seats"].as<std::string>();
    }
    if (values.count("actual")) {
        if (!options.results_path) throw UsageError("--actual needs --results to compare with");
        options.actual_path = values["actual"].as<std::string>();
    }
    if (values.count("actual-wards")) {
        if (!options.actual_path) throw UsageError("--actual-wards needs --actual");
        options.actual_wards_path = values["actual-wards"].as<std::string>();
    }
    if (values.count("party-alias")) {
        if (!options.results_path) throw UsageError("--party-alias needs --results");
        options.party_alias_path = values["party-alias"].as<std::string>();
    }
    options.results_format = model::parse_results_format(raw.format, "--results-format");
    options.actual_format = model::parse_results_format(raw.actual_format, "--actual-format");
    options.seats.method = model::parse_seat_method(raw.seat_method);
    if (!(options.overlay.min_piece_m2 >= 0.0)) throw UsageError("--min-piece must be 0 or more");
    if (!(options.overlay.noise_width_m >= 0.0))
        throw UsageError("--noise-width must be 0 or more");
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
    options.code_match = !raw.no_code_match;
    if (values.count("crosswalk")) options.crosswalk_path = values["crosswalk"].as<std::string>();
    if (options.crosswalk_update && !options.crosswalk_path) {
        throw UsageError("--crosswalk-update needs --crosswalk");
    }
    if (values.count("new-electorate")) {
        options.new_electorate_path = values["new-electorate"].as<std::string>();
    }
    if (values.count("old-electorate")) {
        if (!options.new_electorate_path)
            throw UsageError("--old-electorate needs --new-electorate");
        options.old_electorate_path = values["old-electorate"].as<std::string>();
    }
    if (!raw.weights.path.empty()) {
        options.weights = raw.weights;
    } else if (!raw.weights.field.empty() || !raw.weights.table.empty() ||
               !raw.weights.filters.empty()) {
        throw UsageError("--weight-field, --weights-table and --weights-filter need --weights");
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

std::string percent(double share, int decimals = 3) {
    return notional::fixed(100.0 * share, decimals) + "%";
}

/// Rounded as written in every output, so the GeoJSON and the CSV agree to the digit.
geo::Value rounded(double value, int decimals) {
    return notional::rounded(value, decimals);
}

geo::Value maybe(const std::optional<double>& value, int decimals) {
    return value ? rounded(*value, decimals) : geo::Value();
}

std::string join(const std::vector<std::string>& parts) {
    std::string text;
    for (const auto& part : parts) text += (text.empty() ? "" : ",") + part;
    return text;
}

/// Seats of the new wards from --new-seats, the new layer's seats field, or the winners of the
/// actual election; empty when none.
std::vector<int> new_ward_seats(const JobOptions& options, const geo::Layer& new_wards,
                                const model::Election* actual,
                                const std::vector<std::size_t>& actual_matched) {
    if (options.new_seats_path) {
        return model::read_new_seats(*options.new_seats_path, new_wards.codes, new_wards.names);
    }
    if (!new_wards.seats.empty() || !actual) return new_wards.seats;
    std::vector<int> seats(new_wards.size(), 0);
    for (std::size_t w = 0; w < actual->wards.size(); ++w) {
        seats[actual_matched[w]] = actual->wards[w].seats.value_or(0);
    }
    return seats;
}

/// The properties of notional.geojson, one column per property, wards in `order`.
std::vector<geo::Column> ward_columns(const std::vector<std::size_t>& order,
                                      const geo::Layer& new_wards, const geo::Layer& old_wards,
                                      const std::vector<model::WardHonesty>& honesty,
                                      const model::Notional* notional,
                                      const std::vector<model::WardSeats>* seats) {
    std::vector<geo::Column> columns;
    auto column = [&](const std::string& name, auto value_of) {
        geo::Column c{name, {}};
        for (const std::size_t n : order) c.values.push_back(value_of(n));
        columns.push_back(std::move(c));
    };
    column("ward_code", [&](std::size_t n) { return geo::Value(new_wards.codes[n]); });
    column("ward_name", [&](std::size_t n) { return geo::Value(new_wards.names[n]); });
    column("area_m2", [&](std::size_t n) { return rounded(new_wards.areas_m2[n], 2); });
    column("change_class", [&](std::size_t n) {
        return geo::Value(std::string(model::to_string(honesty[n].change)));
    });
    column("moved", [&](std::size_t n) { return rounded(honesty[n].moved, 6); });
    column("sources", [&](std::size_t n) {
        return geo::Value(report::sources_text(honesty[n], old_wards.codes));
    });
    // No old ward's weight reaches it: its votes are zero, not unknown, and it is flagged.
    column("reached", [&](std::size_t n) { return geo::Value(!honesty[n].sources.empty()); });
    if (!notional) return columns;
    const model::Measures& m = notional->carried;
    column("estimated_pct", [&](std::size_t n) { return rounded(honesty[n].estimated_pct, 2); });
    column("partial",
           [&](std::size_t n) { return geo::Value(static_cast<bool>(notional->partial[n])); });
    column("electorate", [&](std::size_t n) { return maybe(m.electorate[n], 2); });
    column("ballots", [&](std::size_t n) { return maybe(m.ballots[n], 2); });
    column("turnout", [&](std::size_t n) {
        return m.ballots[n] && m.electorate[n] && *m.electorate[n] > 0.0
                   ? rounded(*m.ballots[n] / *m.electorate[n], 6)
                   : geo::Value();
    });
    if (seats) {
        const auto& s = *seats;
        column("seats", [&](std::size_t n) {
            return s[n].seats > 0 ? geo::Value(static_cast<long long>(s[n].seats)) : geo::Value();
        });
        column("notional_winners", [&](std::size_t n) {
            return s[n].unknown ? geo::Value() : geo::Value(join(s[n].winners));
        });
        column("margin_votes", [&](std::size_t n) { return maybe(s[n].margin_votes, 2); });
        column("margin_pct", [&](std::size_t n) { return maybe(s[n].margin_pct, 3); });
        column("knife_edge", [&](std::size_t n) {
            return s[n].margin_pct ? geo::Value(s[n].knife_edge) : geo::Value();
        });
        column("tie", [&](std::size_t n) { return geo::Value(s[n].tie); });
        // The margin's ballots are the parties' top votes where the results gave none.
        column("ballots_estimated",
               [&](std::size_t n) { return geo::Value(s[n].ballots_estimated); });
        // An old ward's last rank stood in for seats it did not have (METHOD.md §6).
        column("slots_extended", [&](std::size_t n) { return geo::Value(s[n].extended); });
    }
    const Eigen::VectorXd tot_totals = model::ward_totals(m.tot),
                          top_totals = model::ward_totals(m.top);
    std::vector<std::map<std::string, int>> won;  // per ward, seats by party
    if (seats) {
        for (const auto& ward : *seats) won.push_back(ward.by_party());
    }
    column("votes_total",
           [&](std::size_t n) { return rounded(tot_totals[static_cast<Eigen::Index>(n)], 4); });
    for (std::size_t p = 0; p < m.parties.size(); ++p) {
        const auto col = static_cast<Eigen::Index>(p);
        const std::string& party = m.parties[p];
        column(party + "_votes", [&](std::size_t n) {
            return rounded(m.tot.coeff(static_cast<Eigen::Index>(n), col), 4);
        });
        column(party + "_share", [&](std::size_t n) {
            const auto row = static_cast<Eigen::Index>(n);
            const double total = tot_totals[row];
            return notional->partial[n] || total <= 0.0 ? geo::Value()
                                                        : rounded(m.tot.coeff(row, col) / total, 6);
        });
        column(party + "_share_top", [&](std::size_t n) {
            const auto row = static_cast<Eigen::Index>(n);
            const double total = top_totals[row];
            return notional->partial[n] || total <= 0.0 ? geo::Value()
                                                        : rounded(m.top.coeff(row, col) / total, 6);
        });
        if (seats) {
            column(party + "_seats", [&](std::size_t n) {
                return (*seats)[n].unknown ? geo::Value()
                                           : geo::Value(static_cast<long long>(
                                                 won[n].count(party) ? won[n].at(party) : 0));
            });
        }
    }
    return columns;
}

/// What differs between a saved crosswalk's record of its inputs and this run's, "" when nothing
/// that shapes the pieces does (a path may change: the file moved).
std::string input_differences(const std::map<std::string, std::string>& recorded,
                              const std::map<std::string, std::string>& now) {
    if (recorded.empty()) return "the file records no inputs: written by an older notional";
    std::string text;
    for (const auto& [key, value] : now) {
        // Without --weights, a reload takes the weights the file holds.
        if (key.ends_with(".path") || (key == "weights" && value == "none")) continue;
        const auto it = recorded.find(key);
        const std::string before = it == recorded.end() ? "none" : it->second;
        if (before == value) continue;
        const bool hash = key.ends_with("_sha256");
        text += (text.empty() ? "" : "; ") + key + " " +
                (hash ? "differs: other shapes (another drawing, another filter)"
                      : "was " + before + ", is " + value);
    }
    return text;
}

/// "a, b, c and 4 more": at most `shown` items.
std::string listing(const std::vector<std::string>& items, std::size_t shown) {
    std::string text;
    for (std::size_t i = 0; i < std::min(shown, items.size()); ++i) {
        text += (i ? ", " : "") + items[i];
    }
    if (items.size() > shown) text += " and " + std::to_string(items.size() - shown) + " more";
    return text;
}

/// "a, b, c": councils skipped with their ward counts.
std::string skipped_text(const std::map<std::string, std::size_t>& skipped) {
    std::string text;
    for (const auto& [council, wards] : skipped) {
        text += (text.empty() ? "" : ", ") + council + " " + std::to_string(wards);
    }
    return text;
}

}  // namespace

void run_job(const JobOptions& options) {
    // The output directory is claimed first: a run that would overwrite an earlier one without
    // --overwrite fails before any work.
    notional::StagedOutputs outputs(options.output_dir);
    outputs.claim({"notional.csv", "notional.geojson", "council.csv", "crosswalk.csv", "ledger.csv",
                   "uncovered.geojson", "comparison.csv", "comparison.geojson", "report.md"},
                  options.overwrite);
    bool reload = options.crosswalk_path && std::filesystem::exists(*options.crosswalk_path);
    if (reload && options.weights && !options.crosswalk_update) {
        throw UsageError(*options.crosswalk_path +
                         " exists and holds its crosswalks' weights already; drop --weights, or "
                         "give --crosswalk-update to measure them again");
    }
    geo::GeosContext context;
    geo::SourceLayer old_source(options.old_path, options.old_layer);
    geo::SourceLayer new_source(options.new_path, options.new_layer);

    // Inputs are all read before the overlay, so a bad file fails fast.
    std::optional<model::Election> election, actual;
    if (options.results_path) {
        std::optional<std::filesystem::path> wards;
        if (options.results_wards_path) wards = *options.results_wards_path;
        election = model::read_results(*options.results_path, options.results_format, wards);
    }
    if (options.actual_path) {
        std::optional<std::filesystem::path> wards;
        if (options.actual_wards_path) wards = *options.actual_wards_path;
        actual = model::read_results(*options.actual_path, options.actual_format, wards);
    }
    const CouncilReport council_report =
        select_councils(options.councils, old_source, new_source, election ? &*election : nullptr,
                        actual ? &*actual : nullptr);

    const geo::WorkingCrs working = geo::choose_crs(old_source, new_source, options.crs);
    const geo::Layer old_wards = geo::read_layer(old_source, options.crs, working, context);
    const geo::Layer new_wards = geo::read_layer(new_source, options.crs, working, context);
    const report::WardNames old_names{old_wards.codes, old_wards.names};
    const report::WardNames new_names{new_wards.codes, new_wards.names};

    // Results matched to the polygons, within their councils; a council's results with no ward
    // on the map (a national file) are skipped and listed.
    std::vector<std::size_t> matched, actual_matched;
    std::map<std::string, std::size_t> skipped_old, skipped_actual;
    std::vector<std::string> near_old, near_actual;  // wards matched by a near spelling
    if (election) {
        const auto layer = wards_to_match(old_wards, old_source, council_report.councils);
        skipped_old = model::keep_councils_on_map(*election, council_report.councils, layer);
        matched = model::match_wards(
            *election, layer, model::ward_councils(*election, council_report.councils), &near_old);
    }
    if (actual) {
        const auto layer = wards_to_match(new_wards, new_source, council_report.councils);
        skipped_actual = model::keep_councils_on_map(*actual, council_report.councils, layer);
        actual_matched = model::match_wards(
            *actual, layer, model::ward_councils(*actual, council_report.councils), &near_actual);
    }
    // One code for each party across both elections (the old election's where it has one).
    std::optional<model::PartyUnification> parties;
    std::vector<std::string> party_labels;
    if (election) {
        std::vector<model::PartyTable> tables{model::party_table(*election, "old")};
        if (actual) tables.push_back(model::party_table(*actual, "actual"));
        for (const auto& table : tables) party_labels.push_back(table.label);
        parties = model::unify_parties(
            tables, options.party_alias_path ? model::read_party_aliases(*options.party_alias_path)
                                             : std::vector<model::PartyAlias>{});
        model::apply_parties(*election, *parties, 0);
        if (actual) model::apply_parties(*actual, *parties, 1);
    }
    const std::vector<int> seats_of_new =
        new_ward_seats(options, new_wards, actual ? &*actual : nullptr, actual_matched);

    std::optional<geo::WeightLayer> weight_layer;
    if (options.weights) weight_layer = geo::read_weights(*options.weights, working, context);
    std::optional<std::vector<double>> new_electorate, old_electorate;
    const model::RakeOptions rake_options{.tolerance = 1e-9, .max_iterations = 100000};
    if (options.new_electorate_path) {
        new_electorate = model::read_electorate(*options.new_electorate_path, new_wards.codes,
                                                new_wards.names, "new");
    }
    if (options.old_electorate_path) {
        old_electorate = model::read_electorate(*options.old_electorate_path, old_wards.codes,
                                                old_wards.names, "old");
    }

    // The crosswalks' seeds: reloaded from --crosswalk when it exists, else measured (and saved
    // there when it was named). Weights that follow electors come before area.
    std::optional<geo::Overlay> overlay;
    std::optional<geo::Weighting> weighting;
    std::vector<model::CrosswalkSeed> seeds;
    // What the pieces are measured on, recorded in a saved crosswalk and checked on reloading.
    const std::map<std::string, std::string> inputs{
        {"old.path", options.old_path},
        {"old.features", std::to_string(old_wards.features)},
        {"old.geometry_sha256", geo::geometry_sha256(old_wards, context)},
        {"new.path", options.new_path},
        {"new.features", std::to_string(new_wards.features)},
        {"new.geometry_sha256", geo::geometry_sha256(new_wards, context)},
        {"crs", working.description},
        {"min_piece_m2", notional::fixed(options.overlay.min_piece_m2, 6)},
        {"noise_width_m", notional::fixed(options.overlay.noise_width_m, 6)},
        {"weights", options.weights ? options.weights->path + " " + options.weights->field
                                    : std::string("none")}};
    std::string crosswalk_fate;  // for the summary
    if (reload) {
        std::map<std::string, std::string> recorded;
        seeds = report::read_seeds(*options.crosswalk_path, old_wards.codes, new_wards.codes,
                                   &recorded);
        const std::string differences = input_differences(recorded, inputs);
        if (differences.empty()) {
            crosswalk_fate =
                "reloaded from " + *options.crosswalk_path + ", measured on these inputs";
        } else if (options.crosswalk_update) {
            reload = false;
            seeds.clear();
            crosswalk_fate = "measured again and saved to " + *options.crosswalk_path +
                             " (--crosswalk-update): " + differences;
        } else {
            throw DataError(*options.crosswalk_path + ": measured on other inputs than these (" +
                            differences +
                            "); give --crosswalk-update to measure again, or drop --crosswalk");
        }
    }
    if (!reload) {
        overlay = geo::overlay(old_wards, new_wards, options.overlay, context,
                               terminal_progress("overlay"));
        if (weight_layer) {
            weighting = geo::weigh(*overlay, old_wards, *weight_layer, context,
                                   terminal_progress("weights"));
            seeds.push_back({weight_layer->name, weighting->pieces, weighting->old_weight,
                             weighting->old_sliver, weighting->old_gap});
        }
        seeds.push_back({"area", overlay->pieces, old_wards.areas_m2, overlay->old_sliver_m2,
                         overlay->old_gap_m2});
    }
    const auto area_seed = std::find_if(seeds.begin(), seeds.end(),
                                        [](const auto& seed) { return seed.name == "area"; });
    if (area_seed == seeds.end()) {
        throw DataError(*options.crosswalk_path + ": no area crosswalk in the file");
    }

    // A ward whose GSS code is on both maps and whose shapes coincide is one ward drawn twice.
    model::CrosswalkOptions crosswalk_options;
    crosswalk_options.max_uncovered = options.max_uncovered;
    model::SameWards same;
    if (options.code_match) {
        same = model::same_wards(*area_seed, old_wards.codes, new_wards.codes);
        crosswalk_options.same = same.same;
    }

    // The crosswalks of the ensemble, the best first: weights before area, raked to known
    // electorates before not (METHOD.md §4). The chosen one carries the votes; the others give
    // the ranges and the verdicts.
    std::vector<std::pair<std::string, model::Crosswalk>> crosswalks;
    std::vector<std::pair<std::string, model::RakeReport>> rakings;
    for (const model::CrosswalkSeed& seed : seeds) {
        model::Crosswalk plain(new_wards.size(), seed.pieces, seed.old_weight, seed.old_sliver,
                               seed.old_gap, crosswalk_options);
        if (new_electorate) {
            model::RakeReport report;
            const auto raked =
                model::rake_pieces(plain.pieces(), old_wards.size(), new_wards.size(),
                                   *new_electorate, old_electorate, rake_options, report);
            crosswalks.emplace_back(
                seed.name + "+raked",
                model::Crosswalk(new_wards.size(), raked, seed.old_weight, seed.old_sliver,
                                 seed.old_gap, crosswalk_options));
            rakings.emplace_back(seed.name + "+raked", report);
        }
        crosswalks.emplace_back(seed.name, std::move(plain));
    }
    // The chosen one is the first that is not a raking that did not converge: such a fit joins
    // the ensemble but never carries the votes. Roles go by name, never by position.
    auto converged = [&](const std::string& name) {
        return std::none_of(rakings.begin(), rakings.end(), [&](const auto& raking) {
            return raking.first == name && !raking.second.converged;
        });
    };
    const auto chosen = std::find_if(crosswalks.begin(), crosswalks.end(),
                                     [&](const auto& entry) { return converged(entry.first); });
    std::rotate(crosswalks.begin(), chosen, chosen + 1);  // the chosen first, the rest in order
    const model::Crosswalk& crosswalk = crosswalks.front().second;
    const model::Crosswalk& by_area =
        std::find_if(crosswalks.begin(), crosswalks.end(), [](const auto& entry) {
            return entry.first == "area";
        })->second;

    std::vector<model::Notional> notionals;  // one per crosswalk, the chosen first
    if (election) {
        for (const auto& [name, candidate] : crosswalks) {
            notionals.push_back(
                model::redistribute(*election, matched, candidate, options.redistribute));
        }
    }
    const model::Notional* notional = notionals.empty() ? nullptr : &notionals.front();
    if (notional) {
        model::check_lost(*notional, *election, matched, crosswalk, crosswalks.front().first,
                          options.redistribute.max_lost);
    }
    const auto honesty = model::assess(crosswalk, notional);
    std::optional<std::vector<model::WardSeats>> seats;  // the chosen crosswalk and rule
    std::optional<model::NotionalBase> base;
    double rounded_kept = 0.0, rounded_lost = 0.0;  // whole votes, for the summary
    if (notional) {
        std::vector<double> lost_by_party;
        const model::Sparse rounded = model::rounded_votes(*notional, crosswalk, lost_by_party);
        rounded_kept = rounded.sum();
        for (const double votes : lost_by_party) rounded_lost += votes;
        // The chosen rule first, then every other rule, for the comparer's verdicts.
        std::vector<model::SeatMethod> methods{options.seats.method};
        for (auto method : {model::SeatMethod::rank_slot, model::SeatMethod::block,
                            model::SeatMethod::block_top, model::SeatMethod::continuity}) {
            if (method != options.seats.method) methods.push_back(method);
        }
        std::vector<model::Run> runs;
        for (std::size_t i = 0; i < crosswalks.size(); ++i) {
            model::Run run{crosswalks[i].first, &notionals[i], {}};
            for (const auto method :
                 seats_of_new.empty() ? std::vector<model::SeatMethod>{} : methods) {
                model::SeatOptions rule = options.seats;
                rule.method = method;
                run.seats.push_back({model::to_string(method),
                                     model::notional_seats(notionals[i], crosswalks[i].second,
                                                           seats_of_new, rule)});
            }
            runs.push_back(std::move(run));
        }
        if (!runs.front().seats.empty()) seats = runs.front().seats.front().seats;
        base = model::make_base(new_wards.codes, new_wards.names, runs, honesty, rounded);
    }

    // Outputs, renamed into place together at the end.
    outputs.write_text("crosswalk.csv",
                       report::crosswalk_csv(old_names, new_names, crosswalk, by_area));
    outputs.write_text("ledger.csv", report::ledger_csv(old_names, crosswalk, by_area, notional));
    std::optional<model::NotionalBase> written_base;  // as notional.csv has it, to the digit
    if (base) {
        const std::string text = report::base_csv(*base);
        outputs.write_text("notional.csv", text);
        outputs.write_text("council.csv", report::council_csv(*base, *notional));
        // The comparison reads the base as written, as `notional compare` does later: the two
        // agree to the digit.
        written_base = report::parse_base(text, "notional.csv");
        written_base->old_seats = base->old_seats;
    }
    std::optional<model::Comparison> comparison;
    if (actual) {
        comparison = model::compare(
            *written_base, *actual,
            options.share_top ? model::ShareConvention::top : model::ShareConvention::total,
            options.seats.knife_edge_pct);
        write_comparison(outputs, *comparison, new_wards,
                         "Notional " + election->path.stem().string() + " against actual " +
                             actual->path.stem().string(),
                         context);
    }
    const auto order = model::order_by_code(new_wards.codes);
    outputs.write_text("notional.geojson",
                       geo::geojson_text("notional", new_wards, order,
                                         ward_columns(order, new_wards, old_wards, honesty,
                                                      notional, seats ? &*seats : nullptr),
                                         context));
    if (overlay) {
        write_uncovered(outputs, *overlay, old_wards, crosswalk, notional,
                        options.overlay.min_piece_m2, context);
    }
    if (options.crosswalk_path && !reload) {
        // Saved with the outputs, all or nothing.
        outputs.write_file(*options.crosswalk_path,
                           report::seeds_csv(seeds, old_wards.codes, new_wards.codes, inputs));
        if (crosswalk_fate.empty())
            crosswalk_fate = "measured and saved to " + *options.crosswalk_path;
    }
    const auto written = outputs.commit();

    // Summary.
    std::ostringstream out;
    auto fields = [](const geo::SourceLayer& source) {
        return source.key_field() + (source.name_field().empty() ? "" : ", " + source.name_field());
    };
    out << "old wards    " << old_wards.size() << " from " << old_wards.label << " ("
        << fields(old_source) << "), " << old_wards.repaired << " repaired\n";
    out << "new wards    " << new_wards.size() << " from " << new_wards.label << " ("
        << fields(new_source) << "), " << new_wards.repaired << " repaired\n";
    out << "CRS          " << working.description << "\n";
    if (!crosswalk_fate.empty()) out << "saved        crosswalks " << crosswalk_fate << "\n";
    if (reload) {
        out << "overlay      none: the crosswalks were reloaded from " << *options.crosswalk_path
            << "\n";
    } else {
        double sliver_m2 = 0.0;
        for (double m2 : overlay->old_sliver_m2) sliver_m2 += m2;
        out << "overlay      " << overlay->pieces.size() << " pieces (" << overlay->whole
            << " whole, " << overlay->intersections << " intersected); " << overlay->slivers
            << " slivers under " << notional::fixed(options.overlay.min_piece_m2, 1)
            << " m² dropped (" << notional::fixed(sliver_m2, 2) << " m²); " << overlay->noise
            << " boundary-noise pieces given to their old ward's main successor\n";
    }
    out << outline_summary(by_area, old_wards, overlay ? &*overlay : nullptr,
                           options.max_uncovered);
    if (options.code_match) {
        out << "same wards   " << same.same.size()
            << " wards drawn twice (a code on both maps, shapes that coincide) carried whole";
        if (!same.disagree.empty()) {
            out << "; " << same.disagree.size()
                << " codes on both maps whose shapes disagree, not trusted:";
            for (const auto& [o, n] : same.disagree) out << " " << old_wards.codes[o];
        }
        out << "\n";
    }
    if (weighting) {
        out << "weights      " << weight_layer->name << ": " << weight_layer->shapes.size()
            << (weight_layer->points ? " points" : " small areas") << " from "
            << weight_layer->label << "; " << weighting->outside_features << " of them ("
            << notional::fixed(weighting->outside_weight, 0) << ") outside every old ward";
        if (weight_layer->without_count) {
            out << ", " << weight_layer->without_count << " without a count in the table";
        }
        out << "; " << weighting->zero_pieces << " pieces of no weight; "
            << weighting->area_fallback
            << " old wards of no weight use area (at the weights' mean density)\n";
        std::vector<std::pair<double, std::size_t>> partly;
        for (std::size_t o = 0; o < old_wards.size(); ++o) {
            const double coverage = weighting->old_coverage[o];
            if (coverage > 0.0 && coverage < 0.95) partly.emplace_back(coverage, o);
        }
        if (!partly.empty()) {
            std::sort(partly.begin(), partly.end());
            out << "             " << partly.size()
                << " old wards the weights cover less than 95% of count the rest by area at "
                   "their own density:";
            for (std::size_t i = 0; i < std::min<std::size_t>(8, partly.size()); ++i) {
                const std::size_t o = partly[i].second;
                out << (i ? ", " : " ") << old_wards.names[o] << " " << percent(partly[i].first, 1);
            }
            if (partly.size() > 8) out << " and " << partly.size() - 8 << " more";
            out << "\n";
        }
    }
    for (const auto& [name, report] : rakings) {
        char error[32];
        std::snprintf(error, sizeof error, "%.1e", report.max_error);
        out << "raking       " << name << ": "
            << (report.converged ? "converged" : "did NOT converge") << " in " << report.iterations
            << " passes (largest margin error " << error << "); " << report.structural_zeros
            << " structural zeros";
        if (!report.impossible_new.empty()) {
            out << "; new wards no old ward reaches:";
            for (const auto n : report.impossible_new) out << " " << new_wards.codes[n];
        }
        if (!report.impossible_old.empty()) {
            out << "; old wards with electors but no piece:";
            for (const auto o : report.impossible_old) out << " " << old_wards.codes[o];
        }
        out << "\n";
    }
    out << "crosswalk    " << crosswalks.front().first << " (chosen)";
    for (std::size_t i = 1; i < crosswalks.size(); ++i) out << ", " << crosswalks[i].first;
    out << "\n";
    if (!council_report.kept.empty()) {
        out << "councils     " << join(council_report.kept) << " (--council), in every input\n";
    }
    for (const auto& [results, skipped] :
         {std::pair{election ? &*election : nullptr, &skipped_old},
          std::pair{actual ? &*actual : nullptr, &skipped_actual}}) {
        if (!results) continue;
        if (!results->skipped_rows.empty()) {
            std::size_t rows = 0;
            for (const auto& [kind, count] : results->skipped_rows) rows += count;
            out << "skipped      " << rows << " rows of " << results->path.string()
                << " that are no local ward ballot (" << skipped_text(results->skipped_rows)
                << ")\n";
        }
        if (!skipped->empty()) {
            out << "skipped      " << skipped->size() << " councils of " << results->path.string()
                << " with no ward on the map (wards): " << skipped_text(*skipped) << "\n";
        }
    }
    std::string unreached;
    std::size_t unreached_count = 0;
    for (const std::size_t n : model::order_by_code(new_wards.codes)) {
        if (!honesty[n].sources.empty()) continue;
        ++unreached_count;
        unreached += " " + new_wards.codes[n];
    }
    if (unreached_count) {
        out << "unreached    " << unreached_count
            << " new wards no old ward's weight reaches (zero votes, reached false):" << unreached
            << "\n";
    }
    std::map<std::string, int> classes;
    for (const auto& ward : honesty) ++classes[model::to_string(ward.change)];
    out << "change       ";
    for (const char* name : {"unchanged", "minor", "major", "new"}) {
        out << (classes.count(name) ? classes[name] : 0) << " " << name
            << (std::string(name) == "new" ? "\n" : ", ");
    }
    if (election) {
        std::size_t candidates = 0;
        int old_seats = 0;
        for (const auto& ward : election->wards) {
            candidates += ward.candidates.size();
            old_seats += ward.seats.value_or(0);
        }
        out << "results      " << candidates << " candidates in " << election->wards.size()
            << " wards, " << old_seats << " seats, from " << election->path.string() << " ("
            << model::to_string(election->format) << ")";
        if (notional->uncontested_old) out << "; " << notional->uncontested_old << " uncontested";
        std::size_t partial = 0;
        for (bool p : notional->partial) partial += p ? 1 : 0;
        if (partial) out << "; " << partial << " new wards partial (votes unknown in part)";
        // Old wards the results do not name: their votes are unknown, never zero.
        std::vector<bool> has_result(old_wards.size(), false);
        for (const std::size_t o : matched) has_result[o] = true;
        std::vector<std::string> missing, partial_wards;
        for (const std::size_t o : model::order_by_code(old_wards.codes)) {
            if (!has_result[o])
                missing.push_back(old_wards.names[o] + " (" + old_wards.codes[o] + ")");
        }
        for (const std::size_t n : model::order_by_code(new_wards.codes)) {
            if (notional->partial[n]) {
                partial_wards.push_back(new_wards.names[n] + " (" + new_wards.codes[n] + ")");
            }
        }
        if (!missing.empty()) {
            out << "\nno results   " << missing.size()
                << " old wards have no results in the file: " << listing(missing, 10)
                << "; the new wards they feed are partial: "
                << (partial_wards.empty() ? "none" : listing(partial_wards, 10));
        }
        for (const auto* near : {&near_old, &near_actual}) {
            if (near->empty()) continue;
            out << "\nnear names   " << near->size()
                << " wards matched by a name one letter away: " << listing(*near, 10);
        }
        int width = 5;  // wide enough for "party" and the longest code
        for (const auto& entry : notional->ledger) {
            width = std::max(width, static_cast<int>(entry.party.size()));
        }
        const auto totals = seats ? model::council_totals(*seats) : std::map<std::string, int>{};
        std::map<std::string, int> won_before;
        for (const auto& winners : notional->old.winners) {
            for (const auto& party : winners) ++won_before[party];
        }
        char line[256];
        std::snprintf(line, sizeof line, "\n\n  %-*s %6s %8s %12s %14s %12s %10s %12s\n", width,
                      "party", "seats", "notional", "old votes", "new votes", "lost sliver",
                      "lost gap", "lost outside");
        out << line;
        model::PartyLedger sum;
        int seats_sum = 0, notional_sum = 0;
        double worst = 0.0;
        auto print = [&](const model::PartyLedger& entry, int before, const std::string& after) {
            std::snprintf(line, sizeof line, "  %-*s %6d %8s %12.0f %14.4f %12.4f %10.4f %12.4f\n",
                          width, entry.party.c_str(), before, after.c_str(), entry.old_votes,
                          entry.new_votes, entry.lost_sliver, entry.lost_gap, entry.lost_outside);
            out << line;
        };
        for (const auto& entry : notional->ledger) {
            const int before = won_before.count(entry.party) ? won_before[entry.party] : 0;
            const int after = totals.count(entry.party) ? totals.at(entry.party) : 0;
            print(entry, before, seats ? std::to_string(after) : "-");
            seats_sum += before;
            notional_sum += after;
            sum.old_votes += entry.old_votes;
            sum.new_votes += entry.new_votes;
            sum.lost_sliver += entry.lost_sliver;
            sum.lost_gap += entry.lost_gap;
            sum.lost_outside += entry.lost_outside;
            worst = std::max(worst, entry.imbalance());
        }
        sum.party = "all";
        print(sum, seats_sum, seats ? std::to_string(notional_sum) : "-");
        char imbalance[32];
        std::snprintf(imbalance, sizeof imbalance, "%.1e", worst);
        out << "\nconservation new + lost = old for every party (largest relative difference "
            << imbalance << ", tolerance 1e-9)\n";
        out << "lost         " << notional::fixed(notional->lost_total(), 4) << " votes ("
            << percent(notional->lost_total() / std::max(1.0, notional->old_total()), 4)
            << "), tolerance " << percent(options.redistribute.max_lost) << "\n";
        out << "rounded      " << notional::fixed(rounded_kept, 0)
            << " whole votes in the new wards + " << notional::fixed(rounded_lost, 0)
            << " lost = " << notional::fixed(notional->old_total(), 0) << " (votes_rounded)\n";
        if (seats) {
            std::size_t knife = 0, ties = 0, continuity = 0, carried = 0, unknown = 0;
            for (const auto& ward : *seats) {
                knife += ward.knife_edge ? 1 : 0;
                ties += ward.tie ? 1 : 0;
                continuity += ward.continuity ? 1 : 0;
                carried += ward.carried ? 1 : 0;
                unknown += ward.unknown ? 1 : 0;
            }
            out << "seats        " << notional_sum << " notional seats by "
                << model::to_string(options.seats.method);
            if (options.seats.method == model::SeatMethod::continuity) {
                out << " (" << continuity << " wards by continuity, the rest rank-slot)";
            }
            out << "; " << knife << " knife-edge, " << ties << " decided by a tie";
            if (carried) out << ", " << carried << " carried from uncontested wards";
            if (unknown) out << ", " << unknown << " unknown";
            out << "\n";
        } else {
            out << "seats        no seats for the new wards (--new-seats or --new-seats-field): "
                   "votes only\n";
        }
    }
    if (parties) out << party_summary(*parties, party_labels);
    if (comparison) out << comparison_summary(*comparison);
    out << "\noutputs";
    for (const auto& path : written) out << "\n  " << path.string();
    out << "\n";
    std::cout << out.str();
}

}  // namespace notional::cli
