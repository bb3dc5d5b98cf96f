// Memory that holds secrets (keys, CAN, MRZ seeds) or biometrics is wiped before it is released.
#pragma once

#include <cstddef>
#include <cstdint>
#include <limits>
#include <new>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

namespace cccd {

/** Overwrites memory with zeros in a way the optimiser cannot remove. */
void secureZero(void* data, std::size_t size) noexcept;

/** An allocator that wipes every block it frees, including blocks left behind when a vector grows. */
template <class T>
struct WipingAllocator {
    using value_type = T;
    WipingAllocator() noexcept = default;
    template <class U>
    WipingAllocator(const WipingAllocator<U>&) noexcept {}
    T* allocate(std::size_t n)
    {
        if (n > std::numeric_limits<std::size_t>::max() / sizeof(T)) throw std::bad_array_new_length();
        return static_cast<T*>(::operator new(n * sizeof(T)));
    }
    void deallocate(T* p, std::size_t n) noexcept
    {
        secureZero(p, n * sizeof(T));
        ::operator delete(p);
    }
    template <class U>
    bool operator==(const WipingAllocator<U>&) const noexcept { return true; }
    template <class U>
    bool operator!=(const WipingAllocator<U>&) const noexcept { return false; }
};

/** A byte buffer for secrets: zeroed when it is freed. */
using SecureBytes = std::vector<std::uint8_t, WipingAllocator<std::uint8_t>>;

/** Wipes a byte vector's contents and empties it. */
void wipe(std::vector<std::uint8_t>& bytes) noexcept;

/** Wipes a string's whole buffer (capacity() bytes: also a short string kept inside the object) and empties it. */
void wipe(std::string& text) noexcept;

/**
 * Assignment for a type whose destructor wipes it: the old value is destroyed, so wiped, and the new one moved into
 * its place, every member (no list of them here to keep up to date). For plain structs only: no virtual functions,
 * never used as a base (the whole object is rebuilt).
 */
template <class T>
T& wipeAndReplace(T& target, T&& source) noexcept
{
    static_assert(std::is_nothrow_move_constructible_v<T> && !std::is_polymorphic_v<T>);
    if (&target != &source) {
        target.~T();
        ::new (static_cast<void*>(&target)) T(std::move(source));
    }
    return target;
}

/** The same for a copy, made first: when copying throws, target keeps its value. */
template <class T>
T& wipeAndReplace(T& target, const T& source)
{
    return wipeAndReplace(target, T(source));
}

/** Wipes a byte vector when the scope ends, however it ends (a photo that an exception must not leave behind). */
class WipeOnExit {
public:
    explicit WipeOnExit(std::vector<std::uint8_t>& bytes) noexcept : bytes_(bytes) {}
    ~WipeOnExit() { wipe(bytes_); }
    WipeOnExit(const WipeOnExit&) = delete;
    WipeOnExit& operator=(const WipeOnExit&) = delete;

private:
    std::vector<std::uint8_t>& bytes_;
};

} // namespace cccd
