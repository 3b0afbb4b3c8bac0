#include "app/compare.hpp"

#include "app/manifest.hpp"
#include "app/write.hpp"
#include "core/error.hpp"
#include "core/outputs.hpp"
#include "geo/layer.hpp"
#include "model/councils.hpp"
#include "report/notional_csv.hpp"
#include "report/party_aliases.hpp"
#include "report/results_formats.hpp"
#include "report/tables.hpp"

namespace notional::app {

namespace {

/// The base's notional.csv: the path given, or the notional.csv in the directory given.
std::filesystem::path base_file(const std::string& given) {
    std::filesystem::path csv = given;
    if (!std::filesystem::exists(csv)) {
        throw IoError(csv.string() +
                      ": no notional base here (a directory written by notional, "
                      "holding notional.csv, or that notional.csv)");
    }
    if (std::filesystem::is_directory(csv)) csv /= "notional.csv";
    return csv;
}

/// The base's wards as a layer: notional.geojson beside notional.csv, its shapes as written.
geo::Layer base_wards(const std::filesystem::path& csv, geo::GeosContext& context) {
    geo::LayerOptions fields;
    fields.key_field = "ward_code";
    fields.name_field = "ward_name";
    fields.as_written = true;
    fields.only_fields = {fields.key_field, fields.name_field};
    const std::filesystem::path map = csv.parent_path() / "notional.geojson";
    if (!std::filesystem::exists(map)) {
        throw DataError(map.string() +
                        ": absent beside the base (made with --no-geojson?); the comparison maps "
                        "the base's wards: make the base again without --no-geojson");
    }
    const geo::SourceLayer source(map, fields);
    const geo::CrsOptions crs;
    return geo::read_layer(source, crs, geo::choose_crs(source, source, crs), context);
}

/// The actual election's parties given the base's codes; an alias may not join two of the
/// base's parties, which were made one when it was written.
model::PartyUnification unify_with_base(const model::NotionalBase& base, model::Election& actual,
                                        const CompareOptions& options,
                                        const std::filesystem::path& csv) {
    model::PartyTable base_parties{"base", base.party_names, {}};
    for (const auto& [code, name] : base.party_names) base_parties.spellings[code].insert(name);
    auto parties = model::unify_parties({base_parties, model::party_table(actual, "actual")},
                                        options.party_alias_path
                                            ? report::read_party_aliases(*options.party_alias_path)
                                            : std::vector<model::PartyAlias>{});
    if (!parties.renames[0].empty()) {
        throw DataError(csv.string() + ": parties " + parties.renames[0].begin()->first + " and " +
                            parties.renames[0].begin()->second +
                            " of the base are one party; make the base again with them as one",
                        {Setting::party_alias});
    }
    model::apply_parties(actual, parties, 1);
    return parties;
}

}  // namespace

CompareResult run_compare(const CompareOptions& options) {
    const std::filesystem::path csv = base_file(options.notional_path);
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
    StagedOutputs outputs(out_dir);
    outputs.claim(
        {"comparison.csv", "comparison.geojson", "report.md", "report.html", "manifest.json"},
        options.overwrite);

    const model::NotionalBase base = report::read_base(csv);
    if (base.variants.empty()) {
        throw DataError(csv.string() +
                            ": the base has no notional seats (it was made without the new wards' "
                            "seats); make it again with them",
                        {Setting::new_seats});
    }
    geo::GeosContext context;
    const geo::Layer wards = base_wards(csv, context);
    std::optional<std::filesystem::path> ward_stats;
    if (options.actual_wards_path) ward_stats = *options.actual_wards_path;
    CompareResult result{
        csv,
        report::read_results(options.actual_path, options.actual_format, ward_stats,
                             {Setting::actual_format, Setting::actual_wards}),
        {},
        {},
        {},
        {}};
    // A file of many councils against a base of some: the others' wards are skipped.
    model::Councils councils;
    for (const auto& ward : result.actual.wards) councils.add(ward.council_code, ward.council_name);
    std::vector<std::string> codes;
    std::vector<std::string> names;
    for (const auto& ward : base.wards) {
        codes.push_back(ward.code);
        names.push_back(ward.name);
    }
    result.skipped =
        model::keep_councils_on_map(result.actual, councils, {codes, names, csv.string()});
    result.parties = unify_with_base(base, result.actual, options, csv);
    result.comparison =
        model::compare(base, result.actual, options.convention, options.knife_edge_pct);
    const geo::LonLatVertices lon_lat(wards);
    write_comparison(outputs, result.comparison, wards, &lon_lat,
                     "Notional base " + csv.parent_path().filename().string() + " against actual " +
                         result.actual.path.stem().string(),
                     run_colours(&base, &result.comparison),
                     {result.actual.general, report::saved_sources(csv.parent_path())}, context);
    auto manifest = outputs.staged();
    manifest.push_back(out_dir / "manifest.json");
    outputs.write_text("manifest.json", compare_manifest(options, result, manifest));
    result.written = outputs.commit();
    return result;
}

}  // namespace notional::app
