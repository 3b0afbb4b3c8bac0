#include "report/results_formats.hpp"

#include <algorithm>
#include <cmath>
#include <unordered_map>

#include "core/csv.hpp"
#include "core/error.hpp"
#include "core/text.hpp"
#include "model/councils.hpp"
#include "model/parties.hpp"

namespace notional::report {

using model::Candidate;
using model::classify_party;
using model::council_key;
using model::Party;
using model::PartyOrigin;
using model::Election;
using model::ResultsFormat;
using model::WardResult;

ResultsFormat parse_results_format(const std::string& text) {
    const std::string t = lower(text);
    if (t == "auto") return ResultsFormat::automatic;
    if (t == "dc" || t == "democracyclub" || t == "democracy-club") {
        return ResultsFormat::democracy_club;
    }
    if (t == "gla") return ResultsFormat::gla;
    if (t == "canonical" || t == "csv") return ResultsFormat::canonical;
    throw UsageError("'" + text + "' is no results format: auto, dc, gla or canonical");
}

namespace {

ResultsFormat detect(const CsvTable& table, Setting format_setting) {
    if (table.find("ballot_paper_id") && table.find("ballots_cast")) {
        return ResultsFormat::democracy_club;
    }
    if (table.find("ward_original") && table.find("WD22CD") && table.find("votes")) {
        return ResultsFormat::gla;
    }
    if ((table.find("ward") || table.find("ward_code") || table.find("ward_name")) &&
        table.find("party") && table.find("votes")) {
        return ResultsFormat::canonical;
    }
    throw DataError(table.path.string() +
                    ": not a results format notional knows (Democracy Club, GLA or canonical; "
                    "see data/README.md); name the format to say which",
                    {format_setting});
}

/// One candidate row before it is grouped into its ward.
struct Row {
    std::string ward_code, ward_name, council_code, council_name;
    std::string party_id, party_name, candidate, candidate_id;
    std::string votes, elected;
    std::string seats, electorate, ballots;
};

/// Groups rows into wards, classifies parties and checks every number.
class Builder {
public:
    explicit Builder(const CsvTable& table, ResultsFormat format) : m_table(table) {
        m_election.path = table.path;
        m_election.format = format;
    }

    void add(std::size_t row_index, const Row& row) {
        const std::string where = m_table.where(row_index);
        if (row.ward_code.empty() && row.ward_name.empty()) {
            throw DataError(where + ": no ward code or name");
        }
        // Names repeat across councils (Graveney, Wandsworth and Merton): a name is one ward
        // within its council.
        const std::string key = row.ward_code.empty() ? "name:" + upper(row.council_code) + "|" +
                                                            council_key(row.council_name) + "|" +
                                                            ward_name_key(row.ward_name)
                                                      : "code:" + row.ward_code;
        auto [it, inserted] = m_index.try_emplace(key, m_election.wards.size());
        if (inserted) {
            WardResult ward;
            ward.code = row.ward_code;
            ward.name = row.ward_name;
            ward.council_code = row.council_code;
            ward.council_name = row.council_name;
            ward.line = m_table.lines.at(row_index);
            m_election.wards.push_back(std::move(ward));
            m_empty_votes.push_back(0);
        }
        WardResult& ward = m_election.wards[it->second];
        if (ward.name.empty()) ward.name = row.ward_name;

        Candidate candidate;
        candidate.name = row.candidate;
        Party party = classify_party(row.party_id, row.party_name,
                                     row.candidate_id.empty() ? row.candidate : row.candidate_id);
        if (party.origin == PartyOrigin::named && !trim(row.party_id).empty()) {
            // One id, one party, however the file spells its name from row to row.
            party.code =
                m_id_code.try_emplace(std::string(trim(row.party_id)), party.code).first->second;
        }
        candidate.party = party.code;
        m_election.party_names.try_emplace(party.code, party.name);
        if (!trim(row.party_name).empty()) {
            m_election.party_spellings[party.code].emplace(trim(row.party_name));
        }

        if (trim(row.votes).empty()) {
            ++m_empty_votes[it->second];  // an uncontested ward has no votes at all
        } else if (!parse_count(row.votes, candidate.votes) ||
                   candidate.votes != std::floor(candidate.votes)) {
            throw DataError(where + ": votes '" + row.votes + "' is not a whole number of votes");
        } else if (candidate.votes > max_votes) {
            throw DataError(where + ": votes " + row.votes +
                            " is more than any ward has voters (10^9); is the column right?");
        }
        // One person once in a ward: a row given twice would count twice.
        const std::string person = trim(row.candidate_id).empty()
                                       ? "name:" + ward_name_key(row.candidate) + "|" + party.code
                                       : "id:" + std::string(trim(row.candidate_id));
        const auto [seen, first] = m_people.try_emplace(std::to_string(it->second) + "|" + person,
                                                        m_table.lines.at(row_index));
        if (!first) {
            throw DataError(where + ": candidate '" + row.candidate + "' (" + party.name +
                            ") stands twice in ward " + ward.label() + ", first on line " +
                            std::to_string(seen->second) + "; give each candidate once");
        }
        if (!parse_flag(row.elected, candidate.elected)) {
            throw DataError(where + ": elected '" + row.elected + "' is not true or false");
        }
        ward_number(where, "seats", row.seats, ward.seats);
        ward_number(where, "electorate", row.electorate, ward.electorate);
        ward_number(where, "ballots", row.ballots, ward.ballots);
        ward.candidates.push_back(std::move(candidate));
    }

