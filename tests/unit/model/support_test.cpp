/// Unit tests of model/support: each party's votes within an old seat put where its local
/// support is among the seat's people, and the general election's rules for who goes whole.
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "model/crosswalk.hpp"
#include "model/redistribute.hpp"
#include "model/seats.hpp"
#include "model/support.hpp"
#include "support.hpp"

namespace notional::model {
namespace {

using test::Cand;

/// Old seat 0 halves into new seats 0 and 1 (100 people each); old seat 1 lies wholly in new 1.
Crosswalk halves() {
    return {2, {{0, 0, 100.0}, {0, 1, 100.0}, {1, 1, 300.0}}, {200.0, 300.0}, {0.0, 0.0}};
}

/// Seat 0: LAB 1000, CON 900, GRN 100 (no local candidate); seat 1: LAB 100, CON 100.
Election halves_election() {
    return test::election_of(
        {test::result_of("S0", "Seat Zero", {{"LAB", 1000, true}, {"CON", 900}, {"GRN", 100}}, 1),
         test::result_of("S1", "Seat One", {{"LAB", 100, true}, {"CON", 100}}, 1)});
}

/// Local ward 0 holds new seat 0's people (LAB 60%, CON 40%), ward 1 new seat 1's (LAB 20%,
/// CON 80%).
LocalElection two_local_wards() {
    return {"local.csv", {{{"LAB", 0.6}, {"CON", 0.4}}, {{"LAB", 0.2}, {"CON", 0.8}}}};
}

double votes(const Notional& notional, std::size_t new_ward, const std::string& party) {
    return notional.carried.tot.coeff(static_cast<Eigen::Index>(new_ward),
                                      static_cast<Eigen::Index>(notional.old.party_index(party)));
}

TEST(Support, EachPartysVotesLeanToWhereItsLocalShareIsAndTheSeatTotalIsKept) {
    const Crosswalk crosswalk = halves();
    const PartySupport support({{0, 0, 100.0, {0}}, {0, 1, 100.0, {1}}, {1, 1, 300.0, {1}}},
                               {two_local_wards()});
    EXPECT_EQ(support.elections(), 1U);
    EXPECT_DOUBLE_EQ(support.people_covered(), 500.0);
    EXPECT_EQ(support.old_wards_reached(), 1U);  // old seat 1 has one piece: nothing leans

    const Election election = halves_election();
    const Notional notional = redistribute(election, test::identity(2), crosswalk, {}, &support);
    // Labour's support in seat 0 averages 40%: 1.5 times it in new seat 0, half of it in new 1.
    EXPECT_NEAR(votes(notional, 0, "LAB"), 750.0, 1e-9);
    EXPECT_NEAR(votes(notional, 1, "LAB"), 250.0 + 100.0, 1e-9);
    // The Conservatives' averages 60%: 2/3 of it in new 0, 4/3 in new 1.
    EXPECT_NEAR(votes(notional, 0, "CON"), 300.0, 1e-9);
    EXPECT_NEAR(votes(notional, 1, "CON"), 600.0 + 100.0, 1e-9);
    // The Greens stood nowhere locally: support 1, so their votes follow people.
    EXPECT_NEAR(votes(notional, 0, "GRN"), 50.0, 1e-9);
    EXPECT_NEAR(votes(notional, 1, "GRN"), 50.0, 1e-9);
    for (const PartyLedger& entry : notional.ledger) EXPECT_LT(entry.imbalance(), 1e-12);

    // The seats follow the votes as carried: by people alone Labour would hold new seat 1
    // (600 to 550); with local support the Conservatives take it (700 to 350).
    const auto seats = notional_seats(notional, crosswalk, {1, 1});
    EXPECT_EQ(seats[0].winners, std::vector<std::string>{"LAB"});
    EXPECT_EQ(seats[1].winners, std::vector<std::string>{"CON"});
    const Notional by_people = redistribute(election, test::identity(2), crosswalk);
    EXPECT_NEAR(votes(by_people, 1, "LAB"), 600.0, 1e-9);
    EXPECT_EQ(notional_seats(by_people, crosswalk, {1, 1})[1].winners,
              std::vector<std::string>{"LAB"});
}

TEST(Support, APlaceNoLocalResultCoversOrWhereThePartyDidNotStandTakesTheSeatsAverage) {
    // New seat 1's 100 people: 50 in local ward 1, 50 where no local result is. Labour's
    // average is (100 x 60% + 50 x 20%) / 150 = 7/15: new seat 0 gets 9/7 of it, new seat 1
    // (50 x 3/7 + 50 x 1) / 100 = 5/7; so 9/14 and 5/14 of its votes.
    const PartySupport support(
        {{0, 0, 100.0, {0}}, {0, 1, 50.0, {1}}, {0, 1, 50.0, {no_local_ward}}},
        {two_local_wards()});
    EXPECT_DOUBLE_EQ(support.people_covered(), 150.0);
    EXPECT_DOUBLE_EQ(support.people(), 200.0);
    const auto factors = support.factors(halves(), {"CON", "GRN", "LAB"});
    ASSERT_EQ(factors.size(), 3U);
    EXPECT_NEAR(factors[2].coeff(0, 0), 9.0 / 7.0, 1e-12);
    EXPECT_NEAR(factors[2].coeff(0, 1), 5.0 / 7.0, 1e-12);
    EXPECT_NEAR(factors[2].coeff(1, 1), 1.0, 1e-12);  // one piece: nothing to lean to
    EXPECT_EQ(factors[1].nonZeros(), 0);              // the Greens: no local support anywhere

    // A party that stood in one local ward only (LD, in ward 0) has its average there: the
    // other ward's people take the average too, and its votes follow people.
    const LocalElection partial{"local.csv", {{{"LAB", 0.6}, {"LD", 0.1}}, {{"LAB", 0.4}}}};
    const PartySupport ld({{0, 0, 100.0, {0}}, {0, 1, 100.0, {1}}}, {partial});
    EXPECT_EQ(ld.factors(halves(), {"LD"})[0].nonZeros(), 0);
}

TEST(Support, SeveralLocalElectionsAverage) {
    // A second election in which Labour has 20% in both wards: the places' support is then
    // 40% in ward 0 and 20% in ward 1, averaging 30% in seat 0: factors 4/3 and 2/3.
    const LocalElection flat{"flat.csv", {{{"LAB", 0.2}}, {{"LAB", 0.2}}}};
    const PartySupport support({{0, 0, 100.0, {0, 0}}, {0, 1, 100.0, {1, 1}}},
                               {two_local_wards(), flat});
    EXPECT_EQ(support.elections(), 2U);
    const auto factors = support.factors(halves(), {"LAB"});
    EXPECT_NEAR(factors[0].coeff(0, 0), 4.0 / 3.0, 1e-12);
    EXPECT_NEAR(factors[0].coeff(0, 1), 2.0 / 3.0, 1e-12);
}

TEST(Support, TheVotesLostBeyondTheNewMapStayLost) {
    // Old seat 0 has 10% of its people in a gap the new map leaves: each party keeps its
    // seat total less that 10%, however its support leans.
    const Crosswalk crosswalk(2, {{0, 0, 90.0}, {0, 1, 90.0}, {1, 1, 300.0}}, {200.0, 300.0},
                              {0.0, 0.0}, {20.0, 0.0});
    const PartySupport support({{0, 0, 90.0, {0}}, {0, 1, 90.0, {1}}}, {two_local_wards()});
    const Notional notional =
        redistribute(halves_election(), test::identity(2), crosswalk, {}, &support);
    EXPECT_NEAR(votes(notional, 0, "LAB") + votes(notional, 1, "LAB"), 900.0 + 100.0, 1e-9);
    EXPECT_NEAR(votes(notional, 0, "LAB"), 675.0, 1e-9);
    const auto lab = notional.old.party_index("LAB");
    EXPECT_NEAR(notional.ledger[lab].lost_gap, 100.0, 1e-9);
    EXPECT_LT(notional.ledger[lab].imbalance(), 1e-12);
}

// --- the general election's rules ---------------------------------------------------------------

TEST(GeneralRules, MinorPartiesAndTheSpeakerGoWholeAStrongIndependentIsSplit) {
    // England: seat 0 CON 5000, LAB 4000, an independent 1200 (11.7%), the Yorkshire Party
    // 50 (0.15% of England's vote: minor); seat 1 the Speaker 20000, Greens 3000 (9%).
    Election election = test::election_of(
        {test::result_of("S0", "Seat Zero",
                         {{"CON", 5000, true}, {"LAB", 4000}, {"IND-1", 1200}, {"YP", 50}}, 1),
         test::result_of("S1", "Seat One", {{"SPK", 20000, true}, {"GRN", 3000}}, 1)});
    for (auto& ward : election.wards) ward.council_name = "England";
    election.general = true;
    // Seat 0: 60% of its people to new seat 0; seat 1: 70% to new seat 0.
    const Crosswalk crosswalk(2, {{0, 0, 60.0}, {0, 1, 40.0}, {1, 0, 70.0}, {1, 1, 30.0}},
                              {100.0, 100.0}, {0.0, 0.0});
    RedistributeOptions options;
    options.strong_independent_share = 0.10;
    const Notional notional = redistribute(election, test::identity(2), crosswalk, options);
    EXPECT_EQ(notional.strong_independents, 1U);
    EXPECT_EQ(notional.minor_whole, 2U);  // the Yorkshire Party and the Speaker
    EXPECT_NEAR(votes(notional, 0, "YP"), 50.0, 1e-9);
    EXPECT_NEAR(votes(notional, 0, "SPK"), 20000.0, 1e-9);
    EXPECT_NEAR(votes(notional, 1, "SPK"), 0.0, 1e-9);
    EXPECT_NEAR(votes(notional, 0, "IND-1"), 720.0, 1e-9);
    EXPECT_NEAR(votes(notional, 0, "GRN"), 2100.0, 1e-9);
    EXPECT_NEAR(votes(notional, 1, "CON"), 2000.0, 1e-9);

    // A local election: every party split, independents whole.
    const Notional local = redistribute(election, test::identity(2), crosswalk);
    EXPECT_NEAR(votes(local, 0, "YP"), 30.0, 1e-9);
    EXPECT_NEAR(votes(local, 0, "IND-1"), 1200.0, 1e-9);
}

}  // namespace
}  // namespace notional::model
