#include "model/rake.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <utility>

#include "core/csv.hpp"
#include "core/error.hpp"

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

/// The matrix being raked, row by row in its compressed storage.
class Raking {
public:
    Raking(const SparseRows& seed, const std::vector<double>& row_target,
           const std::vector<double>& column_target)
        : m_x(seed), m_row_target(row_target), m_column_target(column_target) {
        m_x.makeCompressed();
    }

    /// Refuses a negative or non-finite seed; counts the structural zeros and lists the rows
    /// and columns whose positive target no weight can reach.
    void survey(RakeReport& report) const {
        std::vector<bool> row_has(rows(), false);
        std::vector<bool> column_has(columns(), false);
        std::size_t positive = 0;
        for (std::size_t r = 0; r < rows(); ++r) {
            const auto [begin, end] = row_range(r);
            for (std::size_t k = begin; k < end; ++k) {
                const double value = m_x.valuePtr()[k];
                if (!std::isfinite(value) || value < 0.0) {
                    throw DataError("rake: a seed weight is negative or not finite");
                }
                if (value > 0.0) {
                    ++positive;
                    row_has[r] = true;
                    column_has[column_of(k)] = true;
                }
            }
        }
        report.structural_zeros = rows() * columns() - positive;
        for (std::size_t r = 0; r < rows(); ++r) {
            if (m_row_target[r] > 0.0 && !row_has[r]) report.impossible_old.push_back(r);
        }
        for (std::size_t c = 0; c < columns(); ++c) {
            if (m_column_target[c] > 0.0 && !column_has[c]) report.impossible_new.push_back(c);
        }
    }

    /// The largest relative error of any row or column sum.
    [[nodiscard]] double largest_error() const {
        std::vector<double> column_sum(columns(), 0.0);
        double largest = 0.0;
        for (std::size_t r = 0; r < rows(); ++r) {
            const auto [begin, end] = row_range(r);
            double row_sum = 0.0;
            for (std::size_t k = begin; k < end; ++k) {
                row_sum += m_x.valuePtr()[k];
                column_sum[column_of(k)] += m_x.valuePtr()[k];
            }
            largest = std::max(largest, relative_error(row_sum, m_row_target[r]));
        }
        for (std::size_t c = 0; c < columns(); ++c) {
            largest = std::max(largest, relative_error(column_sum[c], m_column_target[c]));
        }
        return largest;
    }

    /// Rows: each to its target. A row of zeros has no scale that meets a positive target.
    void scale_rows() {
        double* value = m_x.valuePtr();
        for (std::size_t r = 0; r < rows(); ++r) {
            const auto [begin, end] = row_range(r);
            double sum = 0.0;
            for (std::size_t k = begin; k < end; ++k) sum += value[k];
            if (sum <= 0.0) continue;
            const double scale = m_row_target[r] / sum;
            for (std::size_t k = begin; k < end; ++k) value[k] *= scale;
        }
    }

    /// Columns likewise.
    void scale_columns() {
        double* value = m_x.valuePtr();
        const auto count = static_cast<std::size_t>(m_x.nonZeros());
        std::vector<double> column_sum(columns(), 0.0);
        for (std::size_t k = 0; k < count; ++k) column_sum[column_of(k)] += value[k];
        std::vector<double> factor(columns());
        for (std::size_t c = 0; c < columns(); ++c) {
            factor[c] = column_sum[c] > 0.0 ? m_column_target[c] / column_sum[c] : 1.0;
        }
        for (std::size_t k = 0; k < count; ++k) value[k] *= factor[column_of(k)];
    }

    /// The raked matrix, moved out by a swap (Eigen's SparseMatrix has no move constructor).
    [[nodiscard]] SparseRows take() {
        SparseRows x;
        x.swap(m_x);
        return x;
    }

private:
    [[nodiscard]] std::size_t rows() const { return static_cast<std::size_t>(m_x.rows()); }
    [[nodiscard]] std::size_t columns() const { return static_cast<std::size_t>(m_x.cols()); }
    [[nodiscard]] std::size_t column_of(std::size_t k) const {
        return static_cast<std::size_t>(m_x.innerIndexPtr()[k]);
    }
    [[nodiscard]] std::pair<std::size_t, std::size_t> row_range(std::size_t r) const {
        return {static_cast<std::size_t>(m_x.outerIndexPtr()[r]),
                static_cast<std::size_t>(m_x.outerIndexPtr()[r + 1])};
    }

    SparseRows m_x;
    const std::vector<double>& m_row_target;
    const std::vector<double>& m_column_target;
};

}  // namespace

SparseRows rake(const SparseRows& seed, const std::vector<double>& row_target,
                const std::vector<double>& column_target, const RakeOptions& options,
                RakeReport& report) {
    report = RakeReport{};
    check_targets(row_target, static_cast<std::size_t>(seed.rows()), "row");
    check_targets(column_target, static_cast<std::size_t>(seed.cols()), "column");
    Raking raking(seed, row_target, column_target);
    raking.survey(report);
    report.max_error = raking.largest_error();
    const double start = report.max_error;
    constexpr std::size_t steps = 1000;
    auto tell = [&] {
        if (!options.progress || !(start > options.tolerance) || !(report.max_error > 0.0)) {
            return;
        }
        const double done =
            std::log(start / report.max_error) / std::log(start / options.tolerance);
        options.progress(static_cast<std::size_t>(std::clamp(done, 0.0, 0.999) * steps), steps);
    };
    while (report.max_error > options.tolerance && report.iterations < options.max_iterations) {
        raking.scale_rows();
        raking.scale_columns();
        ++report.iterations;
        report.max_error = raking.largest_error();
        if (report.iterations % 100 == 0) tell();
    }
    if (options.progress) options.progress(steps, steps);
    report.converged = report.max_error <= options.tolerance;
    return raking.take();
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

}  // namespace notional::model
