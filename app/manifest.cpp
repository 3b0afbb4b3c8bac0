#include "app/manifest.hpp"

#include <cstdint>
#include <utility>

#include "core/json.hpp"
#include "core/sha256.hpp"

namespace notional::app {

namespace {

/// One input file: its path as given, size and digest. A path that is no regular file (a
/// directory such as a FileGDB, a GDAL /vsi path) is listed without them.
void file_entry(JsonWriter& json, const std::string& path) {
    json.member("path", path);
    std::error_code error;
    if (!std::filesystem::is_regular_file(path, error)) {
        json.key("bytes").null().key("sha256").null();
        return;
    }
    std::uintmax_t size = 0;
    const std::string digest = sha256_file(path, size);
    json.member("bytes", size).member("sha256", digest);
}

/// An input by its role. A Shapefile is several files: the .shp is digested as the input, and
/// each sidecar beside it (.dbf, .shx, .prj, .cpg) is digested too, for the attributes and the
/// CRS live there.
void input(JsonWriter& json, const std::string& role, const std::string& path) {
    json.begin_object().member("role", role);
    file_entry(json, path);
    std::filesystem::path shp = path;
    if (shp.extension() == ".shp" || shp.extension() == ".SHP") {
        json.key("sidecars").begin_array();
        for (const char* extension : {".dbf", ".shx", ".prj", ".cpg"}) {
            auto sidecar = shp;
            sidecar.replace_extension(extension);
            std::error_code error;
            if (!std::filesystem::exists(sidecar, error)) continue;
            json.begin_object();
            file_entry(json, sidecar.string());
            json.end_object();
        }
        json.end_array();
    }
    json.end_object();
}

void optional_input(JsonWriter& json, const std::string& role,
                    const std::optional<std::string>& path) {
    if (path) input(json, role, *path);
}

void job_inputs(JsonWriter& json, const JobOptions& options, const JobResult& result) {
    json.key("inputs").begin_array();
    input(json, "old", options.old_path);
    input(json, "new", options.new_path);
    optional_input(json, "results", options.results_path);
    optional_input(json, "results-wards", options.results_wards_path);
    optional_input(json, "actual", options.actual_path);
    optional_input(json, "actual-wards", options.actual_wards_path);
    optional_input(json, "new-seats", options.new_seats_path);
    optional_input(json, "party-alias", options.party_alias_path);
    if (options.weights) {
        input(json, "weights", options.weights->path);
        if (!options.weights->table.empty()) {
            input(json, "weights-table", options.weights->table);
        }
    }
    for (const SupportOptions& support : options.supports) {
        input(json, "support", support.layer_path);
        input(json, "support-results", support.results_path);
        optional_input(json, "support-wards", support.wards_path);
    }
    optional_input(json, "new-electorate", options.new_electorate_path);
    optional_input(json, "old-electorate", options.old_electorate_path);
    // A crosswalk measured in this run is an output, not an input.
    if (result.reloaded) optional_input(json, "crosswalk", options.crosswalk_path);
    json.end_array();
}

void layer_options(JsonWriter& json, const std::string& name, const geo::LayerOptions& layer) {
    json.key(name)
        .begin_object()
        .member("layer", layer.layer)
        .member("key_field", layer.key_field)
        .member("name_field", layer.name_field)
        .member("seats_field", layer.seats_field)
        .member("council_field", layer.council_field)
        .member("where", layer.where)
        .end_object();
}

void job_options(JsonWriter& json, const JobOptions& options) {
    json.key("options").begin_object();
    layer_options(json, "old_layer", options.old_layer);
    layer_options(json, "new_layer", options.new_layer);
    json.key("councils").strings(options.councils);
    json.member("crs", options.crs.crs).member("assume_crs", options.crs.assume_crs);
    json.member("results_format", model::to_string(options.results_format))
        .member("actual_format", model::to_string(options.actual_format));
    json.member("min_piece_m2", options.overlay.min_piece_m2)
        .member("noise_width_m", options.overlay.noise_width_m)
        .member("threads", options.overlay.threads)
        .member("overlay",
                options.overlay.method == geo::OverlayMethod::measure ? "measure" : "geos")
        .member("max_lost", options.redistribute.max_lost)
        .member("max_uncovered", options.max_uncovered)
        .member("code_match", options.code_match)
        .member("split_independents", options.redistribute.split_independents)
        .member("seat_method", model::to_string(options.seats.method))
        .member("knife_edge_margin", options.seats.knife_edge_pct / 100.0)
        .member("share_convention", options.share_top ? "top" : "total")
        .member("crosswalk_update", options.crosswalk_update)
        .member("geojson", options.geojson);
    json.key("weights");
    if (options.weights) {
        const geo::WeightOptions& w = *options.weights;
        json.begin_object()
            .member("field", w.field)
            .member("layer", w.layer)
            .member("table_key", w.table_key)
            .member("layer_key", w.layer_key)
            .member("crs", w.crs)
            .member("name", w.name)
            .key("filters")
            .strings(w.filters)
            .end_object();
    } else {
        json.null();
    }
    json.end_object();
}

/// The head every manifest starts with: the tool, its version and the command line.
void head(JsonWriter& json, const std::vector<std::string>& command_line) {
    json.begin_object().member("tool", "notional").member("version", NOTIONAL_VERSION);
    json.key("command_line").strings(command_line);
}

/// The outputs by file name where they are in the output directory, else by path.
void outputs_list(JsonWriter& json, const std::vector<std::filesystem::path>& outputs,
                  const std::filesystem::path& directory) {
    // As StagedOutputs names them: the directory joined with the file's name.
    const auto inside = (directory / "manifest.json").parent_path();
    json.key("outputs").begin_array();
    for (const auto& path : outputs) {
        json.value(path.parent_path() == inside ? path.filename().string() : path.string());
    }
    json.end_array();
}

}  // namespace

std::string job_manifest(const JobOptions& options, const JobResult& result,
                         const std::vector<std::filesystem::path>& outputs) {
    JsonWriter json;
    head(json, options.command_line);
    job_inputs(json, options, result);
    json.member("crs", result.crs);
    job_options(json, options);
    json.member("crosswalk", result.crosswalks.front().first).key("seat_rule");
    if (result.seats) {
        json.value(model::to_string(options.seats.method));
    } else {
        json.null();  // no seats for the new wards: votes only
    }
    outputs_list(json, outputs, options.output_dir);
    return json.end_object().text();
}

std::string compare_manifest(const CompareOptions& options, const CompareResult& result,
                             const std::vector<std::filesystem::path>& outputs) {
    JsonWriter json;
    head(json, options.command_line);
    json.key("inputs").begin_array();
    input(json, "notional", result.base.string());
    input(json, "notional-geojson", (result.base.parent_path() / "notional.geojson").string());
    input(json, "actual", options.actual_path);
    optional_input(json, "actual-wards", options.actual_wards_path);
    optional_input(json, "party-alias", options.party_alias_path);
    json.end_array();
    json.key("options")
        .begin_object()
        .member("actual_format", model::to_string(options.actual_format))
        .member("knife_edge_margin", options.knife_edge_pct / 100.0)
        .member("share_convention",
                options.convention == model::ShareConvention::top ? "top" : "total")
        .end_object();
    outputs_list(json, outputs, options.output_dir);
    return json.end_object().text();
}

}  // namespace notional::app
