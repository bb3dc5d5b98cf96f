// The e2e harness of the sample apps (and of the agent's browser test): virtual cards on a private pcscd, the agent
// with a camera video, a sample server on SQLite or a throwaway PostgreSQL, its database seen through the command-line
// clients, and Chromium. Everything started is stopped, and every temporary folder removed, at exit.
// Run a test with tests/e2e/run-sample-e2e SAMPLE [sqlite|postgres]; a test file is
//
//   import { run, startStack, insertCard, openBrowser, cameraVideo, faces, dbQuery, check } from './harness.mjs';
//   await run(async () => {
//       const { app } = await startStack('kiosk', { cameraVideo: cameraVideo(faces.cardHolder) });
//       await insertCard('nguyen-van-an');
//       const browser = await openBrowser({ cameraVideo: cameraVideo(faces.cardHolder) });
//       await browser.page.goto(app.url);
//       ...
//       check((await dbQuery('select count(*) as n from visits'))[0].n === 1, 'one visit recorded');
//   });
import { programOutputs, shutdown } from './harness/processes.mjs';
import { Skip, check, fail, results, step } from './harness/report.mjs';

export { startAgent } from './harness/agent.mjs';
export { openBrowser } from './harness/browser.mjs';
export { insertCard, makeProfile, readers, removeCard, slotReader, swapCard } from './harness/card.mjs';
export { dbQuery, useDatabase } from './harness/database.mjs';
export { cameraVideo, chipFace, faces, qrCameraVideo } from './harness/faces.mjs';
export { fetchJson, request } from './harness/http.mjs';
export * as paths from './harness/paths.mjs';
export { startPostgres } from './harness/postgres.mjs';
export { freePort, onCleanup, onShutdown, start, stop, tempDir, until, untilOutput } from './harness/processes.mjs';
export { startSample, startStack } from './harness/sample.mjs';
export { Skip, check, step };

/**
 * Runs a test: its checks, then the shutdown of all it started; exits 0 (passed), 1 (a check failed, an exception,
 * or no check at all), or 4 (SKIPPED: a prerequisite is missing; FAILED instead with CCCD_REQUIRE_DATA=1).
 */
export async function run(test, { timeoutSeconds = Number(process.env.CCCD_E2E_TIMEOUT || 540) } = {}) {
    const watchdog = setTimeout(() => {
        fail(`the test took longer than ${timeoutSeconds} s`);
        console.log(programOutputs().join('\n'));
        process.exit(1);
    }, timeoutSeconds * 1000);
    watchdog.unref();
    let skipped = null;
    try {
        await test();
    } catch (e) {
        if (e instanceof Skip && process.env.CCCD_REQUIRE_DATA !== '1') {
            skipped = e.message;
        } else {
            fail(e instanceof Skip ? `(CCCD_REQUIRE_DATA=1) ${e.message}` : e.stack || String(e));
            console.log(programOutputs().join('\n'));
        }
    }
    try {
        await shutdown();
    } catch (e) {
        fail(`shutdown: ${e.stack || e}`);
    }
    clearTimeout(watchdog);
    const { passed, failed } = results();
    if (skipped && !failed) {
        console.log(`SKIPPED: ${skipped}`);
        process.exit(4);
    }
    if (!passed && !failed) fail('the test checked nothing');
    console.log(`${results().passed} passed, ${results().failed} failed`);
    process.exit(results().failed ? 1 : 0);
}
