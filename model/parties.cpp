#include "model/parties.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <numeric>
#include <optional>
#include <tuple>
#include <unordered_map>
#include <utility>

#include "core/csv.hpp"
#include "core/error.hpp"
#include "core/text.hpp"

namespace notional::model {

namespace {

/// A party of the register. Phrases are folded words (ward_name_key's form): `exact` are whole
/// names less the words that vary (party_key's form) and short codes; `contains` identify the
/// party wherever they stand in a name, unless one of `unless` does too.
struct Registered {
    std::string_view code, name;
    std::vector<std::string_view> ids;  ///< Electoral Commission ids, and Democracy Club's
    std::vector<std::string_view> exact;
    std::vector<std::string_view> contains;
    std::vector<std::string_view> unless;
};

// The parties that win seats in Great Britain and Northern Ireland, and the smaller ones whose
// names the published files spell in several ways. Order matters only for `contains`: the SDLP
// is tried before Labour.
const std::vector<Registered>& register_of_parties() {
    static const std::vector<Registered> parties{
        {"CON", "Conservative", {"PP52"}, {"con"}, {"conservative", "conservatives"}, {}},
        {"SDLP",
         "Social Democratic and Labour Party",
         {"PP55"},
         {"sdlp"},
         {"sdlp", "social democratic labour"},
         {}},
        {"LAB",
         "Labour",
         {"PP53", "joint-party:53-119"},
         {"lab", "labour co op"},
         {"labour"},
         {"socialist labour", "independent labour", "old labour"}},
        {"LD",
         "Liberal Democrats",
         {"PP90"},
         {"ld", "libdem", "libdems"},
         {"liberal democrat", "liberal democrats", "lib dem", "lib dems", "libdem", "libdems"},
         {}},
        {"GRN",
         "Green",
         {"PP63", "PP130", "PP305"},
         {"grn", "green", "greens", "scottish green"},
         {"green", "greens"},
         {"green socialism", "green socialist"}},
        {"UKIP",
         "UKIP",
         {"PP85"},
         {"ukip"},
         {"uk independence", "ukip", "united kingdom independence"},
         {}},
        {"REF",
         "Reform UK",
         {"PP7931"},
         {"ref", "brx", "ruk", "reform", "brexit"},
         {"reform uk", "reformuk", "brexit party"},
         {}},
        {"SNP", "Scottish National Party", {"PP102"}, {"snp"}, {"scottish national", "snp"}, {}},
        {"PC", "Plaid Cymru", {"PP77"}, {"pc", "plaid"}, {"plaid cymru"}, {}},
        {"DUP", "Democratic Unionist Party", {"PP70"}, {"dup"}, {"democratic unionist"}, {}},
        {"SF", "Sinn F\xC3\xA9in", {"PP39"}, {"sf"}, {"sinn fein"}, {}},
        {"UUP", "Ulster Unionist Party", {"PP83"}, {"uup"}, {"ulster unionist"}, {}},
        {"APNI",
         "Alliance",
         {"PP103"},
         {"apni", "alliance"},
         {"alliance party of northern ireland", "alliance of northern ireland"},
         {}},
        {"TUV",
         "Traditional Unionist Voice",
         {"PP680"},
         {"tuv", "traditional unionist voice"},
         {},
         {}},
        {"PBP",
         "People Before Profit",
         {"PP773"},
         {"pbp", "people before profit", "people before profit alliance"},
         {},
         {}},
        {"SPK",
         "Speaker",
         {"ynmp-party:12522"},
         {"spk", "speaker", "speaker seeking re election"},
         {},
         {}},
        {"TUSC",
         "Trade Unionist and Socialist Coalition",
         {"PP804"},
         {"tusc", "trade unionist socialist coalition", "trade union socialist coalition",
          "trade unionist socialist", "trade union socialist"},
         {},
         {}},
        {"CPA",
         "Christian Peoples Alliance",
         {"PP79"},
         {"cpa", "christian peoples alliance", "christians people alliance"},
         {},
         {}},
        {"WEP", "Women's Equality Party", {"PP2755"}, {"wep", "womens equality", "womens"}, {}, {}},
        {"SDP", "Social Democratic Party", {"PP243"}, {"sdp", "social democratic"}, {}, {}},
        {"LIB", "Liberal Party", {"PP54"}, {"liberal"}, {}, {}},
        {"YP", "Yorkshire Party", {"PP2055"}, {"yorkshire"}, {}, {}},
        {"ED", "English Democrats", {"PP17"}, {"english democrats", "english democrat"}, {}, {}},
        {"BNP", "British National Party", {"PP106"}, {"bnp", "british national"}, {}, {}},
        {"MRLP",
         "Official Monster Raving Loony Party",
         {"PP66"},
         {"mrlp", "omrlp", "monster raving loony", "loony"},
         {},
         {}},
        {"WPB", "Workers Party of Britain", {}, {"wpb", "workers of britain", "workers"}, {}, {}},
        {"CPB", "Communist Party of Britain", {"PP78"}, {"communist of britain"}, {}, {}},
        {"HER", "Heritage Party", {}, {"heritage"}, {}, {}},
        {"ALBA", "Alba Party", {}, {"alba"}, {}, {}},
    };
    return parties;
}

/// Words that vary between files' spellings of one party.
constexpr std::array<std::string_view, 8> filler_words{
    "the", "party", "candidate", "candiate", "local", "official", "councillor", "lead"};

std::vector<std::string> split_words(const std::string& key) {
    std::vector<std::string> words;
    std::size_t start = 0;
    while (start < key.size()) {
        const auto end = std::min(key.find(' ', start), key.size());
        if (end > start) words.push_back(key.substr(start, end - start));
        start = end + 1;
    }
    return words;
}

std::string join_words(const std::vector<std::string>& words) {
    std::string text;
    for (const auto& word : words) text += (text.empty() ? "" : " ") + word;
    return text;
}

/// The folded words of a name with the register's long words spelled right: published files
/// have "Coservative", "Liberal Deomcrat", "Indipendent".
std::vector<std::string> corrected_words(std::string_view name) {
    static constexpr std::array<std::string_view, 6> long_words{
        "conservative", "conservatives", "independent", "democrat", "democrats", "liberal"};
    std::vector<std::string> words = split_words(ward_name_key(name));
    for (auto& word : words) {
        if (word.size() < 7) continue;  // short words are too close to each other
        for (const auto known : long_words) {
            if (within_one_edit(word, known)) {
                word = std::string(known);
                break;
            }
        }
    }
    return words;
}

std::string core_of(const std::vector<std::string>& words) {
    std::vector<std::string> kept;
    for (std::size_t i = 0; i < words.size(); ++i) {
        const auto& word = words[i];
        if (std::find(filler_words.begin(), filler_words.end(), word) != filler_words.end())
            continue;
        // "Green Party First Choice Candidate": a ballot position, not a name.
        if ((word == "first" || word == "second" || word == "third") && i + 1 < words.size() &&
            words[i + 1] == "choice") {
            ++i;
            continue;
        }
        kept.push_back(word);
    }
    return join_words(kept);
}

bool has_phrase(const std::string& key, std::string_view phrase) {
    return (" " + key + " ").find(" " + std::string(phrase) + " ") != std::string::npos;
}

const Registered* by_id(std::string_view id) {
    for (const auto& party : register_of_parties()) {
        for (const auto known : party.ids) {
            if (iequals(known, id)) return &party;
        }
    }
    return nullptr;
}

const Registered* by_code(std::string_view code) {
    for (const auto& party : register_of_parties()) {
        if (iequals(party.code, code)) return &party;
    }
    return nullptr;
}

/// By a whole name (or short code) the register knows; then, if `phrases`, by the words it
/// contains.
const Registered* by_name(std::string_view name, bool phrases) {
    const std::vector<std::string> words = corrected_words(name);
    const std::string key = join_words(words), core = core_of(words);
    if (core.empty()) return nullptr;
    for (const auto& party : register_of_parties()) {
        for (const auto exact : party.exact) {
            if (core == exact || key == exact) return &party;
        }
    }
    if (!phrases) return nullptr;
    for (const auto& party : register_of_parties()) {
        const bool named = std::any_of(party.contains.begin(), party.contains.end(),
                                       [&](std::string_view p) { return has_phrase(key, p); });
        const bool ruled_out = std::any_of(party.unless.begin(), party.unless.end(),
                                           [&](std::string_view p) { return has_phrase(key, p); });
        if (named && !ruled_out) return &party;
    }
    return nullptr;
}

bool names_an_independent(std::string_view ec_id, std::string_view name) {
    if (iequals(ec_id, "ynmp-party:2")) return true;
    const std::string key = join_words(corrected_words(name));
    return key == "ind" || key == "independent" || key == "independents" ||
           key == "independent candidate" || key == "non party independent" ||
           key == "nonparty independent";
}

/// An Electoral Commission id: "PP" and digits, or Democracy Club's "PPm" for minor parties.
bool is_ec_id(std::string_view id) {
    return id.size() > 2 && (id.starts_with("PP") || id.starts_with("pp"));
}

std::string upper_slug(std::string_view text) {
    return upper(slug(text));
}

}  // namespace

Party classify_party(std::string_view ec_id, std::string_view name, std::string_view candidate_id) {
    ec_id = trim(ec_id);
    name = trim(name);
    if (names_an_independent(ec_id, name)) {
        return {"IND-" + slug(candidate_id), "Independent", PartyOrigin::independent};
    }
    if (const Registered* known = by_id(ec_id)) {
        return {std::string(known->code), std::string(known->name), PartyOrigin::register_id};
    }
    // An id outside the register is some other party: its whole name may still be one the
    // register knows, but not a phrase in it ("Socialist Labour Party", PP73, is not Labour).
    const bool other_id = is_ec_id(ec_id);
    const Registered* known = other_id ? nullptr : by_code(name);
    if (!known) known = by_name(name, !other_id);
    if (known)
        return {std::string(known->code), std::string(known->name), PartyOrigin::register_name};
    std::string code = upper_slug(name);
    if (code.empty()) code = other_id ? upper_slug(ec_id) : "UNNAMED";
    return {code, name.empty() ? code : std::string(name), PartyOrigin::named};
}

bool is_independent(std::string_view party_code) {
    return party_code.starts_with("IND-");
}

bool is_registered(std::string_view party_code) {
    return by_code(party_code) != nullptr;
}

std::string party_key(std::string_view name) {
    return core_of(corrected_words(name));
}

std::vector<PartyAlias> read_party_aliases(const std::filesystem::path& path) {
    const CsvTable table = read_csv(path);
    const auto from = table.require("from"), to = table.require("to");
    std::vector<PartyAlias> aliases;
    for (std::size_t r = 0; r < table.rows.size(); ++r) {
        PartyAlias alias{std::string(trim(table.rows[r][from])),
                         std::string(trim(table.rows[r][to])), table.where(r)};
        if (alias.from.empty() || alias.to.empty()) {
            throw DataError(alias.where + ": a party alias needs both 'from' and 'to'");
        }
        aliases.push_back(std::move(alias));
    }
    return aliases;
}

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

struct Node {
    std::size_t election;
    std::string code;
};

}  // namespace

