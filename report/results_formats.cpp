#include "report/results_formats.hpp"

#include <algorithm>
#include <cmath>
#include <unordered_map>

#include "core/csv.hpp"
#include "core/error.hpp"
#include "core/fields.hpp"
#include "core/text.hpp"
#include "model/councils.hpp"
#include "model/parties.hpp"
#include "report/results_builder.hpp"
#include "report/results_hoclib.hpp"

namespace notional::report {

using model::Election;
using model::ResultsFormat;

ResultsFormat parse_results_format(const std::string& text) {
    const std::string t = lower(text);
    if (t == "auto") return ResultsFormat::automatic;
    if (t == "dc" || t == "democracyclub" || t == "democracy-club") {
        return ResultsFormat::democracy_club;
    }
    if (t == "gla") return ResultsFormat::gla;
    if (t == "hoc" || t == "hoclib" || t == "commons-library") return ResultsFormat::hoc_library;
    if (t == "canonical" || t == "csv") return ResultsFormat::canonical;
    throw UsageError("'" + text + "' is no results format: auto, dc, gla, hoc or canonical");
}

namespace {

/// The column a field of core/fields.hpp is in; a DataError naming the file when none is.
std::size_t require_field(const CsvTable& table, const FieldPatterns& patterns, const char* what) {
    if (const auto column = find_field(table.header, patterns)) return *column;
    throw DataError(table.path.string() + ": no " + what + " column (such as WD22CD)");
}

ResultsFormat detect(const CsvTable& table, Setting format_setting) {
    if (table.find("ballot_paper_id") && table.find("ballots_cast")) {
        return ResultsFormat::democracy_club;
    }
    if (table.find("ward_original") && find_field(table.header, ward_code_fields()) &&
        table.find("votes")) {
        return ResultsFormat::gla;
    }
    if (is_hoclib(table)) return ResultsFormat::hoc_library;
    if ((table.find("ward") || table.find("ward_code") || table.find("ward_name")) &&
        table.find("party") && table.find("votes")) {
        return ResultsFormat::canonical;
    }
    throw DataError(table.path.string() +
                        ": not a results format notional knows (Democracy Club, GLA, House of "
                        "Commons Library or canonical; "
                        "see data/README.md); name the format to say which",
                    {format_setting});
}

/// "local.bromley.west-wickham.2018-05-03" -> {"local", "bromley", "west wickham"}; a
/// by-election's id has ".by" before the date. "parl.lewisham-east.2019-12-12" -> {"parl", "",
/// "lewisham east"}: a constituency. Other elections' ids ("mayor.hackney.2018-05-03") have no
/// ward: their kind alone is filled.
struct BallotPaper {
    std::string kind, council, ward;
};

BallotPaper read_ballot_paper_id(const std::string& where, const std::string& id) {
    std::vector<std::string> parts;
    std::size_t start = 0;
    while (true) {
        const auto dot = id.find('.', start);
        parts.push_back(id.substr(start, dot - start));
        if (dot == std::string::npos) break;
        start = dot + 1;
    }
    BallotPaper paper{parts.front(), "", ""};
    if (paper.kind == "parl" && parts.size() >= 3 && !parts[1].empty()) {
        paper.ward = parts[1];
        std::replace(paper.ward.begin(), paper.ward.end(), '-', ' ');
        return paper;
    }
    if (paper.kind != "local") return paper;
    if (parts.size() < 4 || parts[1].empty() || parts[2].empty()) {
        throw DataError(where + ": ballot_paper_id '" + id +
                        "' is not of the form local.<council>.<ward>.<date>");
    }
    paper.council = parts[1];
    paper.ward = parts[2];
    std::replace(paper.ward.begin(), paper.ward.end(), '-', ' ');
    return paper;
}

Election read_democracy_club(const CsvTable& table) {
    Builder builder(table, ResultsFormat::democracy_club);
    const auto ballot = table.require("ballot_paper_id");
    const auto person = table.find("person_id");
    const auto party_id = table.find("party_id");
    const auto party_name = table.require("party_name");
    const auto name = table.require("person_name");
    const auto votes = table.require("ballots_cast");
    const auto winner = table.require("is_winner");
    // A file of local ballots is a local election (its other ballots skipped); a file of
    // parliamentary ballots alone is a general election, each constituency a one-seat ward.
    std::vector<BallotPaper> papers;
    papers.reserve(table.rows.size());
    for (std::size_t r = 0; r < table.rows.size(); ++r) {
        papers.push_back(read_ballot_paper_id(table.where(r), table.rows[r][ballot]));
    }
    const bool local = std::any_of(papers.begin(), papers.end(),
                                   [](const BallotPaper& paper) { return paper.kind == "local"; });
    const std::string kind = local ? "local" : "parl";
    for (std::size_t r = 0; r < table.rows.size(); ++r) {
        const auto& cells = table.rows[r];
        const BallotPaper& paper = papers[r];
        if (paper.kind != kind || paper.ward.empty()) {
            builder.skip(paper.kind);
            continue;
        }
        Row row;
        row.ward_name = paper.ward;
        row.council_name = paper.council;
        row.party_id = field(cells, party_id);
        row.party_name = cells[party_name];
        row.candidate = cells[name];
        row.candidate_id = field(cells, person);
        row.votes = cells[votes];
        row.elected = cells[winner];
        if (!local) row.seats = "1";
        builder.add(r, row);
    }
    Election election = builder.finish();
    election.general = !local;
    return election;
}

Election read_gla(const CsvTable& table, const std::optional<std::filesystem::path>& ward_stats) {
    Builder builder(table, ResultsFormat::gla);
    const auto code = require_field(table, ward_code_fields(), "ward code");
    const auto ward = table.find("ward");
    const auto council_code = find_field(table.header, council_code_fields());
    auto council_name = table.find("borough");
    if (!council_name) council_name = table.find("borough_original");
    const auto ward_original = table.require("ward_original");
    const auto surname = table.require("surname");
    const auto firstname = table.require("firstname");
    const auto party = table.require("party");
    const auto votes = table.require("votes");
    const auto elected = table.require("elected");
    for (std::size_t r = 0; r < table.rows.size(); ++r) {
        const auto& cells = table.rows[r];
        Row row;
        row.ward_code = cells[code];
        row.ward_name = ward ? cells[*ward] : cells[ward_original];
        row.council_code = field(cells, council_code);
        row.council_name = field(cells, council_name);
        row.party_name = cells[party];
        row.candidate =
            std::string(trim(cells[firstname])) + " " + std::string(trim(cells[surname]));
        row.votes = cells[votes];
        row.elected = cells[elected];
        builder.add(r, row);
    }
    if (ward_stats) {
        const CsvTable stats = read_csv(*ward_stats);
        const auto stats_code = require_field(stats, ward_code_fields(), "ward code");
        const auto seats = stats.require("num_councillors");
        const auto electorate = stats.find("entitled_electors");
        const auto ballots = stats.find("valid_ballots");
        for (std::size_t r = 0; r < stats.rows.size(); ++r) {
            const auto& cells = stats.rows[r];
            builder.add_stats(stats.where(r), std::string(trim(cells[stats_code])), cells[seats],
                              field(cells, electorate), field(cells, ballots));
        }
    }
    return builder.finish();
}

Election read_canonical(const CsvTable& table) {
    Builder builder(table, ResultsFormat::canonical);
    const auto ward = table.find("ward");
    const auto ward_code = table.find("ward_code");
    const auto ward_name = table.find("ward_name");
    if (!ward && !ward_code && !ward_name) {
        throw DataError(table.path.string() + ": no column 'ward' (or 'ward_code'/'ward_name')");
    }
    const auto party = table.require("party");
    const auto party_id = table.find("party_id");
    const auto candidate = table.require("candidate");
    const auto candidate_id = table.find("candidate_id");
    const auto votes = table.require("votes");
    const auto elected = table.require("elected");
    const auto seats = table.find("seats");
    const auto electorate = table.find("electorate");
    const auto ballots = table.find("ballots");
    const auto council = table.find("council");
    for (std::size_t r = 0; r < table.rows.size(); ++r) {
        const auto& cells = table.rows[r];
        Row row;
        row.ward_code = field(cells, ward_code);
        row.ward_name = field(cells, ward_name);
        const std::string council_text = field(cells, council);
        (looks_like_gss_code(council_text) ? row.council_code : row.council_name) = council_text;
        if (ward) {
            // "ward" holds a code or a name; a GSS code is recognised by its shape.
            const std::string value = field(cells, ward);
            (looks_like_gss_code(value) ? row.ward_code : row.ward_name) = value;
        }
        row.party_name = cells[party];
        row.party_id = field(cells, party_id);
        row.candidate = cells[candidate];
        row.candidate_id = field(cells, candidate_id);
        row.votes = cells[votes];
        row.elected = cells[elected];
        row.seats = field(cells, seats);
        row.electorate = field(cells, electorate);
        row.ballots = field(cells, ballots);
        builder.add(r, row);
    }
    return builder.finish();
}

}  // namespace

Election read_results(const std::filesystem::path& path, ResultsFormat format,
                      const std::optional<std::filesystem::path>& ward_stats,
                      const ResultsSettings& settings) {
    const CsvTable table = read_csv(path);
    if (format == ResultsFormat::automatic) format = detect(table, settings.format);
    if (ward_stats && format != ResultsFormat::gla && format != ResultsFormat::hoc_library) {
        throw UsageError(
            "ward statistics go with GLA results and constituencies with House of "
            "Commons Library results, but " +
                path.string() + " is " + to_string(format),
            {settings.wards});
    }
    switch (format) {
        case ResultsFormat::democracy_club: return read_democracy_club(table);
        case ResultsFormat::gla: return read_gla(table, ward_stats);
        case ResultsFormat::hoc_library: return read_hoclib(table, ward_stats);
        case ResultsFormat::canonical:
        case ResultsFormat::automatic: break;
    }
    return read_canonical(table);
}

}  // namespace notional::report
