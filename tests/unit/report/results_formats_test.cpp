/// Unit tests of report/results_formats: reading results as published (Democracy Club, GLA,
/// canonical), and the councils they name.
#include <map>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "core/error.hpp"
#include "model/councils.hpp"
#include "model/matching.hpp"
#include "model/results.hpp"
#include "report/results_formats.hpp"
#include "support.hpp"

namespace notional::model {
namespace {

using report::parse_results_format;
using report::read_results;
using test::message_of;
using test::TempDir;

using test::contains;

double votes_of(const WardResult& ward, const std::string& party) {
    double total = 0.0;
    for (const auto& candidate : ward.candidates) {
        if (candidate.party == party) total += candidate.votes;
    }
    return total;
}

const char* const democracy_club_csv =
    "election_id,ballot_paper_id,person_id,person_name,party_id,party_name,ballots_cast,"
    "is_winner\n"
    "local.bromley.2018-05-03,local.bromley.west-wickham.2018-05-03,101,Ann Able,PP52,"
    "Conservative and Unionist Party,\"2,345\",t\n"
    "local.bromley.2018-05-03,local.bromley.west-wickham.2018-05-03,102,Bob Baker,PP53,"
    "Labour Party,900,f\n"
    "local.bromley.2018-05-03,local.bromley.west-wickham.2018-05-03,103,Cat Cole,ynmp-party:2,"
    "Independent,400,f\n"
    "local.bromley.2018-05-03,local.bromley.st-pauls-cray.2018-05-03,104,Dan Dee,"
    "joint-party:53-119,Labour and Co-operative Party,1200,t\n"
    "local.bromley.2018-05-03,local.bromley.st-pauls-cray.2018-05-03,105,Eve Eck,ynmp-party:2,"
    "Independent,300,f\n";

const char* const gla_csv =
    "WD22CD,ward_original,surname,firstname,party,votes,elected\n"
    "E05000105,Bickley,Able,Ann,Conservative Party,2000,TRUE\n"
    "E05000105,Bickley,Baker,Bob,Conservative Party,1900,TRUE\n"
    "E05000105,Bickley,Cole,Cat,Labour Party,800,FALSE\n"
    "E05000106,Bromley Town,Dee,Dan,Liberal Democrats,1500,TRUE\n"
    "E05000106,Bromley Town,Eck,Eve,Green Party,700,FALSE\n";

const char* const canonical_csv =
    "ward,party,candidate,votes,elected,seats,electorate,ballots\n"
    "E05000107,LAB,Ann Able,1000,yes,1,5000,1800\n"
    "E05000107,CON,Bob Baker,800,no,1,5000,1800\n"
    "Chislehurst,Chislehurst Matters,Cat Cole,1200,yes,2,6000,2000\n"
    "Chislehurst,CON,Dan Dee,1100,yes,,,\n"
    "Chislehurst,LAB,Eve Eck,300,no,2,6000,2000\n";

// --- formats ----------------------------------------------------------------------------------

TEST(Results, ParseResultsFormat) {
    EXPECT_EQ(parse_results_format("auto"), ResultsFormat::automatic);
    EXPECT_EQ(parse_results_format("DC"), ResultsFormat::democracy_club);
    EXPECT_EQ(parse_results_format("gla"), ResultsFormat::gla);
    EXPECT_EQ(parse_results_format("canonical"), ResultsFormat::canonical);
    EXPECT_EQ(parse_results_format("hoc"), ResultsFormat::hoc_library);
    (void)message_of<UsageError>([] { (void)parse_results_format("xlsx"); });
}

TEST(Results, DemocracyClubWardNamesComeFromTheBallotPaperId) {
    TempDir dir;
    const auto path = dir.write("dc.csv", democracy_club_csv);
    const Election election = read_results(path, ResultsFormat::democracy_club);
    EXPECT_EQ(election.format, ResultsFormat::democracy_club);
    ASSERT_EQ(election.wards.size(), 2u);

    const WardResult& west = election.wards[0];
    EXPECT_EQ(west.name, "west wickham");
    EXPECT_EQ(west.code, "");
    EXPECT_EQ(west.line, 2u);  // the header is line 1
    ASSERT_EQ(west.candidates.size(), 3u);
    EXPECT_EQ(west.candidates[0].name, "Ann Able");
    EXPECT_EQ(west.candidates[0].party, "CON");
    EXPECT_EQ(west.candidates[0].votes, 2345.0);  // "2,345"
    EXPECT_TRUE(west.candidates[0].elected);
    EXPECT_EQ(west.candidates[1].party, "LAB");
    EXPECT_FALSE(west.candidates[1].elected);
    EXPECT_EQ(west.candidates[2].party, "IND-103");
    EXPECT_EQ(west.seats, 1);
    EXPECT_FALSE(west.electorate.has_value());
    EXPECT_FALSE(west.uncontested);

    const WardResult& cray = election.wards[1];
    EXPECT_EQ(cray.name, "st pauls cray");
    EXPECT_EQ(cray.line, 5u);
    ASSERT_EQ(cray.candidates.size(), 2u);
    EXPECT_EQ(cray.candidates[0].party, "LAB");  // joint Labour and Co-operative
    EXPECT_EQ(cray.candidates[1].party, "IND-105");

    EXPECT_EQ(election.party_names.size(), 4u);  // CON, LAB and two independents
    EXPECT_EQ(election.party_names.at("IND-103"), "Independent");
    EXPECT_EQ(election.party_names.at("CON"), "Conservative");
    EXPECT_EQ(election.total_votes(), 5145.0);  // 2345 + 900 + 400 + 1200 + 300
}

TEST(Results, DemocracyClubBadBallotPaperIdNamesTheRow) {
    TempDir dir;
    const auto path = dir.write("dc.csv",
                                "ballot_paper_id,person_id,person_name,party_id,party_name,"
                                "ballots_cast,is_winner\n"
                                "local.bromley.west-wickham.2018-05-03,1,A,PP52,Con,10,t\n"
                                "local.bromley,2,B,PP53,Lab,5,f\n");
    const std::string message =
        message_of<DataError>([&] { (void)read_results(path, ResultsFormat::automatic); });
    EXPECT_TRUE(contains(message, "dc.csv, line 3")) << message;
    EXPECT_TRUE(contains(message, "local.bromley")) << message;
}

TEST(Results, GlaWithoutWardStatistics) {
    TempDir dir;
    const auto path = dir.write("gla.csv", gla_csv);
    const Election election = read_results(path, ResultsFormat::gla);
    ASSERT_EQ(election.wards.size(), 2u);
    const WardResult& bickley = election.wards[0];
    EXPECT_EQ(bickley.code, "E05000105");
    EXPECT_EQ(bickley.name, "Bickley");
    ASSERT_EQ(bickley.candidates.size(), 3u);
    EXPECT_EQ(bickley.candidates[1].name, "Bob Baker");
    EXPECT_EQ(votes_of(bickley, "CON"), 3900.0);  // 2000 + 1900
    EXPECT_EQ(votes_of(bickley, "LAB"), 800.0);
    EXPECT_EQ(bickley.seats, 2);  // two winners
    EXPECT_FALSE(bickley.electorate.has_value());
    EXPECT_FALSE(bickley.ballots.has_value());
    EXPECT_EQ(bickley.label(), "'Bickley' (E05000105)");

    const WardResult& town = election.wards[1];
    EXPECT_EQ(votes_of(town, "LD"), 1500.0);
    EXPECT_EQ(votes_of(town, "GRN"), 700.0);
    EXPECT_EQ(town.seats, 1);
}

TEST(Results, GlaWithWardStatistics) {
    TempDir dir;
    const auto path = dir.write("gla.csv", gla_csv);
    const auto stats = dir.write("wards.csv",
                                 "WD22CD,num_councillors,entitled_electors,valid_ballots\n"
                                 "E05000106,1,7000,2200\n"
                                 "E05000105,2,\"9,000\",2600\n");
    const Election election = read_results(path, ResultsFormat::automatic, stats);
    EXPECT_EQ(election.format, ResultsFormat::gla);
    ASSERT_EQ(election.wards.size(), 2u);
    EXPECT_EQ(election.wards[0].seats, 2);
    EXPECT_EQ(election.wards[0].electorate, 9000.0);
    EXPECT_EQ(election.wards[0].ballots, 2600.0);
    EXPECT_EQ(election.wards[1].seats, 1);
    EXPECT_EQ(election.wards[1].electorate, 7000.0);
    EXPECT_EQ(election.wards[1].ballots, 2200.0);
}

TEST(Results, GlaStatisticsSeatsThatDifferFromTheWinners) {
    TempDir dir;
    const auto path = dir.write("gla.csv", gla_csv);
    const auto stats = dir.write("wards.csv",
                                 "WD22CD,num_councillors\n"
                                 "E05000105,3\n"
                                 "E05000106,1\n");
    const std::string message =
        message_of<DataError>([&] { (void)read_results(path, ResultsFormat::gla, stats); });
    EXPECT_TRUE(contains(message, "gla.csv")) << message;
    EXPECT_TRUE(contains(message, "Bickley")) << message;
    EXPECT_TRUE(contains(message, "2 winners but 3 seats")) << message;
}

TEST(Results, WardStatisticsOnlyGoWithGla) {
    TempDir dir;
    const auto path = dir.write("c.csv", canonical_csv);
    const auto stats = dir.write("wards.csv", "WD22CD,num_councillors\nE05000107,1\n");
    (void)message_of<UsageError>(
        [&] { (void)read_results(path, ResultsFormat::automatic, stats); });
}

TEST(Results, CanonicalWardAsCodeOrName) {
    TempDir dir;
    const auto path = dir.write("c.csv", canonical_csv);
    const Election election = read_results(path, ResultsFormat::canonical);
    ASSERT_EQ(election.wards.size(), 2u);

    const WardResult& coded = election.wards[0];
    EXPECT_EQ(coded.code, "E05000107");  // a GSS code by its shape
    EXPECT_EQ(coded.name, "");
    EXPECT_EQ(coded.seats, 1);
    EXPECT_EQ(coded.electorate, 5000.0);
    EXPECT_EQ(coded.ballots, 1800.0);
    EXPECT_EQ(votes_of(coded, "LAB"), 1000.0);
    EXPECT_EQ(coded.label(), "'E05000107'");

    const WardResult& named = election.wards[1];
    EXPECT_EQ(named.code, "");
    EXPECT_EQ(named.name, "Chislehurst");
    EXPECT_EQ(named.line, 4u);
    EXPECT_EQ(named.seats, 2);  // the row with empty seats does not clear it
    EXPECT_EQ(named.electorate, 6000.0);
    EXPECT_EQ(named.ballots, 2000.0);
    ASSERT_EQ(named.candidates.size(), 3u);
    EXPECT_EQ(named.candidates[0].party, "CHISLEHURST-MATTERS");
    EXPECT_EQ(named.candidates[1].party, "CON");
    EXPECT_EQ(election.party_names.at("CHISLEHURST-MATTERS"), "Chislehurst Matters");
    EXPECT_EQ(election.total_votes(), 4400.0);  // 1000 + 800 + 1200 + 1100 + 300
}

TEST(Results, CanonicalWithCodeAndNameColumns) {
    TempDir dir;
    const auto path = dir.write("c.csv",
                                "ward_code,ward_name,party,candidate,votes,elected\n"
                                "E05000108,Cray Valley East,LAB,A,10,true\n"
                                "E05000108,,CON,B,5,false\n");
    const Election election = read_results(path, ResultsFormat::automatic);
    EXPECT_EQ(election.format, ResultsFormat::canonical);
    ASSERT_EQ(election.wards.size(), 1u);
    EXPECT_EQ(election.wards[0].code, "E05000108");
    EXPECT_EQ(election.wards[0].name, "Cray Valley East");
    EXPECT_EQ(election.wards[0].candidates.size(), 2u);
}

TEST(Results, FormatIsDetectedFromTheHeader) {
    TempDir dir;
    EXPECT_EQ(
        read_results(dir.write("dc.csv", democracy_club_csv), ResultsFormat::automatic).format,
        ResultsFormat::democracy_club);
    EXPECT_EQ(read_results(dir.write("gla.csv", gla_csv), ResultsFormat::automatic).format,
              ResultsFormat::gla);
    EXPECT_EQ(read_results(dir.write("c.csv", canonical_csv), ResultsFormat::automatic).format,
              ResultsFormat::canonical);
}

TEST(Results, UnknownHeaderIsADataError) {
    TempDir dir;
    const auto path = dir.write("odd.csv", "constituency,candidate,total\nX,A,10\n");
    const std::string message =
        message_of<DataError>([&] { (void)read_results(path, ResultsFormat::automatic); });
    EXPECT_TRUE(contains(message, "odd.csv")) << message;
}

TEST(Results, WinnersDifferentFromSeatsIsADataError) {
    TempDir dir;
    const auto path = dir.write("c.csv",
                                "ward,party,candidate,votes,elected,seats\n"
                                "Hayes,LAB,A,100,true,2\n"
                                "Hayes,CON,B,90,false,2\n"
                                "Hayes,LD,C,80,false,2\n");
    const std::string message =
        message_of<DataError>([&] { (void)read_results(path, ResultsFormat::canonical); });
    EXPECT_TRUE(contains(message, "c.csv, line 2")) << message;
    EXPECT_TRUE(contains(message, "'Hayes'")) << message;
    EXPECT_TRUE(contains(message, "1 winners but 2 seats")) << message;
}

TEST(Results, SeatsThatDisagreeBetweenRowsIsADataError) {
    TempDir dir;
    const auto path = dir.write("c.csv",
                                "ward,party,candidate,votes,elected,seats\n"
                                "Hayes,LAB,A,100,true,1\n"
                                "Hayes,CON,B,90,false,2\n");
    const std::string message =
        message_of<DataError>([&] { (void)read_results(path, ResultsFormat::canonical); });
    EXPECT_TRUE(contains(message, "c.csv, line 3")) << message;
}

TEST(Results, UncontestedWardKeepsSeatsAndHasNoVotes) {
    TempDir dir;
    const auto path = dir.write("c.csv",
                                "ward,party,candidate,votes,elected,seats\n"
                                "Darwin,CON,A,,true,2\n"
                                "Darwin,CON,B,,true,2\n"
                                "Hayes,LAB,C,100,true,\n"
                                "Hayes,CON,D,50,false,\n");
    const Election election = read_results(path, ResultsFormat::canonical);
    ASSERT_EQ(election.wards.size(), 2u);
    const WardResult& darwin = election.wards[0];
    EXPECT_TRUE(darwin.uncontested);
    EXPECT_EQ(darwin.seats, 2);
    EXPECT_EQ(darwin.candidates.size(), 2u);
    EXPECT_EQ(votes_of(darwin, "CON"), 0.0);
    EXPECT_FALSE(election.wards[1].uncontested);
    EXPECT_EQ(election.total_votes(), 150.0);  // Hayes only
}

TEST(Results, SomeCandidatesWithoutVotesIsADataError) {
    TempDir dir;
    const auto path = dir.write("c.csv",
                                "ward,party,candidate,votes,elected\n"
                                "Hayes,LAB,C,100,true\n"
                                "Hayes,CON,D,,false\n");
    const std::string message =
        message_of<DataError>([&] { (void)read_results(path, ResultsFormat::canonical); });
    EXPECT_TRUE(contains(message, "Hayes")) << message;
}

TEST(Results, BadVotesNamesFileAndRow) {
    TempDir dir;
    const auto path = dir.write("c.csv",
                                "ward,party,candidate,votes,elected\n"
                                "Hayes,LAB,C,100,true\n"
                                "Hayes,CON,D,12x,false\n");
    const std::string message =
        message_of<DataError>([&] { (void)read_results(path, ResultsFormat::canonical); });
    EXPECT_TRUE(contains(message, "c.csv, line 3")) << message;
    EXPECT_TRUE(contains(message, "12x")) << message;
}

TEST(Results, FractionalVotesAreDataErrors) {
    TempDir dir;
    const auto path = dir.write("f.csv",
                                "ward,party,candidate,votes,elected\n"
                                "Hayes,LAB,C,12.5,true\n");
    const std::string message =
        message_of<DataError>([&] { (void)read_results(path, ResultsFormat::canonical); });
    EXPECT_TRUE(contains(message, "f.csv, line 2: votes '12.5'")) << message;
}

TEST(Results, InfiniteCountsAreDataErrors) {
    TempDir dir;
    const auto votes = dir.write("v.csv",
                                 "ward,party,candidate,votes,elected\n"
                                 "Hayes,LAB,C,inf,true\n");
    std::string message =
        message_of<DataError>([&] { (void)read_results(votes, ResultsFormat::canonical); });
    EXPECT_TRUE(contains(message, "v.csv, line 2")) << message;
    // Seats of "infinity" once reached a cast of infinity to int.
    const auto seats = dir.write("s.csv",
                                 "ward,party,candidate,votes,elected,seats\n"
                                 "Hayes,LAB,C,10,true,infinity\n");
    message = message_of<DataError>([&] { (void)read_results(seats, ResultsFormat::canonical); });
    EXPECT_TRUE(contains(message, "s.csv, line 2")) << message;
    EXPECT_TRUE(contains(message, "seats")) << message;
}

TEST(Results, ACandidateGivenTwiceIsAnErrorNamingBothRows) {
    TempDir dir;
    // The same row pasted twice would count 90 votes twice, silently.
    const auto path = dir.write("twice.csv",
                                "ward,party,candidate,votes,elected\n"
                                "Hayes,LAB,Ann Lee,100,true\n"
                                "Hayes,CON,Bo Ray,90,false\n"
                                "Hayes,CON,Bo Ray,90,false\n");
    const std::string message =
        message_of<DataError>([&] { (void)read_results(path, ResultsFormat::canonical); });
    EXPECT_TRUE(contains(message,
                         "twice.csv, line 4: candidate 'Bo Ray' (Conservative) stands "
                         "twice in ward 'Hayes', first on line 3"))
        << message;
    // Also when another ward's rows come between, and wards go by code.
    const auto apart = dir.write("apart.csv",
                                 "ward_code,party,candidate,votes,elected\n"
                                 "E05000001,LAB,Ann Lee,100,true\n"
                                 "E05000002,LAB,Ann Lee,70,true\n"
                                 "E05000002,CON,Bo Ray,60,false\n"
                                 "E05000001,LAB,Ann Lee,100,true\n");
    EXPECT_TRUE(contains(
        message_of<DataError>([&] { (void)read_results(apart, ResultsFormat::canonical); }),
        "apart.csv, line 5: candidate 'Ann Lee' (Labour) stands twice in ward 'E05000001', first "
        "on line 2"));
    // Two people of one name in one ward are two candidates when their parties differ, or when
    // the file gives ids.
    const auto namesakes = dir.write("namesakes.csv",
                                     "ward,party,candidate,candidate_id,votes,elected\n"
                                     "Hayes,LAB,Ann Lee,1,100,true\n"
                                     "Hayes,LAB,Ann Lee,2,90,true\n"
                                     "Hayes,CON,Ann Lee,,80,false\n");
    EXPECT_EQ(read_results(namesakes, ResultsFormat::canonical).wards[0].candidates.size(), 3U);
}

TEST(Results, VotesBeyondAnyWardAreRefused) {
    TempDir dir;
    const auto huge = dir.write("huge.csv",
                                "ward,party,candidate,votes,elected\n"
                                "Hayes,LAB,A,100000000000000000000,true\n");
    EXPECT_TRUE(
        contains(message_of<DataError>([&] { (void)read_results(huge, ResultsFormat::canonical); }),
                 "huge.csv, line 2: votes 100000000000000000000 is more than any ward has "
                 "voters"));
    // More votes than electors, where the electorate is known.
    const auto electors = dir.write("electors.csv",
                                    "ward,party,candidate,votes,elected,electorate\n"
                                    "Hayes,LAB,A,5000,true,4000\n");
    EXPECT_TRUE(contains(
        message_of<DataError>([&] { (void)read_results(electors, ResultsFormat::canonical); }),
        "has a candidate with 5000 votes but only 4000 electors"));
}

TEST(Results, BallotsLieBetweenTheBestCandidateAndTheElectorate) {
    TempDir dir;
    // data/README.md: ballots are at least the largest candidate's vote and at most the
    // electorate. A turnout of 153% once went through.
    const auto over = dir.write("over.csv",
                                "ward,party,candidate,votes,elected,electorate,ballots\n"
                                "Hayes,LAB,A,900,true,1000,1530\n");
    EXPECT_TRUE(
        contains(message_of<DataError>([&] { (void)read_results(over, ResultsFormat::canonical); }),
                 "over.csv, line 2: ward 'Hayes' has 1530 ballots but only 1000 electors"));
    const auto under = dir.write("under.csv",
                                 "ward,party,candidate,votes,elected,electorate,ballots\n"
                                 "Hayes,LAB,A,900,true,1000,800\n");
    EXPECT_TRUE(contains(
        message_of<DataError>([&] { (void)read_results(under, ResultsFormat::canonical); }),
        "has 800 ballots, fewer than its best candidate's 900 votes"));
}

TEST(Results, BadElectedFlagNamesFileAndRow) {
    TempDir dir;
    const auto path = dir.write("c.csv",
                                "ward,party,candidate,votes,elected\n"
                                "Hayes,LAB,C,100,winner\n");
    const std::string message =
        message_of<DataError>([&] { (void)read_results(path, ResultsFormat::canonical); });
    EXPECT_TRUE(contains(message, "c.csv, line 2")) << message;
    EXPECT_TRUE(contains(message, "winner")) << message;
}

// --- councils ---------------------------------------------------------------------------------

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

TEST(Results, DemocracyClubParliamentaryBallotsAloneAreAGeneralElection) {
    TempDir dir;
    const auto path = dir.write(
        "parl.csv",
        "election_id,ballot_paper_id,person_id,party_id,party_name,person_name,ballots_cast,"
        "is_winner\n"
        "parl.2019-12-12,parl.bromley-and-chislehurst.2019-12-12,1,PP52,Conservative and "
        "Unionist Party,Bob Neill,23958,True\n"
        "parl.2019-12-12,parl.bromley-and-chislehurst.2019-12-12,2,PP53,Labour Party,Angela "
        "Wilkins,12705,False\n"
        "parl.2019-12-12,parl.ynys-mon.2019-12-12,3,PP52,Conservative and Unionist Party,Virginia "
        "Crosbie,12959,True\n"
        "parl.2019-12-12,parl.ynys-mon.2019-12-12,4,PP77,Plaid Cymru - The Party of Wales,Aled "
        "ap Dafydd,10418,False\n");
    const Election election = read_results(path, ResultsFormat::automatic);
    EXPECT_EQ(election.format, ResultsFormat::democracy_club);
    EXPECT_TRUE(election.general);
    ASSERT_EQ(election.wards.size(), 2U);
    EXPECT_EQ(election.wards[0].name, "bromley and chislehurst");
    EXPECT_EQ(election.wards[0].seats, 1);
    EXPECT_EQ(election.wards[1].name, "ynys mon");
    EXPECT_EQ(election.wards[1].candidates[1].party, "PC");
    EXPECT_TRUE(election.skipped_rows.empty());
    // Matched by name to a constituency layer, accents and punctuation aside.
    const std::vector<std::string> codes{"W07000041", "E14000604"};
    const std::vector<std::string> names{"Ynys Môn", "Bromley and Chislehurst"};
    EXPECT_EQ(match_wards(election, {codes, names, "pcon.gpkg"}), (std::vector<std::size_t>{1, 0}));
    // Beside local ballots, parliamentary ones are skipped: a local election (see Councils).
    EXPECT_FALSE(
        read_results(dir.write("dc.csv", democracy_club_csv), ResultsFormat::automatic).general);
}

// The Commons Library's header, cut to the columns we read and a few we do not.
constexpr const char* hoclib_header =
    "ONS ID,Constituency name,Country name,Party name,Party abbreviation,"
    "Electoral Commission party ID,Candidate first name,Candidate surname,Votes,Share\n";

TEST(Results, CommonsLibraryConstituenciesAreOneSeatWardsWonByMostVotes) {
    TempDir dir;
    const auto path = dir.write(
        "cand.csv", std::string(hoclib_header) +
                        "E14000637,Chorley,England,Speaker,Spk,,Lindsay,Hoyle,26831,0.673\n"
                        "E14000637,Chorley,England,Independent,Ind,,Mark,Brexit-Smith,9439,0.237\n"
                        "N06000001,East Antrim,Northern Ireland,Conservative,Con,PP51,A,B,"
                        "1043,0.03\n"
                        "N06000001,East Antrim,Northern Ireland,Democratic Unionist Party,DUP,"
                        "PP70,Sammy,Wilson,16871,0.458\n");
    const auto seats = dir.write("seats.csv",
                                 "ONS ID,Constituency name,Electorate,Valid votes\n"
                                 "E14000637,Chorley,80000,36270\nN06000001,East Antrim,70000,"
                                 "36842\n");
    const Election election = read_results(path, ResultsFormat::automatic, seats);
    EXPECT_EQ(election.format, ResultsFormat::hoc_library);
    ASSERT_EQ(election.wards.size(), 2U);
    const WardResult& chorley = election.wards[0];
    EXPECT_EQ(chorley.code, "E14000637");
    EXPECT_EQ(chorley.seats, 1);
    EXPECT_EQ(chorley.electorate, 80000);
    EXPECT_EQ(chorley.ballots, 36270);
    ASSERT_EQ(chorley.candidates.size(), 2U);
    EXPECT_EQ(chorley.candidates[0].party, "SPK");
    EXPECT_TRUE(chorley.candidates[0].elected);
    EXPECT_TRUE(chorley.candidates[1].party.starts_with("IND-")) << chorley.candidates[1].party;
    EXPECT_FALSE(chorley.candidates[1].elected);
    // PP51, the Conservatives' Northern Ireland entry, is the Conservative party.
    const WardResult& antrim = election.wards[1];
    EXPECT_EQ(antrim.council_name, "Northern Ireland");
    EXPECT_EQ(antrim.candidates[0].party, "CON");
    EXPECT_FALSE(antrim.candidates[0].elected);
    EXPECT_EQ(antrim.candidates[1].party, "DUP");
    EXPECT_TRUE(antrim.candidates[1].elected);
}

TEST(Results, CommonsLibraryTieIsAnErrorTheFileCannotSettle) {
    TempDir dir;
    const auto path = dir.write("cand.csv", std::string(hoclib_header) +
                                                "E14000001,Aldershot,England,Labour,Lab,PP53,A,B,"
                                                "100,0.5\n"
                                                "E14000001,Aldershot,England,Conservative,Con,"
                                                "PP52,C,D,100,0.5\n");
    const std::string message =
        message_of<DataError>([&] { (void)read_results(path, ResultsFormat::hoc_library); });
    EXPECT_TRUE(contains(message,
                         "cand.csv, line 2: constituency E14000001 has 2 candidates with "
                         "its most votes, 100; the file does not say who won the tie"))
        << message;
}

}  // namespace
}  // namespace notional::model
