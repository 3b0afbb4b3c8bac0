// One party, one code across elections: unify_parties (model/parties.hpp).
#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <tuple>
#include <unordered_map>
#include <utility>

#include "core/error.hpp"
#include "core/text.hpp"
#include "model/parties.hpp"

namespace notional::model {

namespace {

/// "Havering Residents Association - Harold Wood" -> "Havering Residents Association";
/// "Kingston Independent Residents Group (KIRG)" -> "Kingston Independent Residents Group".
std::optional<std::string> before_branch(std::string_view name) {
    std::size_t cut = std::string_view::npos;
    for (const std::string_view mark : {" - ", " \xE2\x80\x93 ", " (", "("}) {
        cut = std::min(cut, name.find(mark));
    }
    if (cut == std::string_view::npos || cut == 0) return std::nullopt;
    return std::string(trim(name.substr(0, cut)));
}

class Groups {
public:
    std::size_t add() {
        m_parent.push_back(m_parent.size());
        return m_parent.size() - 1;
    }
    std::size_t find(std::size_t i) {
        while (m_parent[i] != i) i = m_parent[i] = m_parent[m_parent[i]];
        return i;
    }
    void join(std::size_t a, std::size_t b) {
        a = find(a);
        b = find(b);
        if (a != b) m_parent[std::max(a, b)] = std::min(a, b);
    }

private:
    std::vector<std::size_t> m_parent;
};

/// One party code of one election.
struct Node {
    std::size_t election;
    std::string code;
};

/// The parties of every election as nodes, joined into groups by what their names share.
class PartyGraph {
public:
    explicit PartyGraph(const std::vector<PartyTable>& elections) : m_elections(elections) {
        for (std::size_t e = 0; e < elections.size(); ++e) {
            for (const auto& [code, name] : elections[e].names) {
                if (!is_independent(code)) add(e, code, name);
            }
        }
        m_how.resize(m_nodes.size());
    }

    /// A branch's name less its suffix, where that is a party's name.
    void join_branches() {
        for (std::size_t i = 0; i < m_nodes.size(); ++i) {
            if (is_registered(m_nodes[i].code)) continue;
            const auto& table = m_elections[m_nodes[i].election];
            std::set<std::string> names{table.names.at(m_nodes[i].code)};
            if (const auto* spellings = spellings_of(i)) {
                names.insert(spellings->begin(), spellings->end());
            }
            for (const auto& name : names) {
                const auto trunk = before_branch(name);
                if (!trunk) continue;
                const auto it = m_by_key.find(party_key(*trunk));
                if (it == m_by_key.end() || m_groups.find(it->second) == m_groups.find(i)) continue;
                m_groups.join(it->second, i);
                m_how[i] = "name before its branch ('" + name + "')";
            }
        }
    }

    void join_aliases(const std::vector<PartyAlias>& aliases) {
        for (const auto& alias : aliases) {
            const std::size_t a = node_named(alias, alias.from);
            const std::size_t b = node_named(alias, alias.to);
            m_groups.join(a, b);
            m_how[a] = m_how[b] = "alias (" + alias.where + ")";
        }
    }

    /// Each group's code: the register's, else the first election's first code.
    [[nodiscard]] PartyUnification unification() {
        std::map<std::size_t, std::vector<std::size_t>> members;
        for (std::size_t i = 0; i < m_nodes.size(); ++i) members[m_groups.find(i)].push_back(i);
        PartyUnification result;
        result.renames.resize(m_elections.size());
        for (const auto& [root, list] : members) {
            result.parties.push_back(identity(list, chosen(list), result.renames));
        }
        std::sort(result.parties.begin(), result.parties.end(),
                  [](const PartyIdentity& a, const PartyIdentity& b) { return a.code < b.code; });
        return result;
    }

private:
    void add(std::size_t election, const std::string& code, const std::string& name) {
        const std::size_t node = m_groups.add();
        m_nodes.push_back({election, code});
        if (is_registered(code)) {
            key_of(node, "register:" + code);
            return;
        }
        key_of(node, "code:" + code);
        key_of(node, party_key(name));
        if (const auto* spellings = spellings_of(node)) {
            for (const auto& spelling : *spellings) key_of(node, party_key(spelling));
        }
    }

