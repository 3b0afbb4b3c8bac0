#pragma once
/// Party identity: one register of GB and NI parties (Electoral Commission ids, names and the
/// variants published files use), readable codes for every other party, independents apart,
/// and the matching of one party's spellings across elections.
#include <cstddef>
#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace notional::model {

/// How a candidate's party was recognised.
enum class PartyOrigin {
    register_id,    ///< by an Electoral Commission id (or Democracy Club's) of the register
    register_name,  ///< by a name or short code the register knows
    named,          ///< outside the register: by its own name
    independent,    ///< an independent candidate: a party of their own
};

struct Party {
    std::string code;  ///< CON, LAB, LD, ...; an upper-case slug of the name; or IND-<id>
    std::string name;  ///< for display: "Labour", "Independent", or the name as the file gives it
    PartyOrigin origin = PartyOrigin::named;
};

/// Short code and display name for one candidate's party. `ec_id` is the Electoral Commission
/// id where the file has one ("PP53", "ynmp-party:2" for independents), `name` the party name
/// or a short code, `candidate_id` a stable id of the candidate (used only for independents,
/// each of whom is a party of their own). An id of the register decides whatever the name says;
/// an id outside it leaves the code to the name, so a party reads the same in files with ids
/// and files without.
[[nodiscard]] Party classify_party(std::string_view ec_id, std::string_view name,
                                   std::string_view candidate_id);

/// True for the code of an independent candidate (IND-<id>).
[[nodiscard]] bool is_independent(std::string_view party_code);

/// True for a code of the register (CON, SNP, ...).
[[nodiscard]] bool is_registered(std::string_view party_code);

/// The key two spellings of one party's name share: folded words without the words that vary
/// between files ("The", "Party", "Candidate", "Local"): "The Plumstead Party" and "Plumstead
/// party" -> "plumstead".
[[nodiscard]] std::string party_key(std::string_view name);

/// `from,to` rows: two names (or codes) of one party, e.g. a party that changed its name.
struct PartyAlias {
    std::string from, to;
    std::string where;  ///< file and line, for messages
};

/// One election's parties as read: code -> display name, and code -> the names as written.
struct PartyTable {
    std::string label;  ///< "old", "actual": for the summary
    std::map<std::string, std::string> names;
    std::map<std::string, std::set<std::string>> spellings;
};

/// How one party was matched across the elections, for the summary.
struct PartyIdentity {
    std::string code, name;
    std::string how;          ///< "register", "same name", "name before ' - '", "alias", ...
    std::vector<bool> stood;  ///< per election given to unify_parties
    std::vector<std::set<std::string>> spellings;  ///< per election, the names as written
};

struct PartyUnification {
    std::vector<PartyIdentity> parties;  ///< by code, independents left out
    /// Per election: code as read -> the party's one code (only the codes that change).
    std::vector<std::map<std::string, std::string>> renames;
};

/// Gives each party one code across `elections` (the first is the reference: a party keeps
/// the code it has there). Parties are one when the register says so, when their names share a
/// party_key, when a name less a branch suffix ("Havering Residents Association - Harold Wood",
/// "Kingston Independent Residents Group (KIRG)") is another party's name, or when an alias
/// joins them. Throws DataError for an alias naming no party, or joining two of the register.
[[nodiscard]] PartyUnification unify_parties(const std::vector<PartyTable>& elections,
                                             const std::vector<PartyAlias>& aliases);

}  // namespace notional::model
