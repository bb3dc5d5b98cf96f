// Queue numbers of the hospital desk: per department, per day, and never the same number twice when several
// counters (here: threads, each with its own connection to one SQLite file) take numbers at the same moment.
#include "hospital-checkin_test_support.hpp"
#include "rules/queue_numbers.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <mutex>
#include <thread>
#include <vector>

using namespace cccd::samples;
using namespace cccd::samples::hospital;

TEST_CASE("hospital queue numbers: 1, 2, 3 per department, from 1 again on the next day")
{
    hospital_test::HospitalDb h("queue");
    Database& db = *h.db;
    long long internal = h.department("NOI"), dental = h.department("RHM");
    CHECK(lastQueueNumber(db, internal, "2026-03-02") == 0);
    CHECK(takeQueueNumber(db, internal, "2026-03-02") == 1);
    CHECK(takeQueueNumber(db, internal, "2026-03-02") == 2);
    CHECK(takeQueueNumber(db, dental, "2026-03-02") == 1);
    CHECK(takeQueueNumber(db, internal, "2026-03-02") == 3);
    CHECK(takeQueueNumber(db, internal, "2026-03-03") == 1);
    CHECK(lastQueueNumber(db, internal, "2026-03-02") == 3);
    CHECK(lastQueueNumber(db, dental, "2026-03-02") == 1);
}

TEST_CASE("hospital queue numbers: a number taken in a transaction that fails is given back")
{
    hospital_test::HospitalDb h("queue-rollback");
    Database& db = *h.db;
    long long internal = h.department("NOI");
    CHECK(takeQueueNumber(db, internal, "2026-03-02") == 1);
    CHECK_THROWS(db.transaction([&] {
        CHECK(takeQueueNumber(db, internal, "2026-03-02") == 2);
        throw std::runtime_error("the visit could not be stored");
    }));
    CHECK(takeQueueNumber(db, internal, "2026-03-02") == 2);
}

TEST_CASE("hospital queue numbers: eight counters hammering one database never get the same number")
{
    hospital_test::HospitalDb h("queue-threads");
    const long long internal = h.department("NOI"), paediatrics = h.department("NHI");
    constexpr int counters = 8, perCounter = 40;
    // One connection per counter, as separate server processes on one database would have.
    std::vector<std::unique_ptr<Database>> connections;
    for (int i = 0; i < counters; ++i) connections.push_back(openDatabase(h.file.spec()));

    std::mutex mutex;
    std::vector<long long> internalNumbers, paediatricsNumbers;
    std::vector<std::thread> threads;
    for (int i = 0; i < counters; ++i) {
        threads.emplace_back([&, i] {
            Database& db = *connections[static_cast<std::size_t>(i)];
            for (int n = 0; n < perCounter; ++n) {
                long long department = (n + i) % 2 == 0 ? internal : paediatrics;
                long long number = 0;
                db.transaction([&] { number = takeQueueNumber(db, department, "2026-03-02"); });
                std::lock_guard<std::mutex> lock(mutex);
                (department == internal ? internalNumbers : paediatricsNumbers).push_back(number);
            }
        });
    }
    for (std::thread& t : threads) t.join();

    for (std::vector<long long>* numbers : {&internalNumbers, &paediatricsNumbers}) {
        std::sort(numbers->begin(), numbers->end());
        REQUIRE(numbers->size() == counters * perCounter / 2);
        // Exactly 1..N: no number twice, none skipped.
        for (std::size_t k = 0; k < numbers->size(); ++k) CHECK((*numbers)[k] == static_cast<long long>(k + 1));
    }
    CHECK(lastQueueNumber(*h.db, internal, "2026-03-02") == counters * perCounter / 2);
}
