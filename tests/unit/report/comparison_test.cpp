/// Unit tests of report/comparison: comparison.csv and report.md of a comparison (the comparer
/// itself is tested in tests/unit/model/compare_test.cpp).
#include <optional>
#include <string>

#include <gtest/gtest.h>

#include "model/compare.hpp"
#include "report/comparison.hpp"
#include "support.hpp"

namespace notional::report {
namespace {

using model::compare;
using model::ShareConvention;
using test::actual_of;
using test::alpha_base;
using test::alpha_result;
using test::base_of;
using test::base_party;
using test::base_ward;
using test::beta_base;
using test::beta_result;
using test::con_lab_ld_base;
using test::contains;
using test::delta_actual;
using test::delta_base;
using test::every;
using test::result_of;
using test::tau_actual;
using test::tau_base;
using test::three_seat_base;
using test::three_seat_result;

// --- comparison.csv ---------------------------------------------------------------------------

TEST(CompareReport, ComparisonCsvOfAPartyNewToTheWard) {
    // Notional CON 60%, LAB 40%; actual CON 700, LAB 200, GRN 100 of 1000 (as in
    // CompareShare.PartyNewToTheWard): GRN is new, its share change unknown.
    const auto result = compare(
        base_of({base_ward(
            "E05000020", "Lambda", 1, "major",
            {base_party("CON", 600, 0.6, every(1), 1), base_party("LAB", 400, 0.4, every(0), 0)})}),
        actual_of({result_of("E05000020", "Lambda",
                             {{"CON", 700, true}, {"LAB", 200}, {"GRN", 100}}, 1)}));
    const std::string csv = comparison_csv(result);
    EXPECT_TRUE(contains(csv,
                         "ward_code,ward_name,label,party,notional_seats,actual_seats,change,"
                         "predecessor_seats,notional_votes,actual_votes,notional_share,"
                         "actual_share,share_change,verdict,reason\n"))
        << csv;
    EXPECT_TRUE(contains(
        csv, "E05000020,Lambda,CON hold (notional),GRN,0,0,0,0,0.0000,100,,0.100000,new,,\n"))
        << csv;
    EXPECT_TRUE(contains(csv,
                         "E05000020,Lambda,CON hold (notional),CON,1,1,0,1,600.0000,700,"
                         "0.600000,0.700000,0.100000,,\n"))
        << csv;
}

// --- report.md --------------------------------------------------------------------------------

TEST(CompareReport, KnifeEdgesAreListed) {
    // Every rule gives CON the seat, but the notional margin is 0.8% of ballots (as in
    // CompareVerdict.KnifeEdgeIsUncertain).
    const auto result = compare(delta_base(), delta_actual());
    EXPECT_TRUE(
        contains(report_markdown(result, "t"),
                 "- Delta (E05000004): notional margin 0.80%; LAB gain from CON (notional)"));
}

TEST(CompareReport, SwingIsWrittenFromTheLoserToTheGainer) {
    // As in CompareSwing.ButlerSwingToTheLeader: 12.5 points CON to LAB.
    const auto to_leader = compare(
        con_lab_ld_base("E05000030", "Mu"),
        actual_of(
            {result_of("E05000030", "Mu", {{"CON", 400}, {"LAB", 450, true}, {"LD", 150}}, 1)}));
    EXPECT_TRUE(contains(report_markdown(to_leader, "t"),
                         "| Mu | LAB gain from CON (notional) | "
                         "12.5 pts CON to LAB |"));
    // As in CompareSwing.LeaderLosingGroundSwingsAway: a swing of -7.5 to CON is 7.5 points
    // CON to LAB.
    const auto away = compare(
        con_lab_ld_base("E05000031", "Nu"),
        actual_of(
            {result_of("E05000031", "Nu", {{"CON", 450, true}, {"LAB", 400}, {"LD", 150}}, 1)}));
    EXPECT_TRUE(contains(report_markdown(away, "t"),
                         "| Nu | CON hold (notional) | "
                         "7.5 pts CON to LAB |"));
}

TEST(CompareReport, MajorityAndTurnout) {
    // As in CompareMajority.MultiMemberClosestContestBetweenParties: 210 votes, 10.5% of 2000
    // ballots; turnout 2000 / 5000.
    const auto result = compare(three_seat_base(), actual_of({three_seat_result(2000, 5000)}));
    EXPECT_TRUE(contains(report_markdown(result, "t"), "| 210 (10.5%) | 40.0% |"));
}

TEST(CompareReport, AWardNotJudgedIsListedApart) {
    // As in Compare.ABaseWardWithoutSeatsIsShownButNotJudged: the base has no seats for Alpha.
    model::BaseWard ward = alpha_base();
    ward.seats = 0;
    const auto comparison = compare(base_of({ward}), actual_of({alpha_result()}));
    const std::string report = report_markdown(comparison, "t");
    EXPECT_TRUE(contains(report, "0 wards and 0 seats compared")) << report;
    EXPECT_TRUE(contains(report, "## Not judged")) << report;
    EXPECT_TRUE(contains(report, "- Alpha (E05000001): won by ")) << report;
    const std::string csv = comparison_csv(comparison);
    EXPECT_TRUE(contains(csv, "E05000001,Alpha,not judged,")) << csv;
}

TEST(CompareReport, TheShareConventionIsSaid) {
    // Tau: shares of all votes 50/50 notionally, of top votes 55/45 (tests/support.hpp).
    const auto base = tau_base();
    const auto actual = tau_actual();
    EXPECT_TRUE(contains(report_markdown(compare(base, actual, ShareConvention::top), "t"),
                         "Shares are of top votes (share_top)."));
    EXPECT_TRUE(contains(report_markdown(compare(base, actual, ShareConvention::total), "t"),
                         "Shares are of all votes (share_total)."));
}

TEST(CompareReport, CouncilTableAndClaimedGains) {
    // Alpha: CON gain from LAB (GENUINE); Beta: LAB hold, both seats BOUNDARY ARTEFACT.
    // Old map: CON 3, LAB 0. Notional: LAB 1 + 2 = 3, CON 0. Actual: LAB 2, CON 1.
    const auto result = compare(base_of({alpha_base(), beta_base()}, {{"CON", 3}}),
                                actual_of({beta_result(), alpha_result()}));
    const std::string report = report_markdown(result, "Test borough 2022");
    EXPECT_TRUE(
        report.starts_with("# Test borough 2022\n\n2 wards and 3 seats compared. "
                           "Notional seats by rank-slot;"))
        << report;
    // LAB: press change 2 - 0 = +2, real change 2 - 3 = -1, 0 gains, 1 loss (Alpha).
    // CON: press change 1 - 3 = -2, real change 1 - 0 = +1, 1 gain (Alpha), 0 losses.
    EXPECT_TRUE(contains(report,
                         "| LAB (Labour) | 0 | 3 | 2 | +2 | -1 | 0 | 1 |\n"
                         "| CON (Conservative) | 3 | 0 | 1 | -2 | +1 | 1 | 0 |\n"))
        << report;
    EXPECT_TRUE(contains(report,
                         "| Alpha | CON gain from LAB (notional) | CON | 1 | GENUINE | actual 1; "
                         "notional 0 under all 4 variants; won 1 in the main old ward |\n"))
        << report;
    EXPECT_TRUE(
        contains(report,
                 "| Beta | LAB hold (notional) | LAB | 2 | BOUNDARY ARTEFACT x2 | actual 2; "
                 "notional 2 under all 4 variants; won 0 in the main old ward |\n"))
        << report;
    EXPECT_TRUE(contains(report,
                         "## Knife-edges\n\nNotional margins under 2.0% of ballots (--knife-edge), "
                         "where the notional winner itself is in doubt:\n\n- none\n"))
        << report;
}

}  // namespace
}  // namespace notional::report
