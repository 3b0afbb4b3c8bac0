#include "core/sha256.hpp"

#include <openssl/evp.h>

#include <array>
#include <cstdio>
#include <fstream>
#include <vector>

#include "core/error.hpp"

namespace notional {

struct Sha256::Context {
    EVP_MD_CTX* handle = EVP_MD_CTX_new();
    ~Context() { EVP_MD_CTX_free(handle); }
};

Sha256::Sha256() : m_context(std::make_unique<Context>()) {
    if (!m_context->handle || EVP_DigestInit_ex(m_context->handle, EVP_sha256(), nullptr) != 1) {
        throw Error("SHA-256: OpenSSL cannot start a digest");
    }
}

Sha256::~Sha256() = default;

void Sha256::update(std::string_view bytes) {
    if (EVP_DigestUpdate(m_context->handle, bytes.data(), bytes.size()) != 1) {
        throw Error("SHA-256: OpenSSL cannot digest");
    }
}

std::string Sha256::hex() {
    std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
    unsigned int size = 0;
    if (EVP_DigestFinal_ex(m_context->handle, digest.data(), &size) != 1) {
        throw Error("SHA-256: OpenSSL cannot finish a digest");
    }
    std::string text;
    for (unsigned int i = 0; i < size; ++i) {
        char pair[3];
        std::snprintf(pair, sizeof pair, "%02x", digest[i]);
        text += pair;
    }
    return text;
}

std::string sha256_hex(std::string_view bytes) {
    Sha256 digest;
    digest.update(bytes);
    return digest.hex();
}

std::string sha256_file(const std::filesystem::path& path, std::uintmax_t& size) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw IoError(path.string() + ": cannot open to digest it");
    Sha256 digest;
    std::vector<char> chunk(1U << 20U);
    size = 0;
    while (in) {
        in.read(chunk.data(), static_cast<std::streamsize>(chunk.size()));
        const auto got = static_cast<std::size_t>(in.gcount());
        digest.update(std::string_view(chunk.data(), got));
        size += got;
    }
    if (in.bad()) throw IoError(path.string() + ": cannot read to digest it");
    return digest.hex();
}

}  // namespace notional
