#pragma once
/// Which column of a table, or field of a layer, holds a ward's code, its name, its council's
/// code or name: one definition for layers and CSVs alike.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace notional {

/// Patterns (ECMAScript regular expressions, matched whole and case-blind), most wanted first.
using FieldPatterns = std::vector<std::string_view>;

/// A ward's (or constituency's, or small area's) code: WD22CD, PCON24CD, LSOA21CD, GSS_CODE, ...
/// Ward and constituency codes first: a layer often carries its parent's code too.
[[nodiscard]] const FieldPatterns& ward_code_fields();

/// A ward's name: WD22NM, NAME, WARD_NAME, WARD.
[[nodiscard]] const FieldPatterns& ward_name_fields();

/// A council's code: LAGSSCODE, LAD22CD, LTLA22CD, CTYUA22CD, LA_CODE, COUNCIL_CODE.
[[nodiscard]] const FieldPatterns& council_code_fields();

/// A council's name: DISTRICT, LAD22NM, ..., BOROUGH, COUNCIL, LOCAL_AUTHORITY.
[[nodiscard]] const FieldPatterns& council_name_fields();

/// The index in `names` of the first name that matches a pattern, the patterns tried in order.
[[nodiscard]] std::optional<std::size_t> find_field(const std::vector<std::string>& names,
                                                    const FieldPatterns& patterns);

}  // namespace notional
