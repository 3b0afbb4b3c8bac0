#pragma once
/// GDAL set-up shared by every reader and writer.
#include <string>

#include <cpl_error.h>

namespace notional::geo {

/// Registers GDAL's drivers once.
void register_gdal();

/// For its scope, on this thread, GDAL prints nothing: its errors reach the user through our
/// exceptions, which add the file and feature (last_gdal_error). Every function of geo/ that
/// calls GDAL holds one; a caller's own handler is back when it ends.
class QuietGdal {
public:
    QuietGdal() : m_pusher(CPLQuietErrorHandler) {}

private:
    CPLErrorHandlerPusher m_pusher;
};

/// GDAL's last error message, or "no message from GDAL".
[[nodiscard]] std::string last_gdal_error();

}  // namespace notional::geo
