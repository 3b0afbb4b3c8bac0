/// Unit tests of core/json (the JSON writer) and of the streamed file digest of core/sha256.
#include <limits>
#include <string>

#include <gtest/gtest.h>

#include "core/error.hpp"
#include "core/json.hpp"
#include "core/sha256.hpp"
#include "support.hpp"

namespace notional {
namespace {

TEST(JsonQuoted, EscapesQuotesBackslashesAndControlCharactersOnly) {
    EXPECT_EQ(json_quoted("plain"), "\"plain\"");
    EXPECT_EQ(json_quoted("say \"hi\"\\"), R"("say \"hi\"\\")");
    EXPECT_EQ(json_quoted("a\nb\tc\rd\be\ff"), R"("a\nb\tc\rd\be\ff")");
    EXPECT_EQ(json_quoted(std::string("\x01\x1f", 2)), R"("\u0001\u001f")");
    EXPECT_EQ(json_quoted(std::string(1, '\0')), R"("\u0000")");
    // UTF-8 passes as it is; '/' needs no escape.
    EXPECT_EQ(json_quoted("Ynys Môn/Ceredigion"), "\"Ynys Môn/Ceredigion\"");
}

TEST(JsonWriter, WritesNestedValuesIndentedInTheOrderGiven) {
    JsonWriter json;
    json.begin_object()
        .member("tool", "notional")
        .member("count", 3)
        .member("share", 0.1)
        .member("ok", true)
        .key("none")
        .null()
        .key("list")
        .strings({"a", "b"})
        .key("empty")
        .begin_array()
        .end_array()
        .key("inner")
        .begin_object()
        .end_object()
        .end_object();
    EXPECT_EQ(json.text(), R"({
  "tool": "notional",
  "count": 3,
  "share": 0.1,
  "ok": true,
  "none": null,
  "list": [
    "a",
    "b"
  ],
  "empty": [],
  "inner": {}
}
)");
}

TEST(JsonWriter, NumbersAreShortestRoundTripAndNonFiniteIsNull) {
    auto one = [](double number) {
        JsonWriter json;
        json.begin_array().value(number).end_array();
        return json.text();
    };
    EXPECT_EQ(one(0.1 + 0.2), "[\n  0.30000000000000004\n]\n");
    EXPECT_EQ(one(33922.0), "[\n  33922\n]\n");
    EXPECT_EQ(one(1e-9), "[\n  1e-09\n]\n");
    EXPECT_EQ(one(std::numeric_limits<double>::quiet_NaN()), "[\n  null\n]\n");
    EXPECT_EQ(one(std::numeric_limits<double>::infinity()), "[\n  null\n]\n");
}

TEST(JsonWriter, RefusesTextLeftOpen) {
    JsonWriter json;
    json.begin_object().key("a");
    EXPECT_THROW((void)json.text(), Error);
}

TEST(Sha256File, StreamsTheFileAndGivesItsSize) {
    test::TempDir dir;
    // More than one chunk of 1 MiB, so the chunks join.
    const std::string bytes(3U << 20U, 'x');
    const auto path = dir.write("big.bin", bytes + "tail");
    std::uintmax_t size = 0;
    EXPECT_EQ(sha256_file(path, size), sha256_hex(bytes + "tail"));
    EXPECT_EQ(size, bytes.size() + 4);
    // The SHA-256 of nothing, as every implementation gives it.
    const auto empty = dir.write("empty", "");
    EXPECT_EQ(sha256_file(empty, size),
              "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    EXPECT_EQ(size, 0U);
    EXPECT_THROW((void)sha256_file(dir / "absent", size), IoError);
}

}  // namespace
}  // namespace notional
