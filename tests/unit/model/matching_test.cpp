/// Unit tests of model/matching: the old election's wards matched to the layer's polygons.
#include <string>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

#include "core/error.hpp"
#include "model/matching.hpp"
#include "model/results.hpp"
#include "support.hpp"

namespace notional::model {
namespace {

using test::contains;
using test::message_of;

// --- match_wards ------------------------------------------------------------------------------

Election election_of(const std::vector<std::pair<std::string, std::string>>& code_and_name) {
    Election election;
    election.path = "results.csv";
    std::size_t row = 0;
    for (const auto& [code, name] : code_and_name) {
        WardResult ward;
        ward.code = code;
        ward.name = name;
        ward.line = row + 2;
        row += 3;
        election.wards.push_back(ward);
    }
    return election;
}

TEST(MatchWards, ByCodeThenByName) {
    const Election election = election_of({
        {"E05000106", "Old Name Of Bromley Town"},  // the code wins over the name
        {"", "St. Mary's & St. Nicholas"},
        {"E09999999", "Bickley"},  // an unknown code falls back to the name
    });
    const std::vector<std::string> codes{"E05000105", "E05000106", "E05000130"};
    const std::vector<std::string> names{"Bickley", "Bromley Town", "St Marys and St Nicholas"};
    std::vector<std::string> other_code;
    EXPECT_EQ(match_wards(election, {codes, names, "old.gpkg"}, {}, nullptr, &other_code),
              (std::vector<std::size_t>{1, 2, 0}));
    // Matched by name, a ward whose code the layer gives otherwise is said so; one without a
    // code is not.
    EXPECT_EQ(other_code, std::vector<std::string>{"'Bickley' (E09999999) as E05000105"});
}

TEST(MatchWards, EveryUnmatchedWardIsListedInOneError) {
    const Election election = election_of({
        {"", "Bickley"},
        {"", "Atlantis"},
        {"E05000999", "Lyonesse"},
    });
    const std::vector<std::string> codes{"E05000105"};
    const std::vector<std::string> names{"Bickley"};
    const std::string message = message_of<DataError>([&] {
        (void)match_wards(election, {codes, names, "old.gpkg"});
    });
    EXPECT_TRUE(contains(message, "2 of 3 wards")) << message;
    EXPECT_TRUE(contains(message, "'Atlantis' (line 5)")) << message;
    EXPECT_TRUE(contains(message, "'Lyonesse' (E05000999) (line 8)")) << message;
    EXPECT_TRUE(contains(message, "old.gpkg")) << message;
    EXPECT_FALSE(contains(message, "Bickley")) << message;
}

TEST(MatchWards, ANameTwoPolygonsShareMatchesNeither) {
    const Election election = election_of({{"", "Farnborough"}});
    const std::vector<std::string> codes{"E05000001", "E05000002"};
    const std::vector<std::string> names{"Farnborough", "farnborough"};
    const std::string message = message_of<DataError>([&] {
        (void)match_wards(election, {codes, names, "old.gpkg"});
    });
    EXPECT_TRUE(contains(message, "'Farnborough' has no code and its name belongs to 2 polygons"))
        << message;
}

TEST(MatchWards, TwoWardsClaimingOnePolygonIsADataError) {
    const Election election = election_of({
        {"E05000105", "Bickley"},
        {"", "bickley"},
    });
    const std::vector<std::string> codes{"E05000105", "E05000106"};
    const std::vector<std::string> names{"Bickley", "Bromley Town"};
    const std::string message = message_of<DataError>([&] {
        (void)match_wards(election, {codes, names, "old.gpkg"});
    });
    EXPECT_TRUE(contains(message, "'Bickley' (E05000105)")) << message;
    EXPECT_TRUE(contains(message, "'bickley'")) << message;
    EXPECT_TRUE(contains(message, "same polygon")) << message;
}

}  // namespace
}  // namespace notional::model
