#include "app/manifest.hpp"

#include <cstdint>
#include <utility>

#include "core/json.hpp"
#include "core/parallel.hpp"
#include "core/sha256.hpp"

namespace notional::app {

namespace {

/// The input files by role, in the order the manifest lists them.
class Inputs {
public:
    void add(const std::string& role, const std::string& path) {
        m_inputs.emplace_back(role, path);
    }
    void add(const std::string& role, const std::optional<std::string>& path) {
        if (path) add(role, *path);
    }

    /// The "inputs" array: each input's path as given, size and digest. A Shapefile is several
    /// files: the .shp is digested as the input, and each sidecar beside it (.dbf, .shx, .prj,
    /// .cpg) too, for the attributes and the CRS live there. A path that is no regular file (a
    /// directory such as a FileGDB, a GDAL /vsi path) is listed without them. The files are
    /// digested on every core: the inputs of a large run are gigabytes.
    void write(JsonWriter& json) const {
        std::vector<std::vector<std::string>> files;  // per input, its path and its sidecars'
        std::vector<std::string> all;
        for (const auto& [role, path] : m_inputs) {
            files.push_back({path});
            if (is_shapefile(path)) {
                for (const char* extension : {".dbf", ".shx", ".prj", ".cpg"}) {
                    std::filesystem::path sidecar = path;
                    sidecar.replace_extension(extension);
                    std::error_code error;
                    if (std::filesystem::exists(sidecar, error)) {
                        files.back().push_back(sidecar.string());
                    }
                }
            }
            all.insert(all.end(), files.back().begin(), files.back().end());
        }
        std::vector<Digest> digests(all.size());
        for_each_index(all.size(), thread_count(0, all.size()),
                       [&](std::size_t, std::size_t i) { digests[i] = digest_of(all[i]); });
        json.key("inputs").begin_array();
        std::size_t next = 0;
        for (std::size_t i = 0; i < m_inputs.size(); ++i) {
            json.begin_object().member("role", m_inputs[i].first);
            entry(json, files[i].front(), digests[next++]);
            if (is_shapefile(files[i].front())) {
                json.key("sidecars").begin_array();
                for (std::size_t s = 1; s < files[i].size(); ++s) {
                    json.begin_object();
                    entry(json, files[i][s], digests[next++]);
                    json.end_object();
                }
                json.end_array();
            }
            json.end_object();
        }
        json.end_array();
    }

private:
    struct Digest {
        bool file = false;  ///< false: no regular file, listed without size and digest
        std::uintmax_t bytes = 0;
        std::string sha256;
    };

    static Digest digest_of(const std::string& path) {
        Digest digest;
        std::error_code error;
        if (!std::filesystem::is_regular_file(path, error)) return digest;
        digest.file = true;
        digest.sha256 = sha256_file(path, digest.bytes);
        return digest;
    }

    static bool is_shapefile(const std::filesystem::path& path) {
        return path.extension() == ".shp" || path.extension() == ".SHP";
    }

    static void entry(JsonWriter& json, const std::string& path, const Digest& digest) {
        json.member("path", path);
        if (!digest.file) {
            json.key("bytes").null().key("sha256").null();
        } else {
            json.member("bytes", digest.bytes).member("sha256", digest.sha256);
        }
    }

    std::vector<std::pair<std::string, std::string>> m_inputs;  // (role, path)
};

void job_inputs(JsonWriter& json, const JobOptions& options, const JobResult& result) {
    Inputs inputs;
    inputs.add("old", options.old_path);
    inputs.add("new", options.new_path);
    inputs.add("results", options.results_path);
    inputs.add("results-wards", options.results_wards_path);
    inputs.add("actual", options.actual_path);
    inputs.add("actual-wards", options.actual_wards_path);
    inputs.add("new-seats", options.new_seats_path);
    inputs.add("party-alias", options.party_alias_path);
    if (options.weights) {
        inputs.add("weights", options.weights->path);
        if (!options.weights->table.empty()) inputs.add("weights-table", options.weights->table);
    }
    for (const SupportOptions& support : options.supports) {
        inputs.add("support", support.layer_path);
        inputs.add("support-results", support.results_path);
        inputs.add("support-wards", support.wards_path);
    }
    inputs.add("new-electorate", options.new_electorate_path);
    inputs.add("old-electorate", options.old_electorate_path);
    // A crosswalk measured in this run is an output, not an input.
    if (result.reloaded) inputs.add("crosswalk", options.crosswalk_path);
    inputs.write(json);
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
    Inputs inputs;
    inputs.add("notional", result.base.string());
    inputs.add("notional-geojson", (result.base.parent_path() / "notional.geojson").string());
    inputs.add("actual", options.actual_path);
    inputs.add("actual-wards", options.actual_wards_path);
    inputs.add("party-alias", options.party_alias_path);
    inputs.write(json);
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
