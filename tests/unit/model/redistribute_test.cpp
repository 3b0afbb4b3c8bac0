/// Unit tests of model/redistribute: carrying the old election's votes into the new wards, and
/// the check of what is lost.
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "core/error.hpp"
#include "model/crosswalk.hpp"
#include "model/redistribute.hpp"
#include "model/results.hpp"
#include "support.hpp"

namespace notional::model {
namespace {

using test::contains;
using test::message_of;

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
                         "(5.714%), more than the limit of 0.100%"))
        << message;
    EXPECT_TRUE(contains(message,
                         "most from 'Bravo' 220.0 (10.0% in a gap inside the new map), "
                         "'Alpha' 20.0 (1.0% in a gap"))
        << message;
    EXPECT_TRUE(contains(message, "or allow more lost votes")) << message;
    // What the user can change: the CLI names the options (cli/errors.cpp).
    const auto about = [&] {
        try {
            check_lost(result, two_ward_election(), alpha_bravo_polygons, crosswalk, "adults",
                       0.001);
        } catch (const DataError& error) {
            return error.about();
        }
        return std::vector<Setting>{};
    }();
    EXPECT_EQ(about, (std::vector<Setting>{Setting::max_lost, Setting::councils}));
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

}  // namespace
}  // namespace notional::model
