#include "geo/gdal.hpp"

#include <mutex>

#include <cpl_error.h>
#include <gdal.h>

namespace notional::geo {

void register_gdal() {
    static std::once_flag once;
    std::call_once(once, [] {
        const QuietGdal quiet;
        GDALAllRegister();
    });
}

std::string last_gdal_error() {
    const char* message = CPLGetLastErrorMsg();
    return (message != nullptr && *message != '\0') ? message : "no message from GDAL";
}

}  // namespace notional::geo
