#pragma once
/// A GeoJSON with fewer properties, for GDAL to read.
#include <filesystem>
#include <string>
#include <vector>

namespace notional::geo {

/// A GeoJSON file's features with only `fields` among their properties, held as a file in
/// GDAL's memory (/vsimem/) while it lives; every other byte as written (numbers as their
/// text). GDAL's GeoJSON reader looks each property of each feature up by name among all the
/// layer's fields, twice: quadratic in their number (4 s of a general election's base, whose
/// map has 607 properties a feature, against 0.3 s slimmed).
class SlimGeoJson {
public:
    /// Empty (path() is "") when slimming would not pay, its first feature having fewer than
    /// `min_properties`, or when the file is not JSON (GDAL, reading it whole, says why).
    SlimGeoJson(const std::filesystem::path& path, const std::vector<std::string>& fields,
                std::size_t min_properties = 100);
    ~SlimGeoJson();
    SlimGeoJson(const SlimGeoJson&) = delete;
    SlimGeoJson& operator=(const SlimGeoJson&) = delete;

    [[nodiscard]] const std::string& path() const { return m_path; }

private:
    std::string m_path;
    std::string m_text;  ///< the file's bytes, GDAL's to read, not to own
};

}  // namespace notional::geo
