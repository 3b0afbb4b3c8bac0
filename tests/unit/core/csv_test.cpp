/// Unit tests of core/csv: reading and writing RFC 4180 CSV.
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "core/csv.hpp"
#include "core/error.hpp"
#include "support.hpp"

namespace notional {
namespace {

using test::contains;
using test::message_of;
using test::TempDir;

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

}  // namespace
}  // namespace notional
