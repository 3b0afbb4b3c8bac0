/// The summary's line on local support: the local elections read, the people they cover and the
/// old wards where parties' votes lean.
#include <sstream>

#include "cli/figures.hpp"
#include "cli/summary.hpp"
#include "core/csv.hpp"

namespace notional::cli {

std::string support_summary(const app::JobResult& r) {
    if (!r.support) return "";
    std::ostringstream out;
    const model::PartySupport& support = *r.support;
    out << "support      " << r.supports.size() << " local election"
        << (r.supports.size() == 1 ? "" : "s, averaged where more than one covers a place") << ": ";
    for (std::size_t i = 0; i < r.supports.size(); ++i) {
        const app::LocalSupport& local = r.supports[i];
        out << (i == 0 ? "" : "; ") << local.election.path.string() << " ("
            << local.election.wards.size() << " wards on " << local.wards.label;
        if (!local.skipped.empty()) {
            out << "; " << local.skipped.size() << " councils off its map skipped";
        }
        out << ")";
    }
    out << "; " << fixed(100.0 * support_covered(support), 1) << "%"
        << " of the people in a place a local result covers; in " << support.old_wards_reached()
        << " old wards a party's votes lean to where its local support is, each party's "
           "total there kept; elsewhere they follow people\n";
    return out.str();
}

}  // namespace notional::cli
