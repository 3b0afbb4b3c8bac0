#pragma once
/// Councils as the inputs name them: a GSS code (E09000033), a name ("City of Westminster",
/// "Westminster") or a slug (Democracy Club's "westminster"). Codes and names that any input
/// carries together are one council, so a name given in one file finds the code in another.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace notional::model {

/// The key two spellings of a council's name share: folded words without "City of",
/// "London Borough of", "Council" and the like: "City of Westminster" -> "westminster",
/// "Kingston upon Hull, City of" -> "kingston upon hull".
[[nodiscard]] std::string council_key(std::string_view name);

class Councils {
public:
    /// Records that `code` and `name` (either may be empty) are one council.
    void add(std::string_view code, std::string_view name);
    /// The council a code, name or slug belongs to, if any input named it. Numbers are stable
    /// once every input has been added.
    [[nodiscard]] std::optional<std::size_t> find(std::string_view code_or_name) const;
    /// The council of a code and a name given together (the code first).
    [[nodiscard]] std::optional<std::size_t> find(std::string_view code,
                                                  std::string_view name) const;
    /// "Westminster (E09000033)": a name and its codes, for messages.
    [[nodiscard]] std::string label(std::size_t council) const;

private:
    std::size_t node(const std::string& key);
    std::size_t root(std::size_t node) const;

    std::unordered_map<std::string, std::size_t> m_nodes;  // "code:E09..." or "name:<key>"
    std::vector<std::size_t> m_parent;
    // Per node: the code, or the name as first written.
    std::vector<std::string> m_codes, m_names;
};

}  // namespace notional::model
