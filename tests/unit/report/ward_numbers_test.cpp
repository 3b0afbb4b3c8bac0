/// Unit tests of report/ward_numbers: a number per ward (seats, electors) read from a CSV.
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "core/error.hpp"
#include "report/ward_numbers.hpp"
#include "support.hpp"

namespace notional::report {
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

// --- new seats --------------------------------------------------------------------------------

class NewSeats : public ::testing::Test {
protected:
    TempDir dir;
    const std::vector<std::string> codes{"E05000001", "E05000002"};
    const std::vector<std::string> names{"Bickley and Sundridge", "St Paul's Cray"};
};

TEST_F(NewSeats, ByCode) {
    const auto path = dir.write("seats.csv", "ward_code,seats\nE05000002,2\nE05000001,3\n");
    EXPECT_EQ(read_new_seats(path, codes, names), (std::vector<int>{3, 2}));
}

TEST_F(NewSeats, ByName) {
    const auto path =
        dir.write("seats.csv", "ward_name,seats\nST. PAUL'S CRAY,2\nbickley & sundridge,3\n");
    EXPECT_EQ(read_new_seats(path, codes, names), (std::vector<int>{3, 2}));
}

TEST_F(NewSeats, GlaColumnNames) {
    const auto path = dir.write("stats.csv",
                                "WD22CD,WD22NM,num_councillors\n"
                                "E05000001,Bickley and Sundridge,3\n"
                                "E05000002,St Paul's Cray,2\n");
    EXPECT_EQ(read_new_seats(path, codes, names), (std::vector<int>{3, 2}));
}

TEST_F(NewSeats, MissingWardIsListed) {
    const auto path = dir.write("seats.csv", "ward_code,seats\nE05000001,3\n");
    const std::string message =
        message_of<DataError>([&] { (void)read_new_seats(path, codes, names); });
    EXPECT_TRUE(contains(message, path.string())) << message;
    EXPECT_TRUE(contains(message, "no seats for 1 new wards: E05000002")) << message;
}

TEST_F(NewSeats, WardNotInTheLayerNamesTheRow) {
    const auto path = dir.write("seats.csv", "ward_code,seats\nE05000001,3\nE05009999,2\n");
    const std::string message =
        message_of<DataError>([&] { (void)read_new_seats(path, codes, names); });
    EXPECT_TRUE(contains(message, path.string() + ", line 3: ward 'E05009999' is not in the new "
                                                  "layer"))
        << message;
}

TEST_F(NewSeats, SeatsMustBeAWholeNumber) {
    const auto path = dir.write("seats.csv", "ward_code,seats\nE05000001,3\nE05000002,2.5\n");
    const std::string message =
        message_of<DataError>([&] { (void)read_new_seats(path, codes, names); });
    EXPECT_TRUE(contains(message, "line 3: seats '2.5' is not a whole number")) << message;
}

// --- reading electorates ----------------------------------------------------------------------

class RakeElectorate : public ::testing::Test {
protected:
    TempDir dir;
    const std::vector<std::string> codes{"E05000001", "E05000002"};
    const std::vector<std::string> names{"Bickley and Sundridge", "St Paul's Cray"};
};

TEST_F(RakeElectorate, GlaWardStatistics) {
    // The GLA file's own header: "ward" holds names and comes first, LAD22CD is a borough code;
    // WD22CD is the ward's code.
    const auto path = dir.write("wards.csv",
                                "borough_original,ward_original,num_councillors,entitled_electors,"
                                "ward,borough,WD22CD,LAD22CD\n"
                                "Bromley,St Paul's Cray,2,\"8,123\",St Paul's Cray,Bromley,"
                                "E05000002,E09000006\n"
                                "Bromley,Bickley,3,11456,Bickley and Sundridge,Bromley,E05000001,"
                                "E09000006\n");
    EXPECT_EQ(read_electorate(path, codes, names), (std::vector<double>{11456, 8123}));
}

TEST_F(RakeElectorate, ByNameAndOtherColumnNames) {
    const auto path =
        dir.write("e.csv", "ward_name,electors\nST. PAUL'S CRAY,8000\nbickley & sundridge,9000\n");
    EXPECT_EQ(read_electorate(path, codes, names), (std::vector<double>{9000, 8000}));
    const std::vector<std::string> seats{"E14001063", "E14001064"};
    const auto pcon =
        dir.write("p.csv", "PCON24CD,PCON24NM,electorate\nE14001064,B,71000\nE14001063,A,70000\n");
    EXPECT_EQ(read_electorate(pcon, seats, {"A", "B"}), (std::vector<double>{70000, 71000}));
}

TEST_F(RakeElectorate, AMissingWardIsListed) {
    const auto path = dir.write("e.csv", "WD22CD,entitled_electors\nE05000001,11456\n");
    const std::string message =
        message_of<DataError>([&] { (void)read_electorate(path, codes, names, "old"); });
    EXPECT_TRUE(contains(message, path.string())) << message;
    EXPECT_TRUE(contains(message, "no electorate for 1 old wards: E05000002")) << message;
}

TEST_F(RakeElectorate, ABadCountNamesTheRow) {
    const auto path = dir.write("e.csv", "ward_code,electorate\nE05000001,11456\nE05000002,n/a\n");
    const std::string message =
        message_of<DataError>([&] { (void)read_electorate(path, codes, names); });
    EXPECT_TRUE(contains(message, "line 3: electorate 'n/a' is not a count of electors"))
        << message;
}

TEST_F(RakeElectorate, NoElectorateColumn) {
    const auto path = dir.write("e.csv", "ward_code,seats\nE05000001,3\nE05000002,2\n");
    const std::string message =
        message_of<DataError>([&] { (void)read_electorate(path, codes, names); });
    EXPECT_TRUE(contains(message, "electorate column (electorate, electors or entitled_electors)"))
        << message;
}

}  // namespace
}  // namespace notional::report
