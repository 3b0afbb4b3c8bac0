#pragma once
/// GDAL set-up shared by every reader and writer.
#include <string>

namespace notional::geo {

/// Registers GDAL's drivers once and silences its own printing: errors reach the user through
/// our exceptions, which add the file and feature.
void register_gdal();

/// GDAL's last error message, or "no message from GDAL".
[[nodiscard]] std::string last_gdal_error();

}  // namespace notional::geo
