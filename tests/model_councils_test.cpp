/// Unit tests of council identity and of results that name their councils.
#include <gtest/gtest.h>

#include "core/csv.hpp"
#include "core/error.hpp"
#include "model/councils.hpp"
#include "model/matching.hpp"
#include "model/results.hpp"
#include "report/results_formats.hpp"
#include "model/ward_numbers.hpp"
#include "support.hpp"

namespace notional::model {
namespace {

using test::contains;
using report::parse_results_format;
using report::read_results;
using test::message_of;
using test::TempDir;

TEST(Councils, KeysDropWhatNamesAddAroundTheCouncil) {
    EXPECT_EQ(council_key("City of Westminster"), "westminster");
    EXPECT_EQ(council_key("westminster"), "westminster");
    EXPECT_EQ(council_key("Kingston upon Hull, City of"), "kingston upon hull");
    EXPECT_EQ(council_key("Royal Borough of Kensington and Chelsea"), "kensington chelsea");
    EXPECT_EQ(council_key("Barking & Dagenham"), council_key("barking-and-dagenham"));
    EXPECT_EQ(council_key("Bromley London Borough Council"), "bromley london");
    EXPECT_EQ(council_key("Ynys M\xC3\xB4n"), "ynys mon");
}

TEST(Councils, ANameFindsTheCodeThatAnotherInputGivesBesideIt) {
    Councils councils;
    councils.add("E09000033", "City of Westminster");  // the 2018 layer
    councils.add("E09000033", "Westminster");          // the 2022 layer
    councils.add("", "westminster");                   // a Democracy Club slug
    councils.add("E09000006", "Bromley");
    councils.add("", "bromley");
    const auto westminster = councils.find("E09000033");
    ASSERT_TRUE(westminster.has_value());
    EXPECT_EQ(councils.find("Westminster"), westminster);
    EXPECT_EQ(councils.find("City of Westminster"), westminster);
    EXPECT_EQ(councils.find("e09000033"), westminster);  // codes in any case
    EXPECT_EQ(councils.find("", "westminster"), westminster);
    EXPECT_NE(councils.find("Bromley"), westminster);
    EXPECT_FALSE(councils.find("Atlantis").has_value());
    EXPECT_EQ(councils.label(*westminster), "City of Westminster (E09000033)");
}

TEST(Councils, DemocracyClubRowsNameTheirCouncilAndOtherBallotsAreSkipped) {
    TempDir dir;
    const auto path = dir.write(
        "dc.csv",
        "election_id,ballot_paper_id,person_id,party_id,party_name,person_name,ballots_cast,"
        "is_winner\n"
        "mayor.hackney.2018-05-03,mayor.hackney.2018-05-03,1,PP53,Labour Party,A,100,True\n"
        "local.merton.graveney.2018-05-03,local.merton.graveney.2018-05-03,2,PP53,Labour Party,B,"
        "50,True\n"
        "local.wandsworth.graveney.2018-05-03,local.wandsworth.graveney.2018-05-03,3,PP52,"
        "Conservative and Unionist Party,C,60,True\n"
        "parl.2018-05-03,parl.lewisham-east.2018-05-03,4,PP53,Labour Party,D,10,False\n");
    const Election election = read_results(path, ResultsFormat::automatic);
    // Two wards named Graveney, one in each council; the mayor and the by-election skipped.
    ASSERT_EQ(election.wards.size(), 2U);
    EXPECT_EQ(election.wards[0].council_name, "merton");
    EXPECT_EQ(election.wards[1].council_name, "wandsworth");
    EXPECT_EQ(election.skipped_rows,
              (std::map<std::string, std::size_t>{{"mayor", 1}, {"parl", 1}}));
    EXPECT_TRUE(election.names_councils());
    EXPECT_EQ(election.wards[1].label(), "'graveney' of wandsworth");

    // Matched within their councils: each Graveney to its own polygon.
    Councils councils;
    councils.add("E09000024", "Merton");
    councils.add("E09000032", "Wandsworth");
    for (const auto& ward : election.wards) councils.add(ward.council_code, ward.council_name);
    const std::vector<std::string> codes{"E05000616", "E05000461"}, names{"Graveney", "Graveney"};
    WardsToMatch layer{
        codes, names, "layer", {councils.find("Wandsworth"), councils.find("Merton")}};
    EXPECT_EQ(match_wards(election, layer, ward_councils(election, councils)),
              (std::vector<std::size_t>{1, 0}));
    // Without councils the name is ambiguous, and said so.
    EXPECT_TRUE(contains(message_of<DataError>([&] {
                             (void)match_wards(election, {codes, names, "layer"});
                         }),
                         "its name belongs to 2 polygons"));

    // Against a map of Merton alone, Wandsworth's ward is skipped and named.
    Election merton_only = election;
    const std::vector<std::string> merton_codes{"E05000461"}, merton_names{"Graveney"};
    const auto skipped = keep_councils_on_map(
        merton_only, councils, {merton_codes, merton_names, "layer", {councils.find("Merton")}});
    EXPECT_EQ(skipped, (std::map<std::string, std::size_t>{{"wandsworth", 1}}));
    ASSERT_EQ(merton_only.wards.size(), 1U);
    // Its party goes with it: no Conservative is left in the election.
    EXPECT_FALSE(merton_only.party_names.count("CON"));
}

TEST(Councils, ALayerWithoutCouncilsKeepsTheCouncilsWithAWardOnIt) {
    TempDir dir;
    const auto path = dir.write("c.csv",
                                "ward,council,party,candidate,votes,elected\n"
                                "Alpha,E09000006,LAB,A,10,true\n"
                                "Omega,E09000099,CON,B,20,true\n");
    Election election = read_results(path, ResultsFormat::automatic);
    Councils councils;
    for (const auto& ward : election.wards) councils.add(ward.council_code, ward.council_name);
    const std::vector<std::string> codes{"E05000001"}, names{"Alpha"};
    const auto skipped = keep_councils_on_map(election, councils, {codes, names, "layer"});
    EXPECT_EQ(skipped, (std::map<std::string, std::size_t>{{"E09000099", 1}}));
    ASSERT_EQ(election.wards.size(), 1U);
    EXPECT_EQ(election.wards[0].name, "Alpha");
}

TEST(Councils, AWardNumberFileOfSeveralCouncilsServesALayerOfOne) {
    TempDir dir;
    // The GLA's London-wide ward file against one borough's wards: the other borough's rows are
    // skipped, a row of this borough's that the layer lacks is still an error.
    const auto path = dir.write("wards.csv",
                                "WD22CD,num_councillors,LAD22CD\n"
                                "E05000001,3,E09000006\nE05000002,2,E09000006\n"
                                "E05000099,3,E09000007\n");
    const WardNumberSpec spec{"seats", {"num_councillors"}, "a whole number", nullptr, "new"};
    EXPECT_EQ(read_ward_numbers(path, {"E05000001", "E05000002"}, {"A", "B"}, spec),
              (std::vector<double>{3.0, 2.0}));
    EXPECT_TRUE(contains(
        message_of<DataError>([&] { (void)read_ward_numbers(path, {"E05000001"}, {"A"}, spec); }),
        "wards.csv, line 3: ward 'E05000002' is not in the new layer"));
    const auto twice = dir.write("twice.csv", "WD22CD,num_councillors\nE05000001,3\nE05000001,2\n");
    EXPECT_TRUE(contains(
        message_of<DataError>([&] { (void)read_ward_numbers(twice, {"E05000001"}, {"A"}, spec); }),
        "twice.csv, line 3: ward 'E05000001' has a row already"));
}

}  // namespace
}  // namespace notional::model
