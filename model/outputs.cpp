#include "model/outputs.hpp"

#include <unistd.h>
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
    return written;
}

}  // namespace notional::model
