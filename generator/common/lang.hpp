#pragma once
// The languages documents and messages are written in. Japanese is the
// default everywhere; English is for families who read it better (issue 14).
namespace sheetgen {

enum class Lang { Ja, En };

}  // namespace sheetgen
