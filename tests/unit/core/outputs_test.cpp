/// Unit tests of core/outputs: output files staged under temporary names and committed together.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "core/error.hpp"
#include "core/outputs.hpp"
#include "support.hpp"

namespace notional {
namespace {

using test::contains;
using test::files_in;
using test::message_of;
using test::read_text;
using test::TempDir;

// --- staged outputs ---------------------------------------------------------------------------

TEST(StagedOutputs, NothingUnderTheFinalNamesBeforeCommit) {
    TempDir dir;
    const auto out = dir.path() / "out" / "nested";  // created when needed
    StagedOutputs outputs(out);
    outputs.write_text("votes.csv", "a,b\n1,2\n");
    outputs.write_text("seats.csv", "seats\n");
    EXPECT_FALSE(std::filesystem::exists(out / "votes.csv"));
    EXPECT_FALSE(std::filesystem::exists(out / "seats.csv"));
    EXPECT_TRUE(std::filesystem::exists(staging_name(out / "seats.csv", ::getpid())));
    EXPECT_EQ(files_in(out).size(), 2u);  // the two temporary files

    const auto written = outputs.commit();
    EXPECT_EQ(written, (std::vector<std::filesystem::path>{out / "votes.csv", out / "seats.csv"}));
    EXPECT_EQ(read_text(out / "votes.csv"), "a,b\n1,2\n");
    EXPECT_EQ(read_text(out / "seats.csv"), "seats\n");
    EXPECT_EQ(files_in(out), (std::vector<std::string>{"seats.csv", "votes.csv"}));
}

TEST(StagedOutputs, CommittedFilesSurviveTheObject) {
    TempDir dir;
    {
        StagedOutputs outputs(dir.path());
        outputs.write_text("a.csv", "x\n");
        (void)outputs.commit();
    }
    EXPECT_EQ(read_text(dir.path() / "a.csv"), "x\n");
}

TEST(StagedOutputs, TextMadePieceByPieceIsWrittenAsOneFileInItsOrder) {
    TempDir dir;
    StagedOutputs outputs(dir.path());
    outputs.write_text("map.geojson", [](const TextSink& sink) {
        for (const char* piece : {"{\n", "", "a,\n", "b\n", "}\n"}) sink(piece);
    });
    outputs.write_text("none.csv", [](const TextSink&) {});
    (void)outputs.commit();
    EXPECT_EQ(read_text(dir.path() / "map.geojson"), "{\na,\nb\n}\n");
    EXPECT_EQ(read_text(dir.path() / "none.csv"), "");
}

TEST(StagedOutputs, AnErrorMakingTheTextLeavesNothingOfTheFile) {
    TempDir dir;
    {
        StagedOutputs outputs(dir.path());
        outputs.write_text("kept.csv", "k\n");
        EXPECT_EQ(message_of<DataError>([&] {
                      outputs.write_text("map.geojson", [](const TextSink& sink) {
                          sink("{\n");
                          throw DataError("ward E05000001: no shape");
                      });
                  }),
                  "ward E05000001: no shape");
        EXPECT_EQ(files_in(dir.path()).size(), 2U);  // both staged, nothing under final names
    }
    EXPECT_TRUE(files_in(dir.path()).empty());
}

TEST(StagedOutputs, WithoutCommitNothingIsLeft) {
    TempDir dir;
    const auto out = dir.path() / "out";
    {
        StagedOutputs outputs(out);
        outputs.write_text("votes.csv", "a\n");
        outputs.write_text("seats.csv", "s\n");
        ASSERT_EQ(files_in(out).size(), 2u);
    }
    EXPECT_TRUE(files_in(out).empty());
}

TEST(StagedOutputs, CommitReplacesAnOlderFile) {
    TempDir dir;
    const auto old_file = dir.write("votes.csv", "old\n");
    StagedOutputs outputs(dir.path());
    outputs.write_text("votes.csv", "new\n");
    EXPECT_EQ(read_text(old_file), "old\n");  // untouched until commit
    (void)outputs.commit();
    EXPECT_EQ(read_text(old_file), "new\n");
    EXPECT_EQ(files_in(dir.path()), (std::vector<std::string>{"votes.csv"}));  // nothing set aside
}

TEST(StagedOutputs, AFailedCommitLeavesTheEarlierSetAsItWas) {
    TempDir dir;
    dir.write("a.csv", "old a\n");
    dir.write("c.csv", "old c\n");
    // A directory in the way of the second file: nothing is moved at all.
    std::filesystem::create_directory(dir.path() / "b.csv");
    {
        StagedOutputs outputs(dir.path());
        outputs.write_text("a.csv", "new a\n");
        outputs.write_text("b.csv", "new b\n");
        outputs.write_text("c.csv", "new c\n");
        const std::string message = message_of<IoError>([&] { (void)outputs.commit(); });
        EXPECT_TRUE(contains(message, "b.csv: is a directory, where an output file goes"))
            << message;
    }
    EXPECT_EQ(read_text(dir.path() / "a.csv"), "old a\n");
    EXPECT_EQ(read_text(dir.path() / "c.csv"), "old c\n");
    EXPECT_EQ(files_in(dir.path()), (std::vector<std::string>{"a.csv", "b.csv", "c.csv"}));
    // A rename that fails part way (the third file's directory is gone by then): the first two
    // are put back.
    const auto elsewhere = dir.path() / "elsewhere";
    std::filesystem::create_directory(elsewhere);
    std::filesystem::remove(dir.path() / "b.csv");
    dir.write("b.csv", "old b\n");
    {
        StagedOutputs outputs(dir.path());
        outputs.write_text("a.csv", "new a\n");
        outputs.write_text("b.csv", "new b\n");
        outputs.write_file(elsewhere / "d.csv", "new d\n");
        std::filesystem::remove_all(elsewhere);  // its temporary file goes with it
        (void)message_of<IoError>([&] { (void)outputs.commit(); });
    }
    EXPECT_EQ(read_text(dir.path() / "a.csv"), "old a\n");
    EXPECT_EQ(read_text(dir.path() / "b.csv"), "old b\n");
    EXPECT_EQ(files_in(dir.path()), (std::vector<std::string>{"a.csv", "b.csv", "c.csv"}));
}

TEST(StagedOutputs, ASignalRemovesTheTemporaryFiles) {
    TempDir dir;
    const pid_t child = ::fork();
    ASSERT_GE(child, 0);
    if (child == 0) {
        StagedOutputs outputs(dir.path());
        outputs.write_text("a.csv", "a\n");
        outputs.write_text("b.csv", "b\n");
        ::raise(SIGTERM);  // as a user's kill would, while the outputs are being written
        ::_exit(3);        // not reached
    }
    int status = 0;
    ASSERT_EQ(::waitpid(child, &status, 0), child);
    ASSERT_TRUE(WIFSIGNALED(status));  // the default action still ends the process
    EXPECT_EQ(WTERMSIG(status), SIGTERM);
    EXPECT_TRUE(files_in(dir.path()).empty());
}

TEST(StagedOutputs, TheNextRunSweepsWhatAKilledRunLeft) {
    TempDir dir;
    // PID 2^22 + 1 is above Linux's largest: no such process. A temporary file of it goes; a
    // file it set aside while committing comes back where its new one never arrived.
    const long dead = 4194305;
    dir.write(staging_name(dir.path() / "notional.csv", dead).filename().string(), "half\n");
    dir.write(staging_name(dir.path() / "ledger.csv", dead, "bak").filename().string(), "old\n");
    dir.write("notes.txt", "mine\n");
    StagedOutputs outputs(dir.path());
    outputs.claim({"notional.csv"}, false);
    EXPECT_EQ(files_in(dir.path()), (std::vector<std::string>{"ledger.csv", "notes.txt"}));
    EXPECT_EQ(read_text(dir.path() / "ledger.csv"), "old\n");
}

TEST(StagedOutputs, AFullDiskIsAnErrorNamingTheFile) {
    TempDir dir;
    const auto small = dir / "small";
    const test::SmallDisk disk(small, "64k");
    if (!disk.mounted()) {
        GTEST_SKIP() << "cannot mount a small tmpfs here (needs root); skipping the full disk";
    }
    std::string message;
    {
        StagedOutputs outputs(small);
        message = message_of<IoError>(
            [&] { outputs.write_text("big.csv", std::string(200 * 1024, 'x')); });
        // Text made piece by piece: the piece that fills the disk is named by its file too.
        EXPECT_TRUE(contains(message_of<IoError>([&] {
                                 outputs.write_text("parts.csv", [](const TextSink& sink) {
                                     sink("head\n");
                                     sink(std::string(200 * 1024, 'y'));
                                 });
                             }),
                             (small / "parts.csv").string() + ": write failed: no space left"));
    }
    EXPECT_TRUE(contains(message, (small / "big.csv").string() + ": write failed: no space left "
                                                                 "on the device"))
        << message;
    EXPECT_TRUE(files_in(small).empty());  // the half-written temporary file is gone
}

}  // namespace
}  // namespace notional
