#pragma once
/// A job's inputs read, for app/job.cpp: both elections and both maps (and any local support),
/// the councils chosen, and the results matched to the maps.
#include "app/job.hpp"
#include "geo/geos.hpp"

namespace notional::app {

/// Both elections read, councils chosen, both maps read and the results matched to them, all
/// before the overlay, so that a bad file fails fast. The results and the new map are read
/// beside the old map, and their phases ("read new", "read results") are the waits for them
/// once the old map is read; only councils chosen by name wait for the results first, for they
/// may be what tells the layers' names and codes for one. A bad results file is told before a
/// bad map, and a bad old map before a bad new one, whichever fails first. Throws
/// notional::Error naming the file, row or feature.
void read_inputs(const JobOptions& options, JobResult& result, geo::GeosContext& context,
                 const PhaseProgress& progress);

}  // namespace notional::app
