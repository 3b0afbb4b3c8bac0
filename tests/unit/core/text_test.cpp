/// Unit tests of core/text: name keys, Unicode folding, slugs, GSS codes, counts and flags.
#include <string>

#include <gtest/gtest.h>

#include "core/text.hpp"

namespace notional {
namespace {

// --- text -------------------------------------------------------------------------------------

TEST(Text, WardNameKeyIgnoresPunctuationApostrophesAndCase) {
    EXPECT_EQ(ward_name_key("St. Paul's Cray"), "st pauls cray");
    EXPECT_EQ(ward_name_key("st-pauls-cray"), "st pauls cray");
    EXPECT_EQ(ward_name_key("St. Paul's Cray"), ward_name_key("st-pauls-cray"));
    EXPECT_EQ(ward_name_key("ST PAUL\xE2\x80\x99S CRAY"), "st pauls cray");  // typographic '
    EXPECT_EQ(ward_name_key("Plaistow & Sundridge"), ward_name_key("plaistow and sundridge"));
    EXPECT_EQ(ward_name_key("A&B"), "a b");
    EXPECT_EQ(ward_name_key("St Katharine's & Wapping"), ward_name_key("st-katharines-wapping"));
    EXPECT_NE(ward_name_key("Bickley"), ward_name_key("Bickley North"));
}

TEST(Text, FoldNormalisesCaseAccentsAndCompatibilityForms) {
    EXPECT_EQ(fold("Ynys M\xC3\xB4n"), "ynys mon");   // Môn, precomposed
    EXPECT_EQ(fold("Ynys Mo\xCC\x82n"), "ynys mon");  // o + combining circumflex
    EXPECT_EQ(fold("Sinn F\xC3\xA9in"), "sinn fein");
    EXPECT_EQ(fold("Stra\xC3\x9F"
                   "e"),
              fold("STRASSE"));  // ß folds to ss
    EXPECT_EQ(fold("\xEF\xAC\x81"
                   "eld"),
              "field");                     // the ﬁ ligature
    EXPECT_EQ(fold("Caf\xE9"), "caf\xE9");  // Latin-1, not UTF-8: ASCII only
}

TEST(Text, WardNameKeyFoldsUnicode) {
    EXPECT_EQ(ward_name_key("Ynys M\xC3\xB4n"), ward_name_key("Ynys Mon"));
    EXPECT_EQ(ward_name_key("LLANDUDNO ST. T\xC3\x8E"
                            "DR"),
              "llandudno st tidr");
    // A letter that does not decompose stays a letter of its word.
    EXPECT_EQ(ward_name_key("\xC3\x98stre Tr\xC3\xA6"), "\xC3\xB8stre tr\xC3\xA6");
    // An en dash separates words like a hyphen.
    EXPECT_EQ(slug("Plaid Cymru \xE2\x80\x93 The Party of Wales"),
              "plaid-cymru-the-party-of-wales");
}

TEST(Text, SlugJoinsLowerCaseWordsWithHyphens) {
    EXPECT_EQ(slug("St Paul's Cray"), "st-pauls-cray");
    EXPECT_EQ(slug("  Chislehurst   Matters "), "chislehurst-matters");
    EXPECT_EQ(slug("Bromley Town & Country"), "bromley-town-and-country");
    EXPECT_EQ(slug("--"), "");
}

TEST(Text, LooksLikeGssCode) {
    EXPECT_TRUE(looks_like_gss_code("E05000106"));
    EXPECT_TRUE(looks_like_gss_code("W05000001"));
    EXPECT_FALSE(looks_like_gss_code("E0500010"));    // 7 digits
    EXPECT_FALSE(looks_like_gss_code("E050001066"));  // 9 digits
    EXPECT_FALSE(looks_like_gss_code("505000106"));   // no letter
    EXPECT_FALSE(looks_like_gss_code("E0500010X"));
    EXPECT_FALSE(looks_like_gss_code("Bickley"));
    EXPECT_FALSE(looks_like_gss_code(""));
}

TEST(Text, ParseCountAcceptsThousandsSeparatorsAndRejectsTheRest) {
    double value = -1.0;
    EXPECT_TRUE(parse_count("1,234", value));
    EXPECT_EQ(value, 1234.0);
    EXPECT_TRUE(parse_count(" 17 ", value));
    EXPECT_EQ(value, 17.0);
    EXPECT_TRUE(parse_count("0", value));
    EXPECT_EQ(value, 0.0);
    EXPECT_TRUE(parse_count("12.5", value));
    EXPECT_EQ(value, 12.5);
    EXPECT_FALSE(parse_count("-3", value));
    EXPECT_FALSE(parse_count("+3", value));
    EXPECT_FALSE(parse_count("abc", value));
    EXPECT_FALSE(parse_count("12x", value));
    EXPECT_FALSE(parse_count("", value));
    EXPECT_FALSE(parse_count("   ", value));
    // Not digits: a count is never infinite or not a number.
    EXPECT_FALSE(parse_count("inf", value));
    EXPECT_FALSE(parse_count("nan", value));
}

TEST(Text, ParseFlag) {
    bool value = false;
    for (const char* yes : {"true", "TRUE", "t", "Yes", "y", "1", " True "}) {
        value = false;
        EXPECT_TRUE(parse_flag(yes, value)) << yes;
        EXPECT_TRUE(value) << yes;
    }
    for (const char* no : {"false", "False", "F", "no", "N", "0"}) {
        value = true;
        EXPECT_TRUE(parse_flag(no, value)) << no;
        EXPECT_FALSE(value) << no;
    }
    EXPECT_FALSE(parse_flag("maybe", value));
    EXPECT_FALSE(parse_flag("", value));
    EXPECT_FALSE(parse_flag("2", value));
}

}  // namespace
}  // namespace notional
