#include "geo/slim.hpp"

#include <algorithm>
#include <atomic>
#include <charconv>
#include <cstdio>
#include <memory>

#include <cpl_vsi.h>
#include <nlohmann/json.hpp>

namespace notional::geo {

namespace {

using Json = nlohmann::json;

/// Writes again, compactly, every event nlohmann's parser gives but the members of each
/// feature's "properties" not kept; stops (returns false) once the first feature's properties
/// have shown too few to drop.
class Slimmer : public nlohmann::json_sax<Json> {
public:
    Slimmer(const std::vector<std::string>& fields, std::size_t min_properties, std::string& out)
        : m_fields(fields), m_min_properties(min_properties), m_out(out) {}

    bool null() override {
        return scalar([&] { m_out += "null"; });
    }
    bool boolean(bool value) override {
        return scalar([&] { m_out += value ? "true" : "false"; });
    }
    bool number_integer(number_integer_t value) override { return integer(value); }
    bool number_unsigned(number_unsigned_t value) override { return integer(value); }
    bool number_float(number_float_t /*value*/, const string_t& text) override {
        return scalar([&] { m_out += text; });
    }
    bool string(string_t& value) override {
        return scalar([&] { quoted(value); });
    }
    bool binary(binary_t& /*value*/) override { return false; }  // not in JSON text
    bool start_object(std::size_t /*size*/) override { return open('{', true); }
    bool end_object() override { return close('}'); }
    bool start_array(std::size_t /*size*/) override { return open('[', false); }
    bool end_array() override { return close(']'); }
    bool key(string_t& name) override;
    bool parse_error(std::size_t /*position*/, const std::string& /*token*/,
                     const nlohmann::detail::exception& /*error*/) override {
        return false;
    }

private:
    struct Level {
        bool object = false;
        bool written = false;     ///< a member or element written: the next takes a comma
        std::string key;          ///< in an object, the member's name being read
        bool properties = false;  ///< a feature's "properties"
    };

    /// Whether the current value is a feature's properties: an object in a "features" array.
    [[nodiscard]] bool opening_properties() const {
        const std::size_t n = m_levels.size();
        return n >= 3 && m_levels[n - 1].object && m_levels[n - 1].key == "properties" &&
               !m_levels[n - 2].object && m_levels[n - 3].object &&
               m_levels[n - 3].key == "features";
    }
    void comma() {
        if (m_levels.empty() || m_levels.back().object) return;  // a member's comma is its key's
        if (m_levels.back().written) m_out += ',';
        m_levels.back().written = true;
    }
    template <typename F>
    bool scalar(F&& write) {
        if (m_skip > 0) {
            if (m_skip == 1) m_skip = 0;  // the value not kept was this
            return true;
        }
        comma();
        write();
        return true;
    }
    template <typename T>
    bool integer(T value) {
        return scalar([&] {
            char digits[24];
            m_out.append(digits, std::to_chars(digits, digits + sizeof digits, value).ptr);
        });
    }
    bool open(char bracket, bool object);
    bool close(char bracket);
    void quoted(const std::string& text) { m_out += Json(text).dump(); }

    const std::vector<std::string>& m_fields;
    std::size_t m_min_properties;
    std::string& m_out;
    std::vector<Level> m_levels;
    std::size_t m_skip = 0;  ///< the depth within a value not kept; 0: writing
    bool m_first_properties = true;
    std::size_t m_properties_seen = 0;
};

bool Slimmer::key(string_t& name) {
    if (m_skip > 0) return true;
    Level& level = m_levels.back();
    level.key = name;
    if (level.properties) {
        ++m_properties_seen;
        if (std::find(m_fields.begin(), m_fields.end(), name) == m_fields.end()) {
            m_skip = 1;  // its value, and all within it
            return true;
        }
    }
    if (level.written) m_out += ',';
    level.written = true;
    quoted(name);
    m_out += ':';
    return true;
}

bool Slimmer::open(char bracket, bool object) {
    if (m_skip > 0) {
        ++m_skip;
        return true;
    }
    comma();
    const bool properties = opening_properties();
    m_levels.push_back({object, false, {}, properties});
    m_out += bracket;
    return true;
}

bool Slimmer::close(char bracket) {
    if (m_skip > 0) {
        --m_skip;
        if (m_skip == 1) m_skip = 0;  // the value not kept has ended
        return true;
    }
    const bool properties = m_levels.back().properties;
    m_levels.pop_back();
    m_out += bracket;
    if (properties && m_first_properties) {
        m_first_properties = false;
        if (m_properties_seen < m_min_properties) return false;  // not worth it
    }
    return true;
}

}  // namespace

SlimGeoJson::SlimGeoJson(const std::filesystem::path& path, const std::vector<std::string>& fields,
                         std::size_t min_properties) {
    const std::unique_ptr<std::FILE, int (*)(std::FILE*)> file(std::fopen(path.c_str(), "rb"),
                                                               &std::fclose);
    if (!file) return;
    Slimmer slimmer(fields, min_properties, m_text);
    if (!Json::sax_parse(file.get(), &slimmer)) {
        m_text = std::string();
        return;
    }
    static std::atomic<unsigned> count{0};
    const std::string name = "/vsimem/notional-slim-" + std::to_string(++count) + ".geojson";
    VSILFILE* memory = VSIFileFromMemBuffer(name.c_str(), reinterpret_cast<GByte*>(m_text.data()),
                                            m_text.size(), FALSE);
    if (memory == nullptr) return;
    VSIFCloseL(memory);
    m_path = name;
}

SlimGeoJson::~SlimGeoJson() {
    if (!m_path.empty()) VSIUnlink(m_path.c_str());
}

}  // namespace notional::geo
