#include "cli/job.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <iostream>
#include <map>
#include <sstream>

#include <boost/program_options.hpp>

#include "cli/progress.hpp"
#include "geo/geojson.hpp"
#include "model/crosswalk.hpp"
#include "model/csv.hpp"
#include "model/error.hpp"
#include "model/outputs.hpp"
#include "model/redistribute.hpp"

namespace po = boost::program_options;

namespace notional::cli {

namespace {

po::options_description job_options(JobOptions& o, std::string& format, double& max_lost_pct) {
    po::options_description inputs("Inputs");
    inputs.add_options()("old", po::value(&o.old_path)->value_name("OLD"),
                         "old wards: any polygon layer GDAL reads")(
        "new", po::value(&o.new_path)->value_name("NEW"),
        "new wards: any polygon layer GDAL reads")(
        "results", po::value<std::string>()->value_name("CSV"),
        "the old election's candidate results (Democracy Club, GLA or canonical CSV)")(
        "results-format", po::value(&format)->value_name("FORMAT")->default_value("auto"),
        "auto, dc, gla or canonical")(
        "results-wards", po::value<std::string>()->value_name("CSV"),
        "GLA ward statistics beside GLA results (seats, electorate, ballots)")(
        "old-layer", po::value(&o.old_layer.layer)->value_name("NAME"),
        "layer in a multi-layer OLD")("new-layer",
                                      po::value(&o.new_layer.layer)->value_name("NAME"),
                                      "layer in a multi-layer NEW")(
        "old-key", po::value(&o.old_layer.key_field)->value_name("FIELD"),
        "ward code field of OLD (default: found, e.g. GSS_CODE, WD18CD)")(
        "old-name", po::value(&o.old_layer.name_field)->value_name("FIELD"),
        "ward name field of OLD (default: found, e.g. NAME, WD18NM)")(
        "new-key", po::value(&o.new_layer.key_field)->value_name("FIELD"),
        "ward code field of NEW")("new-name",
                                  po::value(&o.new_layer.name_field)->value_name("FIELD"),
                                  "ward name field of NEW");
    po::options_description method("Method");
    method.add_options()(
        "crs", po::value(&o.crs.crs)->value_name("CRS"),
        "projected CRS to measure in (default: OLD's if projected, else NEW's, else equal-area)")(
        "assume-crs", po::value(&o.crs.assume_crs)->value_name("CRS"),
        "CRS of a layer that declares none")(
        "min-piece", po::value(&o.overlay.min_piece_m2)->value_name("M2")->default_value(1.0),
        "pieces smaller than this many m² are slivers: dropped and counted")(
        "max-lost", po::value(&max_lost_pct)->value_name("PCT")->default_value(0.1),
        "fail when more than this percentage of all votes falls outside the new wards");
    po::options_description output("Output");
    output.add_options()("output,o",
                         po::value(&o.output_dir)->value_name("DIR")->default_value("notional-out"),
                         "directory for the outputs")("help,h", "show this help");
    po::options_description all;
    all.add(inputs).add(method).add(output);
    return all;
}

}  // namespace

JobOptions parse_job(const std::vector<std::string>& args) {
    JobOptions options;
    std::string format;
    double max_lost_pct = 0.1;
    const auto description = job_options(options, format, max_lost_pct);
    po::variables_map values;
    try {
        po::store(po::command_line_parser(args).options(description).run(), values);
        po::notify(values);
    } catch (const po::error& error) {
        throw UsageError(error.what());
    }
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
    options.results_format = model::parse_results_format(format);
    if (!(options.overlay.min_piece_m2 >= 0.0)) throw UsageError("--min-piece must be 0 or more");
    if (!(max_lost_pct >= 0.0 && max_lost_pct <= 100.0)) {
        throw UsageError("--max-lost is a percentage from 0 to 100");
    }
    options.max_lost = max_lost_pct / 100.0;
    return options;
}

std::string job_help() {
    JobOptions options;
    std::string format;
    double max_lost_pct = 0.1;
    std::ostringstream text;
    text << "notional: notional election results on new boundaries\n\n"
            "usage: notional --old OLD --new NEW [--results CSV] [-o DIR] [options]\n\n"
            "Overlays the old and new wards, builds the crosswalk (the share of each old ward\n"
            "in each new one) and, with --results, carries the old election's votes into the\n"
            "new wards. Writes notional.geojson, notional.csv, crosswalk.csv and ledger.csv to\n"
            "DIR; every vote is allocated or reported lost.\n"
         << job_options(options, format, max_lost_pct);
    return text.str();
}

namespace {

std::string percent(double share, int decimals = 3) {
    return model::fixed(100.0 * share, decimals) + "%";
}

/// Rounded as written in every output, so the GeoJSON and the CSV agree to the digit.
double rounded(double value, int decimals) {
    const double scale = std::pow(10.0, decimals);
    return std::round(value * scale) / scale;
}

/// Ward indices ordered by code: every output lists wards in this order.
std::vector<std::size_t> by_code(const geo::Layer& layer) {
    std::vector<std::size_t> order(layer.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::sort(order.begin(), order.end(),
              [&](std::size_t a, std::size_t b) { return layer.codes[a] < layer.codes[b]; });
    return order;
}

std::string crosswalk_csv(const geo::Layer& old_wards, const geo::Layer& new_wards,
                          const std::vector<model::Piece>& pieces) {
    std::vector<model::Piece> sorted = pieces;
    std::sort(sorted.begin(), sorted.end(), [&](const model::Piece& a, const model::Piece& b) {
        return std::tie(old_wards.codes[a.old_index], new_wards.codes[a.new_index]) <
               std::tie(old_wards.codes[b.old_index], new_wards.codes[b.new_index]);
    });
    std::string text =
        model::csv_row({"old_code", "new_code", "area_m2", "share_of_old", "share_of_new"});
    for (const auto& piece : sorted) {
        text +=
            model::csv_row({old_wards.codes[piece.old_index], new_wards.codes[piece.new_index],
                            model::fixed(piece.weight, 2),
                            model::fixed(piece.weight / old_wards.areas_m2[piece.old_index], 9),
                            model::fixed(piece.weight / new_wards.areas_m2[piece.new_index], 9)});
    }
    return text;
}

/// "E05000106:0.931200;E05000125:0.068800": the old wards a new ward draws on, with the share
/// of the new ward each gives, largest first.
std::vector<std::string> sources(const geo::Layer& old_wards, const geo::Layer& new_wards,
                                 const std::vector<model::Piece>& pieces) {
    std::vector<std::vector<std::pair<double, std::string>>> parts(new_wards.size());
    for (const auto& piece : pieces) {
        parts[piece.new_index].emplace_back(piece.weight / new_wards.areas_m2[piece.new_index],
                                            old_wards.codes[piece.old_index]);
    }
    std::vector<std::string> text(new_wards.size());
    for (std::size_t n = 0; n < parts.size(); ++n) {
        std::sort(parts[n].begin(), parts[n].end(), [](const auto& a, const auto& b) {
            return a.first != b.first ? a.first > b.first : a.second < b.second;
        });
        for (std::size_t i = 0; i < parts[n].size(); ++i) {
            text[n] +=
                (i ? ";" : "") + parts[n][i].second + ":" + model::fixed(parts[n][i].first, 6);
        }
    }
    return text;
}

std::string ledger_csv(const geo::Layer& old_wards, const model::Crosswalk& crosswalk,
                       const model::Election* election, const std::vector<std::size_t>& matched) {
    std::vector<std::optional<double>> votes(old_wards.size());
    if (election) {
        for (std::size_t w = 0; w < election->wards.size(); ++w) {
            if (election->wards[w].uncontested) continue;
            double total = 0.0;
            for (const auto& candidate : election->wards[w].candidates) total += candidate.votes;
            votes[matched[w]] = total;
        }
    }
    std::string text =
        model::csv_row({"old_code", "old_name", "area_m2", "share_allocated", "share_sliver",
                        "share_outside", "overlap_m2", "votes", "votes_lost"});
    for (const std::size_t o : by_code(old_wards)) {
        const auto& entry = crosswalk.ledger()[o];
        const auto& v = votes[o];
        text += model::csv_row({old_wards.codes[o], old_wards.names[o],
                                model::fixed(old_wards.areas_m2[o], 2),
                                model::fixed(entry.allocated, 9), model::fixed(entry.sliver, 9),
                                model::fixed(entry.outside, 9), model::fixed(entry.overlap, 2),
                                v ? model::fixed(*v, 0) : "",
                                v ? model::fixed(*v * (entry.sliver + entry.outside), 4) : ""});
    }
    return text;
}

}  // namespace

void run_job(const JobOptions& options) {
    geo::GeosContext context;
    const geo::SourceLayer old_source(options.old_path, options.old_layer);
    const geo::SourceLayer new_source(options.new_path, options.new_layer);
    const geo::WorkingCrs working = geo::choose_crs(old_source, new_source, options.crs);
    const geo::Layer old_wards = geo::read_layer(old_source, options.crs, working, context);
    const geo::Layer new_wards = geo::read_layer(new_source, options.crs, working, context);

    // Results are read before the overlay, so a bad file fails fast.
    std::optional<model::Election> election;
    std::vector<std::size_t> matched;
    if (options.results_path) {
        std::optional<std::filesystem::path> wards;
        if (options.results_wards_path) wards = *options.results_wards_path;
        election = model::read_results(*options.results_path, options.results_format, wards);
        matched = model::match_wards(*election, old_wards.codes, old_wards.names, old_wards.label);
    }

    const geo::Overlay pieces =
        geo::overlay(old_wards, new_wards, options.overlay, context, terminal_progress("overlay"));
    const model::Crosswalk crosswalk(new_wards.size(), pieces.pieces, old_wards.areas_m2,
                                     pieces.old_sliver_m2);
    std::optional<model::NotionalVotes> notional;
    if (election) {
        notional =
            model::redistribute(*election, matched, crosswalk, {.max_lost = options.max_lost});
    }

    // Outputs.
    model::StagedOutputs outputs(options.output_dir);
    outputs.write_text("crosswalk.csv", crosswalk_csv(old_wards, new_wards, pieces.pieces));
    outputs.write_text("ledger.csv",
                       ledger_csv(old_wards, crosswalk, election ? &*election : nullptr, matched));

    const auto order = by_code(new_wards);
    const auto source_text = sources(old_wards, new_wards, pieces.pieces);
    std::vector<geo::Column> columns{
        {"ward_code", {}}, {"ward_name", {}}, {"area_m2", {}}, {"sources", {}}};
    for (const std::size_t n : order) {
        columns[0].values.emplace_back(new_wards.codes[n]);
        columns[1].values.emplace_back(new_wards.names[n]);
        columns[2].values.emplace_back(rounded(new_wards.areas_m2[n], 2));
        columns[3].values.emplace_back(source_text[n]);
    }
    if (notional) {
        const Eigen::MatrixXd votes(notional->votes);  // small: wards x parties
        const Eigen::VectorXd ward_total = votes.rowwise().sum();
        columns.push_back({"votes_total", {}});
        for (const std::size_t n : order) {
            columns.back().values.emplace_back(
                rounded(ward_total[static_cast<Eigen::Index>(n)], 4));
        }
        std::string table =
            model::csv_row({"ward_code", "ward_name", "party", "party_name", "votes", "share"});
        for (std::size_t p = 0; p < notional->parties.size(); ++p) {
            const std::string& party = notional->parties[p];
            geo::Column vote_column{party + "_votes", {}}, share_column{party + "_share", {}};
            for (const std::size_t n : order) {
                const double v = votes(static_cast<Eigen::Index>(n), static_cast<Eigen::Index>(p));
                const double total = ward_total[static_cast<Eigen::Index>(n)];
                vote_column.values.emplace_back(rounded(v, 4));
                share_column.values.emplace_back(total > 0.0 ? geo::Value(rounded(v / total, 6))
                                                             : geo::Value());
            }
            columns.push_back(std::move(vote_column));
            columns.push_back(std::move(share_column));
        }
        for (const std::size_t n : order) {
            const auto row = static_cast<Eigen::Index>(n);
            // Largest first within a ward; party code breaks ties so the order is fixed.
            std::vector<std::size_t> parties;
            for (std::size_t p = 0; p < notional->parties.size(); ++p) {
                if (votes(row, static_cast<Eigen::Index>(p)) > 0.0) parties.push_back(p);
            }
            std::stable_sort(parties.begin(), parties.end(), [&](std::size_t a, std::size_t b) {
                return votes(row, static_cast<Eigen::Index>(a)) >
                       votes(row, static_cast<Eigen::Index>(b));
            });
            for (const std::size_t p : parties) {
                const double v = votes(row, static_cast<Eigen::Index>(p));
                table +=
                    model::csv_row({new_wards.codes[n], new_wards.names[n], notional->parties[p],
                                    election->party_names.at(notional->parties[p]),
                                    model::fixed(v, 4), model::fixed(v / ward_total[row], 6)});
            }
        }
        outputs.write_text("notional.csv", table);
    }
    geo::write_geojson(outputs.stage("notional.geojson"), "notional", new_wards, order, columns,
                       context);
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
    double sliver_m2 = 0.0;
    for (double m2 : pieces.old_sliver_m2) sliver_m2 += m2;
    out << "overlay      " << pieces.pieces.size() << " pieces (" << pieces.whole << " whole, "
        << pieces.intersections << " intersected); " << pieces.slivers << " slivers under "
        << model::fixed(options.overlay.min_piece_m2, 1) << " m² dropped ("
        << model::fixed(sliver_m2, 2) << " m²)\n";
    double outside_m2 = 0.0, overlap_m2 = 0.0;
    for (std::size_t o = 0; o < old_wards.size(); ++o) {
        outside_m2 += crosswalk.ledger()[o].outside * old_wards.areas_m2[o];
        overlap_m2 += crosswalk.ledger()[o].overlap;
    }
    out << "coverage     " << model::fixed(outside_m2, 2)
        << " m² of the old wards lie outside the new ones; " << model::fixed(overlap_m2, 2)
        << " m² covered twice by overlapping new wards\n";
    if (election) {
        std::size_t candidates = 0;
        int seats = 0;
        for (const auto& ward : election->wards) {
            candidates += ward.candidates.size();
            seats += ward.seats.value_or(0);
        }
        out << "results      " << candidates << " candidates in " << election->wards.size()
            << " wards, " << seats << " seats, from " << election->path.string() << " ("
            << model::to_string(election->format) << ")";
        if (notional->uncontested_old) out << "; " << notional->uncontested_old << " uncontested";
        int width = 5;  // wide enough for "party" and the longest code
        for (const auto& entry : notional->ledger) {
            width = std::max(width, static_cast<int>(entry.party.size()));
        }
        char line[256];
        std::snprintf(line, sizeof line, "\n\n  %-*s %12s %14s %12s %12s\n", width, "party",
                      "old votes", "new votes", "lost sliver", "lost outside");
        out << line;
        model::PartyLedger sum;
        double worst = 0.0;
        auto print = [&](const model::PartyLedger& entry) {
            std::snprintf(line, sizeof line, "  %-*s %12.0f %14.4f %12.4f %12.4f\n", width,
                          entry.party.c_str(), entry.old_votes, entry.new_votes, entry.lost_sliver,
                          entry.lost_outside);
            out << line;
        };
        for (const auto& entry : notional->ledger) {
            print(entry);
            sum.old_votes += entry.old_votes;
            sum.new_votes += entry.new_votes;
            sum.lost_sliver += entry.lost_sliver;
            sum.lost_outside += entry.lost_outside;
            worst = std::max(worst, entry.imbalance());
        }
        sum.party = "all";
        print(sum);
        char imbalance[32];
        std::snprintf(imbalance, sizeof imbalance, "%.1e", worst);
        out << "\nconservation new + lost = old for every party (largest relative difference "
            << imbalance << ", tolerance 1e-9)\n";
        out << "lost         " << model::fixed(notional->lost_total(), 4) << " votes ("
            << percent(notional->lost_total() / std::max(1.0, notional->old_total()), 4)
            << "), tolerance " << percent(options.max_lost) << "\n";
    }
    out << "\noutputs";
    for (const auto& path : written) out << "\n  " << path.string();
    out << "\n";
    std::cout << out.str();
}

}  // namespace notional::cli
