/// Unit tests of cli/progress: the percentage and the line drawn, without a terminal.
#include <gtest/gtest.h>

#include "cli/progress.hpp"

namespace notional::cli {
namespace {

TEST(Progress, PercentIsWholeAndReachesAHundredOnlyAtTheEnd) {
    EXPECT_EQ(progress_percent(0, 650), 0);
    EXPECT_EQ(progress_percent(325, 650), 50);
    EXPECT_EQ(progress_percent(649, 650), 99);  // not rounded up before the end
    EXPECT_EQ(progress_percent(650, 650), 100);
    EXPECT_EQ(progress_percent(7, 0), 100);  // nothing to do is done
    // Large counts do not overflow: a count of pieces times 100 fits in 64 bits.
    EXPECT_EQ(progress_percent(std::size_t{1} << 40U, std::size_t{1} << 41U), 50);
}

TEST(Progress, TheLineIsThePhaseAndAPercentageRedrawnInPlace) {
    EXPECT_EQ(progress_line("overlay", 42), "\roverlay  42%");
    EXPECT_EQ(progress_line("read old", 0), "\rread old   0%");
    EXPECT_EQ(progress_line("writing", 100), "\rwriting 100%");
}

}  // namespace
}  // namespace notional::cli
