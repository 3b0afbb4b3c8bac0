#pragma once
/// crosswalk.csv, ledger.csv and the sources text: sorted and at fixed precision, so that runs
/// diff cleanly.
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "model/crosswalk.hpp"
#include "model/honesty.hpp"
#include "model/redistribute.hpp"
#include "report/html.hpp"

namespace notional::report {

using model::Crosswalk;
using model::Notional;
using model::WardHonesty;

/// Codes and names of one layer's wards, in the layer's order.
struct WardNames {
    const std::vector<std::string>& codes;
    const std::vector<std::string>& names;
};

/// `old_code,new_code,area_m2,share_of_old,share_of_new,weight`: the chosen crosswalk's pieces
/// (noise folded), with each piece's area from the area crosswalk beside its weight.
[[nodiscard]] std::string crosswalk_csv(const WardNames& old_wards, const WardNames& new_wards,
                                        const Crosswalk& crosswalk, const Crosswalk& by_area);

/// Per old ward: its area and weight, the shares allocated, noise, dropped as slivers, in gaps,
/// lost outside and spread from beyond the outline (of the chosen crosswalk), whether it is the
/// same ward drawn twice, the overlap in m², and its votes and the votes lost.
[[nodiscard]] std::string ledger_csv(const WardNames& old_wards, const Crosswalk& crosswalk,
                                     const Crosswalk& by_area, const Notional* notional);

/// "E05000106:0.931200;E05000125:0.068800": the old wards a new ward draws on.
[[nodiscard]] std::string sources_text(const WardHonesty& ward,
                                       const std::vector<std::string>& old_codes);

/// Each new ward's old wards as a saved run gives them: crosswalk.csv's `share_of_new`, largest
/// first, named by ledger.csv (both in `directory`), as the main job's honesty has them. Empty
/// when either file is absent; throws DataError for a file without its columns.
[[nodiscard]] std::map<std::string, std::vector<WardSource>> saved_sources(
    const std::filesystem::path& directory);

}  // namespace notional::report
