#pragma once
/// The numbers the summaries report that are computed from a run's result (sums, counts), one
/// computation for both the text summary and the JSON one.
#include <cstddef>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "app/job.hpp"
#include "model/compare.hpp"
#include "model/results.hpp"

namespace notional::cli {

/// Where the old wards reach beyond the new map's outline, and what was lost.
struct OutlineFigures {
    std::size_t beyond = 0;    ///< old wards reaching beyond the outline by more than a sliver
    std::size_t no_part = 0;   ///< old wards with no part on the new map
    std::size_t too_much = 0;  ///< old wards more than --max-uncovered beyond it
    double spread_m2 = 0.0, overlap_m2 = 0.0, gap_m2 = 0.0;
    std::vector<std::pair<double, std::size_t>>
        largest;  ///< (share beyond, old ward), largest first
};
[[nodiscard]] OutlineFigures outline_figures(const app::JobResult& r);

/// The area of the slivers the overlay dropped, m².
[[nodiscard]] double sliver_m2(const geo::Overlay& overlay);

/// Old wards the weights cover in part (under 95%), (coverage, old ward), least covered first.
[[nodiscard]] std::vector<std::pair<double, std::size_t>> partly_weighted(const app::JobResult& r);

/// Rows of a results file that are no local ward ballot, of every kind.
[[nodiscard]] std::size_t skipped_rows(const model::Election& election);

/// New wards no old ward's weight reaches, by code.
[[nodiscard]] std::vector<std::size_t> unreached_wards(const app::JobResult& r);

/// New wards by class of change: unchanged, minor, major and new, each present.
[[nodiscard]] std::map<std::string, int> change_classes(const app::JobResult& r);

/// The old election read: its candidates and seats.
struct ResultsFigures {
    std::size_t candidates = 0;
    int seats = 0;
    std::size_t partial = 0;               ///< new wards whose votes are known in part
    std::vector<std::size_t> missing_old;  ///< old wards without results, by code
    std::vector<std::size_t> partial_new;  ///< the partial new wards, by code
};
[[nodiscard]] ResultsFigures results_figures(const app::JobResult& r);

/// One party's line of the summary's table.
struct PartyLine {
    model::PartyLedger entry;
    int seats = 0;     ///< won in the old election
    int notional = 0;  ///< notional seats, 0 without seats
};
/// The summary's table of parties and its total line, "all".
struct LedgerFigures {
    std::vector<PartyLine> parties;
    PartyLine all;
    double worst_imbalance = 0.0;  ///< largest relative difference of new + lost from old
};
[[nodiscard]] LedgerFigures ledger_figures(const app::JobResult& r);

/// How the notional seats were decided.
struct SeatFigures {
    int total = 0;
    std::size_t knife_edge = 0, ties = 0, continuity = 0, carried = 0, unknown = 0;
};
[[nodiscard]] SeatFigures seat_figures(const std::vector<model::WardSeats>& seats);

/// Verdicts on the claimed gains by name (GENUINE, BOUNDARY ARTEFACT, UNCERTAIN), each present.
[[nodiscard]] std::map<std::string, int> verdict_counts(const model::Comparison& comparison);

/// The share of the weights' people in a place a local result covers.
[[nodiscard]] double support_covered(const model::PartySupport& support);

}  // namespace notional::cli
