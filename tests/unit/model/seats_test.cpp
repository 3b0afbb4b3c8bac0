/// Unit tests of notional seats (rank-slot, block, continuity), margins, ties, uncontested and
/// unknown wards, independents, change classes and controlled rounding (METHOD.md §3, §5, §6, §8).
#include <cmath>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

#include "core/error.hpp"
#include "model/base.hpp"
#include "model/crosswalk.hpp"
#include "model/honesty.hpp"
#include "model/ordering.hpp"
#include "model/redistribute.hpp"
#include "model/results.hpp"
#include "model/seats.hpp"
#include "support.hpp"

namespace notional::model {
namespace {

using test::message_of;
using test::TempDir;

using test::contains;

// --- fixtures ---------------------------------------------------------------------------------

using test::Cand;

WardResult ward_of(const std::string& name, const std::vector<Cand>& candidates, int seats,
                   std::optional<double> ballots = std::nullopt) {
    return test::result_of("", name, candidates, seats, ballots);
}

// Old ward w is crosswalk row w; parties are named by code unless the names say otherwise.
using test::election_of;
using test::notional_of;

double tot(const Notional& result, std::size_t n, const std::string& party) {
    return result.carried.tot.coeff(static_cast<Eigen::Index>(n),
                                    static_cast<Eigen::Index>(result.old.party_index(party)));
}

using Winners = std::vector<std::string>;
using ByParty = std::map<std::string, int>;

// Values of a few thousand votes through shares like 0.6 (not exact in binary) pick up a few
// roundings of about 1e-13 each: 1e-9 is far above them and far below any hand-checked digit.
constexpr double kVotesTolerance = 1e-9;

// --- rank-slot --------------------------------------------------------------------------------

/// Two old three-seat wards, each split 0.6/0.4 between two new three-seat wards:
///   A (line 0): CON 1000, 900, 800; LAB 500, 400, 300; CON elected; 3000 ballots
///   B (line 1): LAB 1200, 1100, 1000; CON 600, 500, 400; LAB elected; 3500 ballots
/// New 0 = 0.6 A + 0.4 B, new 1 = 0.4 A + 0.6 B.
Election split_election(bool with_ballots) {
    return election_of({ward_of("A",
                                {{"CON", 1000, true},
                                 {"CON", 900, true},
                                 {"CON", 800, true},
                                 {"LAB", 500},
                                 {"LAB", 400},
                                 {"LAB", 300}},
                                3, with_ballots ? std::optional<double>(3000) : std::nullopt),
                        ward_of("B",
                                {{"LAB", 1200, true},
                                 {"LAB", 1100, true},
                                 {"LAB", 1000, true},
                                 {"CON", 600},
                                 {"CON", 500},
                                 {"CON", 400}},
                                3, with_ballots ? std::optional<double>(3500) : std::nullopt)});
}

const Crosswalk& split_crosswalk() {
    static const Crosswalk crosswalk(2, {{0, 0, 60.0}, {0, 1, 40.0}, {1, 0, 40.0}, {1, 1, 60.0}},
                                     {100.0, 100.0}, {0.0, 0.0});
    return crosswalk;
}

TEST(RankSlot, TwoOneSplitWithMarginAgainstBallots) {
    const Notional result = notional_of(split_election(true), split_crosswalk());
    const auto seats = notional_seats(result, split_crosswalk(), {3, 3});
    ASSERT_EQ(seats.size(), 2u);

    // New 0 slots: CON 0.6*1000+0.4*600 = 840, 0.6*900+0.4*500 = 740, 0.6*800+0.4*400 = 640;
    //              LAB 0.6*500+0.4*1200 = 780, 0.6*400+0.4*1100 = 680, 0.6*300+0.4*1000 = 580.
    // Best three: CON 840, LAB 780, CON 740; first unelected LAB 680: margin 60.
    // Ballots 0.6*3000 + 0.4*3500 = 3200, so 100*60/3200 = 1.875%: a knife-edge below 2.
    const WardSeats& zero = seats[0];
    EXPECT_EQ(zero.seats, 3);
    EXPECT_EQ(zero.winners, (Winners{"CON", "LAB", "CON"}));
    EXPECT_EQ(zero.by_party(), (ByParty{{"CON", 2}, {"LAB", 1}}));
    ASSERT_TRUE(zero.margin_votes.has_value());
    EXPECT_NEAR(*zero.margin_votes, 60.0, kVotesTolerance);
    ASSERT_TRUE(result.carried.ballots[0].has_value());
    EXPECT_NEAR(*result.carried.ballots[0], 3200.0, kVotesTolerance);
    ASSERT_TRUE(zero.margin_pct.has_value());
    EXPECT_NEAR(*zero.margin_pct, 1.875, 1e-9);
    EXPECT_FALSE(zero.ballots_estimated);
    EXPECT_TRUE(zero.knife_edge);
    EXPECT_FALSE(zero.tie);
    EXPECT_FALSE(zero.extended);
    EXPECT_FALSE(zero.continuity);
    EXPECT_FALSE(zero.carried);
    EXPECT_FALSE(zero.unknown);

    // New 1 slots: CON 0.4*1000+0.6*600 = 760, 660, 560; LAB 0.4*500+0.6*1200 = 920,
    // 0.4*400+0.6*1100 = 820, 0.4*300+0.6*1000 = 720. Best three LAB 920, LAB 820, CON 760;
    // margin 760 - 720 = 40 of 0.4*3000 + 0.6*3500 = 3300 ballots: 4000/3300 %.
    const WardSeats& one = seats[1];
    EXPECT_EQ(one.winners, (Winners{"LAB", "LAB", "CON"}));
    EXPECT_EQ(one.by_party(), (ByParty{{"CON", 1}, {"LAB", 2}}));
    ASSERT_TRUE(one.margin_votes.has_value());
    EXPECT_NEAR(*one.margin_votes, 40.0, kVotesTolerance);
    ASSERT_TRUE(one.margin_pct.has_value());
    EXPECT_NEAR(*one.margin_pct, 4000.0 / 3300.0, 1e-9);
    EXPECT_TRUE(one.knife_edge);

    // With the knife-edge at 1.5%, 1.875% is safe and 1.21% is not.
    SeatOptions options;
    options.knife_edge_pct = 1.5;
    const auto stricter = notional_seats(result, split_crosswalk(), {3, 3}, options);
    EXPECT_FALSE(stricter[0].knife_edge);
    EXPECT_TRUE(stricter[1].knife_edge);
}

TEST(RankSlot, WithoutBallotsTheTopVotesStandIn) {
    const Notional result = notional_of(split_election(false), split_crosswalk());
    EXPECT_FALSE(result.carried.ballots[0].has_value());
    const auto seats = notional_seats(result, split_crosswalk(), {3, 3});
    // Same slots as above; the denominator is the sum of the parties' top votes:
    // new 0: CON 840 + LAB 780 = 1620, so 100*60/1620 = 3.7037%, not a knife-edge.
    // new 1: CON 0.4*1000+0.6*600 = 760 + LAB 0.4*500+0.6*1200 = 920 = 1680; 100*40/1680.
    EXPECT_EQ(seats[0].winners, (Winners{"CON", "LAB", "CON"}));
    EXPECT_TRUE(seats[0].ballots_estimated);
    ASSERT_TRUE(seats[0].margin_pct.has_value());
    EXPECT_NEAR(*seats[0].margin_pct, 6000.0 / 1620.0, 1e-9);
    EXPECT_FALSE(seats[0].knife_edge);
    EXPECT_TRUE(seats[1].ballots_estimated);
    ASSERT_TRUE(seats[1].margin_pct.has_value());
    EXPECT_NEAR(*seats[1].margin_pct, 4000.0 / 1680.0, 1e-9);
    EXPECT_FALSE(seats[1].knife_edge);
}

TEST(RankSlot, MoreSeatsThanTheOldWardExtendsWithItsLastRank) {
    // Old 2 seats: CON 1000, 900; LAB 800, 700; LD 750. New ward (all of it) has 3 seats.
    // CON and LAB ran full slates, so their third slot is their second rank: CON 900, LAB 700.
    // Best three: CON 1000, CON 900, CON 900 (extended); next LAB 800: margin 100.
    const Election election = election_of({ward_of(
        "A", {{"CON", 1000, true}, {"CON", 900, true}, {"LAB", 800}, {"LD", 750}, {"LAB", 700}},
        2)});
    const Crosswalk crosswalk(1, {{0, 0, 1.0}}, {1.0}, {0.0});
    const auto seats = notional_seats(notional_of(election, crosswalk), crosswalk, {3});
    EXPECT_EQ(seats[0].winners, (Winners{"CON", "CON", "CON"}));
    EXPECT_TRUE(seats[0].extended);
    ASSERT_TRUE(seats[0].margin_votes.has_value());
    EXPECT_EQ(*seats[0].margin_votes, 100.0);
}

// --- continuity -------------------------------------------------------------------------------

TEST(Continuity, LostSeatDropsTheLowestElected) {
    // A (line 0, 3 seats): CON 1000, CON 900, LAB 850 elected; LAB 700, CON 600 not.
    // B (line 1, 2 seats): LAB 3000, LAB 2900 elected; CON 100.
    // A is 95% new 0 and new 0 is 95% A (weights 95 + 5 from B), so continuity holds both ways.
    const Election election =
        election_of({ward_of("A",
                             {{"CON", 1000, true},
                              {"CON", 900, true},
                              {"LAB", 850, true},
                              {"LAB", 700},
                              {"CON", 600}},
                             3),
                     ward_of("B", {{"LAB", 3000, true}, {"LAB", 2900, true}, {"CON", 100}}, 2)});
    const Crosswalk crosswalk(2, {{0, 0, 95.0}, {0, 1, 5.0}, {1, 0, 5.0}, {1, 1, 95.0}},
                              {100.0, 100.0}, {0.0, 0.0});
    const Notional result = notional_of(election, crosswalk);
    EXPECT_EQ(result.old.winners[0], (Winners{"CON", "CON", "LAB"}));

    const auto seats =
        notional_seats(result, crosswalk, {2, 2}, SeatOptions{.method = SeatMethod::continuity});
    // A's own candidates scaled by 0.95: CON 950, 855; LAB 807.5, 665. Two seats: CON, CON (the
    // lowest elected, LAB, is dropped); margin 855 - 807.5 = 47.5.
    EXPECT_TRUE(seats[0].continuity);
    EXPECT_EQ(seats[0].winners, (Winners{"CON", "CON"}));
    ASSERT_TRUE(seats[0].margin_votes.has_value());
    EXPECT_NEAR(*seats[0].margin_votes, 47.5, kVotesTolerance);
    EXPECT_TRUE(seats[1].continuity);
    EXPECT_EQ(seats[1].winners, (Winners{"LAB", "LAB"}));

    // Rank-slot on the same map lets B's 5% in: LAB 0.95*850 + 0.05*3000 = 957.5 beats
    // CON 0.95*1000 + 0.05*100 = 955, then CON 855 > LAB 0.95*700 + 0.05*2900 = 810.
    const auto rank_slot = notional_seats(result, crosswalk, {2, 2});
    EXPECT_FALSE(rank_slot[0].continuity);
    EXPECT_EQ(rank_slot[0].winners, (Winners{"LAB", "CON"}));
    ASSERT_TRUE(rank_slot[0].margin_votes.has_value());
    // The closest contest: CON's second slot (855) against LAB's first (957.5), 102.5 apart;
    // LAB's second (810) is 145 behind CON's first.
    EXPECT_NEAR(*rank_slot[0].margin_votes, 957.5 - 855.0, kVotesTolerance);
}

TEST(Continuity, BelowNinetyPercentFallsBackToRankSlot) {
    // A (2 seats): CON 1000, 900 elected; LAB 800, 700. B (2 seats): LAB 2000, 1900; CON 100, 50.
    // New 0 = 0.85 A + 0.15 B: 85% < 90%, so rank-slot stands in:
    //   CON 850 + 15 = 865, 765 + 7.5 = 772.5; LAB 680 + 300 = 980, 595 + 285 = 880.
    // Two seats LAB 980, LAB 880; margin 880 - 865 = 15.
    const Election election = election_of(
        {ward_of("A", {{"CON", 1000, true}, {"CON", 900, true}, {"LAB", 800}, {"LAB", 700}}, 2),
         ward_of("B", {{"LAB", 2000, true}, {"LAB", 1900, true}, {"CON", 100}, {"CON", 50}}, 2)});
    const Crosswalk crosswalk(2, {{0, 0, 85.0}, {0, 1, 15.0}, {1, 0, 15.0}, {1, 1, 85.0}},
                              {100.0, 100.0}, {0.0, 0.0});
    const Notional result = notional_of(election, crosswalk);
    SeatOptions options{.method = SeatMethod::continuity};
    const auto seats = notional_seats(result, crosswalk, {2, 2}, options);
    EXPECT_FALSE(seats[0].continuity);
    EXPECT_EQ(seats[0].winners, (Winners{"LAB", "LAB"}));
    ASSERT_TRUE(seats[0].margin_votes.has_value());
    EXPECT_NEAR(*seats[0].margin_votes, 15.0, kVotesTolerance);

    // At an 80% threshold continuity applies: A's own 0.85*(CON 1000, 900; LAB 800, 700) =
    // CON 850, 765; LAB 680, 595: CON, CON with margin 765 - 680 = 85.
    options.continuity_share = 0.8;
    const auto looser = notional_seats(result, crosswalk, {2, 2}, options);
    EXPECT_TRUE(looser[0].continuity);
    EXPECT_EQ(looser[0].winners, (Winners{"CON", "CON"}));
    ASSERT_TRUE(looser[0].margin_votes.has_value());
    EXPECT_NEAR(*looser[0].margin_votes, 85.0, kVotesTolerance);
}

TEST(Continuity, GainedSeatAddsTheBestLoser) {
    // Old 2 seats: CON 1000, CON 900 elected; LAB 800, LD 750, LAB 700 not. The new ward is all
    // of it with 3 seats: the old elected set plus the best loser, LAB 800; margin 800 - 750.
    // (Rank-slot would extend CON's full slate with its last rank, 900, and sweep: see
    // RankSlot.MoreSeatsThanTheOldWardExtendsWithItsLastRank.)
    const Election election = election_of({ward_of(
        "A", {{"CON", 1000, true}, {"CON", 900, true}, {"LAB", 800}, {"LD", 750}, {"LAB", 700}},
        2)});
    const Crosswalk crosswalk(1, {{0, 0, 1.0}}, {1.0}, {0.0});
    const auto seats = notional_seats(notional_of(election, crosswalk), crosswalk, {3},
                                      SeatOptions{.method = SeatMethod::continuity});
    EXPECT_TRUE(seats[0].continuity);
    EXPECT_EQ(seats[0].winners, (Winners{"CON", "CON", "LAB"}));
    EXPECT_FALSE(seats[0].extended);
    ASSERT_TRUE(seats[0].margin_votes.has_value());
    EXPECT_EQ(*seats[0].margin_votes, 50.0);
}

TEST(Continuity, GainedSeatWithNoLoserExtends) {
    // Old 1 seat, one candidate only (CON 700). New ward 2 seats: there is no loser to add, so
    // the old ward's last rank stands in and the ward is flagged extended.
    const Election election = election_of({ward_of("A", {{"CON", 700, true}}, 1)});
    const Crosswalk crosswalk(1, {{0, 0, 1.0}}, {1.0}, {0.0});
    const auto seats = notional_seats(notional_of(election, crosswalk), crosswalk, {2},
                                      SeatOptions{.method = SeatMethod::continuity});
    EXPECT_TRUE(seats[0].continuity);
    EXPECT_EQ(seats[0].winners, (Winners{"CON", "CON"}));
    EXPECT_TRUE(seats[0].extended);
}

// --- block ------------------------------------------------------------------------------------

TEST(Block, ShortSlateCannotSweep) {
    // 3 seats. LAB ran 2 (1500, 1300: average 1400), CON 3 (1000, 900, 800: average 900).
    // Block: LAB gets min(3, 2) = 2 slots of 1400, CON 3 slots of 900: LAB, LAB, CON.
    const Election election = election_of({ward_of(
        "A",
        {{"LAB", 1500, true}, {"LAB", 1300, true}, {"CON", 1000, true}, {"CON", 900}, {"CON", 800}},
        3)});
    const Crosswalk crosswalk(1, {{0, 0, 1.0}}, {1.0}, {0.0});
    const auto seats = notional_seats(notional_of(election, crosswalk), crosswalk, {3},
                                      SeatOptions{.method = SeatMethod::block});
    EXPECT_EQ(seats[0].winners, (Winners{"LAB", "LAB", "CON"}));
    EXPECT_EQ(seats[0].by_party(), (ByParty{{"CON", 1}, {"LAB", 2}}));
    // CON's unelected slots (900) are level with its elected one: no contest there. The
    // closest contest is CON against LAB's lower slot: 1400 - 900 = 500, no knife-edge.
    ASSERT_TRUE(seats[0].margin_votes.has_value());
    EXPECT_NEAR(*seats[0].margin_votes, 500.0, 1e-9);
    EXPECT_FALSE(seats[0].tie);
}

TEST(Block, FullSlateSweepsWhereRankSlotSplits) {
    // LAB 1500, 1300, 700 (average 3500/3), CON 1000, 900, 800 (average 900), 3 seats.
    // Block: LAB sweeps, margin 3500/3 - 900. Rank-slot: LAB 1500, LAB 1300, CON 1000.
    const Election election = election_of({ward_of("A",
                                                   {{"LAB", 1500, true},
                                                    {"LAB", 1300, true},
                                                    {"CON", 1000, true},
                                                    {"CON", 900},
                                                    {"CON", 800},
                                                    {"LAB", 700}},
                                                   3)});
    const Crosswalk crosswalk(1, {{0, 0, 1.0}}, {1.0}, {0.0});
    const Notional result = notional_of(election, crosswalk);
    const auto block =
        notional_seats(result, crosswalk, {3}, SeatOptions{.method = SeatMethod::block});
    EXPECT_EQ(block[0].winners, (Winners{"LAB", "LAB", "LAB"}));
    ASSERT_TRUE(block[0].margin_votes.has_value());
    EXPECT_NEAR(*block[0].margin_votes, 3500.0 / 3.0 - 900.0, kVotesTolerance);
    const auto rank_slot = notional_seats(result, crosswalk, {3});
    EXPECT_EQ(rank_slot[0].winners, (Winners{"LAB", "LAB", "CON"}));
}

// --- honesty: unchanged, minor, major, new ----------------------------------------------------

TEST(Honesty, UnchangedWardReproducesItsOldResult) {
    // Old 0 (3 seats, a 2-1 split): CON 1000, LAB 950, CON 900 elected; LAB 850, CON 800,
    // LAB 700; 2000 ballots. Old 1..4: CON 600 elected, LAB 400 (1000 votes each).
    // Pieces: old 0 -> new 0 whole (unchanged);
    //         old 1: 95 -> new 1, 5 -> new 2       (new 1 loses 5%: minor)
    //         old 2: 70 -> new 2, 30 -> new 3      (new 2 keeps 70% of old 2: major)
    //         old 3: 40 -> new 3, 60 -> new 4      (new 4: old 3 keeps 60%: major)
    //         old 4 (weight 25) -> new 3 whole     (new 3: 40/95 from its main source: new)
    std::vector<WardResult> wards{ward_of("Zero",
                                          {{"CON", 1000, true},
                                           {"LAB", 950, true},
                                           {"CON", 900, true},
                                           {"LAB", 850},
                                           {"CON", 800},
                                           {"LAB", 700}},
                                          3, 2000.0)};
    for (const char* name : {"One", "Two", "Three", "Four"})
        wards.push_back(ward_of(name, {{"CON", 600, true}, {"LAB", 400}}, 1, 800.0));
    const Election election = election_of(std::move(wards));
    const Crosswalk crosswalk(5,
                              {{0, 0, 100.0},
                               {1, 1, 95.0},
                               {1, 2, 5.0},
                               {2, 2, 70.0},
                               {2, 3, 30.0},
                               {3, 3, 40.0},
                               {3, 4, 60.0},
                               {4, 3, 25.0}},
                              {100.0, 100.0, 100.0, 100.0, 25.0}, {0.0, 0.0, 0.0, 0.0, 0.0});
    const Notional result = notional_of(election, crosswalk);
    const auto seats = notional_seats(result, crosswalk, {3, 1, 1, 1, 1});

    // New 0: every measure exactly the old one (f = 1, nothing else in it).
    for (Eigen::Index p = 0; p < result.old.tot.cols(); ++p) {
        EXPECT_EQ(result.carried.tot.coeff(0, p), result.old.tot.coeff(0, p)) << p;
        EXPECT_EQ(result.carried.top.coeff(0, p), result.old.top.coeff(0, p)) << p;
        for (std::size_t i = 0; i < result.old.rank.size(); ++i)
            EXPECT_EQ(result.carried.rank[i].coeff(0, p), result.old.rank[i].coeff(0, p)) << p;
    }
    EXPECT_EQ(tot(result, 0, "CON"), 2700.0);
    EXPECT_EQ(tot(result, 0, "LAB"), 2500.0);
    ASSERT_TRUE(result.carried.ballots[0].has_value());
    EXPECT_EQ(*result.carried.ballots[0], 2000.0);
    EXPECT_EQ(result.old.winners[0], (Winners{"CON", "LAB", "CON"}));
    EXPECT_EQ(seats[0].winners, result.old.winners[0]);
    ASSERT_TRUE(seats[0].margin_votes.has_value());
    EXPECT_EQ(*seats[0].margin_votes, 50.0);  // CON 900 - LAB 850

    const auto honesty = assess(crosswalk, &result);
    ASSERT_EQ(honesty.size(), 5u);
    EXPECT_EQ(honesty[0].change, ChangeClass::unchanged);
    EXPECT_EQ(honesty[0].moved, 0.0);
    EXPECT_EQ(honesty[0].estimated_pct, 0.0);
    ASSERT_EQ(honesty[0].sources.size(), 1u);
    EXPECT_EQ(honesty[0].sources[0].first, 0u);
    EXPECT_DOUBLE_EQ(honesty[0].sources[0].second, 1.0);

    // New 1 takes only old 1 (taken 1) but old 1 keeps 0.95 there: moved 0.05, minor; all its
    // votes come from a split ward: 100% estimated.
    EXPECT_EQ(honesty[1].change, ChangeClass::minor);
    EXPECT_NEAR(honesty[1].moved, 0.05, 1e-12);
    EXPECT_NEAR(honesty[1].estimated_pct, 100.0, 1e-9);

    // New 2 (weight 75): takes 70/75 from old 2, which keeps 0.7 there: moved 0.3, major.
    EXPECT_EQ(honesty[2].change, ChangeClass::major);
    EXPECT_NEAR(honesty[2].moved, 0.3, 1e-12);

    // New 3 (weight 30 + 40 + 25 = 95): main source old 3 gives 40/95 < 1/2: new. Its votes:
    // 0.3*1000 (old 2, split) + 0.4*1000 (old 3, split) + 1000 (old 4, whole) = 1700, of which
    // 700 estimated: 41.18%.
    EXPECT_EQ(honesty[3].change, ChangeClass::created);
    EXPECT_STREQ(to_string(honesty[3].change), "new");
    ASSERT_EQ(honesty[3].sources.size(), 3u);
    EXPECT_EQ(honesty[3].sources[0].first, 3u);
    EXPECT_NEAR(honesty[3].sources[0].second, 40.0 / 95.0, 1e-12);
    EXPECT_NEAR(honesty[3].estimated_pct, 100.0 * 700.0 / 1700.0, 1e-9);

    // New 4: all from old 3, which keeps 0.6 there: moved 0.4, major.
    EXPECT_EQ(honesty[4].change, ChangeClass::major);
    EXPECT_NEAR(honesty[4].moved, 0.4, 1e-12);

    EXPECT_STREQ(to_string(ChangeClass::unchanged), "unchanged");
    EXPECT_STREQ(to_string(ChangeClass::minor), "minor");
    EXPECT_STREQ(to_string(ChangeClass::major), "major");
}

// --- boundary noise ---------------------------------------------------------------------------

TEST(Noise, NoisePiecesGoToTheMainSuccessor) {
    // Old 0 (weight 100): 99 in new 0, a 1-unit noise strip in new 1. Old 1 (weight 100.5): 100 in
    // new 1, a 0.5 noise strip in new 0. Folded, each old ward is wholly its successor.
    const Election election = election_of({ward_of("Zero", {{"CON", 700, true}, {"LAB", 300}}, 1),
                                           ward_of("One", {{"LAB", 800, true}, {"CON", 200}}, 1)});
    const std::vector<Piece> noisy{
        {0, 0, 99.0, false}, {0, 1, 1.0, true}, {1, 1, 100.0, false}, {1, 0, 0.5, true}};
    const Crosswalk crosswalk(2, noisy, {100.0, 100.5}, {0.0, 0.0});
    EXPECT_EQ(crosswalk.shares().nonZeros(), 2);
    EXPECT_EQ(crosswalk.shares().coeff(0, 0), 1.0);
    EXPECT_EQ(crosswalk.shares().coeff(1, 1), 1.0);
    EXPECT_DOUBLE_EQ(crosswalk.ledger()[0].noise, 0.01);
    EXPECT_DOUBLE_EQ(crosswalk.ledger()[1].noise, 0.5 / 100.5);

    const Notional result = notional_of(election, crosswalk);
    EXPECT_EQ(tot(result, 0, "CON"), 700.0);
    EXPECT_EQ(tot(result, 0, "LAB"), 300.0);
    EXPECT_EQ(tot(result, 1, "CON"), 200.0);
    EXPECT_EQ(tot(result, 1, "LAB"), 800.0);
    const auto honesty = assess(crosswalk, &result);
    for (std::size_t n = 0; n < 2; ++n) {
        EXPECT_EQ(honesty[n].change, ChangeClass::unchanged) << n;
        EXPECT_EQ(honesty[n].moved, 0.0) << n;
        EXPECT_EQ(honesty[n].estimated_pct, 0.0) << n;
    }

    // The same strips as real pieces: old 0 keeps 0.99 in new 0, so new 0 is minor (moved 0.01)
    // and takes only 0.99*700 = 693 CON from old 0, plus 0.5/100.5 of old 1's 200.
    std::vector<Piece> real = noisy;
    for (Piece& piece : real) piece.noise = false;
    const Crosswalk moved(2, real, {100.0, 100.5}, {0.0, 0.0});
    const Notional moved_result = notional_of(election, moved);
    EXPECT_NEAR(tot(moved_result, 0, "CON"), 693.0 + 200.0 * 0.5 / 100.5, kVotesTolerance);
    const auto moved_honesty = assess(moved, &moved_result);
    EXPECT_EQ(moved_honesty[0].change, ChangeClass::minor);
    EXPECT_NEAR(moved_honesty[0].moved, 0.01, 1e-12);
}

// --- controlled rounding ----------------------------------------------------------------------

/// Checks what every rounding must keep: integers, each party's total with `lost`, and each
/// value within 1 per contributing old ward of the exact one.
void expect_rounding_adds_up(const Notional& result, const Crosswalk& crosswalk,
                             const Sparse& rounded, const std::vector<double>& lost) {
    ASSERT_EQ(rounded.rows(), result.carried.tot.rows());
    ASSERT_EQ(rounded.cols(), result.carried.tot.cols());
    ASSERT_EQ(lost.size(), result.old.parties.size());
    std::vector<int> contributors(crosswalk.new_count(), 0);
    const auto& f = crosswalk.shares();
    for (Eigen::Index o = 0; o < f.outerSize(); ++o) {
        for (SparseRows::InnerIterator it(f, o); it; ++it)
            ++contributors[static_cast<std::size_t>(it.col())];
    }
    for (Eigen::Index p = 0; p < rounded.cols(); ++p) {
        double sum = 0.0;
        for (Eigen::Index n = 0; n < rounded.rows(); ++n) {
            const double value = rounded.coeff(n, p);
            EXPECT_EQ(value, std::floor(value)) << "new " << n << " party " << p;
            EXPECT_LE(std::abs(value - result.carried.tot.coeff(n, p)),
                      contributors[static_cast<std::size_t>(n)])
                << "new " << n << " party " << p;
            sum += value;
        }
        const auto party = static_cast<std::size_t>(p);
        EXPECT_EQ(lost[party], std::floor(lost[party])) << p;
        EXPECT_EQ(sum + lost[party], result.ledger[party].old_votes) << result.old.parties[party];
        // Each party's whole votes in the new wards are its exact notional total to half a vote.
        EXPECT_LE(std::abs(sum - result.ledger[party].new_votes), 0.5) << result.old.parties[party];
    }
}

TEST(RoundedVotes, SmallLossesInManyWardsStillAddUpForTheParty) {
    // Ten old wards of 100 CON votes each, every one losing 0.4% in a gap: 0.4 votes each, 4 in
    // all. Rounded ward by ward none would be lost and CON would have 4 whole votes too many;
    // rounded for the party, 4 are lost, in four of the wards.
    std::vector<WardResult> wards;
    std::vector<Piece> pieces;
    for (int w = 0; w < 10; ++w) {
        wards.push_back(ward_of("W" + std::to_string(w), {{"CON", 100, true}}, 1));
        pieces.push_back({static_cast<std::size_t>(w), 0, 99.6});
    }
    const Election election = election_of(wards);
    const Crosswalk crosswalk(1, pieces, std::vector<double>(10, 100.0),
                              std::vector<double>(10, 0.0), std::vector<double>(10, 0.4));
    RedistributeOptions options;
    options.max_lost = 1.0;
    const Notional result = notional_of(election, crosswalk, options);
    std::vector<double> lost;
    const Sparse rounded = rounded_votes(result, crosswalk, lost);
    EXPECT_EQ(lost, (std::vector<double>{4.0}));
    EXPECT_EQ(rounded.coeff(0, 0), 996.0);  // exactly 996.0 of the 1000
    expect_rounding_adds_up(result, crosswalk, rounded, lost);
}

TEST(RoundedVotes, ThirdsAddUp) {
    // One old ward cut in three equal thirds: CON 100 -> 33.33 each, LAB 200 -> 66.67, LD 1 ->
    // 0.33. Floors 99, 198, 0 leave 1, 2, 1 to hand out by largest remainder; equal remainders
    // go in ward order: CON 34, 33, 33; LAB 67, 67, 66; LD 1, 0, 0.
    const Election election =
        election_of({ward_of("A", {{"CON", 100, true}, {"LAB", 200}, {"LD", 1}}, 1)});
    const Crosswalk crosswalk(3, {{0, 0, 1.0}, {0, 1, 1.0}, {0, 2, 1.0}}, {3.0}, {0.0});
    const Notional result = notional_of(election, crosswalk);
    std::vector<double> lost;
    const Sparse rounded = rounded_votes(result, crosswalk, lost);
    const double expected[3][3] = {{34, 67, 1}, {33, 67, 0}, {33, 66, 0}};  // CON, LAB, LD
    for (Eigen::Index n = 0; n < 3; ++n) {
        for (Eigen::Index p = 0; p < 3; ++p)
            EXPECT_EQ(rounded.coeff(n, p), expected[n][p]) << "new " << n << " party " << p;
    }
    EXPECT_EQ(lost, (std::vector<double>{0.0, 0.0, 0.0}));
    expect_rounding_adds_up(result, crosswalk, rounded, lost);
}

TEST(RoundedVotes, SharedWardWithALossKeepsEveryTotal) {
    // Old 0 (weight 3.5) puts 1 in each of new 0, 1, 2: f = 2/7 each, 1/7 in a gap in the map.
    // Old 1, 2, 3 are new 0, 1, 2 whole. So each new ward = its own old ward + 2/7 of old 0.
    // Old 0: CON 100 -> 28.57 x3, lost 14.29: floors 28,28,28,14 (98), +1 to the two first
    //                 of the equal .57 remainders: 29, 29, 28, lost 14.
    //        LAB 250 -> 71.43 x3, lost 35.71: floors 71,71,71,35 (248), +1 to lost (.71) and
    //                 new 0 (.43): 72, 71, 71, lost 36.
    //        LD 17   -> 4.857 x3, lost 2.43: floors 4,4,4,2 (14), +1 to the three .857s:
    //                 5, 5, 5, lost 2.
    // Own wards: old 1 CON 40, LAB 30; old 2 LAB 55, CON 12; old 3 LD 61, LAB 9.
    const Election election = election_of({
        ward_of("Shared", {{"CON", 100, true}, {"LAB", 250}, {"LD", 17}}, 1),
        ward_of("A", {{"CON", 40, true}, {"LAB", 30}}, 1),
        ward_of("B", {{"LAB", 55, true}, {"CON", 12}}, 1),
        ward_of("C", {{"LD", 61, true}, {"LAB", 9}}, 1),
    });
    const Crosswalk crosswalk(
        3, {{0, 0, 1.0}, {0, 1, 1.0}, {0, 2, 1.0}, {1, 0, 1.0}, {2, 1, 1.0}, {3, 2, 1.0}},
        {3.5, 1.0, 1.0, 1.0}, {0.0, 0.0, 0.0, 0.0}, {0.5, 0.0, 0.0, 0.0});
    RedistributeOptions options;
    options.max_lost = 1.0;  // 367/7 = 52.4 of 574 votes fall in the gap
    const Notional result = notional_of(election, crosswalk, options);
    std::vector<double> lost;
    const Sparse rounded = rounded_votes(result, crosswalk, lost);

    // new 0: CON 40+29, LAB 30+72, LD 0+5; new 1: CON 12+29, LAB 55+71, LD 5;
    // new 2: CON 28, LAB 9+71, LD 61+5.
    const double expected[3][3] = {{69, 102, 5}, {41, 126, 5}, {28, 80, 66}};
    for (Eigen::Index n = 0; n < 3; ++n) {
        for (Eigen::Index p = 0; p < 3; ++p)
            EXPECT_EQ(rounded.coeff(n, p), expected[n][p]) << "new " << n << " party " << p;
    }
    EXPECT_EQ(lost, (std::vector<double>{14.0, 36.0, 2.0}));
    expect_rounding_adds_up(result, crosswalk, rounded, lost);

    // Each old ward's total is kept. The own wards go whole, so what remains of each new ward
    // is old 0's share; with what is lost it is old 0's 367 votes, and each share is within 1
    // of exact (2/7 of the party's votes).
    const double own[3][3] = {{40, 30, 0}, {12, 55, 0}, {0, 9, 61}};
    const double shared[3] = {100, 250, 17};
    double shared_sum = 0.0;
    for (Eigen::Index n = 0; n < 3; ++n) {
        for (Eigen::Index p = 0; p < 3; ++p) {
            const double part = rounded.coeff(n, p) - own[n][p];
            EXPECT_LT(std::abs(part - shared[p] * 2.0 / 7.0), 1.0) << "new " << n << " " << p;
            shared_sum += part;
        }
    }
    EXPECT_EQ(shared_sum + lost[0] + lost[1] + lost[2], 367.0);
}

// --- uncontested and unknown ------------------------------------------------------------------

TEST(Uncontested, SeatsCarriedVotesLeftUnknown) {
    // Old 0 (weight 75) was uncontested: 3 seats, CON, GRN, LAB returned, no votes. Old 1
    // (weight 100, 1 seat): LAB 900, CON 500; 25 in new 0, 75 in new 1. New 0 is 75% old 0, so
    // it carries old 0's seats. New 2 has no seat count (0): unknown.
    WardResult uncontested =
        ward_of("Quiet", {{"CON", 0, true}, {"GRN", 0, true}, {"LAB", 0, true}}, 3, std::nullopt);
    uncontested.uncontested = true;
    const Election election =
        election_of({uncontested, ward_of("Busy", {{"LAB", 900, true}, {"CON", 500}}, 1)},
                    {{"CON", "Conservative"}, {"GRN", "Green"}, {"LAB", "Labour"}});
    const Crosswalk crosswalk(3, {{0, 0, 75.0}, {1, 0, 25.0}, {1, 1, 75.0}}, {75.0, 100.0},
                              {0.0, 0.0});
    const Notional result = notional_of(election, crosswalk);
    EXPECT_EQ(result.uncontested_old, 1u);
    EXPECT_EQ(result.partial, (std::vector<bool>{true, false, false}));
    EXPECT_FALSE(result.carried.contested[0]);
    EXPECT_TRUE(result.carried.uncontested[0]);

    // New 0's votes are only old 1's quarter (LAB 225, CON 125): nothing, not even a zero,
    // stands in for old 0.
    const SparseRows rows = result.carried.tot;
    std::map<std::string, double> row0;
    for (SparseRows::InnerIterator it(rows, 0); it; ++it)
        row0[result.old.parties[static_cast<std::size_t>(it.col())]] = it.value();
    EXPECT_EQ(row0, (std::map<std::string, double>{{"CON", 125.0}, {"LAB", 225.0}}));

    const std::vector<int> new_seats{3, 1, 0};
    const auto seats = notional_seats(result, crosswalk, new_seats);
    EXPECT_TRUE(seats[0].carried);
    EXPECT_EQ(seats[0].winners, (Winners{"CON", "GRN", "LAB"}));
    EXPECT_FALSE(seats[0].margin_votes.has_value());
    EXPECT_FALSE(seats[0].unknown);
    EXPECT_FALSE(seats[1].carried);
    EXPECT_EQ(seats[1].winners, (Winners{"LAB"}));
    EXPECT_TRUE(seats[2].unknown);
    EXPECT_TRUE(seats[2].winners.empty());
    EXPECT_EQ(council_totals(seats), (ByParty{{"CON", 1}, {"GRN", 1}, {"LAB", 2}}));

    // What the base makes of it is in BaseCsv.AnUncontestedWardIsPartialAndReadsBack.
}

// --- ties -------------------------------------------------------------------------------------

TEST(Tie, EqualSlotsGoByPartyCode) {
    // One seat, LAB 500 (listed first, and elected in the file) and CON 500: CON < LAB by code.
    const Crosswalk crosswalk(1, {{0, 0, 1.0}}, {1.0}, {0.0});
    {
        const Election election =
            election_of({ward_of("A", {{"LAB", 500, true}, {"CON", 500}, {"LD", 100}}, 1)});
        const auto seats = notional_seats(notional_of(election, crosswalk), crosswalk, {1});
        EXPECT_EQ(seats[0].winners, (Winners{"CON"}));
        EXPECT_TRUE(seats[0].tie);
        ASSERT_TRUE(seats[0].margin_votes.has_value());
        EXPECT_EQ(*seats[0].margin_votes, 0.0);
        EXPECT_TRUE(seats[0].knife_edge);
    }
    {
        // Two seats: CON 600 first, then LAB 500 and GRN 500 for the second: GRN < LAB.
        const Election election =
            election_of({ward_of("A", {{"CON", 600, true}, {"LAB", 500, true}, {"GRN", 500}}, 2)});
        const auto seats = notional_seats(notional_of(election, crosswalk), crosswalk, {2});
        EXPECT_EQ(seats[0].winners, (Winners{"CON", "GRN"}));
        EXPECT_TRUE(seats[0].tie);
    }
    {
        // One vote apart: no tie, margin 1.
        const Election election =
            election_of({ward_of("A", {{"CON", 600, true}, {"LAB", 500, true}, {"GRN", 499}}, 2)});
        const auto seats = notional_seats(notional_of(election, crosswalk), crosswalk, {2});
        EXPECT_EQ(seats[0].winners, (Winners{"CON", "LAB"}));
        EXPECT_FALSE(seats[0].tie);
        ASSERT_TRUE(seats[0].margin_votes.has_value());
        EXPECT_EQ(*seats[0].margin_votes, 1.0);
    }
}

// --- independents -----------------------------------------------------------------------------

TEST(Independent, WholeToTheMainSuccessorUnlessSplit) {
    // Old 0 (weight 100): 68 in new 0, 30 in new 1, 2 in a gap. IND-1 1000, CON 500.
    const Election election = election_of({ward_of("A", {{"IND-1", 1000, true}, {"CON", 500}}, 1)},
                                          {{"IND-1", "Independent"}});
    const Crosswalk crosswalk(2, {{0, 0, 68.0}, {0, 1, 30.0}}, {100.0}, {0.0}, {2.0});
    RedistributeOptions options;
    options.max_lost = 1.0;  // 2% of the votes fall in the gap

    // Default: the independent's allocated 98% all goes to new 0 (the main successor); CON is
    // split 0.68*500 = 340 and 0.3*500 = 150. 2% of each is lost.
    const Notional whole = notional_of(election, crosswalk, options);
    EXPECT_FALSE(whole.independents_split);
    EXPECT_NEAR(tot(whole, 0, "IND-1"), 980.0, kVotesTolerance);
    EXPECT_EQ(tot(whole, 1, "IND-1"), 0.0);
    EXPECT_NEAR(tot(whole, 0, "CON"), 340.0, kVotesTolerance);
    EXPECT_NEAR(tot(whole, 1, "CON"), 150.0, kVotesTolerance);
    // New 1 (1 seat) has no independent there: CON 150 wins.
    const auto whole_seats = notional_seats(whole, crosswalk, {1, 1});
    EXPECT_EQ(whole_seats[0].winners, (Winners{"IND-1"}));
    EXPECT_EQ(whole_seats[1].winners, (Winners{"CON"}));

    options.split_independents = true;
    const Notional split = notional_of(election, crosswalk, options);
    EXPECT_TRUE(split.independents_split);
    EXPECT_NEAR(tot(split, 0, "IND-1"), 680.0, kVotesTolerance);
    EXPECT_NEAR(tot(split, 1, "IND-1"), 300.0, kVotesTolerance);
    // Split, the independent's 300 beats CON's 150 in new 1.
    const auto split_seats = notional_seats(split, crosswalk, {1, 1});
    EXPECT_EQ(split_seats[1].winners, (Winners{"IND-1"}));

    for (const Notional* result : {&whole, &split}) {
        for (const PartyLedger& entry : result->ledger) {
            // 1e-12 relative: a handful of roundings of values near 1000.
            EXPECT_LT(entry.imbalance(), 1e-12) << entry.party;
            EXPECT_NEAR(entry.lost_gap, 0.02 * entry.old_votes, kVotesTolerance);
        }
        EXPECT_NEAR(result->ledger[1].new_votes, 980.0, kVotesTolerance);  // IND-1
        // Rounded votes keep the independent whole (or split) the same way, and add up.
        std::vector<double> lost;
        const Sparse rounded = rounded_votes(*result, crosswalk, lost);
        EXPECT_EQ(rounded.coeff(0, 1) + rounded.coeff(1, 1) + lost[1], 1000.0);
        EXPECT_EQ(rounded.coeff(1, 1), result->independents_split ? 300.0 : 0.0);
    }
}

// --- council totals ---------------------------------------------------------------------------

TEST(CouncilTotals, AddUpOverWards) {
    WardSeats a, b, c, unknown;
    a.winners = {"CON", "CON", "LAB"};
    b.winners = {"LAB", "LAB"};
    c.winners = {"LD"};
    unknown.unknown = true;
    EXPECT_EQ(a.by_party(), (ByParty{{"CON", 2}, {"LAB", 1}}));
    // CON 2; LAB 1 + 2 = 3; LD 1; the unknown ward adds nothing.
    EXPECT_EQ(council_totals({a, b, c, unknown}), (ByParty{{"CON", 2}, {"LAB", 3}, {"LD", 1}}));
    EXPECT_TRUE(council_totals({}).empty());
}

}  // namespace
}  // namespace notional::model
