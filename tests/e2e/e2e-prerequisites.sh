# Shared by the browser e2e runners (run-agent-e2e, run-sample-e2e), sourced: what they need, and the skip rule.
# A missing prerequisite exits 4 (SKIPPED); with CCCD_REQUIRE_DATA=1 it exits 1 (FAILED) instead.

skip() {
  if [ "${CCCD_REQUIRE_DATA:-0}" = 1 ]; then
    echo "FAILED (CCCD_REQUIRE_DATA=1): $1" >&2
    exit 1
  fi
  echo "SKIPPED: $1"
  exit 4
}

# Node.js, Debian's Chromium, playwright-core, and root with pcscd and vpcd for a private card stack.
require_browser_stack() {
  local here=$1
  command -v node >/dev/null || skip "node missing (Debian nodejs; scripts/setup)"
  chromium=${CCCD_CHROMIUM:-/usr/bin/chromium}
  [ -x "$chromium" ] || skip "$chromium missing (Debian chromium; scripts/setup)"
  [ -f "$here/node_modules/playwright-core/index.mjs" ] || skip "playwright-core missing in tests/e2e/node_modules (scripts/setup runs npm ci there)"
  [ "$(id -u)" -eq 0 ] || skip "needs root for a private pcscd (scripts/with-pcscd)"
  [ -r /usr/lib/pcsc/drivers/serial/libifdvpcd.so ] || skip "vpcd driver missing (Debian vsmartcard-vpcd)"
  command -v pcscd >/dev/null || skip "pcscd missing (Debian pcscd)"
}

# The project's programs the test runs: missing ones are a build to do, not a skip.
require_programs() {
  local bin=$1
  shift
  for program in "$@"; do
    [ -x "$bin/$program" ] || { echo "FAILED: $bin/$program missing: build it (scripts/build)" >&2; exit 1; }
  done
}

# The first of a free pair of TCP ports for vpcd's two readers, away from the default 35963 other tests may use.
free_vpcd_port() {
  node -e '
const net = require("net");
const free = (p) => new Promise((r) => { const s = net.createServer(); s.once("error", () => r(false)); s.listen(p, "0.0.0.0", () => s.close(() => r(true))); });
(async () => {
  for (let i = 0; i < 200; ++i) {
    const p = 20000 + 2 * Math.floor(Math.random() * 7000);
    if (await free(p) && await free(p + 1)) { console.log(p); return; }
  }
  process.exit(1);
})();'
}
