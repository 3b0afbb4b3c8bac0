#include "model/parties.hpp"

#include <array>
#include <cctype>
#include <utility>

#include "model/text.hpp"

namespace notional::model {

namespace {

struct Known {
    std::string_view code, name, ec_id;
};
// The parties with short codes (METHOD.md §2). Brexit Party became Reform UK under one id.
constexpr std::array<Known, 6> known_parties{{
    {"CON", "Conservative", "PP52"},
    {"LAB", "Labour", "PP53"},
    {"LD", "Liberal Democrats", "PP90"},
    {"GRN", "Green", "PP63"},
    {"UKIP", "UKIP", "PP85"},
    {"REF", "Reform UK", "PP7931"},
}};

const Known* by_code(std::string_view code) {
    for (const auto& known : known_parties) {
        if (iequals(known.code, code)) return &known;
    }
    return nullptr;
}

const Known* by_ec_id(std::string_view ec_id) {
    for (const auto& known : known_parties) {
        if (iequals(known.ec_id, ec_id)) return &known;
    }
    // Democracy Club writes joint candidacies as "joint-party:53-119" (Labour and Co-operative).
    if (lower(ec_id).starts_with("joint-party:53-")) return by_code("LAB");
    return nullptr;
}

const Known* by_name(std::string_view name) {
    const std::string key = ward_name_key(name);  // lower-case words, "&" as "and"
    auto has = [&](std::string_view words) { return key.find(words) != std::string::npos; };
    if (has("conservative")) return by_code("CON");
    if (has("liberal democrat") || has("lib dem")) return by_code("LD");
    if (has("labour")) return by_code("LAB");  // Labour and Co-operative is Labour
    if (key == "green" || has("green party")) return by_code("GRN");
    if (has("uk independence") || key == "ukip") return by_code("UKIP");
    if (has("brexit party") || has("reform uk")) return by_code("REF");
    return nullptr;
}

bool names_an_independent(std::string_view ec_id, std::string_view name) {
    if (iequals(ec_id, "ynmp-party:2")) return true;
    const std::string key = ward_name_key(name);
    return key == "ind" || key == "independent" || key == "non party independent" ||
           key.starts_with("independent ");
}

}  // namespace

Party classify_party(std::string_view ec_id, std::string_view name, std::string_view candidate_id) {
    ec_id = trim(ec_id);
    name = trim(name);
    if (names_an_independent(ec_id, name)) {
        return {"IND-" + slug(candidate_id), "Independent"};
    }
    const Known* known = by_ec_id(ec_id);
    // An EC id decides on its own: "Socialist Labour Party" (PP73) is not Labour.
    const bool has_ec_id = ec_id.size() > 2 && (ec_id.starts_with("PP") || ec_id.starts_with("pp"));
    if (!known && !has_ec_id) known = by_code(name);
    if (!known && !has_ec_id) known = by_name(name);
    if (known) return {std::string(known->code), std::string(known->name)};

    std::string code;
    if (has_ec_id) {
        code = std::string(ec_id);
    } else {
        code = slug(name);
        for (auto& c : code) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    }
    if (code.empty()) code = "UNNAMED";
    return {code, name.empty() ? code : std::string(name)};
}

bool is_independent(std::string_view party_code) {
    return party_code.starts_with("IND-");
}

}  // namespace notional::model
