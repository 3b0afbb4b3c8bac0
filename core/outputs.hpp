#pragma once
/// Output files written under temporary names and renamed together at the end: the outputs are
/// all written or none are. A failure part way through the renames puts the earlier files back;
/// a signal (SIGTERM, SIGINT, SIGHUP) removes the temporary files; a run killed outright leaves
/// them for the next run into the directory to sweep away.
#include <filesystem>
#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/text.hpp"

namespace notional {

class StagedOutputs {
public:
    explicit StagedOutputs(std::filesystem::path directory);
    StagedOutputs(const StagedOutputs&) = delete;
    StagedOutputs& operator=(const StagedOutputs&) = delete;
    /// Removes every staged file that was not committed.
    ~StagedOutputs();

    /// Claims the directory for a run that writes some of `ours`: a directory holding any of
    /// them already is refused (UsageError) unless `overwrite`, with which commit() also removes
    /// those of them this run did not write, so no earlier run's file is left beside the new.
    /// Sweeps the temporary files of runs that were killed.
    void claim(const std::vector<std::string>& ours, bool overwrite);

    /// Writes `content` to a temporary file for `name` in the directory, checking every write
    /// and syncing it to disk; throws IoError (naming the file) when it cannot.
    void write_text(const std::string& name, std::string_view content);
    /// The same for text made piece by piece: `produce` hands each piece to the sink it is
    /// given, and the piece is written at once, so the whole text is never held. An error from
    /// `produce` leaves nothing of the file.
    void write_text(const std::string& name, const std::function<void(const TextSink&)>& produce);
    /// The same for a file elsewhere (a saved crosswalk), committed with the rest.
    void write_file(const std::filesystem::path& path, std::string_view content);
    /// The final paths of the files staged so far, in the order staged.
    [[nodiscard]] std::vector<std::filesystem::path> staged() const;
    /// Renames every staged file to its final name, the files they replace kept aside until all
    /// are in place, and put back if a rename fails; returns the final paths.
    std::vector<std::filesystem::path> commit();

private:
    void write_produced(const std::filesystem::path& path,
                        const std::function<void(const TextSink&)>& produce);

    std::filesystem::path m_directory;
    std::vector<std::pair<std::filesystem::path, std::filesystem::path>> m_staged;  // temp, final
    std::vector<std::string> m_stale;  // earlier runs' outputs to remove unless written again
};

/// The temporary name of `final_path` for the process `pid`: ".NAME.tmp-PID" beside it.
[[nodiscard]] std::filesystem::path staging_name(const std::filesystem::path& final_path, long pid,
                                                 const char* kind = "tmp");

}  // namespace notional
