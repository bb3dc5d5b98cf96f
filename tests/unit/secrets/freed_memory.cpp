#include "freed_memory.hpp"

#include <catch2/catch.hpp>
#include <malloc.h>
#include <openssl/crypto.h>

#include <algorithm>
#include <array>
#include <cstdlib>
#include <cstring>
#include <new>

namespace cccd::test::freed {

namespace {
// Static storage only: the inspection runs inside operator delete and must not allocate.
struct Secret {
    std::array<char, 48> name{};
    std::array<std::uint8_t, 256> bytes{};
    std::size_t size = 0;
};
struct Found {
    std::size_t secret;
    std::size_t blockSize;
    const char* allocator;
};
std::array<Secret, 256> secrets;
std::size_t secretCount = 0;
std::array<Found, 64> found;
std::size_t foundCount = 0;
bool looking = false;

void inspect(const void* block, std::size_t size, const char* allocator) noexcept
{
    if (!looking || block == nullptr) return;
    for (std::size_t i = 0; i < secretCount && foundCount < found.size(); ++i) {
        if (memmem(block, size, secrets[i].bytes.data(), secrets[i].size)) found[foundCount++] = Found{i, size, allocator};
    }
}

// A block freed while nobody looks is zeroed, so its old bytes (the test's own copies of a secret, or a chip's the
// test plays) cannot turn up later in an uninitialised block the code under test allocates and frees.
void inspectOrClear(void* block, std::size_t size, const char* allocator) noexcept
{
    if (looking) inspect(block, size, allocator);
    else std::memset(block, 0, size);
}

void add(const std::string& name, const std::uint8_t* data, std::size_t size)
{
    if (secretCount == secrets.size() || size < 6) return;
    Secret& s = secrets[secretCount++];
    std::size_t n = std::min(name.size(), s.name.size() - 1);
    std::memcpy(s.name.data(), name.data(), n);
    s.name[n] = '\0';
    s.size = std::min(size, s.bytes.size());
    std::memcpy(s.bytes.data(), data, s.size);
}

// operator new keeps each block's size in front of it, so operator delete can look at the whole block.
constexpr std::size_t header = alignof(std::max_align_t);

void* allocate(std::size_t size, std::size_t alignment = header)
{
    std::size_t front = std::max(header, alignment);
    void* raw = alignment > header ? std::aligned_alloc(alignment, ((front + size + alignment - 1) / alignment) * alignment) : std::malloc(front + size);
    if (!raw) return nullptr;
    auto* block = static_cast<unsigned char*>(raw) + front;
    std::memcpy(block - sizeof(std::size_t), &size, sizeof size);
    std::memcpy(block - 2 * sizeof(std::size_t), &front, sizeof front);
    return block;
}

void release(void* p) noexcept
{
    if (!p) return;
    auto* block = static_cast<unsigned char*>(p);
    std::size_t size = 0, front = 0;
    std::memcpy(&size, block - sizeof(std::size_t), sizeof size);
    std::memcpy(&front, block - 2 * sizeof(std::size_t), sizeof front);
    inspectOrClear(block, size, "operator delete");
    std::free(block - front);
}

void* opensslMalloc(std::size_t size, const char*, int) { return std::malloc(size); }
void* opensslRealloc(void* p, std::size_t size, const char*, int)
{
    if (p) inspect(p, malloc_usable_size(p), "OpenSSL realloc"); // a moved block is left behind unwiped
    return std::realloc(p, size);
}
void opensslFree(void* p, const char*, int)
{
    if (p) inspectOrClear(p, malloc_usable_size(p), "OpenSSL free");
    std::free(p);
}

// Before main, so before OpenSSL's first allocation.
const bool hooked = CRYPTO_set_mem_functions(opensslMalloc, opensslRealloc, opensslFree) == 1;
} // namespace

void watch(const std::string& name, ByteView secret, bool reversedToo)
{
    add(name, secret.data(), secret.size());
    if (reversedToo) {
        std::array<std::uint8_t, 256> reversed{};
        std::size_t n = std::min(secret.size(), reversed.size());
        std::reverse_copy(secret.begin(), secret.begin() + n, reversed.begin());
        add(name + " (reversed)", reversed.data(), n);
    }
}

void reset()
{
    looking = false;
    secretCount = 0;
    foundCount = 0;
}

void start() { looking = true; }
void stop() { looking = false; }

Pause::Pause() noexcept : wasLooking_(looking) { looking = false; }
Pause::~Pause() { looking = wasLooking_; }

std::vector<Finding> findings()
{
    bool was = looking;
    looking = false; // the vector below is allocated and freed
    std::vector<Finding> out;
    for (std::size_t i = 0; i < foundCount; ++i) out.push_back({secrets[found[i].secret].name.data(), found[i].blockSize, found[i].allocator});
    looking = was;
    return out;
}

void checkNothingFound()
{
    std::vector<Finding> found = findings();
    for (const auto& f : found) UNSCOPED_INFO(f.secret << " in a freed block of " << f.blockSize << " bytes (" << f.allocator << ")");
    CHECK(found.empty());
    reset();
}

bool opensslHooked() { return hooked; }

} // namespace cccd::test::freed

// The program's allocation functions: every form, so no block is freed by a function that did not allocate it.
void* operator new(std::size_t size)
{
    if (void* p = cccd::test::freed::allocate(size)) return p;
    throw std::bad_alloc();
}
void* operator new[](std::size_t size) { return operator new(size); }
void* operator new(std::size_t size, const std::nothrow_t&) noexcept { return cccd::test::freed::allocate(size); }
void* operator new[](std::size_t size, const std::nothrow_t&) noexcept { return cccd::test::freed::allocate(size); }
void* operator new(std::size_t size, std::align_val_t a)
{
    if (void* p = cccd::test::freed::allocate(size, static_cast<std::size_t>(a))) return p;
    throw std::bad_alloc();
}
void* operator new[](std::size_t size, std::align_val_t a) { return operator new(size, a); }
void operator delete(void* p) noexcept { cccd::test::freed::release(p); }
void operator delete[](void* p) noexcept { cccd::test::freed::release(p); }
void operator delete(void* p, std::size_t) noexcept { cccd::test::freed::release(p); }
void operator delete[](void* p, std::size_t) noexcept { cccd::test::freed::release(p); }
void operator delete(void* p, const std::nothrow_t&) noexcept { cccd::test::freed::release(p); }
void operator delete[](void* p, const std::nothrow_t&) noexcept { cccd::test::freed::release(p); }
void operator delete(void* p, std::align_val_t) noexcept { cccd::test::freed::release(p); }
void operator delete[](void* p, std::align_val_t) noexcept { cccd::test::freed::release(p); }
void operator delete(void* p, std::size_t, std::align_val_t) noexcept { cccd::test::freed::release(p); }
void operator delete[](void* p, std::size_t, std::align_val_t) noexcept { cccd::test::freed::release(p); }
