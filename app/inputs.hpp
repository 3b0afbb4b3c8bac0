#pragma once
/// A job's inputs read, for app/job.cpp: both elections and both maps (and any local support),
/// the councils chosen, and the results matched to the maps.
#include "app/job.hpp"
#include "geo/geos.hpp"

namespace notional::app {

/// Both elections read, councils chosen, both maps read and the results matched to them, all
/// before the overlay, so that a bad file fails fast. The results are read beside the maps, and
/// their phase ("read results") is the wait for them once the maps are read; only councils
/// chosen by name wait for them first, for the results may be what tells the layers' names and
/// codes for one. A bad results file is told before a bad map, whichever fails first. Throws
/// notional::Error naming the file, row or feature.
void read_inputs(const JobOptions& options, JobResult& result, geo::GeosContext& context,
                 const PhaseProgress& progress);

}  // namespace notional::app
