/// Unit tests of the model library's text, CSV and party helpers.
#include <cmath>
#include <limits>
#include <string>

#include <gtest/gtest.h>

#include "core/csv.hpp"
#include "core/error.hpp"
#include "core/text.hpp"
#include "model/parties.hpp"
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

TEST(Csv, AnEmptyFieldAloneIsARowAndAnEmptyHeaderIsAnError) {
    // Found by the fuzzer: a one-column row with an empty value once wrote as a blank line.
    const auto table = parse_csv("name\n\"\"\nx\n\n", "one.csv");
    ASSERT_EQ(table.rows.size(), 2U);
    EXPECT_EQ(table.rows[0], (std::vector<std::string>{""}));
    EXPECT_EQ(csv_row({""}), "\"\"\n");
    EXPECT_EQ(parse_csv("name\n" + csv_row({""}), "back.csv").rows.size(), 1U);
    EXPECT_TRUE(contains(message_of<DataError>([] { (void)parse_csv(" \n1\n", "blank.csv"); }),
                         "blank.csv, line 1: the header row names no column"));
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

TEST(Parties, PartiesOutsideTheRegisterAreCodedByTheirName) {
    // PP2755 is the Women's Equality Party's id; an id outside the register leaves the code to
    // the name, so a file with ids and one without agree.
    const Party with_id = classify_party("PP207", "Hornchurch Residents Association", "1");
    EXPECT_EQ(with_id.code, "HORNCHURCH-RESIDENTS-ASSOCIATION");
    EXPECT_EQ(with_id.name, "Hornchurch Residents Association");
    EXPECT_EQ(with_id.origin, PartyOrigin::named);
    EXPECT_EQ(classify_party("", "Hornchurch Residents Association", "1").code, with_id.code);
    EXPECT_EQ(classify_party("", "Chislehurst Matters", "1").code, "CHISLEHURST-MATTERS");
    EXPECT_EQ(classify_party("", "", "1").code, "UNNAMED");
    EXPECT_EQ(classify_party("PP6713", "", "1").code, "PP6713");  // an id and no name at all
}

TEST(Parties, AnIdOutsideTheRegisterIsNotReadIntoARegisterPartysName) {
    // Both stood in the 2018 Democracy Club file; neither is Labour.
    EXPECT_EQ(classify_party("PP73", "Socialist Labour Party", "1").code, "SOCIALIST-LABOUR-PARTY");
    EXPECT_EQ(classify_party("", "Socialist Labour Party", "1").code, "SOCIALIST-LABOUR-PARTY");
    EXPECT_EQ(classify_party("PP55", "SDLP (Social Democratic & Labour Party)", "2").code, "SDLP");
    EXPECT_EQ(classify_party("", "Alliance For Green Socialism", "2").code,
              "ALLIANCE-FOR-GREEN-SOCIALISM");
    EXPECT_EQ(classify_party("", "Christian Peoples Alliance", "2").code, "CPA");
    EXPECT_EQ(classify_party("", "Harlow Alliance Party", "2").code, "HARLOW-ALLIANCE-PARTY");
    EXPECT_EQ(classify_party("", "Lewisham People Before Profit", "2").code,
              "LEWISHAM-PEOPLE-BEFORE-PROFIT");
    EXPECT_EQ(classify_party("", "Labour Party", "3").code, "LAB");
}

TEST(Parties, TheRegisterKnowsTheSpellingsOfThePublishedFiles) {
    // Every spelling below is in the GLA's 2022 file, typing errors included, or in Democracy
    // Club's 2018 file.
    const std::vector<std::pair<std::string, std::string>> spellings{
        {"Conservative Party Candidate", "CON"},
        {"Local Conservatives", "CON"},
        {"The Conservative Candidate", "CON"},
        {"Coservative", "CON"},
        {"Conservatives", "CON"},
        {"Labour Party Candiate", "LAB"},
        {"Labour and Co - Operative Party", "LAB"},
        {"Labour & Co-op", "LAB"},
        {"The Labour Party Candidate", "LAB"},
        {"Liberal Deomcrat", "LD"},
        {"Liberal Domocrats", "LD"},
        {"Lib Dems", "LD"},
        {"Green Partry", "GRN"},
        {"Green Party Second Choice Candidate", "GRN"},
        {"The Green Party candidate", "GRN"},
        {"ReformUK - Changing Politics for Good", "REF"},
        {"ReformUK", "REF"},
        {"UK Independence Party (UKIP)", "UKIP"},
        {"Trade Unionist & Socialist Coalition", "TUSC"},
        {"TUSC", "TUSC"},
        {"Trade Union and Socialist Party", "TUSC"},
        {"Women`s Equality Party", "WEP"},
        {"Womens", "WEP"},
        {"Christians People Alliance", "CPA"},
        {"Monster Raving Loony Party", "MRLP"},
        {"Official Monster Raving Loony Party", "MRLP"},
        {"Democratic Unionist Party - D.U.P.", "DUP"},
        {"Sinn F\xC3\xA9in", "SF"},
        {"Sinn Fein", "SF"},
        {"Ulster Unionist Party", "UUP"},
        {"Alliance - Alliance Party of Northern Ireland", "APNI"},
        {"Scottish National Party (SNP)", "SNP"},
        {"Plaid Cymru - The Party of Wales", "PC"},
        {"The Liberal Party", "LIB"},
        {"Workers Party of Britain", "WPB"},
    };
    for (const auto& [name, code] : spellings) {
        EXPECT_EQ(classify_party("", name, "x").code, code) << name;
    }
    // House of Commons Library abbreviations.
    for (const auto& [abbreviation, code] :
         std::vector<std::pair<std::string, std::string>>{{"Con", "CON"},
                                                          {"Lab", "LAB"},
                                                          {"LD", "LD"},
                                                          {"Green", "GRN"},
                                                          {"BRX", "REF"},
                                                          {"RUK", "REF"},
                                                          {"SNP", "SNP"},
                                                          {"PC", "PC"},
                                                          {"SF", "SF"},
                                                          {"Spk", "SPK"}}) {
        EXPECT_EQ(classify_party("", abbreviation, "x").code, code) << abbreviation;
    }
    EXPECT_EQ(classify_party("ynmp-party:12522", "Speaker seeking re-election", "x").code, "SPK");
}

TEST(Parties, OnlyIndependentsAreIndependent) {
    EXPECT_EQ(classify_party("", "Indipendent", "Ann Lee").code, "IND-ann-lee");
    EXPECT_EQ(classify_party("", "Non-party independent", "Ann Lee").code, "IND-ann-lee");
    // Registered parties whose names start with the word.
    EXPECT_EQ(classify_party("", "Independent Network", "x").code, "INDEPENDENT-NETWORK");
    EXPECT_EQ(classify_party("PP1951", "Independent Network", "x").code, "INDEPENDENT-NETWORK");
    EXPECT_EQ(classify_party("", "UK Independence Party", "x").code, "UKIP");
}

TEST(Parties, PartyKeyDropsTheWordsThatVary) {
    EXPECT_EQ(party_key("The Plumstead Party"), "plumstead");
    EXPECT_EQ(party_key("Plumstead party"), "plumstead");
    EXPECT_EQ(party_key("Rainham Resident's Association"), "rainham residents association");
    EXPECT_EQ(party_key("Women`s Equality Party"), party_key("Women's Equality Party"));
}

PartyTable table(const std::string& label,
                 const std::vector<std::pair<std::string, std::string>>& parties) {
    PartyTable t;
    t.label = label;
    for (const auto& [code, name] : parties) {
        t.names[code] = name;
        t.spellings[code].insert(name);
    }
    return t;
}

const PartyIdentity* identity(const PartyUnification& u, const std::string& code) {
    for (const auto& party : u.parties) {
        if (party.code == code) return &party;
    }
    return nullptr;
}

TEST(Parties, UnifyGivesTheOldElectionsCodeToTheSameParty) {
    // Havering, 2018 (Democracy Club) and 2022 (GLA).
    const auto old =
        table("old", {{"CON", "Conservative"},
                      {"HAVERING-RESIDENTS-ASSOCIATION", "Havering Residents Association"},
                      {"UPMINSTER-AND-CRANHAM-RESIDENTS-ASSOCIATION",
                       "Upminster and Cranham Residents Association"},
                      {"THE-PLUMSTEAD-PARTY", "The Plumstead Party"},
                      {"RAINHAM-RESIDENTS-ASSOCIATION", "Rainham Resident's Association"},
                      {"IND-1", "Independent"}});
    const auto actual = table("actual", {{"CON", "Conservative"},
                                         {"HAVERING-RESIDENTS-ASSOCIATION-HAROLD-WOOD",
                                          "Havering Residents Association - Harold Wood"},
                                         {"HAVERING-RESIDENTS-ASSOCIATION-ST-EDWARDS",
                                          "Havering Residents Association - St Edward`s"},
                                         {"UPMINSTER-AND-CRANHAM-RESIDENTS-ASSOCIATION",
                                          "Upminster & Cranham Residents Association"},
                                         {"PLUMSTEAD-PARTY", "Plumstead Party"},
                                         {"RAINHAM-INDEPENDENT-RESIDENTS-ASSOCIATION-BEAM-PARK",
                                          "Rainham Independent Residents Association (Beam Park)"},
                                         {"ASPIRE", "Aspire"},
                                         {"IND-ann", "Independent"}});
    const auto u = unify_parties({old, actual}, {});
    const auto& renames = u.renames[1];
    EXPECT_TRUE(u.renames[0].empty());
    EXPECT_EQ(renames.at("HAVERING-RESIDENTS-ASSOCIATION-HAROLD-WOOD"),
              "HAVERING-RESIDENTS-ASSOCIATION");
    EXPECT_EQ(renames.at("HAVERING-RESIDENTS-ASSOCIATION-ST-EDWARDS"),
              "HAVERING-RESIDENTS-ASSOCIATION");
    EXPECT_EQ(renames.at("PLUMSTEAD-PARTY"), "THE-PLUMSTEAD-PARTY");
    EXPECT_FALSE(renames.count("UPMINSTER-AND-CRANHAM-RESIDENTS-ASSOCIATION"));  // same code
    EXPECT_FALSE(renames.count("ASPIRE"));
    EXPECT_EQ(renames.size(), 3U);
    // Rainham's two groups are not joined without an alias: the names differ.
    EXPECT_FALSE(renames.count("RAINHAM-INDEPENDENT-RESIDENTS-ASSOCIATION-BEAM-PARK"));
    const auto* havering = identity(u, "HAVERING-RESIDENTS-ASSOCIATION");
    ASSERT_NE(havering, nullptr);
    EXPECT_EQ(havering->stood, (std::vector<bool>{true, true}));
    EXPECT_TRUE(contains(havering->how, "branch")) << havering->how;
    EXPECT_EQ(havering->spellings[1].size(), 2U);
    EXPECT_EQ(identity(u, "CON")->how, "register");
    EXPECT_EQ(identity(u, "ASPIRE")->stood, (std::vector<bool>{false, true}));
    EXPECT_EQ(identity(u, "IND-1"), nullptr);  // independents are each their own

    const auto joined =
        unify_parties({old, actual},
                      {{"Rainham Resident's Association",
                        "Rainham Independent Residents Association (Beam Park)", "a.csv, line 2"}});
    EXPECT_EQ(joined.renames[1].at("RAINHAM-INDEPENDENT-RESIDENTS-ASSOCIATION-BEAM-PARK"),
              "RAINHAM-RESIDENTS-ASSOCIATION");
    EXPECT_TRUE(contains(identity(joined, "RAINHAM-RESIDENTS-ASSOCIATION")->how, "alias"));
}

TEST(Parties, AnAliasMustNameAPartyAndCannotJoinTwoOfTheRegister) {
    const auto old = table("old", {{"CON", "Conservative"}, {"LAB", "Labour"}});
    const auto actual = table("actual", {{"CON", "Conservative"}});
    EXPECT_TRUE(
        contains(message_of<DataError>([&] {
                     (void)unify_parties({old, actual}, {{"Atlantis", "CON", "a.csv, line 2"}});
                 }),
                 "a.csv, line 2: 'Atlantis' is no party of either election"));
    EXPECT_TRUE(
        contains(message_of<DataError>([&] {
                     (void)unify_parties({old, actual}, {{"Labour", "CON", "a.csv, line 3"}});
                 }),
                 "join two parties of the register"));
    // A code or a name of the register names its party.
    const auto u = unify_parties({old, actual}, {{"lab", "Labour", "a.csv, line 4"}});
    EXPECT_TRUE(u.renames[1].empty());
}

TEST(Parties, AliasesAreReadFromACsv) {
    TempDir dir;
    const auto path = dir.write("aliases.csv", "from,to\nOld Name,New Name\n,x\n");
    EXPECT_TRUE(contains(message_of<DataError>([&] { (void)read_party_aliases(path); }),
                         "aliases.csv, line 3: a party alias needs both"));
    dir.write("ok.csv", "from,to\n\"Old, Name\",New Name\n");
    const auto aliases = read_party_aliases(dir / "ok.csv");
    ASSERT_EQ(aliases.size(), 1U);
    EXPECT_EQ(aliases[0].from, "Old, Name");
    EXPECT_EQ(aliases[0].to, "New Name");
}

}  // namespace
}  // namespace notional::model
