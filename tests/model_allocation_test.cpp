/// Unit tests of the crosswalk, the redistribution of votes and the staged output files.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "core/error.hpp"
#include "core/outputs.hpp"
#include "model/crosswalk.hpp"
#include "model/redistribute.hpp"
#include "model/results.hpp"
#include "support.hpp"

namespace notional::model {
namespace {

using test::message_of;
using test::TempDir;

using test::contains;

// --- crosswalk --------------------------------------------------------------------------------

TEST(Crosswalk, HandExampleWithAWardPartlyInAGap) {
    // Old ward 0 (weight 100) is cut in half between new wards 0 and 1. Old ward 1 (weight 100)
    // has 60 in new ward 1, 30 in new ward 0 and no slivers, and 10 in a gap inside the new map.
    const Crosswalk crosswalk(2, {{0, 0, 50.0}, {0, 1, 50.0}, {1, 1, 60.0}, {1, 0, 30.0}},
                              {100.0, 100.0}, {0.0, 0.0}, {0.0, 10.0});
    ASSERT_EQ(crosswalk.old_count(), 2u);
    ASSERT_EQ(crosswalk.new_count(), 2u);
    const auto& f = crosswalk.shares();
    EXPECT_DOUBLE_EQ(f.coeff(0, 0), 0.5);
    EXPECT_DOUBLE_EQ(f.coeff(0, 1), 0.5);
    EXPECT_DOUBLE_EQ(f.coeff(1, 0), 0.3);
    EXPECT_DOUBLE_EQ(f.coeff(1, 1), 0.6);

    const auto& ledger = crosswalk.ledger();
    EXPECT_EQ(ledger[0].weight, 100.0);
    EXPECT_DOUBLE_EQ(ledger[0].allocated, 1.0);
    EXPECT_EQ(ledger[0].outside, 0.0);
    EXPECT_EQ(ledger[0].sliver, 0.0);
    EXPECT_EQ(ledger[0].overlap, 0.0);
    EXPECT_DOUBLE_EQ(ledger[1].allocated, 0.9);
    EXPECT_DOUBLE_EQ(ledger[1].gap, 0.1);
    EXPECT_EQ(ledger[1].outside, 0.0);
    EXPECT_EQ(ledger[1].spread, 0.0);
    EXPECT_EQ(ledger[1].sliver, 0.0);
    EXPECT_EQ(ledger[1].overlap, 0.0);
    EXPECT_DOUBLE_EQ(ledger[1].lost(), 0.1);

    // Column sums of the pieces: new 0 gets 50 + 30, new 1 gets 50 + 60.
    EXPECT_EQ(crosswalk.new_weight(), (std::vector<double>{80.0, 110.0}));
}

TEST(Crosswalk, WhatLiesBeyondTheNewMapsOutlineIsSpreadOverTheRest) {
    // The same, but the 10 lie beyond the new map's outline (a river): nobody lives there, so
    // old ward 1's votes go 30:60 to what the map covers.
    const Crosswalk crosswalk(2, {{0, 0, 50.0}, {0, 1, 50.0}, {1, 1, 60.0}, {1, 0, 30.0}},
                              {100.0, 100.0}, {0.0, 0.0});
    const auto& f = crosswalk.shares();
    EXPECT_DOUBLE_EQ(f.coeff(1, 0), 1.0 / 3.0);
    EXPECT_DOUBLE_EQ(f.coeff(1, 1), 2.0 / 3.0);
    const auto& entry = crosswalk.ledger()[1];
    EXPECT_DOUBLE_EQ(entry.allocated, 1.0);
    EXPECT_DOUBLE_EQ(entry.spread, 0.1);  // of the ward's whole weight
    EXPECT_EQ(entry.lost(), 0.0);
}

TEST(Crosswalk, AWardMostlyBeyondTheOutlineOrWithNoPartOnTheMapIsLost) {
    // Old ward 0 has 40 of 100 on the map: 60% beyond it is more than the 50% a file that is
    // right can explain, so those votes are lost. Old ward 1 has no part on the map at all.
    const Crosswalk crosswalk(1, {{0, 0, 40.0}}, {100.0, 100.0}, {0.0, 0.0});
    const auto& ledger = crosswalk.ledger();
    EXPECT_DOUBLE_EQ(crosswalk.shares().coeff(0, 0), 0.4);
    EXPECT_DOUBLE_EQ(ledger[0].outside, 0.6);
    EXPECT_EQ(ledger[0].spread, 0.0);
    EXPECT_DOUBLE_EQ(ledger[1].outside, 1.0);
    EXPECT_EQ(ledger[1].allocated, 0.0);
    // With a looser limit the 60% is spread.
    const Crosswalk loose(1, {{0, 0, 40.0}}, {100.0, 100.0}, {0.0, 0.0}, {},
                          {.max_uncovered = 0.7, .same = {}});
    EXPECT_DOUBLE_EQ(loose.shares().coeff(0, 0), 1.0);
    EXPECT_DOUBLE_EQ(loose.ledger()[0].spread, 0.6);
    EXPECT_DOUBLE_EQ(loose.ledger()[1].outside, 1.0);  // still no part on the map
}

TEST(Crosswalk, SliversAreTheirOwnShare) {
    // Weight 100: 70 kept in new ward 0, 20 in slivers, 10 in a gap.
    const Crosswalk crosswalk(1, {{0, 0, 70.0}}, {100.0}, {20.0}, {10.0});
    EXPECT_DOUBLE_EQ(crosswalk.shares().coeff(0, 0), 0.7);
    const OldWardLedger& entry = crosswalk.ledger()[0];
    EXPECT_DOUBLE_EQ(entry.allocated, 0.7);
    EXPECT_DOUBLE_EQ(entry.sliver, 0.2);
    EXPECT_DOUBLE_EQ(entry.gap, 0.1);
    EXPECT_EQ(entry.overlap, 0.0);
    EXPECT_EQ(crosswalk.new_weight(), (std::vector<double>{70.0}));  // slivers are not kept
}

TEST(Crosswalk, OneWardDrawnTwiceGoesWhole) {
    // Old 0 and new 0 share a code; a coarser drawing puts 7 of old 0 in new 1 and 1 in a
    // sliver. Old 1 lies in new 1 but for 4 in new 0.
    const std::vector<Piece> pieces{{0, 0, 92.0}, {0, 1, 7.0}, {1, 0, 4.0}, {1, 1, 96.0}};
    const CrosswalkSeed seed{"area", pieces, {100.0, 100.0}, {1.0, 0.0}, {}};
    const SameWards same = same_wards(seed, {"E05000001", "E05000002"}, {"E05000001", "E05009999"});
    ASSERT_EQ(same.same.size(), 1U);
    EXPECT_EQ(same.same[0], (std::pair<std::size_t, std::size_t>{0, 0}));
    EXPECT_TRUE(same.disagree.empty());
    const Crosswalk crosswalk(2, pieces, seed.old_weight, seed.old_sliver, {},
                              {.max_uncovered = 0.5, .same = same.same});
    EXPECT_DOUBLE_EQ(crosswalk.shares().coeff(0, 0), 1.0);
    EXPECT_EQ(crosswalk.shares().coeff(0, 1), 0.0);
    EXPECT_TRUE(crosswalk.ledger()[0].same);
    EXPECT_EQ(crosswalk.ledger()[0].lost(), 0.0);
    EXPECT_DOUBLE_EQ(crosswalk.shares().coeff(1, 0), 0.04);  // the other ward as measured
    // Old 0 has 60 of its 100 in new 0: a code whose shapes disagree is not trusted.
    const CrosswalkSeed apart{"area", {{0, 0, 60.0}, {0, 1, 40.0}}, {100.0}, {0.0}, {}};
    const SameWards disagree = same_wards(apart, {"E05000001"}, {"E05000001", "E05000002"});
    EXPECT_TRUE(disagree.same.empty());
    ASSERT_EQ(disagree.disagree.size(), 1U);
}

TEST(Crosswalk, OverlappingNewWardsAreScaledToOne) {
    // Pieces of 70 and 50 for a ward of weight 100: 20 is counted twice. The row is divided by
    // 120 instead of 100 so that it sums to 1.
    const Crosswalk crosswalk(2, {{0, 0, 70.0}, {0, 1, 50.0}}, {100.0}, {0.0});
    const auto& f = crosswalk.shares();
    EXPECT_DOUBLE_EQ(f.coeff(0, 0), 70.0 / 120.0);
    EXPECT_DOUBLE_EQ(f.coeff(0, 1), 50.0 / 120.0);
    EXPECT_DOUBLE_EQ(f.coeff(0, 0) + f.coeff(0, 1), 1.0);
    const OldWardLedger& entry = crosswalk.ledger()[0];
    EXPECT_DOUBLE_EQ(entry.overlap, 20.0);
    EXPECT_DOUBLE_EQ(entry.allocated, 1.0);
    EXPECT_EQ(entry.outside, 0.0);
    EXPECT_EQ(crosswalk.new_weight(), (std::vector<double>{70.0, 50.0}));
}

TEST(Crosswalk, PiecesOfOnePairAddUp) {
    // A multi-part intersection arrives as two pieces of the same pair.
    const Crosswalk crosswalk(2, {{0, 0, 30.0}, {0, 0, 20.0}, {0, 1, 50.0}}, {100.0}, {0.0});
    EXPECT_DOUBLE_EQ(crosswalk.shares().coeff(0, 0), 0.5);
    EXPECT_DOUBLE_EQ(crosswalk.shares().coeff(0, 1), 0.5);
}

TEST(Crosswalk, WardOfNoWeightSendsNothing) {
    const Crosswalk crosswalk(1, {{0, 0, 10.0}, {1, 0, 0.0}}, {10.0, 0.0}, {0.0, 0.0});
    EXPECT_EQ(crosswalk.shares().coeff(1, 0), 0.0);
    EXPECT_EQ(crosswalk.ledger()[1].allocated, 0.0);
    EXPECT_EQ(crosswalk.ledger()[1].outside, 0.0);
}

TEST(Crosswalk, BadInputIsADataError) {
    (void)message_of<DataError>([] { (void)Crosswalk(1, {{0, 1, 1.0}}, {1.0}, {0.0}); });
    (void)message_of<DataError>([] { (void)Crosswalk(1, {{1, 0, 1.0}}, {1.0}, {0.0}); });
    (void)message_of<DataError>([] { (void)Crosswalk(1, {{0, 0, 1.0}}, {1.0}, {}); });
}

// --- redistribute -----------------------------------------------------------------------------

struct Vote {
    std::string party;
    double votes;
};

WardResult ward_of(const std::string& name, std::size_t row, const std::vector<Vote>& votes) {
    WardResult ward;
    ward.name = name;
    ward.line = row + 2;
    for (const auto& [party, count] : votes) {
        Candidate candidate;
        candidate.name = party + " candidate";
        candidate.party = party;
        candidate.votes = count;
        ward.candidates.push_back(candidate);
    }
    ward.candidates.front().elected = true;
    ward.seats = 1;
    return ward;
}

/// Bravo first and Alpha second, so the election's order is not the crosswalk's.
Election two_ward_election() {
    Election election;
    election.path = "old.csv";
    // Bravo: CON 800, LAB 1200, GRN 200 (2200 in all).
    election.wards.push_back(ward_of("Bravo", 0, {{"CON", 800}, {"LAB", 1200}, {"GRN", 200}}));
    // Alpha: CON 600 + 400 (two candidates), LAB 600, LD 400 (2000 in all).
    election.wards.push_back(
        ward_of("Alpha", 3, {{"CON", 600}, {"CON", 400}, {"LAB", 600}, {"LD", 400}}));
    for (const char* party : {"CON", "LAB", "LD", "GRN"}) election.party_names[party] = party;
    return election;
}
const std::vector<std::size_t> alpha_bravo_polygons{1, 0};  // Bravo is row 1, Alpha row 0

double party_column_sum(const Notional& result, std::size_t p) {
    double sum = 0.0;
    for (Eigen::Index n = 0; n < result.carried.tot.rows(); ++n) {
        sum += result.carried.tot.coeff(n, static_cast<Eigen::Index>(p));
    }
    return sum;
}

TEST(Redistribute, HandExample) {
    // Old row 0 (Alpha, weight 100) splits 50/50; old row 1 (Bravo, weight 200) puts 50 in new
    // ward 0 and 150 in new ward 1, i.e. 0.25 and 0.75.
    const Crosswalk crosswalk(2, {{0, 0, 50.0}, {0, 1, 50.0}, {1, 0, 50.0}, {1, 1, 150.0}},
                              {100.0, 200.0}, {0.0, 0.0});
    const Notional result = redistribute(two_ward_election(), alpha_bravo_polygons, crosswalk);
    ASSERT_EQ(result.old.parties, (std::vector<std::string>{"CON", "GRN", "LAB", "LD"}));
    ASSERT_EQ(result.carried.tot.rows(), 2);
    ASSERT_EQ(result.carried.tot.cols(), 4);
    // new 0 = 0.5 Alpha + 0.25 Bravo; new 1 = 0.5 Alpha + 0.75 Bravo (all exact in binary):
    //   CON: 0.5*1000 + 0.25*800  =  500 + 200 =  700;  0.5*1000 + 0.75*800  = 500 + 600 = 1100
    //   GRN: 0.5*0    + 0.25*200  =    0 +  50 =   50;  0.5*0    + 0.75*200  =   0 + 150 =  150
    //   LAB: 0.5*600  + 0.25*1200 =  300 + 300 =  600;  0.5*600  + 0.75*1200 = 300 + 900 = 1200
    //   LD:  0.5*400  + 0.25*0    =  200 +   0 =  200;  0.5*400  + 0.75*0    = 200 +   0 =  200
    const double expected[2][4] = {{700, 50, 600, 200}, {1100, 150, 1200, 200}};
    for (Eigen::Index n = 0; n < 2; ++n) {
        for (Eigen::Index p = 0; p < 4; ++p) {
            EXPECT_DOUBLE_EQ(result.carried.tot.coeff(n, p), expected[n][p])
                << "new " << n << " p " << p;
        }
    }
    ASSERT_EQ(result.ledger.size(), 4u);
    EXPECT_EQ(result.ledger[0].party, "CON");
    EXPECT_DOUBLE_EQ(result.ledger[0].old_votes, 1800.0);
    EXPECT_DOUBLE_EQ(result.ledger[0].new_votes, 1800.0);
    EXPECT_EQ(result.ledger[0].lost_outside, 0.0);
    EXPECT_DOUBLE_EQ(result.old_total(), 4200.0);
    EXPECT_EQ(result.lost_total(), 0.0);
    EXPECT_EQ(result.uncontested_old, 0u);
}

TEST(Redistribute, NewWardIdenticalToAnOldWardTakesAllItsVotes) {
    // Alpha (line 0) splits 30/70 into new wards 0 and 2; Bravo (line 1) is new ward 1 unchanged.
    const Crosswalk crosswalk(3, {{0, 0, 30.0}, {0, 2, 70.0}, {1, 1, 200.0}}, {100.0, 200.0},
                              {0.0, 0.0});
    const Notional result = redistribute(two_ward_election(), alpha_bravo_polygons, crosswalk);
    // Columns CON, GRN, LAB, LD; Bravo had CON 800, GRN 200, LAB 1200, LD 0.
    EXPECT_EQ(result.carried.tot.coeff(1, 0), 800.0);
    EXPECT_EQ(result.carried.tot.coeff(1, 1), 200.0);
    EXPECT_EQ(result.carried.tot.coeff(1, 2), 1200.0);
    EXPECT_EQ(result.carried.tot.coeff(1, 3), 0.0);
    // And nothing of Bravo's goes anywhere else: GRN stood only there.
    EXPECT_EQ(result.carried.tot.coeff(0, 1), 0.0);
    EXPECT_EQ(result.carried.tot.coeff(2, 1), 0.0);
}

TEST(Redistribute, EveryVoteIsAllocatedOrReportedLost) {
    // Awkward weights so the arithmetic rounds: Alpha 0.3 = 0.1 + 0.13 + sliver 0.02 + gap
    // 0.05; Bravo 0.7 = 0.2 + 0.49 + sliver 0.01.
    const Crosswalk crosswalk(3, {{0, 0, 0.1}, {0, 2, 0.13}, {1, 1, 0.2}, {1, 2, 0.49}}, {0.3, 0.7},
                              {0.02, 0.01}, {0.05, 0.0});
    RedistributeOptions options;
    options.max_lost = 1.0;
    const Notional result =
        redistribute(two_ward_election(), alpha_bravo_polygons, crosswalk, options);
    ASSERT_EQ(result.ledger.size(), 4u);
    for (std::size_t p = 0; p < result.old.parties.size(); ++p) {
        const PartyLedger& entry = result.ledger[p];
        // The new wards' sum taken from the matrix itself, not from the ledger.
        const double new_sum = party_column_sum(result, p);
        EXPECT_NEAR(new_sum, entry.new_votes, 1e-9 * entry.old_votes) << entry.party;
        // Relative 1e-9: a few hundred roundings of doubles near 1000 stay far below it.
        EXPECT_NEAR(new_sum + entry.lost_sliver + entry.lost_gap + entry.lost_outside,
                    entry.old_votes, 1e-9 * entry.old_votes)
            << entry.party;
        EXPECT_LT(entry.imbalance(), 1e-9) << entry.party;
    }
    // CON: Alpha 1000 loses 0.02/0.3 in slivers and 0.05/0.3 in the gap; Bravo 800 loses
    // 0.01/0.7.
    const PartyLedger& con = result.ledger[0];
    EXPECT_EQ(con.party, "CON");
    EXPECT_DOUBLE_EQ(con.old_votes, 1800.0);
    EXPECT_NEAR(con.lost_sliver, 1000.0 * 0.02 / 0.3 + 800.0 * 0.01 / 0.7, 1e-9);
    EXPECT_NEAR(con.lost_gap, 1000.0 * 0.05 / 0.3, 1e-9);
    EXPECT_EQ(con.lost_outside, 0.0);
    EXPECT_NEAR(con.new_votes, 1800.0 - con.lost(), 1e-9);
}

TEST(Redistribute, LosingTooManyVotesNamesTheCrosswalkAndTheWardsThatLoseMost) {
    // Alpha (2000 votes) loses 1% in a gap, Bravo (2200 votes) 10%: 20 + 220 = 240 of 4200,
    // 5.714%.
    const Crosswalk crosswalk(1, {{0, 0, 99.0}, {1, 0, 180.0}}, {100.0, 200.0}, {0.0, 0.0},
                              {1.0, 20.0});
    const Notional result = redistribute(two_ward_election(), alpha_bravo_polygons, crosswalk);
    EXPECT_NEAR(result.lost_total(), 240.0, 1e-9);
    const std::string message = message_of<DataError>([&] {
        check_lost(result, two_ward_election(), alpha_bravo_polygons, crosswalk, "adults", 0.001);
    });
    EXPECT_TRUE(contains(message,
                         "old.csv: the adults crosswalk loses 240.0 of 4200 votes "
                         "(5.714%), more than --max-lost 0.100%"))
        << message;
    EXPECT_TRUE(contains(message,
                         "most from 'Bravo' 220.0 (10.0% in a gap inside the new map), "
                         "'Alpha' 20.0 (1.0% in a gap"))
        << message;
    EXPECT_TRUE(contains(message, "allow more with --max-lost")) << message;
    // 5.714% is within a limit of 6%.
    check_lost(result, two_ward_election(), alpha_bravo_polygons, crosswalk, "adults", 0.06);
}

TEST(Redistribute, AWardWithNoPartOnTheNewMapIsSaidSo) {
    const Crosswalk crosswalk(1, {{1, 0, 200.0}}, {100.0, 200.0}, {0.0, 0.0});
    const Notional result = redistribute(two_ward_election(), alpha_bravo_polygons, crosswalk);
    const std::string message = message_of<DataError>([&] {
        check_lost(result, two_ward_election(), alpha_bravo_polygons, crosswalk, "area", 0.001);
    });
    EXPECT_TRUE(contains(message, "'Alpha' 2000.0 (no part on the new map)")) << message;
}

TEST(Redistribute, UncontestedWardContributesNoVotes) {
    Election election = two_ward_election();
    // Charlie was uncontested: its seats are known, its votes are not. Whatever a reader left in
    // the votes must not be carried.
    WardResult charlie = ward_of("Charlie", 6, {{"UKIP", 999.0}});
    charlie.uncontested = true;
    election.wards.push_back(charlie);
    election.party_names["UKIP"] = "UKIP";
    // Old row 2 (Charlie) lies wholly in new ward 0, as do the others.
    const Crosswalk crosswalk(1, {{0, 0, 1.0}, {1, 0, 1.0}, {2, 0, 1.0}}, {1.0, 1.0, 1.0},
                              {0.0, 0.0, 0.0});
    const Notional result = redistribute(election, {1, 0, 2}, crosswalk);
    EXPECT_EQ(result.uncontested_old, 1u);
    EXPECT_DOUBLE_EQ(result.old_total(), 4200.0);
    ASSERT_EQ(result.old.parties, (std::vector<std::string>{"CON", "GRN", "LAB", "LD", "UKIP"}));
    EXPECT_EQ(result.carried.tot.coeff(0, 4), 0.0);
    EXPECT_EQ(result.ledger[4].old_votes, 0.0);
    EXPECT_DOUBLE_EQ(result.carried.tot.coeff(0, 0), 1800.0);
}

// --- staged outputs ---------------------------------------------------------------------------

std::set<std::string> files_in(const std::filesystem::path& directory) {
    std::set<std::string> names;
    if (!std::filesystem::exists(directory)) return names;
    for (const auto& entry : std::filesystem::directory_iterator(directory)) {
        names.insert(entry.path().filename().string());
    }
    return names;
}

std::string read_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

TEST(StagedOutputs, NothingUnderTheFinalNamesBeforeCommit) {
    TempDir dir;
    const auto out = dir.path() / "out" / "nested";  // created when needed
    StagedOutputs outputs(out);
    outputs.write_text("votes.csv", "a,b\n1,2\n");
    outputs.write_text("seats.csv", "seats\n");
    EXPECT_FALSE(std::filesystem::exists(out / "votes.csv"));
    EXPECT_FALSE(std::filesystem::exists(out / "seats.csv"));
    EXPECT_TRUE(std::filesystem::exists(staging_name(out / "seats.csv", ::getpid())));
    EXPECT_EQ(files_in(out).size(), 2u);  // the two temporary files

    const auto written = outputs.commit();
    EXPECT_EQ(written, (std::vector<std::filesystem::path>{out / "votes.csv", out / "seats.csv"}));
    EXPECT_EQ(read_file(out / "votes.csv"), "a,b\n1,2\n");
    EXPECT_EQ(read_file(out / "seats.csv"), "seats\n");
    EXPECT_EQ(files_in(out), (std::set<std::string>{"votes.csv", "seats.csv"}));
}

TEST(StagedOutputs, CommittedFilesSurviveTheObject) {
    TempDir dir;
    {
        StagedOutputs outputs(dir.path());
        outputs.write_text("a.csv", "x\n");
        (void)outputs.commit();
    }
    EXPECT_EQ(read_file(dir.path() / "a.csv"), "x\n");
}

TEST(StagedOutputs, WithoutCommitNothingIsLeft) {
    TempDir dir;
    const auto out = dir.path() / "out";
    {
        StagedOutputs outputs(out);
        outputs.write_text("votes.csv", "a\n");
        outputs.write_text("seats.csv", "s\n");
        ASSERT_EQ(files_in(out).size(), 2u);
    }
    EXPECT_TRUE(files_in(out).empty());
}

TEST(StagedOutputs, CommitReplacesAnOlderFile) {
    TempDir dir;
    const auto old_file = dir.write("votes.csv", "old\n");
    StagedOutputs outputs(dir.path());
    outputs.write_text("votes.csv", "new\n");
    EXPECT_EQ(read_file(old_file), "old\n");  // untouched until commit
    (void)outputs.commit();
    EXPECT_EQ(read_file(old_file), "new\n");
    EXPECT_EQ(files_in(dir.path()), (std::set<std::string>{"votes.csv"}));  // nothing set aside
}

TEST(StagedOutputs, AFailedCommitLeavesTheEarlierSetAsItWas) {
    TempDir dir;
    dir.write("a.csv", "old a\n");
    dir.write("c.csv", "old c\n");
    // A directory in the way of the second file: nothing is moved at all.
    std::filesystem::create_directory(dir.path() / "b.csv");
    {
        StagedOutputs outputs(dir.path());
        outputs.write_text("a.csv", "new a\n");
        outputs.write_text("b.csv", "new b\n");
        outputs.write_text("c.csv", "new c\n");
        const std::string message = message_of<IoError>([&] { (void)outputs.commit(); });
        EXPECT_TRUE(contains(message, "b.csv: is a directory, where an output file goes"))
            << message;
    }
    EXPECT_EQ(read_file(dir.path() / "a.csv"), "old a\n");
    EXPECT_EQ(read_file(dir.path() / "c.csv"), "old c\n");
    EXPECT_EQ(files_in(dir.path()), (std::set<std::string>{"a.csv", "b.csv", "c.csv"}));
    // A rename that fails part way (the third file's directory is gone by then): the first two
    // are put back.
    const auto elsewhere = dir.path() / "elsewhere";
    std::filesystem::create_directory(elsewhere);
    std::filesystem::remove(dir.path() / "b.csv");
    dir.write("b.csv", "old b\n");
    {
        StagedOutputs outputs(dir.path());
        outputs.write_text("a.csv", "new a\n");
        outputs.write_text("b.csv", "new b\n");
        outputs.write_file(elsewhere / "d.csv", "new d\n");
        std::filesystem::remove_all(elsewhere);  // its temporary file goes with it
        (void)message_of<IoError>([&] { (void)outputs.commit(); });
    }
    EXPECT_EQ(read_file(dir.path() / "a.csv"), "old a\n");
    EXPECT_EQ(read_file(dir.path() / "b.csv"), "old b\n");
    EXPECT_EQ(files_in(dir.path()), (std::set<std::string>{"a.csv", "b.csv", "c.csv"}));
}

TEST(StagedOutputs, ASignalRemovesTheTemporaryFiles) {
    TempDir dir;
    const pid_t child = ::fork();
    ASSERT_GE(child, 0);
    if (child == 0) {
        StagedOutputs outputs(dir.path());
        outputs.write_text("a.csv", "a\n");
        outputs.write_text("b.csv", "b\n");
        ::raise(SIGTERM);  // as a user's kill would, while the outputs are being written
        ::_exit(3);        // not reached
    }
    int status = 0;
    ASSERT_EQ(::waitpid(child, &status, 0), child);
    ASSERT_TRUE(WIFSIGNALED(status));  // the default action still ends the process
    EXPECT_EQ(WTERMSIG(status), SIGTERM);
    EXPECT_TRUE(files_in(dir.path()).empty());
}

TEST(StagedOutputs, TheNextRunSweepsWhatAKilledRunLeft) {
    TempDir dir;
    // PID 2^22 + 1 is above Linux's largest: no such process. A temporary file of it goes; a
    // file it set aside while committing comes back where its new one never arrived.
    const long dead = 4194305;
    dir.write(staging_name(dir.path() / "notional.csv", dead).filename().string(), "half\n");
    dir.write(staging_name(dir.path() / "ledger.csv", dead, "bak").filename().string(), "old\n");
    dir.write("notes.txt", "mine\n");
    StagedOutputs outputs(dir.path());
    outputs.claim({"notional.csv"}, false);
    EXPECT_EQ(files_in(dir.path()), (std::set<std::string>{"ledger.csv", "notes.txt"}));
    EXPECT_EQ(read_file(dir.path() / "ledger.csv"), "old\n");
}

TEST(StagedOutputs, AFullDiskIsAnErrorNamingTheFile) {
    TempDir dir;
    const auto small = dir.path() / "small";
    std::filesystem::create_directory(small);
    const std::string mount = "mount -t tmpfs -o size=64k tmpfs " + small.string() + " 2>/dev/null";
    if (std::system(mount.c_str()) != 0) {
        GTEST_SKIP() << "cannot mount a small tmpfs here (needs root); skipping the full disk";
    }
    std::string message;
    {
        StagedOutputs outputs(small);
        message = message_of<IoError>(
            [&] { outputs.write_text("big.csv", std::string(200 * 1024, 'x')); });
    }
    EXPECT_TRUE(contains(message, (small / "big.csv").string() + ": write failed: no space left "
                                                                 "on the device"))
        << message;
    EXPECT_TRUE(files_in(small).empty());  // the half-written temporary file is gone
    EXPECT_EQ(std::system(("umount " + small.string()).c_str()), 0);
}

}  // namespace
}  // namespace notional::model
