#pragma once
/// The register of parties: the parties that win seats in Great Britain and Northern Ireland,
/// and the smaller ones whose names the published files spell in several ways. Data only; the
/// matching of names to it is model/parties.cpp's. Internal to model/.
#include <string_view>
#include <vector>

namespace notional::model {

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

/// The register, in the order `contains` phrases are tried.
[[nodiscard]] const std::vector<Registered>& register_of_parties();

}  // namespace notional::model
