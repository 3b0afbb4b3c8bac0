/// Unit tests of core/fields: which column holds a ward's code, name and council.
#include <optional>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "core/fields.hpp"

namespace notional {
namespace {

using Names = std::vector<std::string>;

TEST(Fields, TheWardsCodeBeforeItsCouncilsWhateverTheOrder) {
    // The GLA's header: ward names in "ward", the council's code before the ward's.
    const Names gla{"borough_original", "ward_original", "ward", "borough", "LAD22CD", "WD22CD"};
    EXPECT_EQ(find_field(gla, ward_code_fields()), 5U);
    EXPECT_EQ(find_field(gla, council_code_fields()), 4U);
    EXPECT_EQ(find_field(gla, council_name_fields()), 3U);  // "borough"
    // Any year, any case; a constituency or a small area is a ward here.
    EXPECT_EQ(find_field({"name", "pcon24cd"}, ward_code_fields()), 1U);
    EXPECT_EQ(find_field({"LSOA21CD", "LSOA21NM"}, ward_name_fields()), 1U);
    // London's 2018 layer: GSS_CODE, NAME, LAGSSCODE, DISTRICT.
    const Names london{"NAME", "GSS_CODE", "DISTRICT", "LAGSSCODE", "HECTARES"};
    EXPECT_EQ(find_field(london, ward_code_fields()), 1U);
    EXPECT_EQ(find_field(london, ward_name_fields()), 0U);
    EXPECT_EQ(find_field(london, council_code_fields()), 3U);
    EXPECT_EQ(find_field(london, council_name_fields()), 2U);
}

TEST(Fields, PatternsMatchWholeNames) {
    // LAD22CD is no ward code, nor "CODE" a part of "POSTCODE"; ward_code and ONS ID are.
    EXPECT_EQ(find_field({"LAD22CD", "POSTCODE"}, ward_code_fields()), std::nullopt);
    EXPECT_EQ(find_field({"ward_name", "ward_code"}, ward_code_fields()), 1U);
    EXPECT_EQ(find_field({"ONS ID", "Constituency name"}, ward_code_fields()), 0U);
    EXPECT_EQ(find_field({}, ward_name_fields()), std::nullopt);
}

}  // namespace
}  // namespace notional
