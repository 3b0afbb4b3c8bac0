/// Unit tests of report/notional_csv: the notional base written as notional.csv and read back.
#include <optional>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "core/error.hpp"
#include "model/base.hpp"
#include "model/crosswalk.hpp"
#include "model/honesty.hpp"
#include "model/seats.hpp"
#include "report/notional_csv.hpp"
#include "support.hpp"

namespace notional::report {
namespace {

using namespace notional::model;
using test::contains;
using test::election_of;
using test::message_of;
using test::notional_of;
using test::result_of;
using test::TempDir;

TEST(BaseCsv, AnUncontestedWardIsPartialAndReadsBack) {
    // As in Uncontested.SeatsCarriedVotesLeftUnknown: old 0 (weight 75) was uncontested, 3 seats,
    // CON, GRN, LAB returned, no votes. Old 1 (weight 100, 1 seat): LAB 900, CON 500; 25 in new
    // 0, 75 in new 1. New 0 is 75% old 0, so it carries old 0's seats; new 2 has no seats.
    WardResult uncontested = result_of(
        "", "Quiet", {{"CON", 0, true}, {"GRN", 0, true}, {"LAB", 0, true}}, 3, std::nullopt);
    uncontested.uncontested = true;
    const Election election =
        election_of({uncontested, result_of("", "Busy", {{"LAB", 900, true}, {"CON", 500}}, 1)},
                    {{"CON", "Conservative"}, {"GRN", "Green"}, {"LAB", "Labour"}});
    const Crosswalk crosswalk(3, {{0, 0, 75.0}, {1, 0, 25.0}, {1, 1, 75.0}}, {75.0, 100.0},
                              {0.0, 0.0});
    const Notional result = notional_of(election, crosswalk);
    const auto seats = notional_seats(result, crosswalk, {3, 1, 0});

    // Shares of the partial ward are empty (unknown), never computed from the quarter it has;
    // new 1 (675 + 375 = 1050) has its shares; new 2 draws on no old ward: one row, no
    // party, zero votes, reached false.
    std::vector<double> lost;
    const Sparse rounded = rounded_votes(result, crosswalk, lost);
    const std::vector<std::string> codes{"N0", "N1", "N2"}, names{"Zero", "One", "Two"};
    const auto honesty = assess(crosswalk, &result);
    const std::string csv = base_csv(
        make_base(codes, names, {{"area", &result, {{"rank-slot", seats}}}}, honesty, rounded));
    // N1's margin: LAB 675 against CON 375, 28.571% of the 1050 top votes standing in for
    // ballots. N0 draws mostly on the uncontested ward, whose three winners are its predecessor's.
    const std::string expected =
        "ward_code,ward_name,party,party_name,votes,share,top_vote,share_top,votes_rounded,"
        "notional_seats,ward_seats,change_class,margin,knife_edge,turnout,predecessor_seats,"
        "variant_seats,votes_min,votes_max,share_min,share_max,seat_support,reached,partial\n"
        "N0,Zero,LAB,Labour,225.0000,,225.0000,,225,1,3,major,,,,1,area/rank-slot:1,225.0000,"
        "225.0000,,,1.000,true,true\n"
        "N0,Zero,CON,Conservative,125.0000,,125.0000,,125,1,3,major,,,,1,area/rank-slot:1,"
        "125.0000,125.0000,,,1.000,true,true\n"
        "N0,Zero,GRN,Green,0.0000,,0.0000,,0,1,3,major,,,,1,area/rank-slot:1,0.0000,0.0000,,,"
        "1.000,true,true\n"
        "N1,One,LAB,Labour,675.0000,0.642857,675.0000,0.642857,675,1,1,major,0.28571,false,,1,"
        "area/rank-slot:1,675.0000,675.0000,0.642857,0.642857,1.000,true,false\n"
        "N1,One,CON,Conservative,375.0000,0.357143,375.0000,0.357143,375,0,1,major,0.28571,false,,"
        "0,area/rank-slot:0,375.0000,375.0000,0.357143,0.357143,,true,false\n"
        "N2,Two,,,0.0000,,0.0000,,0,,,new,,,,,,0.0000,0.0000,,,,false,false\n";
    EXPECT_EQ(csv, expected);

    // Read back, the base writes the same text: one notional serves many analyses.
    TempDir dir;
    const auto path = dir.write("notional.csv", csv);
    const NotionalBase back = read_base(path);
    EXPECT_EQ(back.variants, (std::vector<std::string>{"area/rank-slot"}));
    ASSERT_EQ(back.wards.size(), 3U);
    EXPECT_FALSE(back.wards[2].reached);
    EXPECT_TRUE(back.wards[0].partial);  // it draws on the uncontested ward
    EXPECT_FALSE(back.wards[1].partial);
    EXPECT_TRUE(back.wards[2].parties.empty());
    EXPECT_FALSE(back.wards[0].parties[0].share.has_value());
    EXPECT_EQ(back.wards[1].seats, 1);
    EXPECT_EQ(base_csv(back), expected);
}

TEST(Base, HostileNumbersInASavedBaseAreRefused) {
    // A base's counts are cast to integers on reading: 1e20 seats or -3 votes are errors, not
    // casts out of range.
    const std::string header =
        "ward_code,ward_name,party,party_name,votes,share,top_vote,share_top,votes_rounded,"
        "notional_seats,ward_seats,change_class,margin,knife_edge,turnout,predecessor_seats,"
        "variant_seats,votes_min,votes_max,share_min,share_max,seat_support\n";
    TempDir dir;
    const auto seats = dir.write("seats.csv", header +
                                                  "N0,Zero,LAB,Labour,10,,10,,10,1,1e20,major,,,,1,"
                                                  "area/rank-slot:1,10,10,,,1.000\n");
    EXPECT_TRUE(contains(message_of<DataError>([&] { (void)read_base(seats); }),
                         "seats.csv, line 2: '1e20' in column ward_seats is not a whole "
                         "number from 0 to 1000"));
    const auto rounded =
        dir.write("rounded.csv", header +
                                     "N0,Zero,LAB,Labour,10,,10,,-3,1,1,major,,,,1,"
                                     "area/rank-slot:1,10,10,,,1.000\n");
    EXPECT_TRUE(contains(message_of<DataError>([&] { (void)read_base(rounded); }),
                         "'-3' in column votes_rounded is not a whole number"));
    const auto variant =
        dir.write("variant.csv", header +
                                     "N0,Zero,LAB,Labour,10,,10,,10,1,1,major,,,,1,"
                                     "area/rank-slot:1e12,10,10,,,1.000\n");
    EXPECT_TRUE(
        contains(message_of<DataError>([&] { (void)read_base(variant); }), "variant_seats"));
}

}  // namespace
}  // namespace notional::report
