/// Reading a job's inputs: both elections beside both maps, then the councils and the matching.
#include "app/inputs.hpp"

#include <future>

#include "core/error.hpp"
#include "report/results_formats.hpp"

namespace notional::app {

namespace {

std::string fields_of(const geo::SourceLayer& source) {
    return source.key_field() + (source.name_field().empty() ? "" : ", " + source.name_field());
}

/// The old and the actual elections, as read.
struct Elections {
    std::optional<model::Election> old, actual;
};

Elections read_elections(const JobOptions& options) {
    auto read = [](const std::string& path, const std::optional<std::string>& wards_path,
                   model::ResultsFormat format, const report::ResultsSettings& settings) {
        std::optional<std::filesystem::path> wards;
        if (wards_path) wards = *wards_path;
        return report::read_results(path, format, wards, settings);
    };
    Elections elections;
    if (options.results_path) {
        elections.old =
            read(*options.results_path, options.results_wards_path, options.results_format, {});
    }
    if (options.actual_path) {
        elections.actual =
            read(*options.actual_path, options.actual_wards_path, options.actual_format,
                 {Setting::actual_format, Setting::actual_wards});
    }
    return elections;
}

}  // namespace

void read_inputs(const JobOptions& options, JobResult& result, geo::GeosContext& context,
                 const PhaseProgress& progress) {
    geo::SourceLayer old_source(options.old_path, options.old_layer);
    geo::SourceLayer new_source(options.new_path, options.new_layer);
    std::future<Elections> reading =
        std::async(std::launch::async, [&options] { return read_elections(options); });
    auto choose_councils = [&] {
        const bool results = options.results_path || options.actual_path;
        const Progress shown = results ? phase(progress, "read results") : Progress();
        Elections elections = reading.get();
        result.election = std::move(elections.old);
        result.actual = std::move(elections.actual);
        if (shown) shown(1, 1);
        result.councils = select_councils(options.councils, old_source, new_source,
                                          result.election ? &*result.election : nullptr,
                                          result.actual ? &*result.actual : nullptr);
    };
    if (!options.councils.empty()) choose_councils();
    try {
        const geo::WorkingCrs working = geo::choose_crs(old_source, new_source, options.crs);
        result.crs = working.description;
        // Repair is part of reading: each invalid polygon is repaired as it is read. The new
        // layer is read beside the old, with a context and a copy of the CRS of its own; its
        // phase is the wait for it once the old is read, and the old layer's error comes first.
        geo::GeosContext new_context;
        const geo::WorkingCrs new_working = working;
        std::future<geo::Layer> new_reading = std::async(std::launch::async, [&] {
            return geo::read_layer(new_source, options.crs, new_working, new_context);
        });
        result.old_wards =
            geo::read_layer(old_source, options.crs, working, context, phase(progress, "read old"));
        const Progress new_shown = phase(progress, "read new");
        result.new_wards = new_reading.get();
        geo::adopt(result.new_wards, context);
        if (new_shown) new_shown(1, 1);
        for (const SupportOptions& support : options.supports) {
            result.supports.push_back(read_support(support, options.crs, working, context,
                                                   phase(progress, "read support")));
        }
    } catch (...) {
        if (reading.valid()) (void)reading.get();  // the results' error first, if they had one
        throw;
    }
    result.old_fields = fields_of(old_source);
    result.new_fields = fields_of(new_source);
    if (options.councils.empty()) choose_councils();
    // Results matched to the polygons, within their councils; a council's results with no ward
    // on the map (a national file) are skipped and listed.
    const model::Councils& councils = result.councils.councils;
    auto match = [&](model::Election& results, const geo::Layer& wards,
                     const geo::SourceLayer& source, std::map<std::string, std::size_t>& skipped,
                     std::vector<std::size_t>& matched, std::vector<std::string>& near,
                     std::vector<std::string>& recoded) {
        const auto layer = wards_to_match(wards, source, councils);
        skipped = model::keep_councils_on_map(results, councils, layer);
        matched = model::match_wards(results, layer, model::ward_councils(results, councils), &near,
                                     &recoded);
    };
    if (result.election) {
        match(*result.election, result.old_wards, old_source, result.skipped_old, result.matched,
              result.near_old, result.recoded_old);
    }
    if (result.actual) {
        match(*result.actual, result.new_wards, new_source, result.skipped_actual,
              result.actual_matched, result.near_actual, result.recoded_actual);
    }
}

}  // namespace notional::app
