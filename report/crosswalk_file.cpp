#include "report/crosswalk_file.hpp"

#include <cstdio>
#include <unordered_map>

#include "core/csv.hpp"
#include "core/error.hpp"
#include "core/text.hpp"

namespace notional::report {

namespace {

std::string exact(double value) {
    char text[40];
    std::snprintf(text, sizeof text, "%.17g", value);
    return text;
}

}  // namespace

std::string seeds_csv(const std::vector<CrosswalkSeed>& seeds,
                      const std::vector<std::string>& old_codes,
                      const std::vector<std::string>& new_codes,
                      const std::map<std::string, std::string>& inputs) {
    std::string text = csv_row({"kind", "crosswalk", "old_code", "new_code", "weight", "noise"});
    for (const auto& [key, value] : inputs) append_csv_row(text, {"input", key, value, "", "", ""});
    for (const auto& seed : seeds) {
        for (std::size_t o = 0; o < old_codes.size(); ++o) {
            append_csv_row(text,
                           {"old", seed.name, old_codes[o], "", exact(seed.old_weight[o]), ""});
            if (seed.old_sliver[o] > 0.0) {
                append_csv_row(
                    text, {"sliver", seed.name, old_codes[o], "", exact(seed.old_sliver[o]), ""});
            }
            if (!seed.old_gap.empty() && seed.old_gap[o] > 0.0) {
                append_csv_row(text,
                               {"gap", seed.name, old_codes[o], "", exact(seed.old_gap[o]), ""});
            }
        }
        for (const auto& piece : seed.pieces) {
            append_csv_row(
                text, {"piece", seed.name, old_codes[piece.old_index], new_codes[piece.new_index],
                       exact(piece.weight), piece.noise ? "1" : "0"});
        }
    }
    return text;
}

std::vector<CrosswalkSeed> read_seeds(const std::filesystem::path& path,
                                      const std::vector<std::string>& old_codes,
                                      const std::vector<std::string>& new_codes,
                                      std::map<std::string, std::string>* inputs) {
    const CsvTable table = read_csv(path);
    const auto kind = table.require("kind");
    const auto name = table.require("crosswalk");
    const auto old_code = table.require("old_code");
    const auto new_code = table.require("new_code");
    const auto weight = table.require("weight");
    const auto noise = table.require("noise");
    std::unordered_map<std::string, std::size_t> old_index;
    std::unordered_map<std::string, std::size_t> new_index;
    for (std::size_t i = 0; i < old_codes.size(); ++i) old_index.emplace(old_codes[i], i);
    for (std::size_t i = 0; i < new_codes.size(); ++i) new_index.emplace(new_codes[i], i);
    std::vector<CrosswalkSeed> seeds;
    for (std::size_t r = 0; r < table.rows.size(); ++r) {
        const auto& row = table.rows[r];
        if (row[kind] == "input") {
            if (inputs) (*inputs)[row[name]] = row[old_code];
            continue;
        }
        if (seeds.empty() || seeds.back().name != row[name]) {
            seeds.push_back({row[name],
                             {},
                             std::vector<double>(old_codes.size(), 0.0),
                             std::vector<double>(old_codes.size(), 0.0),
                             std::vector<double>(old_codes.size(), 0.0)});
        }
        CrosswalkSeed& seed = seeds.back();
        const auto o = old_index.find(row[old_code]);
        if (o == old_index.end()) {
            throw DataError(table.where(r) + ": old ward " + row[old_code] +
                            " is not in the old layer");
        }
        double value = 0.0;
        if (!parse_count(row[weight], value)) {
            throw DataError(table.where(r) + ": weight '" + row[weight] + "' is not a number");
        }
        if (row[kind] == "old") {
            seed.old_weight[o->second] = value;
        } else if (row[kind] == "sliver") {
            seed.old_sliver[o->second] = value;
        } else if (row[kind] == "gap") {
            seed.old_gap[o->second] = value;
        } else if (row[kind] == "piece") {
            const auto n = new_index.find(row[new_code]);
            if (n == new_index.end()) {
                throw DataError(table.where(r) + ": new ward " + row[new_code] +
                                " is not in the new layer");
            }
            seed.pieces.push_back({o->second, n->second, value, row[noise] == "1"});
        } else {
            throw DataError(table.where(r) + ": kind '" + row[kind] +
                            "' is not input, piece, old, sliver or gap");
        }
    }
    if (seeds.empty()) throw DataError(path.string() + ": no crosswalk in the file");
    return seeds;
}

}  // namespace notional::report
