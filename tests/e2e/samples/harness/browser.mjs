// Debian's Chromium through playwright-core: headless, a fresh profile, a fake camera playing a video file (camera
// and microphone allowed without a prompt), console errors collected, screenshots into the sample's folder.
import fs from 'node:fs';
import path from 'node:path';
import { chromiumPath, e2eDir, screenshotDir } from './paths.mjs';
import { onCleanup, onShutdown, tempDir } from './processes.mjs';
import { Skip, step } from './report.mjs';

async function playwright() {
    const entry = path.join(e2eDir, 'node_modules/playwright-core/index.mjs');
    if (!fs.existsSync(entry)) throw new Skip('playwright-core missing in tests/e2e/node_modules (scripts/setup runs npm ci there)');
    return (await import(entry)).chromium;
}

// The exit path (a signal, the watchdog) cannot await a close: kill the Chromium processes of this profile, found by
// their command line, before the profile folder is removed (else Chromium writes into it again).
function killChromiumOf(profile) {
    for (const pid of fs.readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
        try {
            if (fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(`--user-data-dir=${profile}\0`)) process.kill(Number(pid), 'SIGKILL');
        } catch (_) { /* gone, or not ours to see */ }
    }
}

// Every error a page logs, or throws uncaught, from every page of the context.
function collectErrors(page, errors) {
    page.on('console', (m) => { if (m.type() === 'error') errors.push(`${m.text()} (${m.location().url || page.url()})`); });
    page.on('pageerror', (e) => errors.push(`uncaught: ${e.message}`));
}

/**
 * Opens Chromium. cameraVideo: the fake camera's file (make-camera-video; without it Chromium's test pattern);
 * extraArgs: more flags; viewport: {width, height}.
 * Returns {context, page, consoleErrors (strings, also of later pages), screenshot(name, page?), newPage(), close()}.
 */
export async function openBrowser({ cameraVideo, extraArgs = [], viewport = { width: 1280, height: 860 } } = {}) {
    if (!fs.existsSync(chromiumPath)) throw new Skip(`${chromiumPath} missing (Debian chromium; scripts/setup)`);
    const chromium = await playwright();
    step(`open Chromium${cameraVideo ? ` with the camera ${path.basename(cameraVideo)}` : ''}`);
    const profile = tempDir('cccd-e2e-chromium-');
    const context = await chromium.launchPersistentContext(profile, {
        executablePath: chromiumPath,
        headless: true,
        args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
            '--disable-component-update', '--disable-sync', '--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream',
            ...(cameraVideo ? [`--use-file-for-fake-video-capture=${cameraVideo}`] : []), ...extraArgs],
        viewport,
    });
    let open = true;
    onShutdown(async () => { if (open) await context.close(); }); // a test that failed with the browser open
    onCleanup(() => killChromiumOf(profile));
    const consoleErrors = [];
    const watched = new Set();
    const watch = (p) => { if (!watched.has(p)) { watched.add(p); collectErrors(p, consoleErrors); } };
    context.pages().forEach(watch);
    context.on('page', watch);
    const page = context.pages()[0] ?? await context.newPage();
    return {
        context, page, consoleErrors,
        newPage: () => context.newPage(),
        async screenshot(name, of = page) {
            fs.mkdirSync(screenshotDir, { recursive: true });
            const file = path.join(screenshotDir, `${name}.png`);
            await of.screenshot({ path: file, fullPage: true });
            step(`screenshot ${file}`);
            return file;
        },
        async close() { open = false; await context.close(); },
    };
}
