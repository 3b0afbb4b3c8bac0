#pragma once
/// A layer's shapes as SVG path data for report.html's maps.
#include "core/drawing.hpp"
#include "geo/geos.hpp"
#include "geo/layer.hpp"

namespace notional::geo {

struct SvgOptions {
    double width = 1000.0;  ///< the viewBox's width; its height keeps the layer's proportions
    /// Shapes are simplified (topology kept) to this many viewBox units, about a pixel of a map
    /// shown at the viewBox's width, so a whole country's page stays a few MB.
    double tolerance = 0.5;
    int decimals = 1;  ///< of each coordinate written
};

/// Every ward of `layer` (projected, in metres) in one viewBox, north up. Throws GeometryError
/// naming the ward when GEOS fails on it.
[[nodiscard]] Drawing svg_drawing(const Layer& layer, GeosContext& context,
                                  const SvgOptions& options = {});

}  // namespace notional::geo