    /// Applies a ward statistics row (GLA) to the ward with this code.
    void add_stats(const std::string& where, const std::string& code, const std::string& seats,
                   const std::string& electorate, const std::string& ballots) {
        auto it = m_index.find("code:" + code);
        if (it == m_index.end()) {
            throw DataError(where + ": ward " + code + " has statistics but no candidates in " +
                            m_table.path.string());
        }
        WardResult& ward = m_election.wards[it->second];
        ward_number(where, "seats", seats, ward.seats);
        ward_number(where, "electorate", electorate, ward.electorate);
        ward_number(where, "ballots", ballots, ward.ballots);
    }

    /// A row that is no local ward ballot (a mayor, a by-election to Parliament), of `kind`.
    void skip(const std::string& kind) { ++m_election.skipped_rows[kind]; }

    Election finish() {
        for (std::size_t w = 0; w < m_election.wards.size(); ++w) {
            WardResult& ward = m_election.wards[w];
            const std::string where = m_table.path.string() + ", line " +
                                      std::to_string(ward.line) + ": ward " + ward.label();
            if (m_empty_votes[w] == ward.candidates.size()) {
                ward.uncontested = true;
            } else if (m_empty_votes[w] > 0) {
                throw DataError(where + " has candidates without votes beside others with votes");
            }
            const auto winners =
                static_cast<int>(std::count_if(ward.candidates.begin(), ward.candidates.end(),
                                               [](const Candidate& c) { return c.elected; }));
            if (!ward.seats) ward.seats = winners;
            if (winners != *ward.seats) {
                throw DataError(where + " has " + std::to_string(winners) + " winners but " +
                                std::to_string(*ward.seats) + " seats");
            }
            if (*ward.seats <= 0) throw DataError(where + " elected nobody");
            // What data/README.md says of ballots: at least the best candidate's vote, at most
            // the electorate; and no candidate has more votes than the ward has electors.
            double best = 0.0;
            for (const auto& candidate : ward.candidates) best = std::max(best, candidate.votes);
            if (ward.ballots && *ward.ballots < best) {
                throw DataError(where + " has " + fixed(*ward.ballots, 0) +
                                " ballots, fewer than its best candidate's " + fixed(best, 0) +
                                " votes");
            }
            if (ward.electorate && ward.ballots && *ward.ballots > *ward.electorate) {
                throw DataError(where + " has " + fixed(*ward.ballots, 0) + " ballots but only " +
                                fixed(*ward.electorate, 0) + " electors");
            }
            if (ward.electorate && best > *ward.electorate) {
                throw DataError(where + " has a candidate with " + fixed(best, 0) +
                                " votes but only " + fixed(*ward.electorate, 0) + " electors");
            }
        }
        if (m_election.wards.empty()) throw DataError(m_table.path.string() + ": no results rows");
        return std::move(m_election);
    }

private:
    template <typename T>
    static void ward_number(const std::string& where, const char* what, const std::string& text,
                            std::optional<T>& slot) {
        if (trim(text).empty()) return;
        double value = 0.0;
        if (!parse_count(text, value) || value != std::floor(value)) {
            throw DataError(where + ": " + what + " '" + text + "' is not a whole number");
        }
        if (value > max_votes) {
            throw DataError(where + ": " + what + " " + text + " is more than 10^9");
        }
        if (slot && static_cast<double>(*slot) != value) {
            throw DataError(where + ": " + what + " " + text + " differs from " +
                            std::to_string(static_cast<long long>(*slot)) +
                            " on an earlier row of the same ward");
        }
        slot = static_cast<T>(value);
    }

    const CsvTable& m_table;
    Election m_election;
    std::unordered_map<std::string, std::size_t> m_index;
    std::unordered_map<std::string, std::string> m_id_code;  // EC id -> its party's code
    std::unordered_map<std::string, std::size_t> m_people;   // ward|person -> first line
    static constexpr double max_votes = 1e9;
    std::vector<std::size_t> m_empty_votes;
};

std::string field(const std::vector<std::string>& row, std::optional<std::size_t> column) {
    return column ? std::string(trim(row[*column])) : std::string();
}

/// "local.bromley.west-wickham.2018-05-03" -> {"local", "bromley", "west wickham"}; a
/// by-election's id has ".by" before the date. Other elections' ids ("mayor.hackney.2018-05-03",
/// "parl.2018-05-03") have no ward: their kind alone is filled.
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
    for (std::size_t r = 0; r < table.rows.size(); ++r) {
        const auto& cells = table.rows[r];
        const BallotPaper paper = read_ballot_paper_id(table.where(r), cells[ballot]);
        if (paper.kind != "local") {
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
        builder.add(r, row);
    }
    return builder.finish();
}

Election read_gla(const CsvTable& table, const std::optional<std::filesystem::path>& ward_stats) {
    Builder builder(table, ResultsFormat::gla);
    const auto code = table.require("WD22CD");
    const auto ward = table.find("ward");
    const auto council_code = table.find("LAD22CD");
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
        const auto stats_code = stats.require("WD22CD");
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
    if (ward_stats && format != ResultsFormat::gla) {
        throw UsageError("GLA ward statistics go with GLA results, but " + path.string() + " is " +
                             to_string(format),
                         {settings.wards});
    }
    switch (format) {
        case ResultsFormat::democracy_club: return read_democracy_club(table);
        case ResultsFormat::gla: return read_gla(table, ward_stats);
        case ResultsFormat::canonical:
        case ResultsFormat::automatic: break;
    }
    return read_canonical(table);
}

}  // namespace notional::report
