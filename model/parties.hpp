#pragma once
/// Party identity: short codes from Electoral Commission ids or names; independents apart.
#include <string>
#include <string_view>

namespace notional::model {

struct Party {
    std::string code;  ///< CON, LAB, LD, GRN, UKIP, REF, an EC id (PP2755), a slug, or IND-<id>
    std::string name;  ///< for display: "Labour", "Independent", or the name as the file gives it
};

/// Short code and display name for one candidate's party. `ec_id` is the Electoral Commission
/// id where the file has one ("PP53", "ynmp-party:2" for independents), `name` the party name
/// or a short code, `candidate_id` a stable id of the candidate (used only for independents,
/// each of whom is a party of their own).
[[nodiscard]] Party classify_party(std::string_view ec_id, std::string_view name,
                                   std::string_view candidate_id);

/// True for the code of an independent candidate (IND-<id>).
[[nodiscard]] bool is_independent(std::string_view party_code);

}  // namespace notional::model
