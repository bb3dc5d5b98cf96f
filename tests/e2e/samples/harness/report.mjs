// What a test says: each step, each check (ok / FAIL), and the count at the end. Never personal data: a check's
// detail is printed only when it fails, and tests pass field names or counts, not names or ID numbers.
const started = Date.now();
const counts = { passed: 0, failed: 0 };

/** A missing prerequisite: the test is SKIPPED (exit 4), or FAILED with CCCD_REQUIRE_DATA=1. */
export class Skip extends Error {}

function stamp() { return `[${((Date.now() - started) / 1000).toFixed(1).padStart(5)} s]`; }

/** One line in the log: what the test does next. */
export function step(what) { console.log(`${stamp()} ${what}`); }

/** An assertion: logs it, counts it, and returns ok so that a test can stop or go on. */
export function check(ok, what, detail) {
    if (ok) {
        counts.passed++;
        console.log(`  ok   ${what}`);
    } else {
        counts.failed++;
        const text = detail === undefined ? '' : ': ' + (typeof detail === 'string' ? detail : JSON.stringify(detail));
        console.log(`  FAIL ${what}${text}`);
    }
    return Boolean(ok);
}

/** A failure outside a check (an exception): counted like one. */
export function fail(what) {
    counts.failed++;
    console.log(`FAIL: ${what}`);
}

export function results() { return { ...counts }; }