    /// Joins `node` to the first node with `key` (a name's key, a code, a register code).
    void key_of(std::size_t node, const std::string& key) {
        if (key.empty()) return;
        auto [it, fresh] = m_by_key.try_emplace(key, node);
        if (!fresh) m_groups.join(it->second, node);
    }

    const std::set<std::string>* spellings_of(std::size_t node) const {
        const auto& table = m_elections[m_nodes[node].election];
        const auto it = table.spellings.find(m_nodes[node].code);
        return it == table.spellings.end() ? nullptr : &it->second;
    }

    std::size_t node_named(const PartyAlias& alias, const std::string& text) const {
        for (const std::string& key :
             {"code:" + upper(slug(text)), "code:" + text, party_key(text)}) {
            if (const auto it = m_by_key.find(key); it != m_by_key.end()) return it->second;
        }
        const Party party = classify_party("", text, "");
        if (const auto it = m_by_key.find("register:" + party.code); it != m_by_key.end()) {
            return it->second;
        }
        throw DataError(alias.where + ": '" + text + "' is no party of " +
                        (m_elections.size() > 1 ? "either election" : "the election"));
    }

    /// The node whose code the group takes.
    std::size_t chosen(const std::vector<std::size_t>& list) const {
        std::optional<std::size_t> chosen;
        for (const std::size_t i : list) {
            if (!is_registered(m_nodes[i].code)) continue;
            if (chosen && m_nodes[*chosen].code != m_nodes[i].code) {
                throw DataError("party aliases join two parties of the register, " +
                                m_nodes[*chosen].code + " and " + m_nodes[i].code);
            }
            chosen = i;
        }
        if (chosen) return *chosen;
        return *std::min_element(list.begin(), list.end(), [&](std::size_t a, std::size_t b) {
            return std::tie(m_nodes[a].election, m_nodes[a].code) <
                   std::tie(m_nodes[b].election, m_nodes[b].code);
        });
    }

    PartyIdentity identity(const std::vector<std::size_t>& list, std::size_t chosen,
                           std::vector<std::map<std::string, std::string>>& renames) const {
        PartyIdentity identity;
        identity.code = m_nodes[chosen].code;
        identity.name = m_elections[m_nodes[chosen].election].names.at(identity.code);
        identity.stood.assign(m_elections.size(), false);
        identity.spellings.resize(m_elections.size());
        std::string joined;
        for (const std::size_t i : list) {
            const std::size_t election = m_nodes[i].election;
            identity.stood[election] = true;
            if (const auto* spellings = spellings_of(i)) {
                identity.spellings[election].insert(spellings->begin(), spellings->end());
            }
            if (m_nodes[i].code != identity.code) {
                renames[election][m_nodes[i].code] = identity.code;
            }
            if (!m_how[i].empty()) joined = m_how[i];
        }
        identity.how = is_registered(identity.code) ? "register"
                       : !joined.empty()            ? joined
                                                    : "name";
        return identity;
    }

    const std::vector<PartyTable>& m_elections;
    std::vector<Node> m_nodes;
    Groups m_groups;
    std::unordered_map<std::string, std::size_t> m_by_key;  // a key -> its first node
    std::vector<std::string> m_how;                         // how a node was joined, if not by name
};

}  // namespace

PartyUnification unify_parties(const std::vector<PartyTable>& elections,
                               const std::vector<PartyAlias>& aliases) {
    PartyGraph graph(elections);
    graph.join_branches();
    graph.join_aliases(aliases);
    return graph.unification();
}

}  // namespace notional::model
