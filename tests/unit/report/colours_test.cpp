/// Unit tests of report/colours: the parties' own colours, distinct colours for every other
/// party, stable from run to run, and the holds' tint.
#include <set>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "report/colours.hpp"

namespace notional::report {
namespace {

TEST(PartyColours, SeatWinningPartiesHaveTheirOwn) {
    const PartyColours colours({"CON", "LAB", "SNP", "PC", "SF", "DUP", "APNI", "SDLP", "SPK"});
    EXPECT_EQ(colours("CON"), "#0087dc");
    EXPECT_EQ(colours("LAB"), "#e4003b");
    EXPECT_EQ(colours("SNP"), "#fdf38e");
    EXPECT_EQ(colours("SF"), "#326760");
    EXPECT_EQ(colours("XYZ"), no_winner_colour);  // not in the run
    EXPECT_EQ(colours(""), no_winner_colour);
    std::set<std::string> seen;
    for (const auto& [party, colour] : colours.all()) EXPECT_TRUE(seen.insert(colour).second);
}

TEST(PartyColours, EveryOtherPartyIsToldApart) {
    // Bromley's independents and residents' groups, and enough others to fill the palette twice.
    std::vector<std::string> parties{
        "CON",    "LAB",    "LD", "GRN", "IND-margaret-oakley", "IND-sam-webber",
        "PP2755", "PP1826", "CM"};
    for (int i = 0; i < 120; ++i) parties.push_back("IND-" + std::to_string(i));
    const PartyColours colours(parties);
    std::set<std::string> seen;
    for (const auto& party : parties) {
        const std::string colour = colours(party);
        ASSERT_EQ(colour.size(), 7U) << party;
        EXPECT_EQ(colour[0], '#');
        EXPECT_NE(colour, no_winner_colour) << party;
        EXPECT_TRUE(seen.insert(colour).second) << party << " shares " << colour;
    }
    EXPECT_EQ(seen.size(), parties.size());
}

TEST(PartyColours, AnIndependentKeepsItsColourInAnotherRun) {
    const PartyColours bromley({"CON", "LAB", "IND-margaret-oakley", "CM"});
    const PartyColours other({"IND-margaret-oakley", "SNP", "PP2755"});
    EXPECT_EQ(bromley("IND-margaret-oakley"), other("IND-margaret-oakley"));
    EXPECT_NE(bromley("IND-margaret-oakley"), bromley("CM"));
}

TEST(PartyColours, HoldsArePaler) {
    EXPECT_EQ(hold_tint("#000000"), "#8c8c8c");  // 255 - 0.45 * 255 = 140.25
    EXPECT_EQ(hold_tint("#ffffff"), "#ffffff");
    EXPECT_EQ(hold_tint("#e4003b"), "#f38ca7");  // 242.85, 140.25, 166.8
}

}  // namespace
}  // namespace notional::report
