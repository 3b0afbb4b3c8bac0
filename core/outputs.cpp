#include "core/outputs.hpp"

#include <fcntl.h>
#include <signal.h>  // NOLINT(modernize-deprecated-headers): POSIX sigaction, sigprocmask
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <optional>
#include <system_error>
#include <utility>

#include "core/error.hpp"

namespace notional {

namespace {

// The temporary files of this process, for the signal handler to remove. Changed only with
// the signals blocked, so the handler never sees it half-changed.
std::vector<std::string>& pending() {
    static std::vector<std::string> paths;
    return paths;
}

constexpr int cleanup_signals[] = {SIGTERM, SIGINT, SIGHUP};

extern "C" void remove_pending(int signal_number) {
    for (const auto& path : pending()) ::unlink(path.c_str());
    ::signal(signal_number, SIG_DFL);
    ::raise(signal_number);
}

/// Runs `change` on the pending list with the cleanup signals blocked; installs the handler the
/// first time.
template <typename F>
void with_pending(F&& change) {
    static const bool installed = [] {
        for (const int s : cleanup_signals) {
            struct sigaction action {};
            action.sa_handler = remove_pending;
            sigemptyset(&action.sa_mask);
            ::sigaction(s, &action, nullptr);
        }
        return true;
    }();
    (void)installed;
    sigset_t block;
    sigset_t previous;
    sigemptyset(&block);
    for (const int s : cleanup_signals) sigaddset(&block, s);
    ::sigprocmask(SIG_BLOCK, &block, &previous);
    change(pending());
    ::sigprocmask(SIG_SETMASK, &previous, nullptr);
}

void forget(const std::filesystem::path& path) {
    with_pending([&](std::vector<std::string>& paths) { std::erase(paths, path.string()); });
}

std::string cause(int error_number) {
    return error_number == ENOSPC ? "no space left on the device" : std::strerror(error_number);
}

/// Writes what `produce` hands its sink to `file`, piece after piece, every byte checked, synced
/// to disk; errors name it `shown`.
void write_synced(const std::filesystem::path& file,
                  const std::function<void(const TextSink&)>& produce,
                  const std::filesystem::path& shown) {
    int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) throw IoError(shown.string() + ": cannot write: " + cause(errno));
    struct Closer {
        int& fd;
        ~Closer() {
            if (fd >= 0) ::close(fd);  // on an error: the staged file goes with the rest
        }
    } closer{fd};
    auto failed = [&](int error_number) {
        return IoError(shown.string() + ": write failed: " + cause(error_number));
    };
    produce([&](std::string_view content) {
        std::size_t done = 0;
        while (done < content.size()) {
            const ssize_t n = ::write(fd, content.data() + done, content.size() - done);
            if (n < 0 && errno == EINTR) continue;
            if (n <= 0) throw failed(n < 0 ? errno : ENOSPC);
            done += static_cast<std::size_t>(n);
        }
    });
    if (::fsync(fd) != 0) throw failed(errno);
    const int closing = std::exchange(fd, -1);
    if (::close(closing) != 0) throw failed(errno);
}

void sync_directory(const std::filesystem::path& directory) {
    const int fd = ::open(directory.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) return;
    ::fsync(fd);  // best effort: some filesystems refuse to sync a directory
    ::close(fd);
}

bool alive(long pid) {
    return pid == static_cast<long>(::getpid()) || ::kill(static_cast<pid_t>(pid), 0) == 0 ||
           errno != ESRCH;
}

/// ".NAME.KIND-PID" -> (NAME, KIND, PID), for what earlier runs left.
std::optional<std::tuple<std::string, std::string, long>> parse_staging(const std::string& file) {
    if (file.size() < 3 || file.front() != '.') return std::nullopt;
    for (const std::string kind : {"tmp", "bak"}) {
        const auto at = file.rfind("." + kind + "-");
        if (at == std::string::npos || at < 2) continue;
        const std::string digits = file.substr(at + kind.size() + 2);
        if (digits.empty() || digits.find_first_not_of("0123456789") != std::string::npos) {
            continue;
        }
        return std::tuple{file.substr(1, at - 1), kind, std::stol(digits)};
    }
    return std::nullopt;
}

}  // namespace

std::filesystem::path staging_name(const std::filesystem::path& final_path, long pid,
                                   const char* kind) {
    return final_path.parent_path() /
           ("." + final_path.filename().string() + "." + kind + "-" + std::to_string(pid));
}

StagedOutputs::StagedOutputs(std::filesystem::path directory) : m_directory(std::move(directory)) {}

StagedOutputs::~StagedOutputs() {
    for (const auto& [temporary, final_path] : m_staged) {
        std::error_code ignored;
        std::filesystem::remove(temporary, ignored);
        forget(temporary);
    }
}

