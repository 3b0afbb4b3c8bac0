#pragma once
/// Wards drawn as SVG path data in one shared viewBox: made by geo/ from the shapes, laid out
/// by report/ in report.html (as core/columns.hpp carries GeoJSON properties the other way).
#include <map>
#include <string>

namespace notional {

/// One ward in the drawing's coordinates (x right, y down).
struct DrawnShape {
    std::string path;  ///< SVG path data: "M…Z" per ring, for fill-rule evenodd
};

/// Every ward of a layer in the viewBox "0 0 width height".
struct Drawing {
    double width = 0.0, height = 0.0;
    std::map<std::string, DrawnShape> shapes;  ///< by ward code
};

}  // namespace notional
