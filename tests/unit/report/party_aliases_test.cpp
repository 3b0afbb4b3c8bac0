/// Unit tests of report/party_aliases: `from,to` rows read from a CSV.
#include <string>

#include <gtest/gtest.h>

#include "core/error.hpp"
#include "report/party_aliases.hpp"
#include "support.hpp"

namespace notional::report {
namespace {

using test::contains;
using test::message_of;
using test::TempDir;

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
}  // namespace notional::report
