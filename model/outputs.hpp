#pragma once
/// Output files written under temporary names and renamed together at the end, so a failed
/// run leaves no half-written output.
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

namespace notional::model {

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
    void claim(const std::vector<std::string>& ours, bool overwrite);

    /// The temporary path to write `name` to; creates the directory when needed.
    [[nodiscard]] std::filesystem::path stage(const std::string& name);
    /// Writes `content` to the staged file `name`; throws IoError when it cannot.
    void write_text(const std::string& name, const std::string& content);
    /// Renames every staged file to its final name; returns the final paths.
    std::vector<std::filesystem::path> commit();

private:
    std::filesystem::path m_directory;
    std::vector<std::pair<std::filesystem::path, std::filesystem::path>> m_staged;  // temp, final
    std::vector<std::string> m_stale;  // earlier runs' outputs to remove unless written again
};

}  // namespace notional::model
