#pragma once
/// A small JSON writer (RFC 8259) for the manifest and the JSON summary: Boost 1.74 on Debian 12
/// has no Boost.JSON (it came in 1.75). Output is indented and deterministic: keys in the order
/// written, numbers in their shortest round-trip form.
#include <charconv>
#include <concepts>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace notional {

class JsonWriter {
public:
    JsonWriter& begin_object();
    JsonWriter& end_object();
    JsonWriter& begin_array();
    JsonWriter& end_array();
    /// The key of the next value in an object.
    JsonWriter& key(std::string_view name);

    JsonWriter& value(std::string_view text);
    JsonWriter& value(const std::string& text) { return value(std::string_view(text)); }
    JsonWriter& value(const char* text) { return value(std::string_view(text)); }
    JsonWriter& value(bool flag);
    /// A NaN or an infinity, which JSON cannot hold, is written null.
    JsonWriter& value(double number);
    template <std::integral T>
    requires(!std::same_as<T, bool>) JsonWriter& value(T number) {
        char buffer[24];
        const char* const end = std::to_chars(buffer, buffer + sizeof buffer, number).ptr;
        return raw(std::string_view(buffer, static_cast<std::size_t>(end - buffer)));
    }
    JsonWriter& null() { return raw("null"); }

    /// `key` then `value`: one member of an object.
    template <typename T>
    JsonWriter& member(std::string_view name, const T& item) {
        key(name);
        return value(item);
    }
    /// An array of strings.
    JsonWriter& strings(const std::vector<std::string>& items);

    /// The text written, ending in a newline once every object and array is closed.
    [[nodiscard]] std::string text() const;

private:
    /// The comma and indentation before a value or a key.
    void separate();
    JsonWriter& raw(std::string_view token);

    std::string m_text;
    std::vector<bool> m_empty;  ///< per open object or array: nothing in it yet
    bool m_after_key = false;
};

/// `text` as a JSON string, quoted, with '"', '\\' and control characters escaped. Bytes of
/// 0x80 and above pass as they are: the text is taken to be UTF-8.
[[nodiscard]] std::string json_quoted(std::string_view text);

}  // namespace notional
