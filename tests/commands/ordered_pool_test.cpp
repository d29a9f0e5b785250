#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <stdexcept>
#include <thread>


#include "commands/ordered_pool.hpp"

using namespace sheetgen::commands;

TEST_CASE("run_ordered hands results over in index order whatever the thread timing", "[cli][pool]") {
    std::vector<size_t> seen;
    size_t n = run_ordered<size_t>(
        500, 4, 8,
        [](size_t i) {
            // Early items take longest, so completion order differs from index order.
            if (i % 7 == 0) std::this_thread::sleep_for(std::chrono::microseconds(200));
            return i * 3;
        },
        [&](size_t i, size_t&& r) {
            CHECK(r == i * 3);
            seen.push_back(i);
        });
    CHECK(n == 500);
    REQUIRE(seen.size() == 500);
    for (size_t i = 0; i < seen.size(); ++i) CHECK(seen[i] == i);
}

TEST_CASE("run_ordered keeps at most `window` results waiting for the sink", "[cli][pool]") {
    std::atomic<long> in_flight{0}, max_in_flight{0};
    run_ordered<int>(
        200, 2, 4,
        [&](size_t) {
            long now = ++in_flight;
            long prev = max_in_flight.load();
            while (now > prev && !max_in_flight.compare_exchange_weak(prev, now)) {
            }
            return 1;
        },
        [&](size_t, int&&) {
            std::this_thread::sleep_for(std::chrono::microseconds(50));
            --in_flight;
        });
    // The window, plus the one result the sink is handling at that moment.
    CHECK(max_in_flight.load() <= 4 + 1);
}

TEST_CASE("run_ordered stops early and propagates worker exceptions", "[cli][pool]") {
    std::atomic<bool> stop{false};
    size_t sunk = run_ordered<int>(
        10000, 2, 4, [](size_t) { return 0; },
        [&](size_t i, int&&) {
            if (i == 10) stop = true;
        },
        &stop);
    CHECK(sunk >= 11);
    CHECK(sunk < 10000);

    CHECK_THROWS_WITH(run_ordered<int>(
                          100, 2, 4,
                          [](size_t i) -> int {
                              if (i == 42) throw std::runtime_error("boom at 42");
                              return 0;
                          },
                          [](size_t, int&&) {}),
                      "boom at 42");
}
