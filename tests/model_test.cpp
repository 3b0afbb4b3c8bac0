/// Unit tests of the model library's text, CSV and party helpers.
#include <cmath>
#include <limits>
#include <string>

#include <gtest/gtest.h>

#include "model/csv.hpp"
#include "model/error.hpp"
#include "model/parties.hpp"
#include "model/text.hpp"
#include "support.hpp"

namespace notional::model {
namespace {

using test::message_of;
using test::TempDir;

using test::contains;

// --- text -------------------------------------------------------------------------------------

TEST(Text, WardNameKeyIgnoresPunctuationApostrophesAndCase) {
    EXPECT_EQ(ward_name_key("St. Paul's Cray"), "st pauls cray");
    EXPECT_EQ(ward_name_key("st-pauls-cray"), "st pauls cray");
    EXPECT_EQ(ward_name_key("St. Paul's Cray"), ward_name_key("st-pauls-cray"));
    EXPECT_EQ(ward_name_key("ST PAUL\xE2\x80\x99S CRAY"), "st pauls cray");  // typographic '
    EXPECT_EQ(ward_name_key("Plaistow & Sundridge"), ward_name_key("plaistow and sundridge"));
    EXPECT_EQ(ward_name_key("A&B"), "a and b");
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

// --- CSV --------------------------------------------------------------------------------------

TEST(Csv, QuotedFieldsHoldCommasQuotesAndNewlines) {
    const CsvTable table =
        parse_csv("name,note\n\"Smith, Ann\",\"said \"\"hello\"\"\"\n\"two\nlines\",x\n", "q.csv");
    ASSERT_EQ(table.header, (std::vector<std::string>{"name", "note"}));
    ASSERT_EQ(table.rows.size(), 2u);
    EXPECT_EQ(table.rows[0][0], "Smith, Ann");
    EXPECT_EQ(table.rows[0][1], "said \"hello\"");
    EXPECT_EQ(table.rows[1][0], "two\nlines");
    EXPECT_EQ(table.rows[1][1], "x");
}

TEST(Csv, CrlfBomAndBlankLastLine) {
    const CsvTable table =
        parse_csv("\xEF\xBB\xBFward,votes\r\nBickley,10\r\nHayes,20\r\n\r\n", "b.csv");
    ASSERT_EQ(table.header, (std::vector<std::string>{"ward", "votes"}));
    ASSERT_EQ(table.rows.size(), 2u);
    EXPECT_EQ(table.rows[0], (std::vector<std::string>{"Bickley", "10"}));
    EXPECT_EQ(table.rows[1], (std::vector<std::string>{"Hayes", "20"}));
    // The BOM is not part of the first column's name.
    EXPECT_EQ(table.find("ward"), 0u);
}

TEST(Csv, NoNewlineAtEndAndEmptyFields) {
    const CsvTable table = parse_csv("a,b,c\n,,\n1,,3", "e.csv");
    ASSERT_EQ(table.rows.size(), 2u);
    EXPECT_EQ(table.rows[0], (std::vector<std::string>{"", "", ""}));
    EXPECT_EQ(table.rows[1], (std::vector<std::string>{"1", "", "3"}));
}

TEST(Csv, FindIsCaseInsensitiveAndRequireNamesTheFile) {
    const CsvTable table = parse_csv(" Ward ,Votes\nx,1\n", "cols.csv");
    EXPECT_EQ(table.find("ward"), 0u);
    EXPECT_EQ(table.find("VOTES"), 1u);
    EXPECT_FALSE(table.find("party").has_value());
    const std::string message = message_of<DataError>([&] { (void)table.require("party"); });
    EXPECT_TRUE(contains(message, "cols.csv")) << message;
    EXPECT_TRUE(contains(message, "party")) << message;
}

TEST(Csv, WrongFieldCountNamesFileAndRow) {
    // Line 1 is the header, so the bad third line is "line 3".
    const std::string message = message_of<DataError>(
        [] { (void)parse_csv("ward,party,votes\nBickley,LAB,10\nHayes,CON\n", "results.csv"); });
    EXPECT_TRUE(contains(message, "results.csv, line 3")) << message;
    EXPECT_TRUE(contains(message, "2 fields")) << message;
}

TEST(Csv, RowsAreNamedByTheLineTheyStartOn) {
    // A quoted newline and a blank line push later rows down: the third row starts on line 6.
    const auto table = parse_csv("a,b\n1,\"two\nlines\"\n\n3,x\n", "t.csv");
    ASSERT_EQ(table.rows.size(), 2U);
    EXPECT_EQ(table.where(0), "t.csv, line 2");
    EXPECT_EQ(table.where(1), "t.csv, line 5");
    const std::string message = message_of<DataError>(
        [] { (void)parse_csv("a,b\n1,\"two\nlines\"\n\n3,x\n4,y,z\n", "t.csv"); });
    EXPECT_TRUE(contains(message, "t.csv, line 6")) << message;
}

TEST(Csv, UnclosedQuoteNamesTheLineWhereItOpened) {
    const std::string message =
        message_of<DataError>([] { (void)parse_csv("a,b\n1,2\n\"open,1\n3,4\n", "open.csv"); });
    EXPECT_TRUE(contains(message,
                         "open.csv, line 3: the quoted field that starts here is never "
                         "closed"))
        << message;
    EXPECT_TRUE(contains(message_of<DataError>([] { (void)parse_csv("", "empty.csv"); }),
                         "empty.csv: the file is empty"));
}

TEST(Csv, TextAfterAClosingQuoteIsAnError) {
    // A lenient reader would read this as the field 'Smith, Ann Jr'.
    const std::string message = message_of<DataError>(
        [] { (void)parse_csv("name,votes\nx,1\n\"Smith, Ann\" Jr,2\n", "after.csv"); });
    EXPECT_TRUE(contains(message, "after.csv, line 3: text after the closing quote")) << message;
}

TEST(Csv, AQuoteInsideAnUnquotedFieldIsAnError) {
    const std::string message =
        message_of<DataError>([] { (void)parse_csv("name,votes\nAnn \"Nan\" Lee,2\n", "q.csv"); });
    EXPECT_TRUE(contains(message, "q.csv, line 2: a quote inside a field")) << message;
}

TEST(Csv, AMultiLineFieldCutByALineFilterIsCaught) {
    // Democracy Club's `source` field spans lines; `grep bromley` keeps its first line only, so
    // the quote opened there swallows the next row's fields and its closing quote is followed
    // by text. Read leniently this was one candidate short, silently.
    const std::string whole =
        "ballot_paper_id,person_name,ballots_cast,source\n"
        "local.bromley.a.2018-05-03,Ann,10,\"first line\nsecond line\"\n"
        "local.bromley.a.2018-05-03,Bob,20,x\n";
    EXPECT_EQ(parse_csv(whole, "whole.csv").rows.size(), 2U);
    const std::string cut =
        "ballot_paper_id,person_name,ballots_cast,source\n"
        "local.bromley.a.2018-05-03,Ann,10,\"first line\n"
        "local.bromley.a.2018-05-03,Bob,20,x\n"
        "local.bromley.a.2018-05-03,Cy,30,\"other\"\n";
    const std::string message = message_of<DataError>([&] { (void)parse_csv(cut, "cut.csv"); });
    EXPECT_TRUE(contains(message, "cut.csv, line 4: text after the closing quote")) << message;
}

TEST(Csv, ReadCsvFromFileAndMissingFileIsIoError) {
    TempDir dir;
    const auto path = dir.write("t.csv", "x,y\r\n\"1,5\",2\r\n");
    const CsvTable table = read_csv(path);
    EXPECT_EQ(table.path, path);
    ASSERT_EQ(table.rows.size(), 1u);
    EXPECT_EQ(table.rows[0][0], "1,5");
    const std::string message =
        message_of<IoError>([&] { (void)read_csv(dir.path() / "absent.csv"); });
    EXPECT_TRUE(contains(message, "absent.csv")) << message;
}

TEST(Csv, FieldQuotingAndRows) {
    EXPECT_EQ(csv_field("plain"), "plain");
    EXPECT_EQ(csv_field(""), "");
    EXPECT_EQ(csv_field("a,b"), "\"a,b\"");
    EXPECT_EQ(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
    EXPECT_EQ(csv_field("two\nlines"), "\"two\nlines\"");
    EXPECT_EQ(csv_row({"a", "b,c", ""}), "a,\"b,c\",\n");
    // What csv_row writes, parse_csv reads back.
    const std::vector<std::string> fields{"x, y", "\"q\"", "l1\nl2"};
    const CsvTable table = parse_csv(csv_row({"a", "b", "c"}) + csv_row(fields), "round.csv");
    ASSERT_EQ(table.rows.size(), 1u);
    EXPECT_EQ(table.rows[0], fields);
}

TEST(Csv, FixedNeverWritesNegativeZero) {
    EXPECT_EQ(fixed(-0.00001, 3), "0.000");
    EXPECT_EQ(fixed(-0.0, 2), "0.00");
    EXPECT_EQ(fixed(-0.4, 0), "0");
    EXPECT_EQ(fixed(-0.002, 2), "0.00");
    EXPECT_EQ(fixed(-0.006, 2), "-0.01");
    EXPECT_EQ(fixed(1234.5678, 2), "1234.57");
    EXPECT_EQ(fixed(-12.5, 1), "-12.5");
    EXPECT_EQ(fixed(100.0, 0), "100");
}

// --- parties ----------------------------------------------------------------------------------

TEST(Parties, ElectoralCommissionIdsGiveShortCodes) {
    EXPECT_EQ(classify_party("PP52", "Conservative and Unionist Party", "1").code, "CON");
    EXPECT_EQ(classify_party("PP53", "Labour Party", "2").code, "LAB");
    EXPECT_EQ(classify_party("PP90", "Liberal Democrats", "3").code, "LD");
    EXPECT_EQ(classify_party("PP63", "Green Party", "4").code, "GRN");
    EXPECT_EQ(classify_party("PP85", "UK Independence Party (UKIP)", "5").code, "UKIP");
    EXPECT_EQ(classify_party("PP7931", "Reform UK", "6").code, "REF");
    // The id decides, whatever the name says.
    EXPECT_EQ(classify_party("PP53", "Something Else", "7").code, "LAB");
    EXPECT_EQ(classify_party("PP53", "", "7").name, "Labour");
    EXPECT_EQ(classify_party("joint-party:53-119", "Labour and Co-operative Party", "8").code,
              "LAB");
}

TEST(Parties, NamesWithoutIdsGiveShortCodes) {
    EXPECT_EQ(classify_party("", "Labour and Co-operative Party", "a").code, "LAB");
    EXPECT_EQ(classify_party("", "The Conservative Party Candidate", "b").code, "CON");
    EXPECT_EQ(classify_party("", "Reform UK", "c").code, "REF");
    EXPECT_EQ(classify_party("", "The Brexit Party", "d").code, "REF");
    EXPECT_EQ(classify_party("", "Liberal Democrat", "e").code, "LD");
    EXPECT_EQ(classify_party("", "Green Party", "f").code, "GRN");
    EXPECT_EQ(classify_party("", "Green", "f").code, "GRN");
    EXPECT_EQ(classify_party("", "UK Independence Party", "g").code, "UKIP");
    EXPECT_EQ(classify_party("", "lab", "h").code, "LAB");  // a short code as the name
    const Party party = classify_party("", "The Conservative Party Candidate", "b");
    EXPECT_EQ(party.name, "Conservative");
}

TEST(Parties, EveryIndependentIsAPartyOfTheirOwn) {
    const Party a = classify_party("ynmp-party:2", "Independent", "12345");
    EXPECT_EQ(a.code, "IND-12345");
    EXPECT_EQ(a.name, "Independent");
    const Party b = classify_party("", "Independent", "Ann Smith");
    EXPECT_EQ(b.code, "IND-ann-smith");
    const Party c = classify_party("ynmp-party:2", "", "67890");
    EXPECT_EQ(c.code, "IND-67890");
    EXPECT_NE(a.code, c.code);
    EXPECT_TRUE(is_independent(a.code));
    EXPECT_TRUE(is_independent(b.code));
    EXPECT_FALSE(is_independent("LAB"));
    EXPECT_FALSE(is_independent("IND"));
}

TEST(Parties, UnknownPartiesKeepTheirIdOrAnUpperCaseSlug) {
    const Party known_id = classify_party("PP2755", "Chislehurst Matters", "1");
    EXPECT_EQ(known_id.code, "PP2755");
    EXPECT_EQ(known_id.name, "Chislehurst Matters");
    const Party no_id = classify_party("", "Chislehurst Matters", "1");
    EXPECT_EQ(no_id.code, "CHISLEHURST-MATTERS");
    EXPECT_EQ(no_id.name, "Chislehurst Matters");
    EXPECT_EQ(classify_party("", "", "1").code, "UNNAMED");
}

TEST(Parties, AnElectoralCommissionIdIsNotOverruledByTheName) {
    // Both stood in the 2018 Democracy Club file; neither is Labour.
    EXPECT_EQ(classify_party("PP73", "Socialist Labour Party", "1").code, "PP73");
    EXPECT_EQ(classify_party("PP55", "SDLP (Social Democratic & Labour Party)", "2").code, "PP55");
    EXPECT_EQ(classify_party("PP73", "Socialist Labour Party", "1").name, "Socialist Labour Party");
    // Without an id the name is all there is.
    EXPECT_EQ(classify_party("", "Labour Party", "3").code, "LAB");
}

}  // namespace
}  // namespace notional::model
