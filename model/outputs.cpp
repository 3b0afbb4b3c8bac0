#include "model/outputs.hpp"

#include <unistd.h>
#include <algorithm>
#include <fstream>
#include <system_error>

#include "model/error.hpp"

namespace notional::model {

StagedOutputs::StagedOutputs(std::filesystem::path directory) : m_directory(std::move(directory)) {}

StagedOutputs::~StagedOutputs() {
    for (const auto& [temporary, final_path] : m_staged) {
        std::error_code ignored;
        std::filesystem::remove(temporary, ignored);
    }
}

void StagedOutputs::claim(const std::vector<std::string>& ours, bool overwrite) {
    std::vector<std::string> found;
    for (const auto& name : ours) {
        std::error_code error;
        if (std::filesystem::exists(m_directory / name, error)) found.push_back(name);
    }
    if (found.empty()) return;
    if (!overwrite) {
        std::string names;
        for (const auto& name : found) names += (names.empty() ? "" : ", ") + name;
        throw UsageError(m_directory.string() + " holds an earlier run's outputs (" + names +
                         "); give --overwrite to replace them, or another -o");
    }
    m_stale = found;
}

std::filesystem::path StagedOutputs::stage(const std::string& name) {
    std::error_code error;
    std::filesystem::create_directories(m_directory, error);
    if (error) {
        throw IoError(m_directory.string() +
                      ": cannot create the output directory: " + error.message());
    }
    const auto final_path = m_directory / name;
    const auto temporary =
        m_directory / ("." + name + ".tmp-" + std::to_string(static_cast<long>(::getpid())));
    m_staged.emplace_back(temporary, final_path);
    return temporary;
}

void StagedOutputs::write_text(const std::string& name, const std::string& content) {
    const auto path = stage(name);
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << content;
    out.close();
    if (!out) throw IoError((m_directory / name).string() + ": write failed");
}

std::vector<std::filesystem::path> StagedOutputs::commit() {
    std::vector<std::filesystem::path> written;
    for (const auto& [temporary, final_path] : m_staged) {
        std::error_code error;
        std::filesystem::rename(temporary, final_path, error);
        if (error)
            throw IoError(final_path.string() + ": cannot rename into place: " + error.message());
        written.push_back(final_path);
    }
    m_staged.clear();
    for (const auto& name : m_stale) {
        const auto path = m_directory / name;
        if (std::find(written.begin(), written.end(), path) != written.end()) continue;
        std::error_code error;
        std::filesystem::remove(path, error);
        if (error)
            throw IoError(path.string() +
                          ": cannot remove an earlier run's output: " + error.message());
    }
    m_stale.clear();
    return written;
}

}  // namespace notional::model
