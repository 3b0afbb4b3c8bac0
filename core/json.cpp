#include "core/json.hpp"

#include <cmath>

#include "core/error.hpp"

namespace notional {

std::string json_quoted(std::string_view text) {
    std::string quoted = "\"";
    quoted.reserve(text.size() + 2);
    for (const char c : text) {
        switch (c) {
            case '"': quoted += "\\\""; break;
            case '\\': quoted += "\\\\"; break;
            case '\b': quoted += "\\b"; break;
            case '\f': quoted += "\\f"; break;
            case '\n': quoted += "\\n"; break;
            case '\r': quoted += "\\r"; break;
            case '\t': quoted += "\\t"; break;
            default:
                if (static_cast<unsigned char>(c) < 0x20) {
                    constexpr std::string_view hex = "0123456789abcdef";
                    const auto byte = static_cast<unsigned char>(c);
                    quoted.append("\\u00").append(1, hex[byte >> 4U]).append(1, hex[byte & 15U]);
                } else {
                    quoted += c;
                }
        }
    }
    return quoted + "\"";
}

void JsonWriter::separate() {
    if (m_after_key) {
        m_after_key = false;
        return;
    }
    if (m_empty.empty()) {
        if (!m_text.empty()) throw Error("JSON: a second value at the top level");
        return;
    }
    if (!m_empty.back()) m_text += ',';
    m_empty.back() = false;
    m_text.append("\n").append(2 * m_empty.size(), ' ');
}

JsonWriter& JsonWriter::raw(std::string_view token) {
    separate();
    m_text += token;
    return *this;
}

JsonWriter& JsonWriter::begin_object() {
    raw("{");
    m_empty.push_back(true);
    return *this;
}

JsonWriter& JsonWriter::begin_array() {
    raw("[");
    m_empty.push_back(true);
    return *this;
}

JsonWriter& JsonWriter::end_object() {
    const bool empty = m_empty.back();
    m_empty.pop_back();
    if (!empty) m_text.append("\n").append(2 * m_empty.size(), ' ');
    m_text += '}';
    return *this;
}

JsonWriter& JsonWriter::end_array() {
    const bool empty = m_empty.back();
    m_empty.pop_back();
    if (!empty) m_text.append("\n").append(2 * m_empty.size(), ' ');
    m_text += ']';
    return *this;
}

JsonWriter& JsonWriter::key(std::string_view name) {
    separate();
    m_text.append(json_quoted(name)).append(": ");
    m_after_key = true;
    return *this;
}

JsonWriter& JsonWriter::value(std::string_view text) {
    return raw(json_quoted(text));
}

JsonWriter& JsonWriter::value(bool flag) {
    return raw(flag ? "true" : "false");
}

JsonWriter& JsonWriter::value(double number) {
    if (!std::isfinite(number)) return null();
    char buffer[32];
    // Shortest round-trip: the same double comes back when the text is read.
    const char* const end = std::to_chars(buffer, buffer + sizeof buffer, number).ptr;
    return raw(std::string_view(buffer, static_cast<std::size_t>(end - buffer)));
}

JsonWriter& JsonWriter::strings(const std::vector<std::string>& items) {
    begin_array();
    for (const auto& item : items) value(item);
    return end_array();
}

std::string JsonWriter::text() const {
    if (!m_empty.empty() || m_after_key) throw Error("JSON: an object or array left open");
    return m_text + "\n";
}

}  // namespace notional
