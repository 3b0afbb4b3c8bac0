/// The real Bromley case (../shared/data/bromley): 2018 results on the 2022 wards.
#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include <gtest/gtest.h>

#include "core/csv.hpp"
#include "core/text.hpp"
#include "support.hpp"

namespace notional::test {
namespace {

const std::filesystem::path bromley = shared / "bromley";

#define REQUIRE_SHARED_DATA()                                                                \
    if (!std::filesystem::exists(bromley)) {                                                 \
        GTEST_SKIP() << "real data absent: " << bromley.string()                             \
                     << " (../shared/data beside the project); skipping the Bromley checks"; \
    }

const std::string old_wards =
    (bromley / "wards_old_2002-2022" / "bromley_wards_old_fullres_bng.gpkg").string();
const std::string new_wards =
    (bromley / "wards_new_2022" / "bromley_wards_new_2022_wgs84.gpkg").string();
const std::string results_2018 =
    (bromley / "results" / "bromley_2018_candidates_democracyclub.csv").string();

double column_sum(const notional::CsvTable& table, const std::string& column) {
    double sum = 0.0;
    for (const auto& row : table.rows) {
        if (!row[table.require(column)].empty()) sum += std::stod(row[table.require(column)]);
    }
    return sum;
}

TEST(Bromley, Results2018OnThe2022WardsKeepEveryVote) {
    REQUIRE_SHARED_DATA();
    TempDir dir;
    const CommandResult result =
        run(bin + " --old " + old_wards + " --new " + new_wards + " --results " + results_2018 +
            " -o " + (dir / "out").string());
    ASSERT_EQ(result.exit_code, 0) << result.err;
    EXPECT_EQ(result.err, "");
    // The old layer is in metres (British grid), the new in lon/lat: the old one's CRS is used.
    EXPECT_NE(result.out.find("EPSG:27700"), std::string::npos) << result.out;
    EXPECT_NE(result.out.find("228 candidates in 22 wards, 60 seats"), std::string::npos);

    const auto notional = notional::read_csv(dir / "out" / "notional.csv");
    std::set<std::string> new_codes;
    std::map<std::string, double> by_party;
    for (const auto& row : notional.rows) {
        new_codes.insert(row[notional.require("ward_code")]);
        by_party[row[notional.require("party")]] += std::stod(row[notional.require("votes")]);
    }
    EXPECT_EQ(new_codes.size(), 22U);
    EXPECT_EQ(*new_codes.begin(), "E05013987");
    EXPECT_EQ(*new_codes.rbegin(), "E05014008");

    // Each old ward: allocated + slivers + gaps + outside = 1, and all but a gap of it is
    // allocated.
    const auto ledger = notional::read_csv(dir / "out" / "ledger.csv");
    ASSERT_EQ(ledger.rows.size(), 22U);
    double spread = 0.0;
    for (const auto& row : ledger.rows) {
        const double allocated = std::stod(row[ledger.require("share_allocated")]);
        const double sliver = std::stod(row[ledger.require("share_sliver")]);
        const double gap = std::stod(row[ledger.require("share_gap")]);
        const double outside = std::stod(row[ledger.require("share_outside")]);
        // The shares are written to 9 decimals: four of them round by at most 2e-9.
        EXPECT_NEAR(allocated + sliver + gap + outside, 1.0, 2.5e-9) << row[0];
        EXPECT_EQ(outside, 0.0) << row[0];  // every old ward has its part on the new map
        // The two outlines differ by 0.015 km² in 150 km²: where an old ward reaches beyond
        // the new map, that part's votes are spread; the 1,504 m² of holes between new wards
        // are slits (thinner than 5 m), no gaps, so they lose nothing either.
        EXPECT_EQ(allocated, 1.0) << row[0];
        EXPECT_EQ(gap, 0.0) << row[0];
        spread += std::stod(row[ledger.require("share_spread")]) *
                  std::stod(row[ledger.require("area_m2")]);
    }
    EXPECT_NEAR(spread, 8821.0, 1.0);  // m², in 19 wards: the outlines differ by 0.0088 km²
    EXPECT_NE(result.out.find("19 old wards reach beyond the new map's outline by 8821 m²"),
              std::string::npos)
        << result.out;

    // Every 2018 vote (totals summed by hand from the file) is allocated or reported lost.
    const double lost = column_sum(ledger, "votes_lost");
    EXPECT_EQ(column_sum(ledger, "votes"), 260868.0);
    EXPECT_LT(lost, 0.001 * 260868);
    double allocated = 0.0;
    for (const auto& [party, votes] : by_party) allocated += votes;
    // notional.csv rounds each of its rows to 1e-4; 150-odd rows stay within 0.01.
    EXPECT_NEAR(allocated + lost, 260868.0, 0.01);
    EXPECT_NEAR(by_party["CON"], 131132.0, 0.001 * 131132);
    EXPECT_NEAR(by_party["LAB"], 69072.0, 0.001 * 69072);
    EXPECT_NEAR(by_party["LD"], 40188.0, 0.001 * 40188);
    EXPECT_NE(result.out.find("tolerance 1e-9"), std::string::npos);
    // Whole votes for publication add up to the 260,868, none lost.
    EXPECT_NE(result.out.find("lost         0.0000 votes (0.0000%)"), std::string::npos)
        << result.out;
    EXPECT_NE(result.out.find("rounded      260868 whole votes in the new wards + 0 lost = 260868"),
              std::string::npos)
        << result.out;
}

const std::string wards_2022 = (bromley / "results" / "bromley_2022_wards_gla.csv").string();

TEST(Bromley, NotionalSeatsOnThe2022Wards) {
    REQUIRE_SHARED_DATA();
    TempDir dir;
    const CommandResult result =
        run(bin + " --old " + old_wards + " --new " + new_wards + " --results " + results_2018 +
            " --new-seats " + wards_2022 + " -o " + (dir / "out").string());
    ASSERT_EQ(result.exit_code, 0) << result.err;

    // Seats of each 2022 ward, from the GLA ward file (15 three-seat, 6 two-seat, Darwin one).
    const auto stats = notional::read_csv(wards_2022);
    std::map<std::string, int> seats_2022;
    for (const auto& row : stats.rows) {
        seats_2022[row[stats.require("WD22CD")]] = std::stoi(row[stats.require("num_councillors")]);
    }
    ASSERT_EQ(seats_2022.size(), 22U);

    const auto notional = notional::read_csv(dir / "out" / "notional.csv");
    std::map<std::string, int> seats_by_ward, seats_by_party;
    for (const auto& row : notional.rows) {
        const int won = std::stoi(row[notional.require("notional_seats")]);
        seats_by_ward[row[notional.require("ward_code")]] += won;
        seats_by_party[row[notional.require("party")]] += won;
    }
    EXPECT_EQ(seats_by_ward, seats_2022);  // every ward filled, no more, no fewer
    int total = 0;
    for (const auto& [party, won] : seats_by_party) total += won;
    EXPECT_EQ(total, 58);
    // The council totals, in the summary and council.csv. They match the reading of press
    // figures in METHOD.md §9 (CON 48, LAB 8, IND 2), reached here independently.
    EXPECT_EQ(seats_by_party["CON"], 48);
    EXPECT_EQ(seats_by_party["LAB"], 8);
    EXPECT_EQ(seats_by_party["IND-47820"] + seats_by_party["IND-47827"], 2);
    EXPECT_NE(result.out.find("58 notional seats by rank-slot"), std::string::npos) << result.out;
    const auto council = notional::read_csv(dir / "out" / "council.csv");
    ASSERT_FALSE(council.rows.empty());
    EXPECT_EQ(council.rows[0][council.require("party")], "CON");
    EXPECT_EQ(council.rows[0][council.require("old_seats")], "50");
    EXPECT_EQ(council.rows[0][council.require("notional_seats")], "48");

    // Every new ward has a change class and an estimated share. Every Bromley boundary moved,
    // so none is unchanged; the two-seat Biggin Hill keeps its independents and draws almost
    // all its votes from the old Biggin Hill carried whole.
    const std::string geojson = read_text(dir / "out" / "notional.geojson");
    std::size_t classes = 0, estimates = 0;
    for (std::size_t at = 0; (at = geojson.find("\"boundary\": \"", at)) != std::string::npos; ++at)
        ++classes;
    for (std::size_t at = 0; (at = geojson.find("\"estimated\": ", at)) != std::string::npos; ++at)
        ++estimates;
    EXPECT_EQ(classes, 22U);
    EXPECT_EQ(estimates, 22U);
    EXPECT_EQ(geojson.find("\"boundary\": \"unchanged\""), std::string::npos);
    // Democracy Club gives no ballots: every margin is over the parties' top votes, and says so.
    EXPECT_EQ(geojson.find("\"no_ballots\": false"), std::string::npos);
    EXPECT_NE(geojson.find("\"no_ballots\": true"), std::string::npos);
    EXPECT_NE(geojson.find("\"winners\": \"IND-47820,IND-47827\""), std::string::npos);
}

/// comparison.geojson's outline colours by winner: each winner's set of `stroke` values.
std::map<std::string, std::set<std::string>> strokes_by_winner(const std::filesystem::path& path) {
    const std::string text = read_text(path);
    std::map<std::string, std::set<std::string>> strokes;
    auto value = [&](const std::string& name, std::size_t from) {
        const std::string key = "\"" + name + "\": \"";
        const std::size_t start = text.find(key, from) + key.size();
        return text.substr(start, text.find('"', start) - start);
    };
    for (std::size_t at = 0; (at = text.find("\"winner\": \"", at)) != std::string::npos; ++at) {
        strokes[value("winner", at)].insert(value("stroke", at));
    }
    return strokes;
}

TEST(Bromley, The2022ElectionAgainstThe2018Notionals) {
    REQUIRE_SHARED_DATA();
    TempDir dir;
    // The GLA candidates file alone is enough: the 2022 seats are its winners.
    const CommandResult result =
        run(bin + " --old " + old_wards + " --new " + new_wards + " --results " + results_2018 +
            " --actual " + (bromley / "results" / "bromley_2022_candidates_gla.csv").string() +
            " --actual-wards " + wards_2022 + " -o " + (dir / "out").string());
    ASSERT_EQ(result.exit_code, 0) << result.err;

    // The council table: actual CON 36, LAB 12, LD 5, Chislehurst Matters 3, Independent 2
    // (METHOD.md §9), against 2018's CON 50, LAB 8, IND 2 and the notional CON 48, LAB 8, IND 2.
    const std::string report = read_text(dir / "out" / "report.md");
    for (const char* row :
         {"| CON (Conservative) | 50 | 48 | 36 | -14 | -12 | 0 | 12 |",
          "| LAB (Labour) | 8 | 8 | 12 | +4 | +4 | 4 | 0 |",
          "| LD (Liberal Democrats) | 0 | 0 | 5 | +5 | +5 | 5 | 0 |",
          "| CHISLEHURST-MATTERS (Chislehurst Matters) | 0 | 0 | 3 | +3 | +3 | 3 | 0 |",
          "| IND (Independent) | 2 | 2 | 2 | 0 | 0 | 0 | 0 |"}) {
        EXPECT_NE(report.find(row), std::string::npos) << row << "\n" << report;
    }
    EXPECT_NE(report.find("LAB won 12, against 8 at the last election (+4, the naive change) and "
                          "8 notional on the new map (+4, the real change)"),
              std::string::npos);

    // Labour's gains in St Paul's Cray and Plaistow: notionally all-Conservative under every seat
    // rule, so genuine.
    const auto comparison = notional::read_csv(dir / "out" / "comparison.csv");
    std::map<std::string, std::vector<std::string>> labour;
    for (const auto& row : comparison.rows) {
        if (row[comparison.require("party")] == "LAB") labour[row[1]] = row;
    }
    for (const char* ward : {"St Paul's Cray", "Plaistow"}) {
        ASSERT_TRUE(labour.count(ward)) << ward;
        EXPECT_EQ(labour[ward][comparison.require("label")], "LAB 2 gains from CON (notional)");
        EXPECT_EQ(labour[ward][comparison.require("verdict")], "GENUINE x2");
        EXPECT_EQ(labour[ward][comparison.require("actual_seats")], "2");
        EXPECT_EQ(labour[ward][comparison.require("notional_seats")], "0");
    }
    EXPECT_NE(result.out.find("12 GENUINE, 1 BOUNDARY ARTEFACT, 0 UNCERTAIN"), std::string::npos)
        << result.out;
    // On the map the independents and Chislehurst Matters are told apart from each other and
    // from the parties: five winners, five colours.
    const auto strokes = strokes_by_winner(dir / "out" / "comparison.geojson");
    std::set<std::string> colours;
    for (const auto& [winner, seen] : strokes) {
        EXPECT_EQ(seen.size(), 1U) << winner;
        colours.insert(seen.begin(), seen.end());
    }
    EXPECT_EQ(strokes.size(), 5U);
    EXPECT_EQ(colours.size(), 5U);
    EXPECT_EQ(*strokes.at("CON").begin(), "#0087dc");
    EXPECT_EQ(*strokes.at("LD").begin(), "#faa61a");
}

TEST(Bromley, Gla2022ResultsWithWardStatisticsOnTheirOwnWards) {
    REQUIRE_SHARED_DATA();
    TempDir dir;
    // A layer against itself: each ward keeps exactly its own votes.
    const CommandResult result = run(
        bin + " --old " + new_wards + " --new " + new_wards + " --results " +
        (bromley / "results" / "bromley_2022_candidates_gla.csv").string() + " --results-wards " +
        wards_2022 + " --new-seats " + wards_2022 + " -o " + (dir / "out").string());
    ASSERT_EQ(result.exit_code, 0) << result.err;
    EXPECT_NE(result.out.find("198 candidates in 22 wards, 58 seats"), std::string::npos)
        << result.out;
    // Every ward lies whole in itself; the new wards also overlap their neighbours a little
    // (about 3,000 m² in all), which the summary reports.
    EXPECT_NE(result.out.find("22 whole"), std::string::npos) << result.out;
    EXPECT_NE(result.out.find("covered twice"), std::string::npos) << result.out;
    const auto notional = notional::read_csv(dir / "out" / "notional.csv");
    double chislehurst_matters = 0.0;
    for (const auto& row : notional.rows) {
        if (row[notional.require("party")] == "CHISLEHURST-MATTERS") {
            chislehurst_matters += std::stod(row[notional.require("votes")]);
        }
    }
    EXPECT_GT(chislehurst_matters, 0.0);
    // Each ward against itself is unchanged (the new file's own overlaps are noise, folded), so
    // its notional seats are its real 2022 winners: CON 36, LAB 12, LD 5, CM 3, IND 2.
    const auto council = notional::read_csv(dir / "out" / "council.csv");
    std::map<std::string, std::string> seats;
    for (const auto& row : council.rows) {
        EXPECT_EQ(row[council.require("old_seats")], row[council.require("notional_seats")])
            << row[0];
        seats[row[council.require("party")]] = row[council.require("notional_seats")];
    }
    EXPECT_EQ(seats["CON"], "36");
    EXPECT_EQ(seats["LAB"], "12");
    EXPECT_EQ(seats["LD"], "5");
    EXPECT_EQ(seats["CHISLEHURST-MATTERS"], "3");
    EXPECT_NE(result.out.find("22 unchanged"), std::string::npos) << result.out;
}

TEST(Bromley, AdultPopulationWeightsAgainstArea) {
    REQUIRE_SHARED_DATA();
    TempDir dir;
    const std::string job = bin + " --old " + old_wards + " --new " + new_wards + " --results " +
                            results_2018 + " --new-seats " + wards_2022;
    const std::string adults =
        " --weights " + (bromley / "weights" / "bromley_lsoa2021_gen20_bng.gpkg").string() +
        " --weights-table " +
        (bromley / "weights" / "bromley_census2021_lsoa_usual_residents_by_age6.csv").string() +
        " --weights-key lsoa21_code --weight-field usual_residents --weights-name adults"
        " --weights-filter 'age_group!=Aged 15 years and under'";
    ASSERT_EQ(run(job + " -o " + (dir / "area").string()).exit_code, 0);
    const CommandResult result = run(job + adults + " -o " + (dir / "adults").string());
    ASSERT_EQ(result.exit_code, 0) << result.err;
    EXPECT_NE(result.out.find("adults: 199 small areas"), std::string::npos) << result.out;
    EXPECT_NE(result.out.find("crosswalk    adults (chosen), area"), std::string::npos);
    EXPECT_NE(result.out.find("0 old wards of no weight use area"), std::string::npos);

    auto votes = [](const std::filesystem::path& csv) {
        const auto table = notional::read_csv(csv);
        std::map<std::pair<std::string, std::string>, double> out;
        for (const auto& row : table.rows) {
            out[{row[1], row[table.require("party")]}] = std::stod(row[table.require("votes")]);
        }
        return out;
    };
    auto by_area = votes(dir / "area" / "notional.csv");
    auto by_adults = votes(dir / "adults" / "notional.csv");
    // Darwin is the rural south of the borough: half of its area-weighted votes come from
    // countryside that holds few people, so following adults halves its notional vote.
    EXPECT_LT((by_adults[{"Darwin", "CON"}]), 0.6 * (by_area[{"Darwin", "CON"}]));
    // Farnborough & Crofton takes the populous part of old Farnborough and Crofton: it gains.
    EXPECT_GT((by_adults[{"Farnborough & Crofton", "CON"}]),
              1.2 * (by_area[{"Farnborough & Crofton", "CON"}]));
    // Either way every vote is kept: the totals by party agree to what is lost.
    double area_total = 0.0, adults_total = 0.0;
    for (const auto& [key, v] : by_area) area_total += v;
    for (const auto& [key, v] : by_adults) adults_total += v;
    EXPECT_NEAR(area_total, 260868.0, 0.001 * 260868);
    EXPECT_NEAR(adults_total, 260868.0, 0.001 * 260868);
    // The ensemble agrees on the council: CON 48, LAB 8, IND 2 under every crosswalk and rule.
    EXPECT_NE(result.out.find("58 notional seats by rank-slot"), std::string::npos);
    const auto notional = notional::read_csv(dir / "adults" / "notional.csv");
    for (const auto& row : notional.rows) {
        const std::string& support = row[notional.require("seat_support")];
        if (support.empty()) continue;
        EXPECT_EQ(support.find_first_not_of("1.0;"), std::string::npos) << row[1] << " " << support;
    }
}

TEST(Bromley, TheLondonWideFilesFilteredToBromleyGiveTheSameOutputs) {
    REQUIRE_SHARED_DATA();
    TempDir dir;
    const auto london = shared / "london";
    const std::string results = " --results " + results_2018 + " --new-seats " + wards_2022;
    ASSERT_EQ(run(bin + " --old " + old_wards + " --new " + new_wards + results + " -o " +
                  (dir / "bromley").string())
                  .exit_code,
              0);
    const CommandResult filtered = run(
        bin + " --old " + (london / "london_wards_2018_fullres_bng.gpkg").string() +
        " --old-where \"LAGSSCODE = 'E09000006'\" --new " +
        (london / "wards_2022" / "london_wards_2022_wgs84.gpkg").string() +
        " --new-where \"lad22cd = 'E09000006'\"" + results + " -o " + (dir / "london").string());
    ASSERT_EQ(filtered.exit_code, 0) << filtered.err;
    for (const auto& name : files_in(dir / "bromley")) {
        if (name == "manifest.json") continue;  // it names other inputs: the London-wide files
        EXPECT_EQ(read_text(dir / "london" / name), read_text(dir / "bromley" / name)) << name;
    }
}

TEST(Bromley, PostcodePointsLandInTheirOwnWards) {
    REQUIRE_SHARED_DATA();
    TempDir dir;
    const auto postcodes = bromley / "weights" / "bromley_codepoint_open_postcodes.csv";
    const CommandResult result = run(
        bin + " --old " + old_wards + " --new " + new_wards + " --weights " + postcodes.string() +
        " --weights-crs EPSG:27700 --weights-name postcodes -o " + (dir / "out").string());
    ASSERT_EQ(result.exit_code, 0) << result.err;
    EXPECT_NE(result.out.find("postcodes: 7255 points"), std::string::npos) << result.out;
    EXPECT_NE(result.out.find("0 of them (0) outside every old ward"), std::string::npos);
    // Code-Point names each postcode's 2022 ward: the ground truth. Counted through the
    // crosswalk, every new ward holds exactly its own postcodes but for one, the single
    // postcode whose point lies outside its named ward (SOURCES.md): off by one in two wards.
    const auto truth_table = notional::read_csv(postcodes);
    std::map<std::string, double> truth, ours;
    for (const auto& row : truth_table.rows) ++truth[row[truth_table.require("Admin_ward_code")]];
    const auto crosswalk = notional::read_csv(dir / "out" / "crosswalk.csv");
    for (const auto& row : crosswalk.rows) {
        ours[row[crosswalk.require("new_code")]] += std::stod(row[crosswalk.require("weight")]);
    }
    ASSERT_EQ(truth.size(), 22U);
    double off = 0.0;
    for (const auto& [code, count] : truth) off += std::abs(ours[code] - count);
    EXPECT_EQ(off, 2.0);
}

/// Per party, its notional seats in a council.csv.
std::map<std::string, int> notional_seats_by_party(const notional::CsvTable& council) {
    std::map<std::string, int> seats;
    for (const auto& row : council.rows) {
        seats[row[council.require("party")]] = std::stoi(row[council.require("notional_seats")]);
    }
    return seats;
}

/// Per seat of a general election's comparison.csv, its winner's label and verdict: "LAB gain
/// from CON (notional): GENUINE".
std::map<std::string, std::string> seat_verdicts(const std::filesystem::path& csv) {
    const auto comparison = notional::read_csv(csv);
    std::map<std::string, std::string> verdicts;
    for (const auto& row : comparison.rows) {
        if (row[comparison.require("actual_seats")] != "1") continue;
        verdicts[row[comparison.require("ward_name")]] =
            row[comparison.require("label")] + ": " + row[comparison.require("verdict")];
    }
    return verdicts;
}

TEST(GeneralElection, CommonsLibraryResultsAsPublishedOnTheNewSeats) {
    const auto westminster = shared / "westminster";
    if (!std::filesystem::exists(westminster)) {
        GTEST_SKIP() << "real data absent: " << westminster.string()
                     << "; skipping the general election";
    }
    TempDir dir;
    const auto results = westminster / "results";
    // 2019 on the 2024 seats by area, and 2024 against it, straight from the published files.
    const CommandResult result = run(
        bin + " --old " +
        (westminster / "boundaries" / "pcon_dec2019_bgc_topo_wgs84.gpkg").string() + " --new " +
        (westminster / "boundaries" / "pcon_jul2024_bgc_topo_wgs84.gpkg").string() + " --results " +
        (results / "ge2019_candidacies_hoclib.csv").string() + " --results-wards " +
        (results / "ge2019_constituencies_hoclib.csv").string() + " --actual " +
        (results / "ge2024_candidacies_hoclib.csv").string() + " --actual-wards " +
        (results / "ge2024_constituencies_hoclib.csv").string() + " -o " + (dir / "out").string());
    ASSERT_EQ(result.exit_code, 0) << result.err;
    EXPECT_EQ(result.err, "");
    EXPECT_TRUE(contains(result.out, "3320 candidates in 650 wards, 650 seats")) << result.out;
    // The seats whose coast or estuary the 2024 map draws inside the 2019 one: those with more
    // than a sliver beyond it, the 282 shaped in uncovered.geojson, not the 455 (444 measured)
    // whose pieces' sum fell short of their area by a rounding error.
    EXPECT_TRUE(
        contains(result.out, "282 old wards reach beyond the new map's outline by 39135441"))
        << result.out;
    // Claire Wright (East Devon, 40%) and four others: split like parties, not carried whole.
    EXPECT_TRUE(contains(result.out, "5 independents with a tenth of their seat's vote or more"))
        << result.out;

    // Every vote: 32,014,110 valid votes in 2019, the Commons Library's total; 52.5 lost in
    // gaps between the 2024 seats and slivers (53.5 when each seat's uncovered part was cut
    // by one new seat after another, which moved a gap's edge with the order of the cuts).
    const auto council = notional::read_csv(dir / "out" / "council.csv");
    EXPECT_EQ(column_sum(council, "old_votes"), 32'014'110.0);
    EXPECT_NEAR(column_sum(council, "notional_votes"), 32'014'110.0 - 52.49, 0.01);
    std::map<std::string, std::pair<int, int>> seats;  // party -> old, notional
    for (const auto& row : council.rows) {
        seats[row[council.require("party")]] = {std::stoi(row[council.require("old_seats")]),
                                                std::stoi(row[council.require("notional_seats")])};
    }
    // The notional 2019 result by area (Rallings and Thrasher's, from people and local
    // results: CON 372, LAB 200, LD 8, SNP 48, PC 2).
    EXPECT_EQ(seats["CON"], (std::pair{365, 369}));
    EXPECT_EQ(seats["LAB"], (std::pair{202, 203}));
    EXPECT_EQ(seats["LD"], (std::pair{11, 9}));
    EXPECT_EQ(seats["SNP"], (std::pair{48, 48}));
    EXPECT_EQ(seats["PC"], (std::pair{4, 1}));
    EXPECT_EQ(seats["SPK"], (std::pair{1, 1}));
    int notional_total = 0;
    for (const auto& [party, entry] : seats) notional_total += entry.second;
    EXPECT_EQ(notional_total, 650);

    // Labour's gain in Eltham & Chislehurst is from the notional Conservative seat; Beckenham
    // & Penge's "gain" is a boundary artefact: notionally Labour's already.
    auto verdicts = seat_verdicts(dir / "out" / "comparison.csv");
    EXPECT_EQ(verdicts.size(), 650U);
    EXPECT_EQ(verdicts["Eltham and Chislehurst"], "LAB gain from CON (notional): GENUINE");
    EXPECT_EQ(verdicts["Beckenham and Penge"], "LAB hold (notional): BOUNDARY ARTEFACT");
    EXPECT_EQ(verdicts["Orpington"], "CON hold (notional): ");
    // Carried whole, Claire Wright's 25,869 votes would make her the notional winner here.
    EXPECT_EQ(verdicts["Exmouth and Exeter East"], "CON hold (notional): ");
    // Scotland and Northern Ireland are in their winners' own colours, not a common grey: 15
    // winning parties (the independents as one), 15 colours.
    const auto strokes = strokes_by_winner(dir / "out" / "comparison.geojson");
    std::set<std::string> colours;
    for (const auto& [winner, seen] : strokes) colours.insert(seen.begin(), seen.end());
    EXPECT_EQ(strokes.size(), 15U);
    EXPECT_EQ(colours.size(), 15U);
    for (const auto& [party, colour] : std::map<std::string, std::string>{{"SNP", "#fdf38e"},
                                                                          {"SF", "#326760"},
                                                                          {"DUP", "#d46a4c"},
                                                                          {"PC", "#005b54"},
                                                                          {"APNI", "#f6cb2f"},
                                                                          {"SDLP", "#2aa82c"}}) {
        EXPECT_EQ(strokes.at(party), std::set<std::string>{colour}) << party;
    }

    // report.html by constituency, every one drawn, and a page of a few MB.
    const std::string page = read_text(dir / "out" / "report.html");
    const auto count_of = [&](const std::string& part) {
        std::size_t count = 0;
        for (auto at = page.find(part); at != std::string::npos; at = page.find(part, at + 1)) {
            ++count;
        }
        return count;
    };
    EXPECT_TRUE(contains(page, "Winner in each constituency"));
    EXPECT_EQ(count_of("<section class=\"card\""), 650U);
    EXPECT_EQ(count_of("<path d=\"M"), 4U * 650U);
    EXPECT_LT(page.size(), 6'000'000U);

    // `notional compare` on the base maps the seats as the main job did: the base's shapes as
    // written, not repaired after their rounding to 7 decimals (which joined or split parts
    // that the rounding made touch, Llanelli's 7 polygons into 6, and redrew 25 seats).
    const CommandResult compared =
        run(bin + " compare --notional " + (dir / "out").string() + " --actual " +
            (results / "ge2024_candidacies_hoclib.csv").string() + " --actual-wards " +
            (results / "ge2024_constituencies_hoclib.csv").string() + " -o " +
            (dir / "compared").string());
    ASSERT_EQ(compared.exit_code, 0) << compared.err;
    for (const std::string file : {"comparison.csv", "comparison.geojson"}) {
        EXPECT_EQ(read_text(dir / "compared" / file), read_text(dir / "out" / file)) << file;
    }
}

TEST(GeneralElection, DemocracyClubsParliamentaryFileGivesTheSameNotional) {
    const auto westminster = shared / "westminster";
    if (!std::filesystem::exists(westminster)) {
        GTEST_SKIP() << "real data absent: " << westminster.string()
                     << "; skipping the general election";
    }
    TempDir dir;
    // The Commons Library's 2019 candidates as Democracy Club publishes a general election: one
    // ballot paper per constituency, named by its slug (parl.ynys-mon.2019-12-12), no code.
    const auto hoclib =
        notional::read_csv(westminster / "results" / "ge2019_candidacies_hoclib.csv");
    std::map<std::string, double> best;
    for (const auto& row : hoclib.rows) {
        double& most = best[row[hoclib.require("ONS ID")]];
        most = std::max(most, std::stod(row[hoclib.require("Votes")]));
    }
    std::string dc =
        "election_id,ballot_paper_id,person_id,party_id,party_name,person_name,ballots_cast,"
        "is_winner\n";
    for (std::size_t r = 0; r < hoclib.rows.size(); ++r) {
        const auto& row = hoclib.rows[r];
        const std::string votes = row[hoclib.require("Votes")];
        dc += "parl.2019-12-12,parl." + notional::slug(row[hoclib.require("Constituency name")]) +
              ".2019-12-12," + std::to_string(r + 1) + "," +
              row[hoclib.require("Electoral Commission party ID")] + ",\"" +
              row[hoclib.require("Party name")] + "\",Candidate " + std::to_string(r + 1) + "," +
              votes + "," +
              (std::stod(votes) == best[row[hoclib.require("ONS ID")]] ? "True" : "False") + "\n";
    }
    write_text(dir / "parl.csv", dc);
    const CommandResult result =
        run(bin + " --old " +
            (westminster / "boundaries" / "pcon_dec2019_bgc_topo_wgs84.gpkg").string() + " --new " +
            (westminster / "boundaries" / "pcon_jul2024_bgc_topo_wgs84.gpkg").string() +
            " --results " + (dir / "parl.csv").string() + " -o " + (dir / "out").string());
    ASSERT_EQ(result.exit_code, 0) << result.err;
    EXPECT_TRUE(contains(result.out, "3320 candidates in 650 wards, 650 seats")) << result.out;
    EXPECT_TRUE(contains(result.out, "(Democracy Club); 5 independents")) << result.out;
    // Every constituency matched by its name; one seat each without --actual.
    EXPECT_TRUE(contains(result.out, "650 notional seats by rank-slot")) << result.out;
    const auto council = notional::read_csv(dir / "out" / "council.csv");
    EXPECT_EQ(column_sum(council, "old_votes"), 32'014'110.0);
    auto seats = notional_seats_by_party(council);
    // As from the Commons Library's file, by area.
    EXPECT_EQ(seats["CON"], 369);
    EXPECT_EQ(seats["LAB"], 203);
    EXPECT_EQ(seats["LD"], 9);
    EXPECT_EQ(seats["SNP"], 48);
    EXPECT_EQ(seats["PC"], 1);
}

/// Per new seat and party, the notional votes of a run's notional.csv.
std::map<std::string, std::map<std::string, double>> notional_votes(
    const std::filesystem::path& csv) {
    const auto table = notional::read_csv(csv);
    std::map<std::string, std::map<std::string, double>> votes;
    for (const auto& row : table.rows) {
        votes[row[table.require("ward_name")]][row[table.require("party")]] =
            std::stod(row[table.require("votes")]);
    }
    return votes;
}

TEST(GeneralElection, LocalSupportLeansLondonsSeatsWherePeopleAloneCannot) {
    const auto westminster = shared / "westminster";
    const auto people = shared / "england_wales" / "lsoa2011_centroids_population_2019.csv";
    const auto london = shared / "london";
    if (!std::filesystem::exists(westminster) || !std::filesystem::exists(people) ||
        !std::filesystem::exists(london)) {
        GTEST_SKIP() << "real data absent: " << westminster.string() << ", " << people.string()
                     << " or " << london.string() << "; skipping local support";
    }
    TempDir dir;
    const auto results = westminster / "results";
    const std::string job =
        bin + " --old " +
        (westminster / "boundaries" / "pcon_dec2019_bgc_topo_wgs84.gpkg").string() + " --new " +
        (westminster / "boundaries" / "pcon_jul2024_bgc_topo_wgs84.gpkg").string() + " --results " +
        (results / "ge2019_candidacies_hoclib.csv").string() + " --results-wards " +
        (results / "ge2019_constituencies_hoclib.csv").string() + " --weights " + people.string() +
        " --weights-crs EPSG:4326 --weight-field population_2019";
    // People alone, then people and the London 2022 borough elections, with 2024 against it:
    // the command of the issue, straight from the published files.
    const CommandResult by_people = run(job + " -o " + (dir / "people").string());
    ASSERT_EQ(by_people.exit_code, 0) << by_people.err;
    const CommandResult result = run(
        job + " --support " + (london / "wards_2022" / "london_wards_2022_wgs84.gpkg").string() +
        " --support-results " +
        (london / "results_2022_gla" / "candidate_level_cleaned_2022.csv").string() +
        " --support-wards " +
        (london / "results_2022_gla" / "ward_level_cleaned_2022.csv").string() + " --actual " +
        (results / "ge2024_candidacies_hoclib.csv").string() + " --actual-wards " +
        (results / "ge2024_constituencies_hoclib.csv").string() + " -o " +
        (dir / "support").string());
    ASSERT_EQ(result.exit_code, 0) << result.err;
    EXPECT_EQ(result.err, "");
    EXPECT_TRUE(contains(
        result.out, "support      1 local election: " + (london / "results_2022_gla").string()))
        << result.out;
    EXPECT_TRUE(contains(result.out,
                         "15.1% of the people in a place a local result covers; in "
                         "59 old wards a party's votes lean"))
        << result.out;
    EXPECT_TRUE(contains(result.out,
                         "crosswalk    population_2019+support (chosen), "
                         "population_2019, area"))
        << result.out;

    // Every party's national total is the same as by people alone: within each old seat its
    // votes only move between the seat's pieces (the ledger checks each old seat exactly).
    const auto council = notional::read_csv(dir / "support" / "council.csv");
    const auto council_people = notional::read_csv(dir / "people" / "council.csv");
    EXPECT_EQ(column_sum(council, "old_votes"), 32'014'110.0);
    EXPECT_NEAR(column_sum(council, "notional_votes"), column_sum(council_people, "notional_votes"),
                1e-6);
    auto seats = notional_seats_by_party(council);
    EXPECT_EQ(seats["CON"], 370);  // by people alone 369
    EXPECT_EQ(seats["LAB"], 201);  // 202: Dagenham and Rainham turns notionally Conservative
    EXPECT_EQ(seats["LD"], 9);

    // Only London's seats move, where the local results are: 68 of its 75 (the other 7 each
    // come from one old seat's people alone, or whole).
    const auto with_support = notional_votes(dir / "support" / "notional.csv");
    const auto alone = notional_votes(dir / "people" / "notional.csv");
    const auto seats_2024 = notional::read_csv(results / "ge2024_constituencies_hoclib.csv");
    std::set<std::string> in_london;
    for (const auto& row : seats_2024.rows) {
        if (row[seats_2024.require("Region name")] == "London") {
            in_london.insert(row[seats_2024.require("Constituency name")]);
        }
    }
    ASSERT_EQ(in_london.size(), 75U);
    ASSERT_EQ(with_support.size(), 650U);
    std::size_t moved = 0;
    for (const auto& [seat, parties] : with_support) {
        double most = 0.0;
        for (const auto& [party, votes] : parties) {
            most = std::max(most, std::abs(votes - alone.at(seat).at(party)));
        }
        if (most <= 0.01) continue;
        ++moved;
        EXPECT_TRUE(in_london.contains(seat)) << seat << " moved by " << most;
    }
    EXPECT_EQ(moved, 68U);

    // Eltham & Chislehurst: 85% of Eltham's people and 28% of Bromley & Chislehurst's. Labour's
    // 2022 share among these people is below its share across their old seats, so 1,559 of the
    // Labour votes people alone would give it go to the seats' other parts; the Conservatives'
    // hardly move. A knife-edge by people (CON 21,520 to LAB 21,192) is a clear Conservative
    // notional.
    const auto& eltham = with_support.at("Eltham and Chislehurst");
    EXPECT_NEAR(alone.at("Eltham and Chislehurst").at("LAB"), 21'192.0, 1.0);
    EXPECT_NEAR(alone.at("Eltham and Chislehurst").at("CON"), 21'520.0, 1.0);
    EXPECT_NEAR(eltham.at("LAB"), 19'633.0, 1.0);
    EXPECT_NEAR(eltham.at("CON"), 21'566.0, 1.0);
    // Orpington: 87% of Orpington's people and 18% of Bromley & Chislehurst's, among whom
    // Labour's local share is above its old seats' average.
    EXPECT_NEAR(alone.at("Orpington").at("LAB"), 9'823.0, 1.0);
    EXPECT_NEAR(with_support.at("Orpington").at("LAB"), 11'564.0, 1.0);
    EXPECT_NEAR(with_support.at("Orpington").at("CON"), 32'170.0, 1.0);
    EXPECT_NEAR(with_support.at("Bromley and Biggin Hill").at("CON"), 27'089.0, 1.0);
    EXPECT_NEAR(with_support.at("Bromley and Biggin Hill").at("LAB"), 11'590.0, 1.0);
    EXPECT_NEAR(with_support.at("Beckenham and Penge").at("LAB"), 23'445.0, 1.0);
    EXPECT_NEAR(with_support.at("Beckenham and Penge").at("CON"), 22'177.0, 1.0);

    auto verdicts = seat_verdicts(dir / "support" / "comparison.csv");
    EXPECT_EQ(verdicts.size(), 650U);
    // No longer a knife-edge: the gain is genuine under every variant.
    EXPECT_EQ(verdicts["Eltham and Chislehurst"], "LAB gain from CON (notional): GENUINE");
    EXPECT_EQ(verdicts["Beckenham and Penge"], "LAB hold (notional): BOUNDARY ARTEFACT");
    EXPECT_EQ(verdicts["Bromley and Biggin Hill"], "CON hold (notional): ");
    EXPECT_EQ(verdicts["Orpington"], "CON hold (notional): ");
    // Where the variants disagree, the verdict says so.
    EXPECT_EQ(verdicts["Dagenham and Rainham"], "LAB gain from CON (notional): UNCERTAIN");
}

TEST(Westminster, PopulationSharesAgainstTheOfficialOverlaps) {
    const auto westminster = shared / "westminster";
    const auto lsoa = shared / "london" / "lsoa_population" / "london-2021-lsoa-gen20.shp";
    const auto census = shared / "england_wales" / "census2021_population" /
                        "england_wales_census2021_lsoa_usual_residents_by_age6.csv";
    if (!std::filesystem::exists(westminster) || !std::filesystem::exists(lsoa)) {
        GTEST_SKIP() << "real data absent: " << westminster.string() << " or " << lsoa.string()
                     << "; skipping the Westminster check";
    }
    TempDir dir;
    // 2019 to 2024 constituencies (ONS BGC, quantised: about a fifth need repair), weighted by
    // Census 2021 usual residents of London's LSOAs; elsewhere area stands in.
    const CommandResult result = run(
        bin + " --old " +
        (westminster / "boundaries" / "pcon_dec2019_bgc_topo_wgs84.gpkg").string() + " --new " +
        (westminster / "boundaries" / "pcon_jul2024_bgc_topo_wgs84.gpkg").string() + " --weights " +
        lsoa.string() + " --weights-table " + census.string() +
        " --weights-key lsoa21_code --weight-field usual_residents --weights-name population -o " +
        (dir / "out").string());
    ASSERT_EQ(result.exit_code, 0) << result.err;
    EXPECT_NE(result.out.find("650 from"), std::string::npos);
    EXPECT_NE(result.out.find("111 repaired"), std::string::npos) << result.out;
    EXPECT_NE(result.out.find("crosswalk    population (chosen), area"), std::string::npos);

    // The London seats of 2019 (73), from the Commons Library results.
    const auto results =
        notional::read_csv(westminster / "results" / "ge2019_constituencies_hoclib.csv");
    std::set<std::string> london;
    for (const auto& row : results.rows) {
        if (row[results.require("Region name")] == "London") london.insert(row[0]);
    }
    ASSERT_EQ(london.size(), 73U);
    const auto crosswalk = notional::read_csv(dir / "out" / "crosswalk.csv");
    std::map<std::pair<std::string, std::string>, std::pair<double, double>> ours;
    for (const auto& row : crosswalk.rows) {
        ours[{row[0], row[1]}] = {std::stod(row[crosswalk.require("share_of_old")]),
                                  std::stod(row[crosswalk.require("share_of_new")])};
    }
    const auto official = notional::read_csv(westminster / "notionals" /
                                             "constituency_area_overlaps_pcon2010_pcon2024.csv");
    double from_sum = 0.0, to_sum = 0.0, from_max = 0.0, to_max = 0.0;
    std::size_t pairs = 0;
    for (const auto& row : official.rows) {
        const std::string& from = row[official.require("from_PCON10CD")];
        if (!london.count(from)) continue;
        const auto it = ours.find({from, row[official.require("to_PCON24CD")]});
        const auto [f, g] = it == ours.end() ? std::pair<double, double>{0.0, 0.0} : it->second;
        const double df = std::abs(f - std::stod(row[official.require("from_population_overlap")]));
        const double dg = std::abs(g - std::stod(row[official.require("to_population_overlap")]));
        from_sum += df;
        to_sum += dg;
        from_max = std::max(from_max, df);
        to_max = std::max(to_max, dg);
        ++pairs;
    }
    ASSERT_EQ(pairs, 172U);
    // Measured: mean 0.0037 and 0.0036, largest 0.019 (Brent North to Brent West) and 0.024
    // (Leyton and Wanstead's share of its successor): LSOAs, not the official smaller areas.
    EXPECT_LT(from_sum / static_cast<double>(pairs), 0.005);
    EXPECT_LT(to_sum / static_cast<double>(pairs), 0.005);
    EXPECT_LT(from_max, 0.025);
    EXPECT_LT(to_max, 0.03);
}

}  // namespace
}  // namespace notional::test
