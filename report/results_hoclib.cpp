#include "report/results_hoclib.hpp"

#include <cmath>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "core/text.hpp"
#include "report/results_builder.hpp"

namespace notional::report {

bool is_hoclib(const CsvTable& table) {
    return table.find("ONS ID") && table.find("Constituency name") && table.find("Votes") &&
           table.find("Candidate surname");
}

namespace {

/// Per constituency (by code), the most votes any candidate has, and how many have it.
struct Best {
    double votes = -1.0;
    int count = 0;
    std::size_t first_row = 0;
};

std::map<std::string, Best> best_by_seat(const CsvTable& table, std::size_t code,
                                         std::size_t votes) {
    std::map<std::string, Best> best;
    for (std::size_t r = 0; r < table.rows.size(); ++r) {
        double value = 0.0;
        if (!parse_count(table.rows[r][votes], value)) continue;  // the builder says why
        Best& seat = best[std::string(trim(table.rows[r][code]))];
        if (value > seat.votes) {
            seat = {value, 1, r};
        } else if (value == seat.votes) {
            ++seat.count;
        }
    }
    for (const auto& [seat, entry] : best) {
        if (entry.count > 1) {
            throw DataError(table.where(entry.first_row) + ": constituency " + seat + " has " +
                            std::to_string(entry.count) + " candidates with its most votes, " +
                            fixed(entry.votes, 0) +
                            "; the file does not say who won the tie: give the result as a "
                            "canonical CSV with an elected column");
        }
    }
    return best;
}

}  // namespace

model::Election read_hoclib(const CsvTable& table,
                            const std::optional<std::filesystem::path>& constituencies) {
    Builder builder(table, model::ResultsFormat::hoc_library);
    const auto code = table.require("ONS ID");
    const auto name = table.require("Constituency name");
    const auto country = table.find("Country name");
    const auto party_id = table.find("Electoral Commission party ID");
    const auto party = table.require("Party name");
    const auto first = table.require("Candidate first name");
    const auto surname = table.require("Candidate surname");
    const auto person = table.find("DC Person ID");
    const auto votes = table.require("Votes");
    const auto best = best_by_seat(table, code, votes);
    for (std::size_t r = 0; r < table.rows.size(); ++r) {
        const auto& cells = table.rows[r];
        Row row;
        row.ward_code = trim(cells[code]);
        row.ward_name = trim(cells[name]);
        row.council_name = field(cells, country);  // a nation: the "council" of a general election
        row.party_id = field(cells, party_id);
        row.party_name = cells[party];
        row.candidate = std::string(trim(cells[first])) + " " + std::string(trim(cells[surname]));
        row.candidate_id = field(cells, person);
        row.votes = cells[votes];
        double value = 0.0;
        const bool counted = parse_count(cells[votes], value);
        // One seat each; its winner is the candidate with most votes (the file has no column).
        row.elected = counted && best.at(row.ward_code).votes == value ? "true" : "false";
        row.seats = "1";
        builder.add(r, row);
    }
    if (constituencies) {
        const CsvTable seats = read_csv(*constituencies);
        const auto seat_code = seats.require("ONS ID");
        const auto electorate = seats.find("Electorate");
        const auto valid = seats.find("Valid votes");
        for (std::size_t r = 0; r < seats.rows.size(); ++r) {
            const auto& cells = seats.rows[r];
            builder.add_stats(seats.where(r), std::string(trim(cells[seat_code])), "1",
                              field(cells, electorate), field(cells, valid));
        }
    }
    model::Election election = builder.finish();
    election.general = true;
    return election;
}

}  // namespace notional::report
