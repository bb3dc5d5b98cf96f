// Looks into every block this test program frees, before it goes back to the allocator, for bytes the test
// registered as secret: a key, a password, a nonce, a photo. The program's operator new/delete and OpenSSL's
// allocator are replaced (freed_memory.cpp), so a copy that was freed without being wiped is found wherever it was
// made: in our code, in the standard library's containers, or inside OpenSSL.
#pragma once

#include "core/bytes.hpp"

#include <cstddef>
#include <string>
#include <vector>

namespace cccd::test::freed {

/** Registers bytes to look for (copied into static storage; at least 6 bytes). Also looks for them reversed when
 *  reversedToo: OpenSSL keeps big numbers as little-endian words. */
void watch(const std::string& name, ByteView secret, bool reversedToo = false);
/** Forgets every registered secret and every finding. */
void reset();
/** Starts and stops looking; blocks freed while stopped are zeroed, not inspected (no stale bytes later). */
void start();
void stop();

/** Pauses the looking for a scope (the test's own work, e.g. a chip it plays), then resumes it if it was on. */
class Pause {
public:
    Pause() noexcept;
    ~Pause();
    Pause(const Pause&) = delete;
    Pause& operator=(const Pause&) = delete;

private:
    bool wasLooking_;
};

struct Finding {
    std::string secret;     ///< the name given to watch
    std::size_t blockSize;  ///< the freed block that held it
    const char* allocator;  ///< "operator delete", "OpenSSL free", "OpenSSL realloc"
};
/** What was found since reset (at most 64 findings are kept). */
std::vector<Finding> findings();

/** Fails the running test case, naming each finding, when anything was found since reset; then resets. */
void checkNothingFound();

/** True when OpenSSL's allocator could be replaced (it must be, before OpenSSL allocates anything). */
bool opensslHooked();

} // namespace cccd::test::freed
