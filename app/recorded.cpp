#include "app/recorded.hpp"

#include "core/csv.hpp"
#include "geo/layer.hpp"

namespace notional::app {

std::map<std::string, std::string> measured_on(const JobOptions& options, const JobResult& result,
                                               geo::GeosContext& context) {
    return {{"old.path", options.old_path},
            {"old.features", std::to_string(result.old_wards.features)},
            {"old.geometry_sha256", geo::geometry_sha256(result.old_wards, context)},
            {"new.path", options.new_path},
            {"new.features", std::to_string(result.new_wards.features)},
            {"new.geometry_sha256", geo::geometry_sha256(result.new_wards, context)},
            {"crs", result.crs},
            {"min_piece_m2", fixed(options.overlay.min_piece_m2, 6)},
            {"noise_width_m", fixed(options.overlay.noise_width_m, 6)},
            {"weights", options.weights ? options.weights->path + " " + options.weights->field
                                        : std::string("none")}};
}

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
        text += text.empty() ? "" : "; ";
        text.append(key).append(" ");
        if (hash) {
            text += "differs: other shapes (another drawing, another filter)";
        } else {
            text.append("was ").append(before).append(", is ").append(value);
        }
    }
    return text;
}

}  // namespace notional::app
