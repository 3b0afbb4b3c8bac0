/// Unit tests of the comparer (METHOD.md §7): seat changes against the notional, media labels,
/// verdicts on claimed gains across seat rules, share change, Butler swing, majorities,
/// independents, council totals, errors and the share_top convention. The report of a
/// comparison is tested in tests/unit/report/comparison_test.cpp.
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

#include "core/error.hpp"
#include "model/base.hpp"
#include "model/compare.hpp"
#include "model/results.hpp"
#include "support.hpp"

namespace notional::model {
namespace {

using test::message_of;

using test::con_lab_ld_base;
using test::contains;
using test::delta_actual;
using test::delta_base;
using test::tau_actual;
using test::tau_base;

// Shares such as 450/1000 - 0.3 are off by a few ulps from the decimal the comment gives;
// 1e-9 is far above that and far below any hand-checked digit.
constexpr double kTolerance = 1e-9;

// --- fixtures (the bases and wards are in support.hpp) ---------------------------------------

using test::actual_of;
using test::alpha_base;
using test::alpha_result;
using test::base_of;
using test::base_party;
using test::base_ward;
using test::beta_base;
using test::beta_result;
using test::by_variant;
using test::Cand;
using test::every;
using test::result_of;
using test::three_seat_base;
using test::three_seat_result;

const PartyComparison& party_in(const WardComparison& ward, const std::string& code) {
    for (const auto& party : ward.parties) {
        if (party.party == code) return party;
    }
    ADD_FAILURE() << "no party " << code << " in ward " << ward.code;
    static const PartyComparison none;
    return none;
}

using Verdicts = std::vector<Verdict>;

// --- verdicts ---------------------------------------------------------------------------------

TEST(CompareVerdict, PressHoldIsANotionalGain) {
    const auto result = compare(base_of({alpha_base()}), actual_of({alpha_result()}));
    ASSERT_EQ(result.wards.size(), 1U);
    const auto& ward = result.wards[0];
    EXPECT_EQ(ward.label, "CON gain from LAB (notional)");
    EXPECT_EQ(ward.winner, "CON");
    const auto& con = party_in(ward, "CON");
    // CON: actual 1 - notional 0 = +1, though it also won the main old ward (the press: hold).
    EXPECT_EQ(con.change(), 1);
    EXPECT_EQ(con.predecessor_seats, std::optional<int>(1));
    EXPECT_EQ(con.verdicts, Verdicts{Verdict::genuine});  // 1 > 0 under all four rules
    EXPECT_EQ(con.verdict_text(), "GENUINE");
    EXPECT_EQ(con.reason, "actual 1; notional 0 under all 4 variants; won 1 in the main old ward");
    const auto& lab = party_in(ward, "LAB");
    EXPECT_EQ(lab.change(), -1);  // 0 - 1
    EXPECT_TRUE(lab.verdicts.empty());
}

TEST(CompareVerdict, ClaimedGainIsABoundaryArtefact) {
    const auto result = compare(base_of({beta_base()}), actual_of({beta_result()}));
    ASSERT_EQ(result.wards.size(), 1U);
    const auto& ward = result.wards[0];
    EXPECT_EQ(ward.label, "LAB hold (notional)");
    const auto& lab = party_in(ward, "LAB");
    // LAB: 2 - 2 = 0 against the notional, but 2 - 0 = +2 against the old ward: both seats are
    // claimed, both held notionally under every rule.
    EXPECT_EQ(lab.change(), 0);
    EXPECT_EQ(lab.verdicts, (Verdicts{Verdict::boundary_artefact, Verdict::boundary_artefact}));
    EXPECT_EQ(lab.verdict_text(), "BOUNDARY ARTEFACT x2");
    EXPECT_EQ(party_in(ward, "CON").change(), 0);  // 0 - 0
    EXPECT_TRUE(party_in(ward, "CON").verdicts.empty());
}

TEST(CompareVerdict, DisagreeingRulesAreUncertain) {
    // LAB holds the seat notionally under block and block-top, not under rank-slot and
    // continuity: the chosen rule (rank-slot) says LAB gain, but the rules disagree.
    const auto base = base_of({base_ward("E05000003", "Gamma", 1, "major",
                                         {base_party("CON", 1010, 0.505, by_variant(1, 0, 0, 1)),
                                          base_party("LAB", 990, 0.495, by_variant(0, 1, 1, 0))})});
    const auto result = compare(
        base, actual_of({result_of("E05000003", "Gamma", {{"LAB", 1100, true}, {"CON", 900}}, 1)}));
    const auto& ward = result.wards.at(0);
    EXPECT_EQ(ward.label, "LAB gain from CON (notional)");
    const auto& lab = party_in(ward, "LAB");
    EXPECT_EQ(lab.change(), 1);  // 1 - 0 (rank-slot)
    EXPECT_EQ(lab.verdicts, Verdicts{Verdict::uncertain});
    EXPECT_TRUE(contains(lab.reason, "disagree")) << lab.reason;
    EXPECT_TRUE(contains(lab.reason, "rank-slot 0, block 1, block-top 1, continuity 0"))
        << lab.reason;
}

TEST(CompareVerdict, KnifeEdgeIsUncertain) {
    // Every rule gives CON the seat, so LAB's win would be GENUINE, but the notional margin is
    // a knife-edge (0.8% of ballots).
    const auto result = compare(delta_base(), delta_actual());
    const auto& ward = result.wards.at(0);
    EXPECT_TRUE(ward.notional_knife_edge);
    EXPECT_EQ(ward.notional_majority_pct, std::optional<double>(0.8));
    const auto& lab = party_in(ward, "LAB");
    EXPECT_EQ(lab.verdicts, Verdicts{Verdict::uncertain});
    EXPECT_TRUE(contains(lab.reason, "knife-edge")) << lab.reason;
}

TEST(CompareVerdict, OnlySeatsAboveTheNotionalAndThePredecessorAreClaimed) {
    // Three seats: LAB notional 1 under every rule, won 1 in the main old ward, wins 3. Claimed
    // seats are the 2nd and 3rd (min(1, 1) + 1 = 2 onwards), both above every rule's 1.
    const auto base = base_of({base_ward(
        "E05000005", "Epsilon", 3, "major",
        {base_party("CON", 3000, 0.6, every(2), 2), base_party("LAB", 2000, 0.4, every(1), 1)})});
    const auto result = compare(base, actual_of({result_of("E05000005", "Epsilon",
                                                           {{"LAB", 1200, true},
                                                            {"LAB", 1150, true},
                                                            {"LAB", 1100, true},
                                                            {"CON", 1000},
                                                            {"CON", 950},
                                                            {"CON", 900}},
                                                           3)}));
    const auto& lab = party_in(result.wards.at(0), "LAB");
    EXPECT_EQ(lab.verdicts, (Verdicts{Verdict::genuine, Verdict::genuine}));
    EXPECT_EQ(lab.verdict_text(), "GENUINE x2");
    EXPECT_EQ(result.wards.at(0).label, "LAB 2 gains from CON (notional)");
}

// --- labels -----------------------------------------------------------------------------------

/// A one-ward comparison of an unchanged ward.
Comparison unchanged(int seats, std::vector<BaseParty> parties, const std::vector<Cand>& actual) {
    return compare(
        base_of({base_ward("E05000010", "Kappa", seats, "unchanged", std::move(parties))}),
        actual_of({result_of("E05000010", "Kappa", actual, seats)}));
}

TEST(CompareLabel, UnchangedWardHasNoNotionalSuffix) {
    const auto result = unchanged(
        1, {base_party("CON", 600, 0.6, every(1), 1), base_party("LAB", 400, 0.4, every(0), 0)},
        {{"CON", 650, true}, {"LAB", 350}});
    EXPECT_EQ(result.wards.at(0).label, "CON hold");
}

TEST(CompareLabel, SharedHoldNamesEveryHolderByActualVotes) {
    // CON 1 + LAB 1 notional, CON 1 + LAB 1 actual; LAB has more votes (1900 > 1700).
    const auto result = unchanged(
        2, {base_party("CON", 1800, 0.5, every(1), 1), base_party("LAB", 1800, 0.5, every(1), 1)},
        {{"LAB", 1000, true}, {"CON", 900, true}, {"LAB", 900}, {"CON", 800}});
    EXPECT_EQ(result.wards.at(0).label, "LAB and CON hold");
}

TEST(CompareLabel, TwoGainsFromOneParty) {
    // Notional CON 3; actual CON 1, LAB 2: LAB +2, CON -2.
    const auto result = unchanged(
        3, {base_party("CON", 3000, 0.6, every(3), 3), base_party("LAB", 2000, 0.4, every(0), 0)},
        {{"LAB", 1200, true},
         {"LAB", 1150, true},
         {"CON", 1100, true},
         {"CON", 1000},
         {"LAB", 900},
         {"CON", 800}});
    EXPECT_EQ(result.wards.at(0).label, "LAB 2 gains from CON");
}

TEST(CompareLabel, TwoGainersFromOneLoser) {
    // Notional CON 3; actual LAB 1, LD 1, CON 1 (LAB 1200 votes before LD 1100).
    const auto result = unchanged(
        3,
        {base_party("CON", 3000, 0.6, every(3), 3), base_party("LAB", 1000, 0.2, every(0), 0),
         base_party("LD", 1000, 0.2, every(0), 0)},
        {{"LAB", 1200, true},
         {"LD", 1100, true},
         {"CON", 1050, true},
         {"CON", 1000},
         {"CON", 950}});
    EXPECT_EQ(result.wards.at(0).label, "LAB gain from CON; LD gain from CON");
}

TEST(CompareLabel, LargestLoserFirst) {
    // Notional LD 2, CON 1; actual LAB 3. CON has more actual votes (900 > 600) than LD, but LD
    // lost 2 seats and CON 1, so LD comes first.
    const auto result = unchanged(
        3,
        {base_party("LD", 2400, 0.4, every(2), 2), base_party("CON", 1800, 0.3, every(1), 1),
         base_party("LAB", 1800, 0.3, every(0), 0)},
        {{"LAB", 1300, true}, {"LAB", 1250, true}, {"LAB", 1200, true}, {"CON", 900}, {"LD", 600}});
    EXPECT_EQ(result.wards.at(0).label, "LAB 2 gains from LD; LAB gain from CON");
}

TEST(CompareLabel, EqualLosersByPartyCode) {
    // Notional CON 1, LD 1; actual LAB 2. Each lost one seat; LD has more actual votes
    // (900 > 700), but equal losers are listed by party code: CON before LD.
    const auto result = unchanged(
        2,
        {base_party("CON", 1600, 0.4, every(1), 1), base_party("LD", 1600, 0.4, every(1), 1),
         base_party("LAB", 800, 0.2, every(0), 0)},
        {{"LAB", 1300, true}, {"LAB", 1250, true}, {"LD", 900}, {"CON", 700}});
    EXPECT_EQ(result.wards.at(0).label, "LAB gain from CON; LAB gain from LD");
}

// --- shares, swing, majority ------------------------------------------------------------------

TEST(CompareShare, PartyNewToTheWard) {
    // Notional CON 60%, LAB 40%; actual CON 700, LAB 200, GRN 100 of 1000.
    const auto result = compare(
        base_of({base_ward(
            "E05000020", "Lambda", 1, "major",
            {base_party("CON", 600, 0.6, every(1), 1), base_party("LAB", 400, 0.4, every(0), 0)})}),
        actual_of({result_of("E05000020", "Lambda",
                             {{"CON", 700, true}, {"LAB", 200}, {"GRN", 100}}, 1)}));
    const auto& ward = result.wards.at(0);
    const auto& grn = party_in(ward, "GRN");
    EXPECT_TRUE(grn.is_new);
    EXPECT_FALSE(grn.share_change().has_value());
    EXPECT_FALSE(grn.notional_share.has_value());
    ASSERT_TRUE(grn.actual_share.has_value());
    EXPECT_NEAR(*grn.actual_share, 0.1, kTolerance);          // 100 / 1000
    EXPECT_EQ(grn.predecessor_seats, std::optional<int>(0));  // did not stand there
    const auto& con = party_in(ward, "CON");
    EXPECT_FALSE(con.is_new);
    ASSERT_TRUE(con.share_change().has_value());
    EXPECT_NEAR(*con.share_change(), 0.1, kTolerance);                     // 0.7 - 0.6
    EXPECT_NEAR(*party_in(ward, "LAB").share_change(), -0.2, kTolerance);  // 0.2 - 0.4
}

TEST(CompareSwing, ButlerSwingToTheLeader) {
    // Notional CON 50%, LAB 30%, LD 20%; actual LAB 450, CON 400, LD 150 of 1000 (45%, 40%).
    // LAB leads: swing CON to LAB = ((45 - 30) + (50 - 40)) / 2 = 12.5 points.
    const auto result = compare(
        con_lab_ld_base("E05000030", "Mu"),
        actual_of(
            {result_of("E05000030", "Mu", {{"CON", 400}, {"LAB", 450, true}, {"LD", 150}}, 1)}));
    const auto& ward = result.wards.at(0);
    EXPECT_EQ(ward.swing_to, "LAB");
    EXPECT_EQ(ward.swing_from, "CON");
    ASSERT_TRUE(ward.swing.has_value());
    EXPECT_NEAR(*ward.swing, 12.5, kTolerance);
    // Steed, on the two parties' shares of their sum: LAB 30/80 = 37.5% before, 45/85 = 52.94%
    // after, a swing of 15.44 points.
    ASSERT_TRUE(ward.steed_swing.has_value());
    EXPECT_NEAR(*ward.steed_swing, 100.0 * (45.0 / 85.0 - 30.0 / 80.0), kTolerance);
}

TEST(CompareSwing, LeaderLosingGroundSwingsAway) {
    // Notional CON 50%, LAB 30%; actual CON 450, LAB 400, LD 150 of 1000: CON still leads, but
    // swing to CON = ((45 - 50) + (30 - 40)) / 2 = -7.5, i.e. 7.5 points CON to LAB.
    const auto result = compare(
        con_lab_ld_base("E05000031", "Nu"),
        actual_of(
            {result_of("E05000031", "Nu", {{"CON", 450, true}, {"LAB", 400}, {"LD", 150}}, 1)}));
    const auto& ward = result.wards.at(0);
    EXPECT_EQ(ward.swing_to, "CON");
    EXPECT_EQ(ward.swing_from, "LAB");
    ASSERT_TRUE(ward.swing.has_value());
    EXPECT_NEAR(*ward.swing, -7.5, kTolerance);
}

TEST(CompareMajority, MultiMemberClosestContestBetweenParties) {
    // Elected vs best unelected of another party: LAB 990 vs CON 1200 = 210; CON 700 vs
    // LAB 1000 = 300. The last elected LAB 1000 over LAB 990 (10) is not a contest between
    // parties. 210 / 2000 ballots = 10.5%; turnout 2000 / 5000 = 0.4.
    const auto result = compare(three_seat_base(), actual_of({three_seat_result(2000, 5000)}));
    const auto& ward = result.wards.at(0);
    EXPECT_EQ(ward.majority_votes, std::optional<double>(210));
    ASSERT_TRUE(ward.majority_pct.has_value());
    EXPECT_NEAR(*ward.majority_pct, 10.5, kTolerance);
    ASSERT_TRUE(ward.turnout.has_value());
    EXPECT_NEAR(*ward.turnout, 0.4, kTolerance);
}

TEST(CompareMajority, WithoutBallotsTheTopVotesAreTheDenominator) {
    // No ballots: the parties' top votes, LAB 1500 + CON 1200 = 2700; 210 / 2700 = 7.777...%.
    // No turnout without ballots and electorate.
    const auto result =
        compare(three_seat_base(), actual_of({three_seat_result(std::nullopt, std::nullopt)}));
    const auto& ward = result.wards.at(0);
    EXPECT_EQ(ward.majority_votes, std::optional<double>(210));
    ASSERT_TRUE(ward.majority_pct.has_value());
    EXPECT_NEAR(*ward.majority_pct, 100.0 * 210.0 / 2700.0, kTolerance);
    EXPECT_NEAR(*ward.majority_pct, 7.7778, 1e-4);  // the same to four places
    EXPECT_FALSE(ward.turnout.has_value());
}

TEST(CompareMajority, SingleMemberWinnerOverRunnerUp) {
    // CON 1000 - LAB 800 = 200 of 2100 ballots = 9.5238%.
    const auto result =
        compare(base_of({alpha_base()}),
                actual_of({result_of("E05000001", "Alpha",
                                     {{"CON", 1000, true}, {"LAB", 800}, {"LD", 300}}, 1, 2100)}));
    const auto& ward = result.wards.at(0);
    EXPECT_EQ(ward.majority_votes, std::optional<double>(200));
    ASSERT_TRUE(ward.majority_pct.has_value());
    EXPECT_NEAR(*ward.majority_pct, 100.0 * 200.0 / 2100.0, kTolerance);
}

// --- independents and the council -------------------------------------------------------------

TEST(CompareIndependents, OneIndependentSucceedsAnother) {
    // Notional IND-a 1 + IND-b 1; actual IND-c 1 + IND-d 1: as "IND", 2 - 2 = 0, a hold.
    const auto base = base_of({base_ward("E05000050", "Omicron", 2, "unchanged",
                                         {base_party("IND-a", 900, 0.45, every(1), 1),
                                          base_party("IND-b", 800, 0.40, every(1), 1),
                                          base_party("CON", 300, 0.15, every(0), 0)})},
                              {{"IND-a", 1}, {"IND-b", 1}});
    const auto result = compare(
        base,
        actual_of({result_of("E05000050", "Omicron",
                             {{"IND-c", 1000, true}, {"IND-d", 900, true}, {"CON", 400}}, 2)}));
    const auto& ward = result.wards.at(0);
    EXPECT_EQ(ward.label, "IND hold");
    ASSERT_EQ(ward.parties.size(), 2U);  // IND and CON, no IND-a..d
    const auto& ind = party_in(ward, "IND");
    EXPECT_EQ(ind.notional_seats, 2);
    EXPECT_EQ(ind.actual_seats, 2);
    EXPECT_EQ(ind.change(), 0);
    EXPECT_FALSE(ind.is_new);
    EXPECT_NEAR(ind.notional_votes, 1700, kTolerance);  // 900 + 800
    EXPECT_NEAR(ind.actual_votes, 1900, kTolerance);    // 1000 + 900
    EXPECT_TRUE(ind.verdicts.empty());
    ASSERT_FALSE(result.council.empty());
    const auto& row = result.council[0];
    EXPECT_EQ(row.party, "IND");
    EXPECT_EQ(row.name, "Independent");
    EXPECT_EQ(row.old_seats, 2);  // IND-a 1 + IND-b 1
    EXPECT_EQ(row.notional_seats, 2);
    EXPECT_EQ(row.actual_seats, 2);
    EXPECT_EQ(row.gains, 0);
    EXPECT_EQ(row.losses, 0);
}

/// Three wards: Pi (1 seat) notional CON, won by LAB; Rho (2) LAB, held; Sigma (2) CON + LD,
/// held. GRN stands in Pi and wins nothing. The old map had CON 3, LAB 1, LD 2, UKIP 1.
Comparison council_comparison() {
    const auto base = base_of({base_ward("E05000061", "Pi", 1, "major",
                                         {base_party("CON", 600, 0.6, every(1), 1),
                                          base_party("LAB", 400, 0.4, every(0), 0)}),
                               base_ward("E05000062", "Rho", 2, "minor",
                                         {base_party("LAB", 2000, 0.7, every(2), 2),
                                          base_party("CON", 857, 0.3, every(0), 0)}),
                               base_ward("E05000063", "Sigma", 2, "unchanged",
                                         {base_party("CON", 1500, 0.5, every(1), 1),
                                          base_party("LD", 1500, 0.5, every(1), 1)})},
                              {{"CON", 3}, {"LAB", 1}, {"LD", 2}, {"UKIP", 1}});
    return compare(
        base,
        actual_of(
            {result_of("E05000063", "Sigma",
                       {{"CON", 800, true}, {"LD", 780, true}, {"CON", 700}, {"LD", 690}}, 2),
             result_of("E05000061", "Pi", {{"LAB", 500, true}, {"CON", 450}, {"GRN", 50}}, 1),
             result_of("E05000062", "Rho",
                       {{"LAB", 900, true}, {"LAB", 850, true}, {"CON", 400}, {"CON", 380}}, 2)}));
}

TEST(CompareCouncil, RowsAddUpOverWards) {
    const auto result = council_comparison();
    ASSERT_EQ(result.wards.size(), 3U);
    // Wards by code, whatever the file's order.
    EXPECT_EQ(result.wards[0].code, "E05000061");
    EXPECT_EQ(result.wards[1].code, "E05000062");
    EXPECT_EQ(result.wards[2].code, "E05000063");
    EXPECT_EQ(result.wards[0].label, "LAB gain from CON (notional)");
    EXPECT_EQ(result.wards[1].label, "LAB hold (notional)");
    EXPECT_EQ(result.wards[2].label, "CON and LD hold");
    // Notional: CON 1 (Pi) + 1 (Sigma) = 2; LAB 2 (Rho); LD 1 (Sigma).
    // Actual:   LAB 1 (Pi) + 2 (Rho) = 3; CON 1 (Sigma); LD 1 (Sigma).
    // Sorted by actual seats, then notional: LAB 3, CON 1 (notional 2), LD 1 (notional 1), then
    // UKIP with only old seats. GRN won nothing anywhere and has no row.
    ASSERT_EQ(result.council.size(), 4U);
    const std::vector<std::string> order{result.council[0].party, result.council[1].party,
                                         result.council[2].party, result.council[3].party};
    EXPECT_EQ(order, (std::vector<std::string>{"LAB", "CON", "LD", "UKIP"}));
    const auto& lab = result.council[0];
    EXPECT_EQ(lab.name, "Labour");
    EXPECT_EQ(lab.old_seats, 1);
    EXPECT_EQ(lab.notional_seats, 2);
    EXPECT_EQ(lab.actual_seats, 3);
    EXPECT_EQ(lab.gains, 1);  // Pi
    EXPECT_EQ(lab.losses, 0);
    const auto& con = result.council[1];
    EXPECT_EQ(con.old_seats, 3);
    EXPECT_EQ(con.notional_seats, 2);
    EXPECT_EQ(con.actual_seats, 1);
    EXPECT_EQ(con.gains, 0);
    EXPECT_EQ(con.losses, 1);  // Pi
    const auto& ld = result.council[2];
    EXPECT_EQ(ld.old_seats, 2);
    EXPECT_EQ(ld.notional_seats, 1);
    EXPECT_EQ(ld.actual_seats, 1);
    EXPECT_EQ(ld.gains + ld.losses, 0);
    const auto& ukip = result.council[3];
    EXPECT_EQ(ukip.name, "UK Independence Party");
    EXPECT_EQ(ukip.old_seats, 1);
    EXPECT_EQ(ukip.notional_seats + ukip.actual_seats, 0);
    // Gains and losses balance, and seats add up to the 5 seats of the new map.
    int gains = 0, losses = 0, notional = 0, actual = 0;
    for (const auto& row : result.council) {
        gains += row.gains;
        losses += row.losses;
        notional += row.notional_seats;
        actual += row.actual_seats;
    }
    EXPECT_EQ(gains, losses);
    EXPECT_EQ(notional, 5);
    EXPECT_EQ(actual, 5);
}

// --- errors -----------------------------------------------------------------------------------

TEST(CompareErrors, SeatCountsDisagree) {
    // The base gives Alpha 1 seat; the new election fills 2.
    const std::string message = message_of<DataError>([] {
        (void)compare(
            base_of({alpha_base()}),
            actual_of({result_of("E05000001", "Alpha",
                                 {{"CON", 1000, true}, {"LAB", 900, true}, {"LD", 10}}, 2)}));
    });
    EXPECT_TRUE(contains(message, "'Alpha' (E05000001)")) << message;
    EXPECT_TRUE(contains(message, "elected 2 but has 1 seats")) << message;
}

TEST(Compare, ABaseWardWithoutSeatsIsShownButNotJudged) {
    // Most of the ward came from old wards without results: the base has no seats for it.
    BaseWard ward = alpha_base();
    ward.seats = 0;
    const Comparison comparison = compare(base_of({ward}), actual_of({alpha_result()}));
    ASSERT_EQ(comparison.wards.size(), 1U);
    const WardComparison& alpha = comparison.wards[0];
    EXPECT_FALSE(alpha.judged);
    EXPECT_EQ(alpha.label, "not judged");
    ASSERT_FALSE(alpha.parties.empty());
    EXPECT_EQ(alpha.winner, alpha.parties.front().party);
    for (const auto& party : alpha.parties) EXPECT_TRUE(party.verdicts.empty()) << party.party;
    // Out of the council's sums (the report says so: CompareReport.AWardNotJudgedIsListedApart).
    for (const auto& row : comparison.council) {
        EXPECT_EQ(row.actual_seats, 0) << row.party;
        EXPECT_EQ(row.notional_seats, 0) << row.party;
    }
}

TEST(CompareErrors, ActualWardNotInTheBase) {
    const std::string message = message_of<DataError>([] {
        (void)compare(base_of({alpha_base()}),
                      actual_of({alpha_result(), result_of("E05000099", "Nowhere",
                                                           {{"CON", 10, true}, {"LAB", 5}}, 1)}));
    });
    EXPECT_TRUE(contains(message, "1 of 2 wards")) << message;
    EXPECT_TRUE(contains(message, "'Nowhere' (E05000099)")) << message;
    EXPECT_TRUE(contains(message, "the notional base")) << message;
    EXPECT_FALSE(contains(message, "Alpha")) << message;
}

// --- the share_top convention -----------------------------------------------------------------

TEST(CompareConvention, ShareTopOnBothSides) {
    // Tau: shares of all votes 50/50 notionally, of top votes 55/45 (tests/support.hpp).
    const auto base = tau_base();
    const auto actual = tau_actual();

    const auto top = compare(base, actual, ShareConvention::top);
    EXPECT_EQ(top.convention, ShareConvention::top);
    const auto& con_top = party_in(top.wards.at(0), "CON");
    EXPECT_EQ(con_top.notional_share, std::optional<double>(0.55));
    ASSERT_TRUE(con_top.actual_share.has_value());
    EXPECT_NEAR(*con_top.actual_share, 1000.0 / 1800.0, kTolerance);  // 0.5556
    EXPECT_NEAR(*con_top.share_change(), 1000.0 / 1800.0 - 0.55, kTolerance);
    // Swing to CON: ((55.56 - 55) + (45 - 44.44)) / 2 = 0.5556 points.
    ASSERT_TRUE(top.wards.at(0).swing.has_value());
    EXPECT_NEAR(*top.wards.at(0).swing, 100.0 * (1000.0 / 1800.0 - 0.55), kTolerance);

    const auto total = compare(base, actual, ShareConvention::total);
    const auto& con_total = party_in(total.wards.at(0), "CON");
    EXPECT_EQ(con_total.notional_share, std::optional<double>(0.5));
    EXPECT_NEAR(*con_total.actual_share, 1900.0 / 3400.0, kTolerance);  // 0.5588
    // Swing to CON: ((55.88 - 50) + (50 - 44.12)) / 2 = 5.88 points.
    EXPECT_NEAR(*total.wards.at(0).swing, 100.0 * (1900.0 / 3400.0 - 0.5), kTolerance);
}

// --- names --------------------------------------------------------------------------------------

TEST(CompareReport, VerdictNames) {
    EXPECT_STREQ(to_string(Verdict::genuine), "GENUINE");
    EXPECT_STREQ(to_string(Verdict::boundary_artefact), "BOUNDARY ARTEFACT");
    EXPECT_STREQ(to_string(Verdict::uncertain), "UNCERTAIN");
    PartyComparison mixed;
    mixed.verdicts = {Verdict::boundary_artefact, Verdict::genuine, Verdict::genuine};
    EXPECT_EQ(mixed.verdict_text(), "BOUNDARY ARTEFACT; GENUINE x2");
}

}  // namespace
}  // namespace notional::model
