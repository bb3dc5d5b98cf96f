// A free TCP port on the loopback interface, for a server a test starts (the agent).
#pragma once

namespace cccd::test {

/** A port the kernel just handed out and released: free unless another process takes it first. */
int freeTcpPort();

} // namespace cccd::test