PartyUnification unify_parties(const std::vector<PartyTable>& elections,
                               const std::vector<PartyAlias>& aliases) {
    std::vector<Node> nodes;
    Groups groups;
    std::unordered_map<std::string, std::size_t> by_key;  // a name's key -> its first node
    auto key_of = [&](std::size_t node, const std::string& key) {
        if (key.empty()) return;
        auto [it, fresh] = by_key.try_emplace(key, node);
        if (!fresh) groups.join(it->second, node);
    };
    for (std::size_t e = 0; e < elections.size(); ++e) {
        for (const auto& [code, name] : elections[e].names) {
            if (is_independent(code)) continue;
            const std::size_t node = groups.add();
            nodes.push_back({e, code});
            if (is_registered(code)) {
                key_of(node, "register:" + code);
                continue;
            }
            key_of(node, "code:" + code);
            key_of(node, party_key(name));
            if (const auto it = elections[e].spellings.find(code);
                it != elections[e].spellings.end()) {
                for (const auto& spelling : it->second) key_of(node, party_key(spelling));
            }
        }
    }
    // A branch's name less its suffix, where that is a party's name; then the aliases.
    std::vector<std::string> how(nodes.size());
    for (std::size_t i = 0; i < nodes.size(); ++i) {
        const auto& table = elections[nodes[i].election];
        if (is_registered(nodes[i].code)) continue;
        std::set<std::string> names{table.names.at(nodes[i].code)};
        if (const auto it = table.spellings.find(nodes[i].code); it != table.spellings.end()) {
            names.insert(it->second.begin(), it->second.end());
        }
        for (const auto& name : names) {
            const auto trunk = before_branch(name);
            if (!trunk) continue;
            const auto it = by_key.find(party_key(*trunk));
            if (it == by_key.end() || groups.find(it->second) == groups.find(i)) continue;
            groups.join(it->second, i);
            how[i] = "name before its branch ('" + name + "')";
        }
    }
    auto node_named = [&](const PartyAlias& alias, const std::string& text) {
        for (const std::string& key :
             {"code:" + upper_slug(text), "code:" + text, party_key(text)}) {
            if (const auto it = by_key.find(key); it != by_key.end()) return it->second;
        }
        const Party party = classify_party("", text, "");
        if (const auto it = by_key.find("register:" + party.code); it != by_key.end()) {
            return it->second;
        }
        throw DataError(alias.where + ": '" + text + "' is no party of " +
                        (elections.size() > 1 ? "either election" : "the election"));
    };
    for (const auto& alias : aliases) {
        const std::size_t a = node_named(alias, alias.from), b = node_named(alias, alias.to);
        groups.join(a, b);
        how[a] = how[b] = "alias (" + alias.where + ")";
    }

    // Each group's code: the register's, else the first election's first code.
    std::map<std::size_t, std::vector<std::size_t>> members;
    for (std::size_t i = 0; i < nodes.size(); ++i) members[groups.find(i)].push_back(i);
    PartyUnification result;
    result.renames.resize(elections.size());
    for (const auto& [root, list] : members) {
        std::optional<std::size_t> chosen;
        for (const std::size_t i : list) {
            if (!is_registered(nodes[i].code)) continue;
            if (chosen && nodes[*chosen].code != nodes[i].code) {
                throw DataError("party aliases join two parties of the register, " +
                                nodes[*chosen].code + " and " + nodes[i].code);
            }
            chosen = i;
        }
        if (!chosen) {
            chosen = *std::min_element(list.begin(), list.end(), [&](std::size_t a, std::size_t b) {
                return std::tie(nodes[a].election, nodes[a].code) <
                       std::tie(nodes[b].election, nodes[b].code);
            });
        }
        PartyIdentity identity;
        identity.code = nodes[*chosen].code;
        identity.name = elections[nodes[*chosen].election].names.at(identity.code);
        identity.stood.assign(elections.size(), false);
        identity.spellings.resize(elections.size());
        std::string joined;
        for (const std::size_t i : list) {
            const auto& table = elections[nodes[i].election];
            identity.stood[nodes[i].election] = true;
            if (const auto it = table.spellings.find(nodes[i].code); it != table.spellings.end()) {
                identity.spellings[nodes[i].election].insert(it->second.begin(), it->second.end());
            }
            if (nodes[i].code != identity.code) {
                result.renames[nodes[i].election][nodes[i].code] = identity.code;
            }
            if (!how[i].empty()) joined = how[i];
        }
        identity.how = is_registered(identity.code) ? "register"
                       : !joined.empty()            ? joined
                                                    : "name";
        result.parties.push_back(std::move(identity));
    }
    std::sort(result.parties.begin(), result.parties.end(),
              [](const PartyIdentity& a, const PartyIdentity& b) { return a.code < b.code; });
    return result;
}

}  // namespace notional::model
