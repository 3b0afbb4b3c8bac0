/// core/parallel.hpp: work shared between threads comes back the same whatever the timing.
#include "core/parallel.hpp"

#include <atomic>
#include <stdexcept>
#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace notional {
namespace {

TEST(Parallel, RangesCoverEveryItemOnceInOrder) {
    std::vector<int> seen(10, 0);
    for (std::size_t t = 0; t < 3; ++t) {
        const Range range = range_of(t, 3, 10);
        for (std::size_t i = range.begin; i < range.end; ++i) ++seen[i];
    }
    EXPECT_EQ(seen, std::vector<int>(10, 1));
    EXPECT_EQ(range_of(0, 3, 10).end, 3U);  // 10 * 1 / 3
    EXPECT_EQ(range_of(2, 3, 10).begin, 6U);
}

TEST(Parallel, EveryIndexIsDoneOnceAndTheLowestFailureIsTheOneThrown) {
    for (int run = 0; run < 20; ++run) {
        std::vector<std::atomic<int>> done(1000);
        try {
            for_each_index(done.size(), 4, [&](std::size_t /*worker*/, std::size_t i) {
                if (i == 611 || i == 900) throw std::runtime_error("item " + std::to_string(i));
                ++done[i];
            });
            FAIL() << "no error came back";
        } catch (const std::runtime_error& error) {
            EXPECT_STREQ(error.what(), "item 611");
        }
        for (std::size_t i = 0; i < 611; ++i) ASSERT_EQ(done[i].load(), 1) << i;
    }
    std::vector<std::atomic<int>> done(100);
    for_each_index(done.size(), 3, [&](std::size_t worker, std::size_t i) {
        EXPECT_LT(worker, 3U);
        ++done[i];
    });
    for (const auto& count : done) EXPECT_EQ(count.load(), 1);
}

TEST(Parallel, TheLowestShareFailingIsTheOneThrown) {
    try {
        run_shares(4, [](std::size_t t) {
            if (t >= 2) throw std::runtime_error("share " + std::to_string(t));
        });
        FAIL() << "no error came back";
    } catch (const std::runtime_error& error) {
        EXPECT_STREQ(error.what(), "share 2");
    }
}

TEST(Parallel, ChunksMadeByThreadsAreTakenInOrderWithinTheirWindow) {
    for (const std::size_t workers : {1U, 3U}) {
        constexpr std::size_t ahead = 2;
        std::atomic<std::size_t> taken{0};
        std::atomic<bool> beyond_window{false};
        std::string all;
        make_in_order(
            100, workers, ahead,
            [&](std::size_t, std::size_t chunk, std::string& text) {
                if (chunk >= taken + ahead) beyond_window = true;
                text = std::to_string(chunk) + ",";
            },
            [&](const std::string& text) {
                all += text;
                ++taken;
            });
        std::string expected;
        for (int chunk = 0; chunk < 100; ++chunk) expected += std::to_string(chunk) + ",";
        EXPECT_EQ(all, expected) << workers << " workers";
        EXPECT_FALSE(beyond_window) << workers << " workers";
    }
}

TEST(Parallel, TheFirstChunkInOrderThatFailsIsTheOneThrownAndNothingAfterItIsTaken) {
    std::vector<std::string> taken;
    try {
        make_in_order(
            40, 3, 8,
            [](std::size_t, std::size_t chunk, std::string& text) {
                if (chunk == 7 || chunk == 3)
                    throw std::runtime_error("chunk " + std::to_string(chunk));
                text = std::to_string(chunk);
            },
            [&](const std::string& text) { taken.push_back(text); });
        FAIL() << "no error came back";
    } catch (const std::runtime_error& error) {
        EXPECT_STREQ(error.what(), "chunk 3");
    }
    EXPECT_EQ(taken, (std::vector<std::string>{"0", "1", "2"}));
}

}  // namespace
}  // namespace notional
