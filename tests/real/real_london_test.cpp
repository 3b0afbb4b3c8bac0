/// All of London from the published files (../shared/data): the 2018 wards with Democracy
/// Club's national file of every council that voted that day, the 2022 wards with the GLA's
/// London-wide results. Nothing is edited or cut by hand first.
#include <cmath>
#include <map>
#include <set>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "core/csv.hpp"
#include "core/text.hpp"
#include "model/parties.hpp"
#include "support.hpp"

namespace notional::test {
namespace {

const std::filesystem::path london = shared / "london";
const std::string democracy_club = (shared / "england_wales" / "local_results_2018_democracyclub" /
                                    "democracyclub-results-2018-05-03.csv")
                                       .string();
const std::string gla = (london / "results_2022_gla" / "candidate_level_cleaned_2022.csv").string();
const std::string gla_wards =
    (london / "results_2022_gla" / "ward_level_cleaned_2022.csv").string();

#define REQUIRE_LONDON_DATA()                                                               \
    if (!std::filesystem::exists(london) || !std::filesystem::exists(democracy_club)) {     \
        GTEST_SKIP() << "real data absent: " << london.string() << " or " << democracy_club \
                     << " (../shared/data beside the project); skipping the London checks"; \
    }

/// The command, as a new user would type it: the published files as they are.
std::string london_job(const std::filesystem::path& out, const std::string& extra = "") {
    return bin + " --old " + (london / "london_wards_2018_fullres_bng.gpkg").string() + " --new " +
           (london / "wards_2022" / "london_wards_2022_wgs84.gpkg").string() + " --results " +
           democracy_club + " --actual " + gla + " --actual-wards " + gla_wards + " -o " +
           out.string() + (extra.empty() ? "" : " " + extra);
}

const std::vector<std::string> boroughs{"Barking and Dagenham",
                                        "Barnet",
                                        "Bexley",
                                        "Brent",
                                        "Bromley",
                                        "Camden",
                                        "Croydon",
                                        "Ealing",
                                        "Enfield",
                                        "Greenwich",
                                        "Hackney",
                                        "Hammersmith and Fulham",
                                        "Haringey",
                                        "Harrow",
                                        "Havering",
                                        "Hillingdon",
                                        "Hounslow",
                                        "Islington",
                                        "Kensington and Chelsea",
                                        "Kingston upon Thames",
                                        "Lambeth",
                                        "Lewisham",
                                        "Merton",
                                        "Newham",
                                        "Redbridge",
                                        "Richmond upon Thames",
                                        "Southwark",
                                        "Sutton",
                                        "Tower Hamlets",
                                        "Waltham Forest",
                                        "Wandsworth",
                                        "Westminster"};

using Seats = std::map<std::string, int>;

/// Independents count as one party, as the comparison counts them.
std::string grouped(const std::string& code) {
    return model::is_independent(code) ? "IND" : code;
}

/// Winners by party, read from the published files by hand (not through notional's readers):
/// Democracy Club 2018 by the council slug of its ballot ids, the GLA 2022 by its borough.
struct Winners {
    std::map<std::string, Seats> dc_2018, gla_2022;  // borough slug -> party -> seats
    Winners() {
        const auto dc = notional::read_csv(democracy_club);
        for (const auto& row : dc.rows) {
            const std::string& ballot = row[dc.require("ballot_paper_id")];
            if (!ballot.starts_with("local.") || row[dc.require("is_winner")] != "True") continue;
            const std::string council = ballot.substr(6, ballot.find('.', 6) - 6);
            const auto party =
                model::classify_party(row[dc.require("party_id")], row[dc.require("party_name")],
                                      row[dc.require("person_id")]);
            ++dc_2018[council][grouped(party.code)];
        }
        const auto table = notional::read_csv(gla);
        for (const auto& row : table.rows) {
            if (notional::lower(row[table.require("elected")]) != "true") continue;
            ++gla_2022[notional::slug(row[table.require("borough")])][""];
        }
    }
};

int total(const Seats& seats) {
    int sum = 0;
    for (const auto& [party, won] : seats) sum += won;
    return sum;
}

/// council.csv's old seats by party, independents as one.
Seats old_seats(const std::filesystem::path& out) {
    const auto council = notional::read_csv(out / "council.csv");
    Seats seats;
    for (const auto& row : council.rows) {
        const int won = std::stoi(row[council.require("old_seats")]);
        if (won) seats[grouped(row[council.require("party")])] += won;
    }
    return seats;
}

/// comparison.csv's actual seats by party (judged or not).
Seats actual_seats(const std::filesystem::path& out) {
    const auto comparison = notional::read_csv(out / "comparison.csv");
    Seats seats;
    for (const auto& row : comparison.rows) {
        const int won = std::stoi(row[comparison.require("actual_seats")]);
        if (won) seats[row[comparison.require("party")]] += won;
    }
    return seats;
}

/// Per old ward (ledger.csv): votes lost, and the share beyond the new map's outline.
struct LedgerRow {
    std::string name;
    double votes_lost = 0.0, spread = 0.0;
};
std::map<std::string, LedgerRow> ledger(const std::filesystem::path& out) {
    const auto table = notional::read_csv(out / "ledger.csv");
    std::map<std::string, LedgerRow> rows;
    for (const auto& row : table.rows) {
        const std::string& lost = row[table.require("votes_lost")];
        rows[row[table.require("old_code")]] = {row[table.require("old_name")],
                                                lost.empty() ? 0.0 : std::stod(lost),
                                                std::stod(row[table.require("share_spread")])};
    }
    return rows;
}

/// The comparison's rows of one ward: party -> (label, change, verdict).
struct Row {
    std::string label, verdict;
    int notional = 0, actual = 0;
};
std::map<std::string, Row> ward_rows(const std::filesystem::path& out, const std::string& code) {
    const auto table = notional::read_csv(out / "comparison.csv");
    std::map<std::string, Row> rows;
    for (const auto& row : table.rows) {
        if (row[table.require("ward_code")] != code) continue;
        const std::string& notional = row[table.require("notional_seats")];
        rows[row[table.require("party")]] = {row[table.require("label")],
                                             row[table.require("verdict")],
                                             notional.empty() ? -1 : std::stoi(notional),
                                             std::stoi(row[table.require("actual_seats")])};
    }
    return rows;
}

/// Every party of council.csv has a colour on the maps and a key for its GeoJSON fields, and no
/// two parties share either.
void expect_colours_apart(const notional::CsvTable& council) {
    std::map<std::string, std::string> colours, fields;
    for (const auto& row : council.rows) {
        const std::string& party = row[council.require("party")];
        const std::string& colour = row[council.require("colour")];
        const std::string& field = row[council.require("field")];
        EXPECT_EQ(colour.size(), 7U) << party;
        EXPECT_LE(field.size(), 8U) << party;
        const auto [at, fresh] = colours.emplace(colour, party);
        EXPECT_TRUE(fresh) << party << " and " << at->second << " are both " << colour;
        const auto [was, first] = fields.emplace(field, party);
        EXPECT_TRUE(first) << party << " and " << was->second << " are both " << field;
    }
}

TEST(London, EveryBoroughStraightFromThePublishedFiles) {
    REQUIRE_LONDON_DATA();
    const Winners winners;
    TempDir dir;
    for (const auto& borough : boroughs) {
        SCOPED_TRACE(borough);
        const auto out = dir / notional::slug(borough);
        const CommandResult result = run(london_job(out, "--council \"" + borough + "\""));
        ASSERT_EQ(result.exit_code, 0) << result.err;
        EXPECT_EQ(result.err, "");
        // The old election's seats are Democracy Club's winners, party by party; the actual
        // seats the GLA's winners.
        const std::string slug = notional::slug(borough);
        EXPECT_EQ(old_seats(out), winners.dc_2018.at(slug));
        EXPECT_EQ(total(actual_seats(out)), total(winners.gla_2022.at(slug)));
        // No party under two codes, none under an Electoral Commission id.
        const auto council = notional::read_csv(out / "council.csv");
        std::map<std::string, std::string> by_name;
        for (const auto& row : council.rows) {
            const std::string& code = row[council.require("party")];
            const std::string& name = row[council.require("party_name")];
            EXPECT_FALSE(code.starts_with("PP")) << code;
            if (model::is_independent(code)) continue;
            const auto [it, fresh] = by_name.emplace(model::party_key(name), code);
            EXPECT_TRUE(fresh) << name << " is " << it->second << " and " << code;
        }
        expect_colours_apart(council);
        // Nobody lives in the river: wards reaching into the Thames lose no vote but to the
        // slivers under 1 m² (Syon, 0.0009).
        for (const auto& [code, row] : ledger(out)) {
            if (row.spread > 0.01) {
                EXPECT_LT(row.votes_lost, 0.01) << row.name;
            }
        }
    }
}

TEST(London, AllOfLondonInOneRunWithoutCouncil) {
    REQUIRE_LONDON_DATA();
    const Winners winners;
    TempDir dir;
    const CommandResult result = run(london_job(dir / "out"));
    ASSERT_EQ(result.exit_code, 0) << result.err;
    EXPECT_EQ(result.err, "");
    Seats old_expected, actual_expected;
    for (const auto& borough : boroughs) {
        for (const auto& [party, won] : winners.dc_2018.at(notional::slug(borough))) {
            old_expected[party] += won;
        }
        actual_expected[""] += total(winners.gla_2022.at(notional::slug(borough)));
    }
    EXPECT_EQ(old_seats(dir / "out"), old_expected);
    EXPECT_EQ(total(old_expected), 1827);
    // 123 parties and independents stood across London in 2018, each its own colour.
    const auto council = notional::read_csv(dir / "out" / "council.csv");
    EXPECT_EQ(council.rows.size(), 123U);
    expect_colours_apart(council);
    EXPECT_EQ(total(actual_seats(dir / "out")), total(actual_expected));
    EXPECT_EQ(total(actual_expected), 1817);
    // The national file's other councils and its other ballots are skipped and said so.
    EXPECT_TRUE(contains(result.out, "skipped      40 rows of " + democracy_club +
                                         " that are no local ward ballot (mayor 35, parl 5)"))
        << result.out;
    EXPECT_TRUE(contains(
        result.out, "skipped      129 councils of " + democracy_club + " with no ward on the map"))
        << result.out;
    // Ward names that repeat across boroughs are matched within their borough: Graveney is a
    // ward of Wandsworth (E05000616) and of Merton (E05000461), and each has its own votes.
    const auto rows = ledger(dir / "out");
    EXPECT_EQ(rows.at("E05000616").name, "Graveney");
    EXPECT_EQ(rows.at("E05000461").name, "Graveney");
    const auto table = notional::read_csv(dir / "out" / "ledger.csv");
    for (const auto& row : table.rows) {
        if (row[table.require("old_name")] == "Graveney") {
            EXPECT_GT(std::stod(row[table.require("votes")]), 5000.0) << row[0];
        }
    }
    // The City of London is on the old map only, and had no election that day: no votes lost.
    EXPECT_TRUE(contains(result.out, "lost: 16 old wards with no part on the new map"))
        << result.out;
    double lost = 0.0;
    for (const auto& [code, row] : rows) lost += row.votes_lost;
    EXPECT_LT(lost, 1.0);
    // `notional compare` on the base as written colours every ward as the main job did: the
    // 2018 independents, each a party in the base, and the 2022 parties settle the local
    // parties' colours alike (they did not while compare took the comparison's parties alone).
    const CommandResult compared =
        run(bin + " compare --notional " + (dir / "out").string() + " --actual " + gla +
            " --actual-wards " + gla_wards + " -o " + (dir / "compared").string());
    ASSERT_EQ(compared.exit_code, 0) << compared.err;
    for (const std::string file : {"comparison.csv", "comparison.geojson"}) {
        EXPECT_EQ(read_text(dir / "compared" / file), read_text(dir / "out" / file)) << file;
    }
}

TEST(London, HaveringsResidentsAreOnePartyEachAcrossTheTwoFiles) {
    REQUIRE_LONDON_DATA();
    TempDir dir;
    const CommandResult result = run(london_job(dir / "out", "--council Havering"));
    ASSERT_EQ(result.exit_code, 0) << result.err;
    // Democracy Club gives Upminster and Cranham Residents Association as PP30, the GLA by name:
    // one party, which held its three seats in Cranham (E05013968), no gain from itself.
    const auto cranham = ward_rows(dir / "out", "E05013968");
    ASSERT_TRUE(cranham.count("UPMINSTER-AND-CRANHAM-RESIDENTS-ASSOCIATION")) << result.out;
    const Row& residents = cranham.at("UPMINSTER-AND-CRANHAM-RESIDENTS-ASSOCIATION");
    EXPECT_EQ(residents.actual, 3);
    EXPECT_EQ(residents.notional, 3);
    EXPECT_EQ(residents.verdict, "");
    EXPECT_EQ(residents.label, "UPMINSTER-AND-CRANHAM-RESIDENTS-ASSOCIATION hold (notional)");
    EXPECT_EQ(cranham.size(), 6U) << "no party twice";
    // The GLA's "Havering Residents Association - Harold Wood" and its other branches are the
    // association Democracy Club names once.
    EXPECT_TRUE(contains(result.out, "HAVERING-RESIDENTS-ASSOCIATION") &&
                contains(result.out, "name before its branch"))
        << result.out;
    EXPECT_FALSE(
        contains(read_text(dir / "out" / "comparison.csv"), "HAVERING-RESIDENTS-ASSOCIATION-"));
    // Two names the files cannot tie without help: an alias joins them.
    write_text(dir / "aliases.csv",
               "from,to\n"
               "Rainham Resident's Association,"
               "Rainham Independent Residents Association (South Hornchurch)\n");
    const CommandResult aliased = run(london_job(
        dir / "aliased", "--council Havering --party-alias " + (dir / "aliases.csv").string()));
    ASSERT_EQ(aliased.exit_code, 0) << aliased.err;
    EXPECT_TRUE(contains(aliased.out, "RAINHAM-RESIDENTS-ASSOCIATION") &&
                contains(aliased.out, "alias ("))
        << aliased.out;
    EXPECT_FALSE(contains(read_text(dir / "aliased" / "comparison.csv"),
                          "RAINHAM-INDEPENDENT-RESIDENTS-ASSOCIATION-SOUTH-HORNCHURCH"));
}

TEST(London, TowerHamletsAspireAndItsUnchangedRiversideWards) {
    REQUIRE_LONDON_DATA();
    TempDir dir;
    const CommandResult result = run(london_job(dir / "out", "--council \"Tower Hamlets\""));
    ASSERT_EQ(result.exit_code, 0) << result.err;
    // Tower Hamlets kept its 20 wards in 2022: each is the same ward drawn twice, carried
    // whole, though the 2018 drawing runs to the middle of the Thames.
    EXPECT_TRUE(contains(result.out, "same wards   20 wards drawn twice")) << result.out;
    const auto rows = ledger(dir / "out");
    // St Katharine's & Wapping: 29% of it in the river, not one vote lost.
    EXPECT_NEAR(rows.at("E05009330").spread, 0.29, 0.01);
    EXPECT_EQ(rows.at("E05009330").votes_lost, 0.0);
    // Aspire is PP6713 in 2018 and "Aspire" in 2022: one party. It won no seat in 2018 and 24
    // in 2022, every one a GENUINE gain: the wards did not change, so no knife-edge of 2018
    // makes one uncertain.
    const auto council = notional::read_csv(dir / "out" / "council.csv");
    const auto comparison = notional::read_csv(dir / "out" / "comparison.csv");
    int aspire = 0, genuine = 0;
    for (const auto& row : comparison.rows) {
        EXPECT_FALSE(contains(row[comparison.require("label")], "(notional)"));
        if (row[comparison.require("party")] != "ASPIRE") continue;
        aspire += std::stoi(row[comparison.require("actual_seats")]);
        const std::string& verdict = row[comparison.require("verdict")];
        if (verdict.empty()) continue;
        EXPECT_TRUE(verdict.starts_with("GENUINE")) << verdict;
        genuine += verdict == "GENUINE" ? 1 : std::stoi(verdict.substr(verdict.find('x') + 1));
    }
    EXPECT_EQ(aspire, 24);
    EXPECT_EQ(genuine, 24);
    for (const auto& row : council.rows) {
        if (row[council.require("party")] == "ASPIRE") {
            EXPECT_EQ(row[council.require("old_seats")], "0");
        }
    }
    EXPECT_FALSE(contains(read_text(dir / "out" / "comparison.csv"), "PP6713"));
}

TEST(London, TwoDrawingsOfOneCouncilsWardsAreTheSameWards) {
    REQUIRE_LONDON_DATA();
    TempDir dir;
    // The 2022 election on ONS's 200 m generalisation of Tower Hamlets' 2022 wards, carried to
    // the full drawing of the same wards and compared with itself: every ward is itself.
    const std::string bsc = (shared / "uk_wards_bsc" / "uk_wards_dec2022_bsc_wgs84.gpkg").string();
    const std::string job = bin + " --old " + bsc + " --new " +
                            (london / "wards_2022" / "london_wards_2022_wgs84.gpkg").string() +
                            " --council \"Tower Hamlets\" --results " + gla + " --results-wards " +
                            gla_wards;
    const CommandResult result = run(job + " --actual " + gla + " --actual-wards " + gla_wards +
                                     " -o " + (dir / "same").string());
    ASSERT_EQ(result.exit_code, 0) << result.err;
    EXPECT_TRUE(contains(result.out, "same wards   20 wards drawn twice")) << result.out;
    EXPECT_TRUE(contains(result.out, "change       20 unchanged, 0 minor, 0 major, 0 new"))
        << result.out;
    const auto comparison = notional::read_csv(dir / "same" / "comparison.csv");
    for (const auto& row : comparison.rows) {
        EXPECT_TRUE(row[comparison.require("label")].ends_with(" hold")) << row[0];
        EXPECT_EQ(row[comparison.require("change")], "0") << row[0];
    }
    // Asked not to trust the codes, the overlay moves up to 6.6% of a ward's votes (Aspire in
    // E05009322) to its neighbours: what the shapes alone would have done.
    const CommandResult apart = run(job + " --no-code-match -o " + (dir / "apart").string());
    ASSERT_EQ(apart.exit_code, 0) << apart.err;
    EXPECT_TRUE(contains(apart.out, "change       0 unchanged")) << apart.out;
    const auto same = notional::read_csv(dir / "same" / "notional.csv");
    const auto moved = notional::read_csv(dir / "apart" / "notional.csv");
    std::map<std::pair<std::string, std::string>, double> before, after;
    std::map<std::string, double> ward_total;
    for (const auto& row : same.rows) {
        const double votes = std::stod(row[same.require("votes")]);
        before[{row[0], row[same.require("party")]}] = votes;
        ward_total[row[0]] += votes;
    }
    for (const auto& row : moved.rows) {
        after[{row[0], row[moved.require("party")]}] = std::stod(row[moved.require("votes")]);
    }
    double worst = 0.0;
    for (const auto& [key, votes] : before) {
        worst = std::max(worst, std::abs(votes - after[key]) / ward_total[key.first]);
    }
    EXPECT_NEAR(worst, 0.066, 0.002);
}

TEST(London, ARiversideWardOfAChangedBoroughSpreadsItsVotesOffTheRiver) {
    REQUIRE_LONDON_DATA();
    TempDir dir;
    const CommandResult result = run(london_job(dir / "out", "--council Newham"));
    ASSERT_EQ(result.exit_code, 0) << result.err;
    // Royal Docks (E05000491): 30% of its 2018 drawing lies in the Thames, beyond the 2022
    // wards. By area a third of its votes were lost; now they go to the part on the map.
    const auto rows = ledger(dir / "out");
    EXPECT_NEAR(rows.at("E05000491").spread, 0.299, 0.001);
    EXPECT_EQ(rows.at("E05000491").votes_lost, 0.0);
    EXPECT_TRUE(contains(result.out, "most Royal Docks (E05000491) 29.9%")) << result.out;
    // uncovered.geojson shows where, and says so.
    const std::string uncovered = read_text(dir / "out" / "uncovered.geojson");
    EXPECT_TRUE(contains(uncovered, "\"old_code\": \"E05000491\"")) << uncovered.substr(0, 400);
    EXPECT_TRUE(contains(uncovered, "spread over the part the map covers"));
}

TEST(London, WardsWithoutResultsAreNamedAndTheComparisonGoesOn) {
    REQUIRE_LONDON_DATA();
    TempDir dir;
    // Democracy Club has no 2018 rows for Willesden Green (Brent).
    const CommandResult result = run(london_job(dir / "out", "--council Brent"));
    ASSERT_EQ(result.exit_code, 0) << result.err;
    EXPECT_TRUE(contains(result.out,
                         "no results   1 old wards have no results in the file: Willesden Green "
                         "(E05000105); the new wards they feed are partial: Cricklewood & "
                         "Mapesbury (E05013499), Roundwood (E05013509), Willesden Green "
                         "(E05013517)"))
        << result.out;
    // Roundwood draws half from it: no notional, shown but not judged.
    const auto roundwood = ward_rows(dir / "out", "E05013509");
    ASSERT_FALSE(roundwood.empty());
    for (const auto& [party, row] : roundwood) {
        EXPECT_EQ(row.label, "not judged") << party;
        EXPECT_EQ(row.notional, -1) << party;
    }
    const std::string report = read_text(dir / "out" / "report.md");
    EXPECT_TRUE(contains(report, "## Not judged")) << report;
    EXPECT_TRUE(contains(report, "- Roundwood (E05013509): won by LAB 3")) << report;
    EXPECT_TRUE(contains(report, "## Partial notionals")) << report;
    // And the Southwark ward the file also lacks.
    const CommandResult southwark = run(london_job(dir / "southwark", "--council Southwark"));
    ASSERT_EQ(southwark.exit_code, 0) << southwark.err;
    EXPECT_TRUE(contains(southwark.out, "London Bridge & West Bermondsey (E05011104)"))
        << southwark.out;
}

TEST(London, AMisspeltWardInTheLayerIsMatchedAndSaidSo) {
    REQUIRE_LONDON_DATA();
    TempDir dir;
    // The 2018 layer spells Croydon's Shirley South "Shirly South".
    const CommandResult result = run(london_job(dir / "out", "--council Croydon"));
    ASSERT_EQ(result.exit_code, 0) << result.err;
    EXPECT_TRUE(contains(result.out,
                         "near names   1 wards matched by a name one letter away: "
                         "'shirley south' of croydon as 'Shirly South' (E05011483)"))
        << result.out;
}

TEST(London, ACouncilNamedAnyWayFindsItsCodeThroughAnyInput) {
    REQUIRE_LONDON_DATA();
    TempDir dir;
    // The 2018 layer says "City of Westminster", the 2022 layer, the GLA and Democracy Club
    // "Westminster": one council, E09000033, whichever is given.
    std::string first;
    for (const std::string name : {"Westminster", "\"City of Westminster\"", "E09000033"}) {
        const auto out = dir / ("out" + std::to_string(first.empty() ? 1 : 2));
        const CommandResult result = run(london_job(out, "--council " + name + " --overwrite"));
        ASSERT_EQ(result.exit_code, 0) << name << ": " << result.err;
        EXPECT_TRUE(contains(result.out, "(E09000033) (--council)")) << result.out;
        const std::string notional = read_text(out / "notional.csv");
        if (first.empty()) {
            first = notional;
        } else {
            EXPECT_EQ(notional, first) << name;
        }
    }
    // Names fold: "Barking & Dagenham", Democracy Club's slug and the code are one council.
    const CommandResult slug = run(london_job(dir / "bd", "--council barking-and-dagenham"));
    ASSERT_EQ(slug.exit_code, 0) << slug.err;
    EXPECT_TRUE(contains(slug.out, "(E09000002) (--council)")) << slug.out;
    const CommandResult unknown = run(london_job(dir / "none", "--council Atlantis"));
    EXPECT_EQ(unknown.exit_code, 2);
    EXPECT_TRUE(contains(unknown.err, "'Atlantis' is no council")) << unknown.err;
    EXPECT_TRUE(contains(unknown.err, "(options: --council) (see notional --help)")) << unknown.err;
}

}  // namespace
}  // namespace notional::test
