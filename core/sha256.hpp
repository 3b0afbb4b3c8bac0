#pragma once
/// SHA-256 digests (OpenSSL), for the record of what a saved crosswalk was measured on.
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

namespace notional {

class Sha256 {
public:
    Sha256();
    ~Sha256();
    Sha256(const Sha256&) = delete;
    Sha256& operator=(const Sha256&) = delete;

    void update(std::string_view bytes);
    /// The digest in lower-case hex; the object is spent.
    [[nodiscard]] std::string hex();

private:
    struct Context;
    std::unique_ptr<Context> m_context;
};

/// The SHA-256 of `bytes` in lower-case hex.
[[nodiscard]] std::string sha256_hex(std::string_view bytes);

/// The SHA-256 of the file at `path` in lower-case hex, read in chunks (an input may be
/// gigabytes); its size in bytes in `size`. Throws IoError naming the file when it cannot.
[[nodiscard]] std::string sha256_file(const std::filesystem::path& path, std::uintmax_t& size);

}  // namespace notional
