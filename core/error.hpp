#pragma once
/// The one error hierarchy of notional; caught only in cli/main.cpp.
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace notional {

/// A choice of the user's that an error is about. The libraries' messages say what is wrong in
/// their own terms; the front end names the option that sets it (cli/: `--max-lost`).
enum class Setting {
    max_lost,           ///< the share of votes a run may lose
    max_uncovered,      ///< the share of an old ward that may lie beyond the new map
    councils,           ///< the councils kept
    layer,              ///< the layer of a multi-layer file
    key_field,          ///< a layer's ward code field
    assume_crs,         ///< the CRS of a layer that declares none
    crs,                ///< the CRS to measure in
    weights,            ///< the weights layer
    weights_crs,        ///< the CRS of weights that declare none
    weights_filter,     ///< the weights table's rows kept
    weight_field,       ///< the weights' count
    weights_table,      ///< counts apart from the weights' polygons
    results_format,     ///< the format of the old election's results
    results_wards,      ///< GLA ward statistics beside them
    actual_format,      ///< the format of the next election's results, on the new wards
    actual_wards,       ///< GLA ward statistics beside them
    support,            ///< a local election's wards, for local support
    support_format,     ///< the format of its results
    support_wards,      ///< GLA ward statistics beside them
    new_seats,          ///< the new wards' seats
    party_alias,        ///< two names of one party
    crosswalk,          ///< a saved crosswalk
    crosswalk_update,   ///< measuring a saved crosswalk again
    overwrite,          ///< replacing earlier outputs
    old_council_field,  ///< the old layer's council field
    new_council_field,  ///< the new layer's council field
    output,             ///< the output directory
};

/// Any failure the user can act on; the message names the file, row or feature, and the cause,
/// and `about` the settings that would change it.
class Error : public std::runtime_error {
public:
    explicit Error(const std::string& message, std::vector<Setting> about = {})
        : std::runtime_error(message), m_about(std::move(about)) {}

    [[nodiscard]] const std::vector<Setting>& about() const { return m_about; }

private:
    std::vector<Setting> m_about;
};

/// Wrong or conflicting command-line options (exit 2).
class UsageError : public Error {
public:
    using Error::Error;
};

/// A file that cannot be opened, read or written.
class IoError : public Error {
public:
    using Error::Error;
};

/// A geometry that cannot be read, repaired or intersected.
class GeometryError : public Error {
public:
    using Error::Error;
};

/// Input that is readable but wrong: a bad row, an unmatched ward, votes lost beyond tolerance.
class DataError : public Error {
public:
    using Error::Error;
};

}  // namespace notional
