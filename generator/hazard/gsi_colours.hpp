#pragma once
// The GSI (重ねるハザードマップ) legend colours and labels for flood depth
// classes, shared by the PDF map inset and the HTML map page so both show
// water the way residents see it on the official maps.
#include <optional>

#include "hazard/exposure.hpp"

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

// Short legend label of a GSI class 1..6 ("0.5〜3m").
inline const char* gsi_depth_legend(int cls) {
    switch (cls) {
        case 1: return "0.5m未満";
        case 2: return "0.5〜3m";
        case 3: return "3〜5m";
        case 4: return "5〜10m";
        case 5: return "10〜20m";
        default: return "20m以上";
    }
}

}  // namespace sheetgen
