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

    /// The temporary path to write `name` to; creates the directory when needed.
    [[nodiscard]] std::filesystem::path stage(const std::string& name);
    /// Writes `content` to the staged file `name`; throws IoError when it cannot.
    void write_text(const std::string& name, const std::string& content);
    /// Renames every staged file to its final name; returns the final paths.
    std::vector<std::filesystem::path> commit();

private:
    std::filesystem::path m_directory;
    std::vector<std::pair<std::filesystem::path, std::filesystem::path>> m_staged;  // temp, final
};

}  // namespace notional::model
