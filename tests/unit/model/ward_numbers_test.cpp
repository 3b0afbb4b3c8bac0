/// Unit tests of model/ward_numbers: a number per new ward (seats, electors) read from a CSV.
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "core/error.hpp"
#include "model/ward_numbers.hpp"
#include "support.hpp"

namespace notional::model {
namespace {

using test::contains;
using test::message_of;
using test::TempDir;

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
