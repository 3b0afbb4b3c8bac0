#pragma once
/// Typed columns of values, one value per row: the properties of a GeoJSON layer, built by
/// report/ and written by geo/.
#include <string>
#include <variant>
#include <vector>

namespace notional {

/// A property value; monostate is JSON null (unknown, never a zero).
using Value = std::variant<std::monostate, std::string, double, long long, bool>;

/// One property: its name and one value per feature written.
struct Column {
    std::string name;
    std::vector<Value> values;
};

}  // namespace notional
