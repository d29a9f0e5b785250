#include "cli/guarded.hpp"

#include <exception>
#include <new>
#include <system_error>

#include "cli/exit_codes.hpp"

namespace sheetgen::cli {

int run_guarded(const std::function<int()>& body, std::ostream& err, const std::string& command) {
    const std::string who = "sheetgen" + (command.empty() ? std::string() : " " + command);
    try {
        return body();
    } catch (const std::bad_alloc&) {
        err << who << ": out of memory (check ulimit -v and free memory); stopped\n";
        return kExitResources;
    } catch (const std::system_error& e) {
        err << who << ": the system refused a resource (" << e.code().message() << "; check ulimit -u / -v); stopped\n";
        return kExitResources;
    } catch (const std::exception& e) {
        err << "sheetgen: internal error: " << e.what() << " (please report this; exit " << kExitInternal << ")\n";
    } catch (...) {
        err << "sheetgen: internal error: unknown exception (please report this; exit " << kExitInternal << ")\n";
    }
    return kExitInternal;
}

}  // namespace sheetgen::cli
