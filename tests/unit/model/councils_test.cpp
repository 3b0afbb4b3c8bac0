/// Unit tests of model/councils: council identity, and keeping the councils a layer holds.
#include <map>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "model/councils.hpp"
#include "model/matching.hpp"
#include "model/results.hpp"
#include "support.hpp"

namespace notional::model {
namespace {

TEST(Councils, KeysDropWhatNamesAddAroundTheCouncil) {
    EXPECT_EQ(council_key("City of Westminster"), "westminster");
    EXPECT_EQ(council_key("westminster"), "westminster");
    EXPECT_EQ(council_key("Kingston upon Hull, City of"), "kingston upon hull");
    EXPECT_EQ(council_key("Royal Borough of Kensington and Chelsea"), "kensington chelsea");
    EXPECT_EQ(council_key("Barking & Dagenham"), council_key("barking-and-dagenham"));
    EXPECT_EQ(council_key("Bromley London Borough Council"), "bromley london");
    EXPECT_EQ(council_key("Ynys M\xC3\xB4n"), "ynys mon");
}

TEST(Councils, ANameFindsTheCodeThatAnotherInputGivesBesideIt) {
    Councils councils;
    councils.add("E09000033", "City of Westminster");  // the 2018 layer
    councils.add("E09000033", "Westminster");          // the 2022 layer
    councils.add("", "westminster");                   // a Democracy Club slug
    councils.add("E09000006", "Bromley");
    councils.add("", "bromley");
    const auto westminster = councils.find("E09000033");
    ASSERT_TRUE(westminster.has_value());
    EXPECT_EQ(councils.find("Westminster"), westminster);
    EXPECT_EQ(councils.find("City of Westminster"), westminster);
    EXPECT_EQ(councils.find("e09000033"), westminster);  // codes in any case
    EXPECT_EQ(councils.find("", "westminster"), westminster);
    EXPECT_NE(councils.find("Bromley"), westminster);
    EXPECT_FALSE(councils.find("Atlantis").has_value());
    EXPECT_EQ(councils.label(*westminster), "City of Westminster (E09000033)");
}

TEST(Councils, ALayerWithoutCouncilsKeepsTheCouncilsWithAWardOnIt) {
    // Results that name a council by its code beside each ward (a canonical file's council
    // column): Alpha of E09000006 is on the layer, Omega of E09000099 is not.
    WardResult alpha = test::result_of("", "Alpha", {{"LAB", 10, true}}, 1);
    alpha.council_code = "E09000006";
    WardResult omega = test::result_of("", "Omega", {{"CON", 20, true}}, 1);
    omega.council_code = "E09000099";
    Election election = test::election_of({alpha, omega}, {}, "c.csv");
    Councils councils;
    for (const auto& ward : election.wards) councils.add(ward.council_code, ward.council_name);
    const std::vector<std::string> codes{"E05000001"}, names{"Alpha"};
    const auto skipped = keep_councils_on_map(election, councils, {codes, names, "layer"});
    EXPECT_EQ(skipped, (std::map<std::string, std::size_t>{{"E09000099", 1}}));
    ASSERT_EQ(election.wards.size(), 1U);
    EXPECT_EQ(election.wards[0].name, "Alpha");
}

}  // namespace
}  // namespace notional::model
