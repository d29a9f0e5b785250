#pragma once
// The GSI (重ねるハザードマップ) legend colours and labels for flood depth
// classes, shared by the PDF map inset and the HTML map page so both show
// water the way residents see it on the official maps.
#include <cstddef>
#include <optional>

#include "hazard/exposure.hpp"
#include "hazard/kinds.hpp"

namespace sheetgen {

// 0xRRGGBB fill for a depth class; a zone without depth gets light blue.
inline unsigned gsi_depth_rgb(const std::optional<DepthRange>& d) {
    if (!d) return 0xB3D9FF;
    switch (d->gsi_class()) {
        case 1: return 0xF7F5A9;
        case 2: return 0xFFD8C0;
        case 3: return 0xFFB7B7;
        case 4: return 0xFF9191;
        case 5: return 0xF285C9;
        default: return 0xDC7ADC;
    }
}

// Short legend label of a GSI class 1..6 ("0.5〜3m" / "0.5-3 m").
inline const char* gsi_depth_legend(int cls, Lang lang = Lang::Ja) {
    static constexpr const char* kLabels[6][2] = {{"0.5m未満", "under 0.5 m"}, {"0.5〜3m", "0.5-3 m"},
                                                  {"3〜5m", "3-5 m"},        {"5〜10m", "5-10 m"},
                                                  {"10〜20m", "10-20 m"},    {"20m以上", "20 m and over"}};
    const int i = cls >= 1 && cls <= 5 ? cls - 1 : 5;
    return kLabels[i][lang == Lang::En ? 1 : 0];
}

// A kind drawn in the flood depth colours that is not a river flood (the
// kind table's own-record kinds: storm surge, tsunami): its zones get a
// dashed outline of their own colour, and the legends name the kind.
inline bool has_kind_outline(LayerKind k) {
    return kind_info(k).own_exposure && kind_info(k).map == KindMap::FloodDepth;
}
// The outline colour: the kind's place among such kinds in the table picks
// one of a few colours kept apart from the depth and shelter colours.
inline unsigned kind_outline_rgb(LayerKind k) {
    constexpr unsigned kPalette[] = {0x283593, 0x00796B, 0x5D4037, 0x37474F};
    size_t n = 0;
    for (size_t i = 0; i < kHazardKindCount && kHazardKinds[i].kind != k; ++i) n += has_kind_outline(kHazardKinds[i].kind);
    return kPalette[n % (sizeof kPalette / sizeof kPalette[0])];
}

}  // namespace sheetgen
