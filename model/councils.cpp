#include "model/councils.hpp"

#include <array>

#include "core/text.hpp"

namespace notional::model {

std::string council_key(std::string_view name) {
    static constexpr std::array<std::string_view, 7> prefixes{"the ",
                                                              "city county of the ",
                                                              "london borough of ",
                                                              "royal borough of ",
                                                              "metropolitan borough of ",
                                                              "borough of ",
                                                              "city of "};
    static constexpr std::array<std::string_view, 8> suffixes{
        " city of",          " county of",      " borough council", " city council",
        " district council", " county council", " council",         " borough"};
    std::string key = ward_name_key(name);
    for (bool changed = true; changed;) {
        changed = false;
        for (const auto prefix : prefixes) {
            if (key.size() > prefix.size() && key.starts_with(prefix)) {
                key.erase(0, prefix.size());
                changed = true;
            }
        }
        for (const auto suffix : suffixes) {
            if (key.size() > suffix.size() && key.ends_with(suffix)) {
                key.erase(key.size() - suffix.size());
                changed = true;
            }
        }
    }
    return key;
}

std::size_t Councils::node(const std::string& key) {
    auto [it, fresh] = m_nodes.try_emplace(key, m_parent.size());
    if (fresh) {
        m_parent.push_back(m_parent.size());
        m_codes.emplace_back();
        m_names.emplace_back();
    }
    return it->second;
}

std::size_t Councils::root(std::size_t n) const {
    while (m_parent[n] != n) n = m_parent[n];
    return n;
}

void Councils::add(std::string_view code, std::string_view name) {
    code = trim(code);
    name = trim(name);
    std::optional<std::size_t> a;
    std::optional<std::size_t> b;
    if (!code.empty()) {
        a = node("code:" + upper(code));
        m_codes[*a] = upper(code);
    }
    if (const std::string key = council_key(name); !key.empty()) {
        b = node("name:" + key);
        if (m_names[*b].empty()) m_names[*b] = std::string(name);
    }
    if (a && b) {
        const std::size_t ra = root(*a);
        const std::size_t rb = root(*b);
        if (ra != rb) m_parent[std::max(ra, rb)] = std::min(ra, rb);
    }
}

std::optional<std::size_t> Councils::find(std::string_view code_or_name) const {
    code_or_name = trim(code_or_name);
    for (const std::string& key :
         {"code:" + upper(code_or_name), "name:" + council_key(code_or_name)}) {
        if (const auto it = m_nodes.find(key); it != m_nodes.end()) return root(it->second);
    }
    return std::nullopt;
}

std::optional<std::size_t> Councils::find(std::string_view code, std::string_view name) const {
    if (auto by_code = find(code); by_code && !trim(code).empty()) return by_code;
    if (trim(name).empty()) return std::nullopt;
    return find(name);
}

std::string Councils::label(std::size_t council) const {
    std::string name;
    std::string codes;
    for (std::size_t n = 0; n < m_parent.size(); ++n) {
        if (root(n) != council) continue;
        if (name.empty() && !m_names[n].empty()) name = m_names[n];
        if (!m_codes[n].empty()) codes += (codes.empty() ? "" : ", ") + m_codes[n];
    }
    if (name.empty()) return codes;
    return codes.empty() ? name : name + " (" + codes + ")";
}

}  // namespace notional::model
