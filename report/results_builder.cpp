#include "report/results_builder.hpp"

#include <algorithm>
#include <cmath>

#include "core/error.hpp"
#include "core/text.hpp"
#include "model/councils.hpp"
#include "model/parties.hpp"

namespace notional::report {

using model::Candidate;
using model::classify_party;
using model::council_key;
using model::Election;
using model::Party;
using model::PartyOrigin;
using model::WardResult;

namespace {

/// More votes, electors or ballots than this in one ward is a wrong column, not a count.
constexpr double max_votes = 1e9;

template <typename T>
void ward_number(const std::string& where, const char* what, const std::string& text,
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

/// One person once in a ward: a row given twice would count twice. A ward has a few
/// candidates: each is looked for among its ward's `people` alone (by candidate id, else name
/// and party, with the line each was on).
void add_person(std::vector<std::pair<std::string, std::size_t>>& people, const Row& row,
                const Party& party, const WardResult& ward, std::size_t line,
                const std::string& where) {
    const std::string person = trim(row.candidate_id).empty()
                                   ? "name:" + ward_name_key(row.candidate) + "|" + party.code
                                   : "id:" + std::string(trim(row.candidate_id));
    const auto seen = std::find_if(people.begin(), people.end(),
                                   [&](const auto& entry) { return entry.first == person; });
    if (seen != people.end()) {
        throw DataError(where + ": candidate '" + row.candidate + "' (" + party.name +
                        ") stands twice in ward " + ward.label() + ", first on line " +
                        std::to_string(seen->second) + "; give each candidate once");
    }
    people.emplace_back(person, line);
}

}  // namespace

void Builder::add(std::size_t row_index, const Row& row) {
    const std::string where = m_table.where(row_index);
    if (row.ward_code.empty() && row.ward_name.empty()) {
        throw DataError(where + ": no ward code or name");
    }
    // Names repeat across councils (Graveney, Wandsworth and Merton): a name is one ward
    // within its council.
    // A ward's rows mostly follow one another: a row with the last row's ward's code is that
    // ward's without a look in the index.
    std::size_t w = m_last;
    bool inserted = false;
    if (row.ward_code.empty() || w >= m_election.wards.size() ||
        m_election.wards[w].code != row.ward_code) {
        const std::string key = row.ward_code.empty() ? "name:" + upper(row.council_code) + "|" +
                                                            council_key(row.council_name) + "|" +
                                                            ward_name_key(row.ward_name)
                                                      : "code:" + row.ward_code;
        const auto [it, fresh] = m_index.try_emplace(key, m_election.wards.size());
        w = it->second;
        inserted = fresh;
    }
    m_last = w;
    if (inserted) {
        WardResult ward;
        ward.code = row.ward_code;
        ward.name = row.ward_name;
        ward.council_code = row.council_code;
        ward.council_name = row.council_name;
        ward.line = m_table.lines.at(row_index);
        m_election.wards.push_back(std::move(ward));
        m_empty_votes.push_back(0);
        m_people.emplace_back();
    }
    WardResult& ward = m_election.wards[w];
    if (ward.name.empty()) ward.name = row.ward_name;

    Candidate candidate;
    candidate.name = row.candidate;
    std::string party_key(trim(row.party_id));
    party_key += '\x1f';
    party_key += trim(row.party_name);
    const auto known = m_party_of.find(party_key);
    Party party = known != m_party_of.end()
                      ? known->second
                      : classify_party(row.party_id, row.party_name,
                                       row.candidate_id.empty() ? row.candidate : row.candidate_id);
    if (known == m_party_of.end() && party.origin != PartyOrigin::independent) {
        m_party_of.emplace(std::move(party_key), party);
    }
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
        ++m_empty_votes[w];  // an uncontested ward has no votes at all
    } else if (!parse_count(row.votes, candidate.votes) ||
               candidate.votes != std::floor(candidate.votes)) {
        throw DataError(where + ": votes '" + row.votes + "' is not a whole number of votes");
    } else if (candidate.votes > max_votes) {
        throw DataError(where + ": votes " + row.votes +
                        " is more than any ward has voters (10^9); is the column right?");
    }
    add_person(m_people[w], row, party, ward, m_table.lines.at(row_index), where);
    if (!parse_flag(row.elected, candidate.elected)) {
        throw DataError(where + ": elected '" + row.elected + "' is not true or false");
    }
    ward_number(where, "seats", row.seats, ward.seats);
    ward_number(where, "electorate", row.electorate, ward.electorate);
    ward_number(where, "ballots", row.ballots, ward.ballots);
    ward.candidates.push_back(std::move(candidate));
}

void Builder::add_stats(const std::string& where, const std::string& code, const std::string& seats,
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

Election Builder::finish() {
    for (std::size_t w = 0; w < m_election.wards.size(); ++w) {
        WardResult& ward = m_election.wards[w];
        const std::string where = m_table.path.string() + ", line " + std::to_string(ward.line) +
                                  ": ward " + ward.label();
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
        // What data/README.md says of ballots: at least the best candidate's vote,
        // at most the electorate; and no candidate has more votes than the ward has
        // electors.
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
            throw DataError(where + " has a candidate with " + fixed(best, 0) + " votes but only " +
                            fixed(*ward.electorate, 0) + " electors");
        }
    }
    if (m_election.wards.empty()) throw DataError(m_table.path.string() + ": no results rows");
    return std::move(m_election);
}

std::string field(const std::vector<std::string>& row, std::optional<std::size_t> column) {
    return column ? std::string(trim(row[*column])) : std::string();
}

}  // namespace notional::report
