#include "cli/guarded.hpp"

#include <exception>

#include "cli/exit_codes.hpp"

namespace sheetgen::cli {

int run_guarded(const std::function<int()>& body, std::ostream& err) {
    try {
        return body();
    } catch (const std::exception& e) {
        err << "sheetgen: internal error: " << e.what() << " (please report this; exit " << kExitInternal << ")\n";
    } catch (...) {
        err << "sheetgen: internal error: unknown exception (please report this; exit " << kExitInternal << ")\n";
    }
    return kExitInternal;
}

}  // namespace sheetgen::cli
