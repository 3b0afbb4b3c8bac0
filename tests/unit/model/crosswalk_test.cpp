/// Unit tests of model/crosswalk: shares of each old ward in each new one, and the ledger of
/// what is spread or lost.
#include <utility>
#include <vector>

#include <gtest/gtest.h>

#include "core/error.hpp"
#include "model/crosswalk.hpp"
#include "support.hpp"

namespace notional::model {
namespace {

using test::message_of;

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

}  // namespace
}  // namespace notional::model