void StagedOutputs::claim(const std::vector<std::string>& ours, bool overwrite) {
    std::error_code error;
    if (std::filesystem::is_directory(m_directory, error)) {
        // What a run that was killed outright left: its temporary files go; a file it had set
        // aside while committing comes back where the new one never arrived.
        for (const auto& entry : std::filesystem::directory_iterator(m_directory, error)) {
            const auto parsed = parse_staging(entry.path().filename().string());
            if (!parsed || alive(std::get<2>(*parsed))) continue;
            const auto& [name, kind, pid] = *parsed;
            std::error_code ignored;
            const auto final_path = m_directory / name;
            if (kind == "bak" && !std::filesystem::exists(final_path, ignored)) {
                std::filesystem::rename(entry.path(), final_path, ignored);
            } else {
                std::filesystem::remove(entry.path(), ignored);
            }
        }
    }
    std::vector<std::string> found;
    for (const auto& name : ours) {
        if (std::filesystem::exists(m_directory / name, error)) found.push_back(name);
    }
    if (found.empty()) return;
    if (!overwrite) {
        std::string names;
        for (const auto& name : found) names += (names.empty() ? "" : ", ") + name;
        throw UsageError(m_directory.string() + " holds an earlier run's outputs (" + names +
                             "); replace them, or write elsewhere",
                         {Setting::overwrite, Setting::output});
    }
    m_stale = found;
}

void StagedOutputs::write_text(const std::string& name, std::string_view content) {
    write_file(m_directory / name, content);
}

void StagedOutputs::write_text(const std::string& name,
                               const std::function<void(const TextSink&)>& produce) {
    write_produced(m_directory / name, produce);
}

void StagedOutputs::write_file(const std::filesystem::path& path, std::string_view content) {
    write_produced(path, [content](const TextSink& sink) { sink(content); });
}

void StagedOutputs::write_produced(const std::filesystem::path& path,
                                   const std::function<void(const TextSink&)>& produce) {
    const auto directory =
        path.parent_path().empty() ? std::filesystem::path(".") : path.parent_path();
    std::error_code error;
    std::filesystem::create_directories(directory, error);
    if (error) {
        std::error_code ignored;
        if (std::filesystem::is_symlink(directory, ignored) &&
            !std::filesystem::exists(directory, ignored)) {
            throw IoError(directory.string() + ": is a link to " +
                          std::filesystem::read_symlink(directory, ignored).string() +
                          ", which does not exist; make it, or give another output directory");
        }
        throw IoError(directory.string() +
                      ": cannot create the output directory: " + error.message());
    }
    const auto temporary = staging_name(path, static_cast<long>(::getpid()));
    with_pending([&](std::vector<std::string>& paths) { paths.push_back(temporary.string()); });
    m_staged.emplace_back(temporary, path);
    write_synced(temporary, produce, path);
}

std::vector<std::filesystem::path> StagedOutputs::staged() const {
    std::vector<std::filesystem::path> paths;
    paths.reserve(m_staged.size());
    for (const auto& [temporary, final_path] : m_staged) paths.push_back(final_path);
    return paths;
}

std::vector<std::filesystem::path> StagedOutputs::commit() {
    // Nothing is moved until every final name is known to be free for a file.
    for (const auto& [temporary, final_path] : m_staged) {
        std::error_code error;
        if (std::filesystem::is_directory(std::filesystem::symlink_status(final_path, error))) {
            throw IoError(final_path.string() +
                          ": is a directory, where an output file goes; move it away");
        }
    }
    struct Moved {
        std::filesystem::path final_path;
        std::optional<std::filesystem::path> kept;  // the file it replaced, set aside
    };
    std::vector<Moved> moved;
    auto roll_back = [&] {
        std::for_each(moved.rbegin(), moved.rend(), [](const Moved& step) {
            std::error_code ignored;
            std::filesystem::remove(step.final_path, ignored);
            if (step.kept) std::filesystem::rename(*step.kept, step.final_path, ignored);
        });
    };
    const long pid = static_cast<long>(::getpid());
    for (const auto& [temporary, final_path] : m_staged) {
        std::error_code error;
        Moved step{final_path, std::nullopt};
        if (std::filesystem::exists(std::filesystem::symlink_status(final_path, error))) {
            step.kept = staging_name(final_path, pid, "bak");
            std::filesystem::rename(final_path, *step.kept, error);
            if (error) {
                roll_back();
                throw IoError(final_path.string() + ": cannot move the earlier file aside: " +
                              error.message() + "; the earlier outputs are as they were");
            }
        }
        std::filesystem::rename(temporary, final_path, error);
        if (error) {
            if (step.kept) {
                std::error_code ignored;
                std::filesystem::rename(*step.kept, final_path, ignored);
            }
            roll_back();
            throw IoError(final_path.string() + ": cannot rename into place: " + error.message() +
                          "; the earlier outputs are as they were");
        }
        moved.push_back(step);
    }
    std::vector<std::filesystem::path> written;
    for (const auto& step : moved) {
        written.push_back(step.final_path);
        std::error_code ignored;
        if (step.kept) std::filesystem::remove(*step.kept, ignored);
    }
    for (const auto& [temporary, final_path] : m_staged) forget(temporary);
    m_staged.clear();
    for (const auto& name : m_stale) {
        const auto path = m_directory / name;
        if (std::find(written.begin(), written.end(), path) != written.end()) continue;
        std::error_code error;
        std::filesystem::remove(path, error);
        if (error) {
            throw IoError(path.string() +
                          ": cannot remove an earlier run's output: " + error.message());
        }
    }
    m_stale.clear();
    sync_directory(m_directory);
    return written;
}

}  // namespace notional
