#include "report/colours.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <set>

namespace notional::report {

namespace {

struct Rgb {
    double r = 0.0, g = 0.0, b = 0.0;  // 0 to 255
};

Rgb parse(const std::string& colour) {
    unsigned r = 0;
    unsigned g = 0;
    unsigned b = 0;
    std::sscanf(colour.c_str(), "#%2x%2x%2x", &r, &g, &b);  // NOLINT: a fixed, known format
    return {static_cast<double>(r), static_cast<double>(g), static_cast<double>(b)};
}

std::string hex(const Rgb& rgb) {
    auto byte = [](double value) {
        return static_cast<unsigned>(std::lround(std::clamp(value, 0.0, 255.0)));
    };
    std::array<char, 8> text{};
    std::snprintf(text.data(), text.size(), "#%02x%02x%02x", byte(rgb.r), byte(rgb.g), byte(rgb.b));
    return text.data();
}

/// HSL (hue in degrees, saturation and lightness 0 to 1) to RGB.
Rgb from_hsl(double hue, double saturation, double lightness) {
    const double chroma = (1.0 - std::abs(2.0 * lightness - 1.0)) * saturation;
    const double h = std::fmod(hue, 360.0) / 60.0;
    const double x = chroma * (1.0 - std::abs(std::fmod(h, 2.0) - 1.0));
    const std::array<Rgb, 6> sextants{{{chroma, x, 0.0},
                                       {x, chroma, 0.0},
                                       {0.0, chroma, x},
                                       {0.0, x, chroma},
                                       {x, 0.0, chroma},
                                       {chroma, 0.0, x}}};
    const Rgb base = sextants[static_cast<std::size_t>(h) % 6];
    const double m = lightness - chroma / 2.0;
    return {255.0 * (base.r + m), 255.0 * (base.g + m), 255.0 * (base.b + m)};
}

double distance(const Rgb& a, const Rgb& b) {
    return std::hypot(a.r - b.r, a.g - b.g, a.b - b.b);
}

/// The i-th colour for parties without their own: hues a golden angle apart, so neighbours in
/// the sequence differ most, at three lightnesses and saturations.
std::string generated(std::size_t i) {
    const double hue = 15.0 + 137.508 * static_cast<double>(i);
    const std::array<double, 3> lightness{0.45, 0.62, 0.32};
    const std::array<double, 3> saturation{0.60, 0.75, 0.45};
    return hex(from_hsl(hue, saturation[(i / 7) % 3], lightness[(i / 3) % 3]));
}

/// FNV-1a: the same start in the palette for a party in every run and on every machine, which
/// std::hash does not promise.
std::uint64_t fnv1a(const std::string& text) {
    std::uint64_t hash = 14695981039346656037ULL;
    for (const char c : text) {
        hash ^= static_cast<unsigned char>(c);
        hash *= 1099511628211ULL;
    }
    return hash;
}

/// Far enough from every party's own colour and from the no-winner grey to be told apart.
bool usable(const std::string& colour) {
    const Rgb rgb = parse(colour);
    if (distance(rgb, parse(no_winner_colour)) < 60.0) return false;
    return std::ranges::all_of(
        own_colours(), [&](const auto& own) { return distance(rgb, parse(own.second)) >= 60.0; });
}

/// The palette a party's hash starts in; parties beyond it take the generated colours after.
constexpr std::size_t palette_size = 48;

}  // namespace

const std::map<std::string, std::string>& own_colours() {
    static const std::map<std::string, std::string> colours{
        {"CON", "#0087dc"},  {"LAB", "#e4003b"}, {"LD", "#faa61a"},   {"GRN", "#02a95b"},
        {"SNP", "#fdf38e"},  {"PC", "#005b54"},  {"REF", "#12b6cf"},  {"UKIP", "#6d3177"},
        {"DUP", "#d46a4c"},  {"SF", "#326760"},  {"SDLP", "#2aa82c"}, {"UUP", "#48a5ee"},
        {"APNI", "#f6cb2f"}, {"TUV", "#0c3a6a"}, {"PBP", "#e91d50"},  {"SPK", "#909090"}};
    return colours;
}

PartyColours::PartyColours(const std::vector<std::string>& parties) {
    const std::set<std::string> sorted(parties.begin(), parties.end());
    std::vector<std::string> palette;
    std::set<std::string> used;
    std::size_t next = 0;  // the next generated colour to try
    auto slot = [&](std::size_t i) -> const std::string& {
        while (palette.size() <= i) {
            std::string colour = generated(next++);
            if (usable(colour) &&
                std::find(palette.begin(), palette.end(), colour) == palette.end()) {
                palette.push_back(std::move(colour));
            }
        }
        return palette[i];
    };
    for (const auto& party : sorted) {
        const auto own = own_colours().find(party);
        if (own != own_colours().end()) {
            m_colours[party] = own->second;
            used.insert(own->second);
        }
    }
    // In code order, so that a clash between two parties' starts is settled the same way in
    // every run that has both.
    for (const auto& party : sorted) {
        if (party.empty() || m_colours.contains(party)) continue;
        std::size_t i = fnv1a(party) % palette_size;
        while (used.contains(slot(i))) ++i;
        m_colours[party] = slot(i);
        used.insert(slot(i));
    }
}

std::string PartyColours::operator()(const std::string& party) const {
    const auto it = m_colours.find(party);
    return it == m_colours.end() ? no_winner_colour : it->second;
}

std::string hold_tint(const std::string& colour) {
    const Rgb rgb = parse(colour);
    const double keep = 0.45;  // of the colour; the rest white
    return hex({255.0 - keep * (255.0 - rgb.r), 255.0 - keep * (255.0 - rgb.g),
                255.0 - keep * (255.0 - rgb.b)});
}

}  // namespace notional::report
