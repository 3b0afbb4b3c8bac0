#pragma once
/// Helpers for the model tests: a temporary directory and the message of an expected exception.
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>

#include <gtest/gtest.h>

namespace notional::test {

/// The message of the `E` that `f` throws; a test failure when it throws nothing or another type.
template <typename E, typename F>
std::string message_of(F&& f) {
    try {
        f();
    } catch (const E& error) {
        return error.what();
    } catch (const std::exception& error) {
        ADD_FAILURE() << "threw the wrong type: " << error.what();
        return {};
    }
    ADD_FAILURE() << "threw nothing";
    return {};
}

/// A fresh, uniquely named temporary directory for one test, removed when the test ends.

class TempDir {
public:
    TempDir() {
        static std::atomic<int> counter{0};
        const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
        const std::string test =
            info ? std::string(info->test_suite_name()) + "." + info->name() : std::string("none");
        m_path = std::filesystem::temp_directory_path() /
                 ("notional-test-" + std::to_string(static_cast<long>(::getpid())) + "-" +
                  std::to_string(counter++) + "-" + test);
        std::filesystem::remove_all(m_path);
        std::filesystem::create_directories(m_path);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    ~TempDir() {
        std::error_code ignored;
        std::filesystem::remove_all(m_path, ignored);
    }

    [[nodiscard]] const std::filesystem::path& path() const { return m_path; }

    /// Writes `content` byte for byte to `name` inside the directory and returns its path.
    std::filesystem::path write(const std::string& name, const std::string& content) const {
        const auto file = m_path / name;
        std::ofstream out(file, std::ios::binary | std::ios::trunc);
        out << content;
        out.close();
        EXPECT_TRUE(out.good()) << "cannot write " << file;
        return file;
    }

private:
    std::filesystem::path m_path;
};

}  // namespace notional::test
