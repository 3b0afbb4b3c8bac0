/// Unit tests of raking the crosswalk to electorates by iterative proportional fitting
/// (METHOD.md §4.2), and of reading electorates.
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "core/error.hpp"
#include "model/crosswalk.hpp"
#include "model/rake.hpp"
#include "support.hpp"

namespace notional::model {
namespace {

using test::message_of;
using test::TempDir;

using test::contains;

/// A dense matrix written row by row; zeros are left out, so they are structural zeros.
SparseRows matrix(const std::vector<std::vector<double>>& rows) {
    std::vector<Eigen::Triplet<double>> triplets;
    for (std::size_t r = 0; r < rows.size(); ++r) {
        for (std::size_t c = 0; c < rows[r].size(); ++c) {
            if (rows[r][c] != 0.0) {
                triplets.emplace_back(static_cast<int>(r), static_cast<int>(c), rows[r][c]);
            }
        }
    }
    SparseRows m(static_cast<Eigen::Index>(rows.size()),
                 static_cast<Eigen::Index>(rows.empty() ? 0 : rows[0].size()));
    m.setFromTriplets(triplets.begin(), triplets.end());
    return m;
}

std::vector<double> row_sums(const SparseRows& m) {
    std::vector<double> sums(static_cast<std::size_t>(m.rows()), 0.0);
    for (Eigen::Index r = 0; r < m.outerSize(); ++r) {
        for (SparseRows::InnerIterator it(m, r); it; ++it) {
            sums[static_cast<std::size_t>(r)] += it.value();
        }
    }
    return sums;
}

// --- the fit ----------------------------------------------------------------------------------

TEST(RakeMatrix, FullTwoByTwoByHand) {
    // Rows first: [[5,5],[10,10]]; its columns sum to 15 and 15, so they scale by 18/15 = 1.2 and
    // 12/15 = 0.8: [[6,4],[12,8]], whose rows are again 10 and 20. One pass fits.
    RakeReport report;
    const SparseRows x = rake(matrix({{1, 1}, {1, 1}}), {10, 20}, {18, 12}, {}, report);
    EXPECT_TRUE(report.converged);
    EXPECT_EQ(report.iterations, 1);
    EXPECT_LE(report.max_error, 1e-9);
    EXPECT_EQ(report.structural_zeros, 0u);
    EXPECT_TRUE(report.impossible_old.empty());
    EXPECT_TRUE(report.impossible_new.empty());
    // Exact up to the rounding of 5 * 1.2 and the like: a few ulps.
    EXPECT_NEAR(x.coeff(0, 0), 6.0, 1e-12);
    EXPECT_NEAR(x.coeff(0, 1), 4.0, 1e-12);
    EXPECT_NEAR(x.coeff(1, 0), 12.0, 1e-12);
    EXPECT_NEAR(x.coeff(1, 1), 8.0, 1e-12);
}

TEST(RakeMatrix, ASeedThatFitsIsLeftAlone) {
    RakeReport report;
    const SparseRows seed = matrix({{6, 4}, {12, 8}});
    const SparseRows x = rake(seed, {10, 20}, {18, 12}, {}, report);
    EXPECT_TRUE(report.converged);
    EXPECT_EQ(report.iterations, 0);
    EXPECT_EQ(report.max_error, 0.0);
    EXPECT_TRUE(x.isApprox(seed));
}

TEST(RakeMatrix, StructuralZerosStayZeroAndTheFitConverges) {
    // A cycle of six cells with three zeros. IPF from a seed of ones converges to the matrix
    // a[r] * b[c] on the pattern with the margins: a = b = (1, 2, 3) gives
    // [[1,2,0],[0,4,6],[3,0,9]], rows 3, 10, 12 and columns 4, 6, 15.
    const SparseRows seed = matrix({{1, 1, 0}, {0, 1, 1}, {1, 0, 1}});
    RakeReport report;
    const SparseRows x = rake(seed, {3, 10, 12}, {4, 6, 15}, {}, report);
    EXPECT_TRUE(report.converged);
    EXPECT_GT(report.iterations, 1);  // not a one-pass fit: the zeros couple rows and columns
    EXPECT_LE(report.max_error, 1e-9);
    EXPECT_EQ(report.structural_zeros, 3u);
    EXPECT_EQ(x.nonZeros(), 6);
    EXPECT_EQ(x.coeff(0, 2), 0.0);
    EXPECT_EQ(x.coeff(1, 0), 0.0);
    EXPECT_EQ(x.coeff(2, 1), 0.0);
    // Margins within 1e-9 relative put the cells within about 1e-8 of the limit.
    const std::vector<std::vector<double>> expected{{1, 2, 0}, {0, 4, 6}, {3, 0, 9}};
    for (int r = 0; r < 3; ++r) {
        for (int c = 0; c < 3; ++c) {
            EXPECT_NEAR(x.coeff(r, c),
                        expected[static_cast<std::size_t>(r)][static_cast<std::size_t>(c)], 1e-7)
                << r << "," << c;
        }
    }
}

TEST(RakeMatrix, RowSumsMeetTheirTargets) {
    // The crosswalk's f is e / row sum, so rows that meet their targets conserve the votes.
    const SparseRows seed = matrix({{5, 1, 0, 2}, {1, 3, 3, 0}, {0, 2, 7, 1}});
    const std::vector<double> rows{100, 250, 150};
    RakeReport report;
    const SparseRows x = rake(seed, rows, {90, 160, 170, 80}, {}, report);
    ASSERT_TRUE(report.converged);
    const auto sums = row_sums(x);
    for (std::size_t r = 0; r < rows.size(); ++r) {
        // The stopping rule: every margin within 1e-9 of its target, relatively.
        EXPECT_NEAR(sums[r], rows[r], 1e-9 * rows[r]) << r;
    }
}

TEST(RakeMatrix, ABlockPatternThatContradictsTheMarginsDoesNotConverge) {
    // Old ward 0 lies only in new ward 0 and old ward 1 only in new ward 1, so row 0 must equal
    // column 0: 10 against 20. The fit flips between the two forever; it stops and says so.
    RakeOptions options;
    options.max_iterations = 50;
    RakeReport report;
    const SparseRows x = rake(matrix({{1, 0}, {0, 1}}), {10, 20}, {20, 10}, options, report);
    EXPECT_FALSE(report.converged);
    EXPECT_EQ(report.iterations, 50);
    EXPECT_GT(report.max_error, 0.1);
    EXPECT_EQ(report.structural_zeros, 2u);
    EXPECT_TRUE(report.impossible_old.empty());  // every ward has a piece: the pattern is at fault
    EXPECT_TRUE(report.impossible_new.empty());
    EXPECT_EQ(x.coeff(0, 1), 0.0);
    EXPECT_EQ(x.coeff(1, 0), 0.0);
}

TEST(RakeMatrix, ASlowFitTellsHowFarItsErrorHasComeDown) {
    // The fit needs x01 -> 0 (row 0 is 10 and column 0, x00 alone, is 10): the error falls
    // slowly, over hundreds of passes, and the progress climbs with it, ending at 1000 of 1000.
    std::vector<std::pair<std::size_t, std::size_t>> told;
    RakeOptions options;
    options.max_iterations = 5000;
    options.progress = [&](std::size_t done, std::size_t total) { told.emplace_back(done, total); };
    RakeReport report;
    (void)rake(matrix({{1, 1}, {0, 1}}), {10, 20}, {10, 20}, options, report);
    EXPECT_GT(report.iterations, 200);
    ASSERT_GE(told.size(), 3U);
    EXPECT_EQ(told.back(), (std::pair<std::size_t, std::size_t>{1000, 1000}));
    for (std::size_t i = 1; i < told.size(); ++i) {
        EXPECT_LE(told[i - 1].first, told[i].first) << i;
        EXPECT_EQ(told[i].second, 1000U);
    }
    EXPECT_LT(told[told.size() - 2].first, 1000U);  // not done until it is
}

TEST(RakeMatrix, ANewWardWithElectorsButNoPieceIsImpossible) {
    RakeOptions options;
    options.max_iterations = 20;
    RakeReport report;
    (void)rake(matrix({{1, 1, 0}, {1, 1, 0}}), {10, 20}, {10, 10, 10}, options, report);
    EXPECT_FALSE(report.converged);
    EXPECT_EQ(report.iterations, 20);
    EXPECT_EQ(report.impossible_new, (std::vector<std::size_t>{2}));
    EXPECT_TRUE(report.impossible_old.empty());
    EXPECT_GE(report.max_error, 1.0);  // new ward 2 gets nothing of its 10
}

TEST(RakeMatrix, AnOldWardWithElectorsButNoPieceIsImpossible) {
    RakeOptions options;
    options.max_iterations = 20;
    RakeReport report;
    (void)rake(matrix({{1, 1}, {0, 0}}), {10, 20}, {15, 15}, options, report);
    EXPECT_FALSE(report.converged);
    EXPECT_EQ(report.impossible_old, (std::vector<std::size_t>{1}));
    EXPECT_TRUE(report.impossible_new.empty());
}

TEST(RakeMatrix, WardsWithNoElectorsAndNoPieceAreFine) {
    RakeReport report;
    const SparseRows x = rake(matrix({{1, 1, 0}, {1, 1, 0}}), {10, 20}, {18, 12, 0}, {}, report);
    EXPECT_TRUE(report.converged);
    EXPECT_TRUE(report.impossible_new.empty());
    EXPECT_NEAR(x.coeff(1, 0), 12.0, 1e-12);
}

TEST(RakeMatrix, BadInputIsADataError) {
    RakeReport report;
    const SparseRows seed = matrix({{1, 1}, {1, 1}});
    const std::string sizes = message_of<DataError>([&] {
        (void)rake(seed, {10}, {15, 15}, {}, report);
    });
    EXPECT_TRUE(contains(sizes, "1 row targets for 2 rows")) << sizes;
    (void)message_of<DataError>([&] { (void)rake(seed, {10, 20}, {15, -15}, {}, report); });
    (void)message_of<DataError>([&] {
        (void)rake(matrix({{1, -1}, {1, 1}}), {10, 20}, {15, 15}, {}, report);
    });
}

// --- raking the crosswalk's pieces ------------------------------------------------------------

// Old ward 0 (weight 100) is half in each new ward; old ward 1 (weight 100) has 30 in new ward 0,
// 60 in new ward 1 and 10 outside the new map. The seed's odds ratio is 50*60 / (50*30) = 2.
const std::vector<Piece> two_by_two{{0, 0, 50.0}, {0, 1, 50.0}, {1, 1, 60.0}, {1, 0, 30.0}};

TEST(RakePieces, ColumnsMatchTheNewElectorateAndRowsKeepTheirWeight) {
    // Rows stay 100 and 90 (190 in all); new electorates 2500 and 5100 make the columns
    // 190 * 25/76 = 62.5 and 127.5. The fit keeps the odds ratio 2: [[40,60],[22.5,67.5]]
    // (40 * 67.5 / (60 * 22.5) = 2).
    RakeReport report;
    const auto raked = rake_pieces(two_by_two, 2, 2, {2500, 5100}, std::nullopt, {}, report);
    ASSERT_TRUE(report.converged);
    EXPECT_EQ(report.structural_zeros, 0u);
    // One piece per pair, sorted by (old, new) as Crosswalk::pieces() gives them.
    const std::vector<Piece> expected{{0, 0, 40.0}, {0, 1, 60.0}, {1, 0, 22.5}, {1, 1, 67.5}};
    ASSERT_EQ(raked.size(), expected.size());
    for (std::size_t i = 0; i < raked.size(); ++i) {
        EXPECT_EQ(raked[i].old_index, expected[i].old_index);
        EXPECT_EQ(raked[i].new_index, expected[i].new_index);
        // Margins within 1e-9 relative; the cells of this well-conditioned 2x2 follow closely.
        EXPECT_NEAR(raked[i].weight, expected[i].weight, 1e-6) << i;
    }
    // Each old ward keeps its weight to rounding: they are scaled back to it after the fit.
    EXPECT_NEAR(raked[0].weight + raked[1].weight, 100.0, 1e-9);
    EXPECT_NEAR(raked[2].weight + raked[3].weight, 90.0, 1e-9);
}

TEST(RakePieces, ARebuiltCrosswalkAllocatesTheSameShareOfEveryOldWard) {
    const std::vector<double> old_weight{100.0, 100.0}, old_sliver{0.0, 4.0};
    const std::vector<double> old_gap{0.0, 6.0};  // old ward 1: 90 in pieces, 4 slivers, 6 gap
    const Crosswalk before(2, two_by_two, old_weight, old_sliver, old_gap);
    RakeReport report;
    const auto raked = rake_pieces(two_by_two, 2, 2, {2500, 5100}, std::nullopt, {}, report);
    const Crosswalk after(2, raked, old_weight, old_sliver, old_gap);
    for (std::size_t o = 0; o < 2; ++o) {
        // Allocated 1 and 0.9 both times: the raked pieces add up to the same row totals.
        EXPECT_NEAR(after.ledger()[o].allocated, before.ledger()[o].allocated, 1e-12) << o;
        EXPECT_NEAR(after.ledger()[o].sliver, before.ledger()[o].sliver, 1e-12) << o;
        EXPECT_NEAR(after.ledger()[o].gap, before.ledger()[o].gap, 1e-12) << o;
    }
    EXPECT_NEAR(before.ledger()[1].allocated, 0.9, 1e-12);
    // The shares themselves moved: old ward 0 sends 40% to new ward 0, not 50%.
    EXPECT_NEAR(after.shares().coeff(0, 0), 0.4, 1e-8);
    EXPECT_NEAR(after.shares().coeff(1, 0), 0.225, 1e-8);
}

TEST(RakePieces, OldElectoratesWeightTheRows) {
    // Rows raked to electorates 1000 and 2000, columns to 17:18 of 3000. Keeping the odds
    // ratio 2 with f[0] = (0.6, 0.4) needs f[1] = (3/7, 4/7): 0.6 * 4/7 / (0.4 * 3/7) = 2, and
    // 1000 * 0.6 + 2000 * 3/7 = 3000 * 17/35. Scaled back to the old wards' own weights, 100
    // and 90: 60, 40, 90 * 3/7 and 90 * 4/7.
    RakeReport report;
    const auto raked =
        rake_pieces(two_by_two, 2, 2, {17000, 18000}, std::vector<double>{1000, 2000}, {}, report);
    ASSERT_TRUE(report.converged);
    const std::vector<double> expected{60.0, 40.0, 90.0 * 3 / 7, 90.0 * 4 / 7};
    for (std::size_t i = 0; i < raked.size(); ++i) {
        EXPECT_NEAR(raked[i].weight, expected[i], 1e-6) << i;
    }
}

TEST(RakePieces, NoiseIsFoldedBeforeTheFit) {
    // Old ward 0: 29.5 in new ward 0 with a noise strip of 0.5 in new ward 2 (folded into new
    // ward 0: 30), and 20 in new ward 1. Old ward 1: 10 in new ward 1 and 40 in new ward 2.
    // The pattern is a chain, so columns 25, 50, 25 fix every cell at 25. Old ward 0's largest
    // piece is now a tie; left apart, the strip would fold into new ward 1 and undo the fit.
    const std::vector<Piece> pieces{
        {0, 0, 29.5}, {0, 2, 0.5, true}, {0, 1, 20.0}, {1, 1, 10.0}, {1, 2, 40.0}};
    RakeReport report;
    const auto raked = rake_pieces(pieces, 2, 3, {1000, 2000, 1000}, std::nullopt, {}, report);
    ASSERT_TRUE(report.converged);
    EXPECT_EQ(report.structural_zeros, 2u);  // (0, 2) once folded, and (1, 0)
    const std::vector<Piece> expected{{0, 0, 25.0}, {0, 1, 25.0}, {1, 1, 25.0}, {1, 2, 25.0}};
    ASSERT_EQ(raked.size(), expected.size());
    for (std::size_t i = 0; i < raked.size(); ++i) {
        EXPECT_EQ(raked[i].old_index, expected[i].old_index) << i;
        EXPECT_EQ(raked[i].new_index, expected[i].new_index) << i;
        EXPECT_FALSE(raked[i].noise) << i;
        EXPECT_NEAR(raked[i].weight, expected[i].weight, 1e-6) << i;
    }
    const Crosswalk after(3, raked, {50.0, 50.0}, {0.0, 0.0});
    EXPECT_NEAR(after.shares().coeff(0, 0), 0.5, 1e-8);
    EXPECT_NEAR(after.shares().coeff(0, 1), 0.5, 1e-8);
    EXPECT_EQ(after.shares().coeff(0, 2), 0.0);
    EXPECT_NEAR(after.ledger()[0].allocated, 1.0, 1e-12);
}

TEST(RakePieces, ANewWardNoOldWardReachesIsReported) {
    RakeOptions options;
    options.max_iterations = 30;
    RakeReport report;
    const auto raked =
        rake_pieces(two_by_two, 2, 3, {1000, 1000, 500}, std::nullopt, options, report);
    EXPECT_FALSE(report.converged);
    EXPECT_EQ(report.iterations, 30);
    EXPECT_EQ(report.impossible_new, (std::vector<std::size_t>{2}));
    // Even so, every old ward keeps its weight.
    EXPECT_NEAR(raked[0].weight + raked[1].weight, 100.0, 1e-9);
    EXPECT_NEAR(raked[2].weight + raked[3].weight, 90.0, 1e-9);
}

TEST(RakePieces, SizesMustMatch) {
    RakeReport report;
    const std::string message = message_of<DataError>(
        [&] { (void)rake_pieces(two_by_two, 2, 2, {1000}, std::nullopt, {}, report); });
    EXPECT_TRUE(contains(message, "1 new electorates for 2 new wards")) << message;
    (void)message_of<DataError>([&] {
        (void)rake_pieces(two_by_two, 2, 2, {1000, 1000}, std::vector<double>{1}, {}, report);
    });
    (void)message_of<DataError>([&] {
        (void)rake_pieces(two_by_two, 2, 2, {0, 0}, std::nullopt, {}, report);
    });
}

}  // namespace
}  // namespace notional::model
