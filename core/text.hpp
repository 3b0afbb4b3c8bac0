#pragma once
/// Small text helpers: trimming, case, Unicode folding, slugs and the name key used for matching.
#include <functional>
#include <string>
#include <string_view>

namespace notional {

/// Where text goes piece by piece, each piece following the one before (a file being written).
using TextSink = std::function<void(std::string_view)>;

[[nodiscard]] std::string_view trim(std::string_view text);
[[nodiscard]] std::string lower(std::string_view text);
[[nodiscard]] std::string upper(std::string_view text);
[[nodiscard]] bool iequals(std::string_view a, std::string_view b);

/// Unicode text folded for comparison with utf8proc: compatibility decomposition, case folding
/// and accents stripped ("Ynys Môn" -> "ynys mon", "STRASSE" and "Straße" -> "strasse").
/// Text that is not UTF-8 is only lower-cased.
[[nodiscard]] std::string fold(std::string_view text);

/// Folded words joined by '-', apostrophes dropped: "St Paul's Cray" -> "st-pauls-cray".
[[nodiscard]] std::string slug(std::string_view text);

/// The key two spellings of one ward name share: case, accents, punctuation, apostrophes and
/// "and" do not matter ("&" neither: Democracy Club's slugs drop it), "St." is "St":
/// "St. Paul's Cray" and "st-pauls-cray" -> "st pauls cray", "St Katharine's & Wapping" and
/// "st-katharines-wapping" -> "st katharines wapping".
[[nodiscard]] std::string ward_name_key(std::string_view name);

/// At most one edit apart: a letter changed, added, dropped, or two neighbours swapped.
[[nodiscard]] bool within_one_edit(std::string_view a, std::string_view b);

/// True for a GSS code such as E05000106 (a letter and eight digits).
[[nodiscard]] bool looks_like_gss_code(std::string_view text);

/// Parses a non-negative count of votes or electors (digits, optional "," thousands separators
/// and decimals); returns false when the text is not one.
[[nodiscard]] bool parse_count(std::string_view text, double& value);

/// true/false, yes/no, 1/0, t/f, y/n in any case; returns false when it is none of them.
[[nodiscard]] bool parse_flag(std::string_view text, bool& value);

}  // namespace notional
