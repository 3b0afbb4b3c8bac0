/// Faults and hostile input on the demo: a full disk, a signal, a directory in the way, a
/// standard output that cannot be written, threads beyond reason. Each fails in one line with
/// the earlier outputs as they were, or succeeds whole; none crashes.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include "support.hpp"

namespace notional::test {
namespace {

TEST(Faults, AFullDiskFailsInOneLineAndLeavesTheEarlierRunAsItWas) {
    TempDir dir;
    const SmallDisk disk(dir / "disk", "48k");
    if (!disk.mounted()) GTEST_SKIP() << "cannot mount a small tmpfs here (needs root)";
    const auto out = dir / "disk" / "out";
    // The run without the comparison fits; with it, staged beside the first, it does not.
    ASSERT_EQ(run(demo_job(out)).exit_code, 0);
    const auto before = contents_of(out);
    const CommandResult full = run(demo_job(out, with_actual + " --overwrite"));
    EXPECT_EQ(full.exit_code, 1);
    EXPECT_TRUE(contains(full.err, "write failed: no space left on the device")) << full.err;
    EXPECT_EQ(std::count(full.err.begin(), full.err.end(), '\n'), 1) << full.err;
    EXPECT_EQ(contents_of(out), before);  // no staged file left, no earlier file changed
}

TEST(Faults, ADirectoryInTheWayOfAnOutputChangesNothing) {
    TempDir dir;
    const auto out = dir / "out";
    ASSERT_EQ(run(demo_job(out)).exit_code, 0);
    std::filesystem::remove(out / "notional.csv");
    std::filesystem::create_directory(out / "notional.csv");
    const auto files_before = files_in(out);
    const std::string crosswalk = read_text(out / "crosswalk.csv");
    const CommandResult result = run(demo_job(out, "--overwrite"));
    EXPECT_EQ(result.exit_code, 1);
    EXPECT_TRUE(contains(result.err, "notional.csv: is a directory, where an output file goes"))
        << result.err;
    EXPECT_EQ(files_in(out), files_before);
    EXPECT_EQ(read_text(out / "crosswalk.csv"), crosswalk);
}

TEST(Faults, ASignalWhileWritingLeavesNoStagedFile) {
    TempDir dir;
    const auto out = dir / "out";
    // What a whole run writes.
    ASSERT_EQ(run(demo_job(dir / "whole", with_actual)).exit_code, 0);
    const auto whole = files_in(dir / "whole");
    ASSERT_EQ(whole.size(), 11U);
    // Bromley-sized work would be better; the demo is quick, so the signal is sent at several
    // moments, and whichever it meets, no ".NAME.tmp-PID" file may stay.
    for (const int delay_ms : {5, 20, 40, 60, 80, 120}) {
        std::filesystem::remove_all(out);
        const pid_t child = ::fork();
        ASSERT_GE(child, 0);
        if (child == 0) {
            const std::string command = demo_job(out, with_actual) + " >/dev/null 2>/dev/null";
            ::execl("/bin/sh", "sh", "-c", ("exec " + command).c_str(), nullptr);
            ::_exit(127);
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(delay_ms));
        ::kill(child, SIGTERM);
        int status = 0;
        ASSERT_EQ(::waitpid(child, &status, 0), child);
        for (const auto& name : files_in(out)) {
            EXPECT_EQ(name.find(".tmp-"), std::string::npos) << name << " after " << delay_ms;
        }
        // Either it finished first, whole, or it left no output at all.
        const auto files = files_in(out);
        EXPECT_TRUE(files.empty() || files == whole) << files.size() << " files";
    }
}

TEST(Faults, ADanglingLinkAsTheOutputDirectoryIsSaidSo) {
    TempDir dir;
    std::filesystem::create_symlink(dir / "nowhere", dir / "out");
    const CommandResult result = run(demo_job(dir / "out"));
    EXPECT_EQ(result.exit_code, 1);
    EXPECT_TRUE(contains(result.err,
                         "is a link to " + (dir / "nowhere").string() + ", which does not exist"))
        << result.err;
}

TEST(Faults, ADirectoryGivenAsTheCrosswalkIsSaidSo) {
    TempDir dir;
    std::filesystem::create_directory(dir / "crosswalk.csv");
    const CommandResult result =
        run(demo_job(dir / "out", "--crosswalk " + (dir / "crosswalk.csv").string()));
    EXPECT_EQ(result.exit_code, 1);
    EXPECT_TRUE(contains(result.err, "crosswalk.csv: is a directory, not a CSV file"))
        << result.err;
}

TEST(Faults, ASummaryThatCannotBeWrittenIsAFailure) {
    TempDir dir;
    // /dev/full takes nothing: the outputs are written, the summary is not, and the run says so.
    const CommandResult result = run("(" + demo_job(dir / "out") + " >/dev/full)");
    EXPECT_EQ(result.exit_code, 1);
    EXPECT_TRUE(contains(result.err, "cannot write the summary to standard output")) << result.err;
}

TEST(Faults, ThreadsBeyondReasonGiveTheSameOutputs) {
    TempDir dir;
    ASSERT_EQ(run(demo_job(dir / "a", "--threads 1")).exit_code, 0);
    const CommandResult many = run(demo_job(dir / "b", "--threads 100000"));
    ASSERT_EQ(many.exit_code, 0) << many.err;
    auto a = contents_of(dir / "a");
    auto b = contents_of(dir / "b");
    // The manifests differ as the command lines do, --threads and -o.
    EXPECT_NE(a.extract("manifest.json").mapped(), b.extract("manifest.json").mapped());
    EXPECT_EQ(a, b);
#ifndef NOTIONAL_SANITIZED  // AddressSanitizer reserves more address space than the limit
    // Under a memory limit too small for the threads asked for: a clear failure, never an
    // abort.
    const CommandResult limited =
        run("ulimit -v 300000; " + demo_job(dir / "c", "--threads 100000"));
    EXPECT_TRUE(limited.exit_code == 0 || limited.exit_code == 1) << limited.exit_code;
    EXPECT_EQ(limited.err.find("terminate"), std::string::npos) << limited.err;
#endif
}

}  // namespace
}  // namespace notional::test
