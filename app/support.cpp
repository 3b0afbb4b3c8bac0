#include "app/support.hpp"

#include "app/councils.hpp"
#include "model/matching.hpp"
#include "report/results_formats.hpp"

namespace notional::app {

LocalSupport read_support(const SupportOptions& options, const geo::CrsOptions& crs,
                          const geo::WorkingCrs& working, geo::GeosContext& context,
                          const Progress& progress) {
    std::optional<std::filesystem::path> wards;
    if (options.wards_path) wards = *options.wards_path;
    LocalSupport support;
    support.election = report::read_results(options.results_path, options.format, wards,
                                            {Setting::support_format, Setting::support_wards});
    const geo::SourceLayer source(options.layer_path, geo::LayerOptions{});
    support.wards = geo::read_layer(source, crs, working, context, progress);
    // The local election's own councils: a national file keeps those on its map.
    model::Councils councils;
    for (const auto& [code, name] : source.councils()) councils.add(code, name);
    for (const auto& ward : support.election.wards) {
        councils.add(ward.council_code, ward.council_name);
    }
    const auto layer = wards_to_match(support.wards, source, councils);
    support.skipped = model::keep_councils_on_map(support.election, councils, layer);
    support.matched = model::match_wards(support.election, layer,
                                         model::ward_councils(support.election, councils));
    return support;
}

model::PartySupport party_support(const std::vector<LocalSupport>& supports,
                                  const geo::WeightLayer& people, const geo::Overlay& overlay,
                                  geo::GeosContext& context, const Progress& progress) {
    std::vector<const geo::Layer*> layers;
    std::vector<model::LocalElection> elections;
    for (const LocalSupport& support : supports) {
        layers.push_back(&support.wards);
        elections.push_back(
            model::local_election(support.election, support.matched, support.wards.size()));
    }
    const geo::PlacedPeople placed = geo::place_people(people, overlay, layers, context, progress);
    std::vector<model::PeopleSample> samples;
    for (std::size_t s = 0; s < placed.counts.size(); ++s) {
        if (placed.piece[s] == geo::nowhere || placed.counts[s] <= 0.0) continue;
        const Piece& piece = overlay.pieces[placed.piece[s]];
        model::PeopleSample sample{piece.old_index, piece.new_index, placed.counts[s], {}};
        for (const auto& local : placed.local) {
            sample.local.push_back(local[s] == geo::nowhere ? model::no_local_ward : local[s]);
        }
        samples.push_back(std::move(sample));
    }
    return {samples, elections};
}

}  // namespace notional::app
