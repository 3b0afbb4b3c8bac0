#include "model/rake.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "core/csv.hpp"
#include "core/error.hpp"
#include "model/ward_numbers.hpp"

namespace notional::model {

namespace {

void check_targets(const std::vector<double>& targets, std::size_t count, const char* what) {
    if (targets.size() != count) {
        throw DataError("rake: " + std::to_string(targets.size()) + " " + what + " targets for " +
                        std::to_string(count) + " " + what + "s");
    }
    for (const double target : targets) {
        if (!std::isfinite(target) || target < 0.0) {
            throw DataError(std::string("rake: a ") + what + " target is negative or not finite");
        }
    }
}

/// |sum - target| / target; a zero target is met only by a zero sum.
double relative_error(double sum, double target) {
    if (target > 0.0) return std::abs(sum - target) / target;
    return sum > 0.0 ? 1.0 : 0.0;
}

}  // namespace

SparseRows rake(const SparseRows& seed, const std::vector<double>& row_target,
                const std::vector<double>& column_target, const RakeOptions& options,
                RakeReport& report) {
    report = RakeReport{};
    const auto rows = static_cast<std::size_t>(seed.rows());
    const auto columns = static_cast<std::size_t>(seed.cols());
    check_targets(row_target, rows, "row");
    check_targets(column_target, columns, "column");

    SparseRows x = seed;
    x.makeCompressed();
    double* value = x.valuePtr();
    const auto* column_of = x.innerIndexPtr();
    const auto* row_start = x.outerIndexPtr();
    const auto count = static_cast<std::size_t>(x.nonZeros());
    const auto row_range = [&](std::size_t r) {
        return std::pair{static_cast<std::size_t>(row_start[r]),
                         static_cast<std::size_t>(row_start[r + 1])};
    };

    std::vector<bool> row_has(rows, false), column_has(columns, false);
    std::size_t positive = 0;
    for (std::size_t r = 0; r < rows; ++r) {
        const auto [begin, end] = row_range(r);
        for (std::size_t k = begin; k < end; ++k) {
            if (!std::isfinite(value[k]) || value[k] < 0.0) {
                throw DataError("rake: a seed weight is negative or not finite");
            }
            if (value[k] > 0.0) {
                ++positive;
                row_has[r] = true;
                column_has[static_cast<std::size_t>(column_of[k])] = true;
            }
        }
    }
    report.structural_zeros = rows * columns - positive;
    for (std::size_t r = 0; r < rows; ++r) {
        if (row_target[r] > 0.0 && !row_has[r]) report.impossible_old.push_back(r);
    }
    for (std::size_t c = 0; c < columns; ++c) {
        if (column_target[c] > 0.0 && !column_has[c]) report.impossible_new.push_back(c);
    }

    std::vector<double> row_sum(rows), column_sum(columns);
    const auto sum_up = [&] {
        std::fill(column_sum.begin(), column_sum.end(), 0.0);
        for (std::size_t r = 0; r < rows; ++r) {
            const auto [begin, end] = row_range(r);
            row_sum[r] = 0.0;
            for (std::size_t k = begin; k < end; ++k) {
                row_sum[r] += value[k];
                column_sum[static_cast<std::size_t>(column_of[k])] += value[k];
            }
        }
    };
    const auto largest_error = [&] {
        sum_up();
        double largest = 0.0;
        for (std::size_t r = 0; r < rows; ++r) {
            largest = std::max(largest, relative_error(row_sum[r], row_target[r]));
        }
        for (std::size_t c = 0; c < columns; ++c) {
            largest = std::max(largest, relative_error(column_sum[c], column_target[c]));
        }
        return largest;
    };

    std::vector<double> factor(columns);
    report.max_error = largest_error();
    while (report.max_error > options.tolerance && report.iterations < options.max_iterations) {
        // Rows: each to its target. A row of zeros has no scale that meets a positive target.
        for (std::size_t r = 0; r < rows; ++r) {
            const auto [begin, end] = row_range(r);
            double sum = 0.0;
            for (std::size_t k = begin; k < end; ++k) sum += value[k];
            if (sum <= 0.0) continue;
            const double scale = row_target[r] / sum;
            for (std::size_t k = begin; k < end; ++k) value[k] *= scale;
        }
        // Columns likewise.
        std::fill(column_sum.begin(), column_sum.end(), 0.0);
        for (std::size_t k = 0; k < count; ++k) {
            column_sum[static_cast<std::size_t>(column_of[k])] += value[k];
        }
        for (std::size_t c = 0; c < columns; ++c) {
            factor[c] = column_sum[c] > 0.0 ? column_target[c] / column_sum[c] : 1.0;
        }
        for (std::size_t k = 0; k < count; ++k) {
            value[k] *= factor[static_cast<std::size_t>(column_of[k])];
        }
        ++report.iterations;
        report.max_error = largest_error();
    }
    report.converged = report.max_error <= options.tolerance;
    return x;
}

std::vector<Piece> rake_pieces(const std::vector<Piece>& pieces, std::size_t old_count,
                               std::size_t new_count, const std::vector<double>& new_electorate,
                               const std::optional<std::vector<double>>& old_electorate,
                               const RakeOptions& options, RakeReport& report) {
    if (new_electorate.size() != new_count) {
        throw DataError("rake: " + std::to_string(new_electorate.size()) + " new electorates for " +
                        std::to_string(new_count) + " new wards");
    }
    if (old_electorate && old_electorate->size() != old_count) {
        throw DataError("rake: " + std::to_string(old_electorate->size()) +
                        " old electorates for " + std::to_string(old_count) + " old wards");
    }
    // The seed is what the crosswalk will use: noise folded into each old ward's main successor,
    // one entry per (old, new) pair. Zero whole weights make each row's denominator its own sum.
    const std::vector<double> zero(old_count, 0.0);
    const Crosswalk folded(new_count, pieces, zero, zero);
    std::vector<Eigen::Triplet<double>> triplets;
    std::vector<double> kept(old_count, 0.0);
    for (const Piece& piece : folded.pieces()) {
        triplets.emplace_back(static_cast<int>(piece.old_index), static_cast<int>(piece.new_index),
                              piece.weight);
        kept[piece.old_index] += piece.weight;
    }
    SparseRows seed(static_cast<Eigen::Index>(old_count), static_cast<Eigen::Index>(new_count));
    seed.setFromTriplets(triplets.begin(), triplets.end());

    const std::vector<double>& row_target = old_electorate ? *old_electorate : kept;
    const double total = std::accumulate(row_target.begin(), row_target.end(), 0.0);
    const double electors = std::accumulate(new_electorate.begin(), new_electorate.end(), 0.0);
    if (!(electors > 0.0)) {
        throw DataError("rake: the new wards' electorates add up to " + std::to_string(electors));
    }
    std::vector<double> column_target(new_count);
    for (std::size_t n = 0; n < new_count; ++n) {
        column_target[n] = new_electorate[n] * total / electors;
    }
    const SparseRows raked = rake(seed, row_target, column_target, options, report);

    // Each old ward's raked row scaled back to its own weight: f[o,n] is the raked one, and the
    // ward allocates what it did before. A row raked to nothing (an electorate of 0) keeps its
    // seed.
    const std::vector<double> raked_sum = [&] {
        std::vector<double> sums(old_count, 0.0);
        for (Eigen::Index o = 0; o < raked.outerSize(); ++o) {
            for (SparseRows::InnerIterator it(raked, o); it; ++it) {
                sums[static_cast<std::size_t>(o)] += it.value();
            }
        }
        return sums;
    }();
    std::vector<Piece> result = folded.pieces();
    for (Piece& piece : result) {
        const double sum = raked_sum[piece.old_index];
        if (!(sum > 0.0)) continue;
        piece.weight = raked.coeff(static_cast<Eigen::Index>(piece.old_index),
                                   static_cast<Eigen::Index>(piece.new_index)) *
                       kept[piece.old_index] / sum;
    }
    return result;
}

std::vector<double> read_electorate(const std::filesystem::path& path,
                                    const std::vector<std::string>& codes,
                                    const std::vector<std::string>& names,
                                    const std::string& layer) {
    WardNumberSpec spec;
    spec.what = "electorate";
    spec.value_columns = {"electorate", "electors", "entitled_electors"};
    spec.requirement = "a count of electors";
    spec.layer = layer;
    return read_ward_numbers(path, codes, names, spec);
}

}  // namespace notional::model
