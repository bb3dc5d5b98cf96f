// cccd-agent in a real browser: Debian's Chromium, driven by playwright-core, reads the virtual card through the
// agent and its /v1/client.js. Run by run-agent-e2e inside scripts/with-pcscd (PCSCLITE_CSOCK_NAME is set).
//   (a) a page from the allowed origin reads the card: CORS preflight passed, progress and the early document
//       before done, only the two fields asked for, the name and ID on the page, verdict VALID;
//   (b) the same page from another origin is refused (preflight 403, the read rejects as forbidden);
//   (c) the page served from an address Chromium treats as public, with Local Network Access granted, reads too;
//   (d) the allowed page reads the photo (face: true), captures a frame of its (fake) camera with captureFrame and
//       gets a face match of the posted frame.
// Plus the agent's CORS answers seen directly (the Private Network Access preflight header, foreign origin).
// The card has the 424 kbit/s link model (CCCD_E2E_LINK to change it). Exit codes: 0 passed, 1 failed.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { cameraVideo, check, faces, insertCard, openBrowser, paths, request, run, startAgent, stop } from './samples/harness.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = paths.root;
const screenshot = process.env.CCCD_E2E_SCREENSHOT || '';

const ID = '001090123456';
const NAME = 'Nguyễn Văn An';

// The test page and, for a page whose import from the agent is refused, a copy of the client.
function pageServer() {
    const page = fs.readFileSync(path.join(here, 'page/index.html'));
    const client = fs.readFileSync(path.join(root, 'sdk/service/client.js'));
    const server = http.createServer((req, res) => {
        const url = new URL(req.url, 'http://localhost');
        if (url.pathname === '/' || url.pathname === '/index.html') {
            res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
            res.end(page);
        } else if (url.pathname === '/client.js') {
            res.writeHead(200, { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'no-store' });
            res.end(client);
        } else {
            res.writeHead(404);
            res.end();
        }
    });
    return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, port: server.address().port })));
}

// Chromium's view of the network for one page: preflights and responses to the agent.
async function watchNetwork(context, page, agentPort) {
    const seen = [];
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    const toAgent = (url) => url && url.startsWith(`http://127.0.0.1:${agentPort}/`);
    const requests = new Map();
    cdp.on('Network.requestWillBeSent', (e) => { requests.set(e.requestId, { url: e.request.url, method: e.request.method, type: e.type }); });
    cdp.on('Network.responseReceived', (e) => {
        if (!toAgent(e.response.url)) return;
        const headers = Object.fromEntries(Object.entries(e.response.headers).map(([k, v]) => [k.toLowerCase(), v]));
        seen.push({ kind: 'response', type: e.type, url: e.response.url, status: e.response.status, headers });
    });
    cdp.on('Network.loadingFailed', (e) => {
        const r = requests.get(e.requestId);
        if (!r || !toAgent(r.url)) return;
        seen.push({ kind: 'failed', type: e.type, url: r.url, error: e.errorText, cors: e.corsErrorStatus && e.corsErrorStatus.corsError });
    });
    return seen;
}

async function readFromPage(context, pageUrl, agentPort, { shot, button = '#read' } = {}) {
    const page = await context.newPage();
    const network = await watchNetwork(context, page, agentPort);
    const consoleLines = [];
    page.on('console', (m) => consoleLines.push(`${m.type()}: ${m.text()}`));
    page.on('pageerror', (e) => consoleLines.push(`pageerror: ${e.message}`));
    await page.goto(pageUrl);
    try {
        await page.waitForFunction(() => window.__e2eReady === true, null, { timeout: 15000 });
    } catch (e) {
        console.log(`  the page did not load its client:\n    ${consoleLines.join('\n    ')}`);
        throw e;
    }
    await page.fill('#key', ID);
    const started = Date.now();
    await page.click(button);
    await page.waitForFunction(() => window.__e2e.finished === true, null, { timeout: 60000 });
    const ms = Date.now() - started;
    const result = await page.evaluate(() => window.__e2e);
    const dom = { name: await page.textContent('#name'), id: await page.textContent('#id'), status: await page.textContent('#status') };
    if (shot) {
        fs.mkdirSync(path.dirname(shot), { recursive: true });
        await page.screenshot({ path: shot, fullPage: true });
        console.log(`  screenshot: ${shot}`);
    }
    await page.close();
    return { result, dom, network, ms, consoleLines };
}

async function main() {
    // The virtual card behind the private pcscd.
    await insertCard('nguyen-van-an', { link: process.env.CCCD_E2E_LINK || '424k' });

    // The test pages: the allowed origin, a foreign one, and one Chromium will treat as public.
    const allowed = await pageServer();
    const foreign = await pageServer();
    const publicPage = await pageServer();
    const allowedOrigin = `http://localhost:${allowed.port}`;
    const foreignOrigin = `http://localhost:${foreign.port}`;
    const publicOrigin = `http://localhost:${publicPage.port}`;

    // The agent, on a free port, with its own token file and an empty home for its trust store.
    const agentStarted = Date.now();
    const agent = await startAgent({ origins: [allowedOrigin, publicOrigin] });
    const agentPort = agent.port;
    console.log(`cccd-agent listening on port ${agentPort} after ${Date.now() - agentStarted} ms; pages on ${allowedOrigin} (allowed), ` +
                `${foreignOrigin} (foreign), ${publicOrigin} (allowed, public to Chromium)`);
    const token = agent.token;
    check((fs.statSync(agent.tokenFile).mode & 0o777) === 0o600 && /^[0-9a-f]{32,}$/i.test(token), 'token file: mode 0600, at least 128 bits in hex');
    const host = { Host: `127.0.0.1:${agentPort}` };

    console.log('agent answers seen directly:');
    const preflight = await request(agentPort, 'OPTIONS', '/v1/read', {
        ...host, Origin: allowedOrigin, 'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'content-type', 'Access-Control-Request-Private-Network': 'true',
    });
    check(preflight.status >= 200 && preflight.status < 300, 'preflight from the allowed origin: 2xx', preflight.status);
    check(preflight.headers['access-control-allow-origin'] === allowedOrigin, 'preflight: Access-Control-Allow-Origin is the origin', preflight.headers);
    check(/POST/.test(preflight.headers['access-control-allow-methods'] || ''), 'preflight: POST allowed');
    check(/content-type/i.test(preflight.headers['access-control-allow-headers'] || '') &&
          /authorization/i.test(preflight.headers['access-control-allow-headers'] || ''), 'preflight: Content-Type and Authorization allowed');
    check(preflight.headers['access-control-allow-private-network'] === 'true', 'Private Network Access preflight: Access-Control-Allow-Private-Network: true');
    const foreignPreflight = await request(agentPort, 'OPTIONS', '/v1/read', { ...host, Origin: foreignOrigin, 'Access-Control-Request-Method': 'POST' });
    check(foreignPreflight.status === 403 && !foreignPreflight.headers['access-control-allow-origin'], 'preflight from a foreign origin: 403 without CORS headers', foreignPreflight.status);
    const foreignWithToken = await request(agentPort, 'GET', '/v1/readers', { ...host, Origin: foreignOrigin, Authorization: `Bearer ${token}` });
    check(foreignWithToken.status === 403 && foreignWithToken.json?.error?.code === 'forbidden', 'a foreign origin with the token: 403 forbidden', foreignWithToken.text);
    const health = await request(agentPort, 'GET', '/v1/health', host);
    check(health.status === 200 && health.json?.status === 'ok', 'GET /v1/health without credentials: ok', health.text);

    const browser = await openBrowser({
        // A camera that shows a picture of the card holder (make-camera-video), allowed without a prompt.
        cameraVideo: cameraVideo(faces.cardHolder),
        // The public page: as if it came from a server on the Internet (Local Network Access applies).
        extraArgs: [`--ip-address-space-overrides=127.0.0.1:${publicPage.port}=public`],
        viewport: { width: 820, height: 720 },
    });
    const context = browser.context;
    try {
        console.log(`(a) a page from the allowed origin ${allowedOrigin}, Chromium ${context.browser()?.version() ?? ''}:`);
        const a = await readFromPage(context, `${allowedOrigin}/?agent=http://127.0.0.1:${agentPort}`, agentPort, { shot: screenshot });
        const ra = a.result;
        check(ra.client === 'agent', 'the page imported the client from the agent (/v1/client.js)', ra.importError);
        check(ra.baseUrl === `http://127.0.0.1:${agentPort}`, 'the client found the agent from its own URL', ra.baseUrl);
        if (!check(ra.error === null && ra.report, 'the read resolved', ra.error)) console.log('    ' + a.consoleLines.join('\n    '));
        const doc = ra.report ? ra.report.document : {};
        check(JSON.stringify(Object.keys(doc).sort()) === '["full_name","id_number"]', 'the report holds id_number and full_name and no other document field', Object.keys(doc));
        check(doc.full_name === NAME && doc.id_number === ID, `the report: ${NAME}, ${ID}`, doc);
        check(ra.report && !ra.report.face, 'no photo in the report (face not asked for)', ra.report && ra.report.face);
        check(ra.report?.verification?.overall === 'VALID', 'verification VALID against the test CSCA', ra.report?.verification?.overall);
        check(a.dom.name === NAME && a.dom.id === ID, `the page shows ${NAME} and ${ID}`, a.dom);
        const types = ra.events.map((e) => e.type);
        const done = types.indexOf('done');
        check(done > 0, 'a done event arrived', types);
        check(types.indexOf('progress') >= 0 && types.indexOf('progress') < done, 'a progress event before done', types);
        check(types.indexOf('document') >= 0 && types.indexOf('document') < done, 'the document event before done', types);
        const early = ra.events.find((e) => e.type === 'document');
        check(early && JSON.stringify(Object.keys(early.data.document).sort()) === '["full_name","id_number"]' && early.data.document.full_name === NAME,
            'the early document holds the two fields asked for', early && early.data);
        check(ra.events.every((e) => e.data.request_id === ra.report?.request_id), 'every event carries this read\'s request_id');
        const pre = a.network.find((n) => n.kind === 'response' && n.type === 'Preflight' && n.url.endsWith('/v1/read'));
        check(pre && pre.status >= 200 && pre.status < 300, 'Chromium sent the CORS preflight for POST /v1/read and it passed', pre || a.network);
        const post = a.network.find((n) => n.kind === 'response' && n.type === 'Fetch' && n.url.endsWith('/v1/read'));
        check(post && post.status === 200 && post.headers['access-control-allow-origin'] === allowedOrigin, 'POST /v1/read: 200 with Access-Control-Allow-Origin', post);
        console.log(`  read in ${a.ms} ms as the page saw it (first event after ${ra.events[0]?.ms ?? '?'} ms; agent timing_ms ${JSON.stringify(ra.report?.timing_ms ?? {})})`);

        console.log(`(b) the same page from a foreign origin ${foreignOrigin}:`);
        const b = await readFromPage(context, `${foreignOrigin}/?agent=http://127.0.0.1:${agentPort}`, agentPort);
        const rb = b.result;
        check(rb.report === null && rb.error, 'the read rejected', rb.report);
        check(rb.error && rb.error.code === 'forbidden' && rb.error.status === 403, 'with forbidden (403)', rb.error);
        check(!rb.events.some((e) => e.type === 'document'), 'no document event reached the page', rb.events);
        check(b.dom.name === '' && b.dom.id === '', 'the page shows no name or ID', b.dom);
        const refused = b.network.find((n) => n.kind === 'response' && n.type === 'Preflight' && n.url.endsWith('/v1/read'));
        check(refused && refused.status === 403, 'the agent answered its preflight with 403', refused || b.network);
        const blocked = b.network.find((n) => n.kind === 'failed' && n.url.endsWith('/v1/read'));
        check(blocked && blocked.cors, 'Chromium blocked the read (CORS)', blocked);
        console.log(`  the page says: ${b.dom.status}`);

        console.log(`(c) the page from ${publicOrigin}, public to Chromium, Local Network Access granted:`);
        await context.grantPermissions(['local-network-access'], { origin: publicOrigin });
        const c = await readFromPage(context, `${publicOrigin}/?agent=http://127.0.0.1:${agentPort}`, agentPort);
        const rc = c.result;
        check(rc.error === null && rc.report?.document?.full_name === NAME, 'a public page with the permission reads the card', rc.error || rc.report);
        const preC = c.network.find((n) => n.kind === 'response' && n.type === 'Preflight' && n.url.endsWith('/v1/read'));
        check(preC && preC.status >= 200 && preC.status < 300, 'its preflight passed', preC || c.network);

        console.log(`(d) face: the allowed page reads the photo, captures a frame of its camera and asks for a match:`);
        await context.grantPermissions(['camera'], { origin: allowedOrigin });
        const d = await readFromPage(context, `${allowedOrigin}/?agent=http://127.0.0.1:${agentPort}`, agentPort, { button: '#match', shot: process.env.CCCD_E2E_SCREENSHOT_FACE || '' });
        const rd = d.result;
        if (rd.error && /model/i.test(rd.error.message) && process.env.CCCD_REQUIRE_DATA !== '1') {
            console.log(`  SKIPPED (d): the agent has no face models: ${rd.error.message}`);
        } else {
            check(rd.error === null, 'read with face, camera frame and face match resolved', rd.error);
            const face = rd.faceReport && rd.faceReport.face;
            check(face && face.format === 'JPEG' && face.bytes > 1000, 'the report holds the chip photo (JPEG) when face: true', rd.faceReport);
            check(rd.faceReport && JSON.stringify(Object.keys(rd.faceReport.document).sort()) === '["full_name","id_number"]',
                'still only the two fields asked for', rd.faceReport && rd.faceReport.document);
            check(rd.frameBytes > 10000, 'captureFrame gave a JPEG of the camera frame', rd.frameBytes);
            check(rd.match && rd.match.match === true && rd.match.score >= rd.match.threshold && !rd.match.problem,
                'face-match of the posted frame: the same person', rd.match);
            if (rd.match) console.log(`  score ${rd.match.score} (threshold ${rd.match.threshold}), ${JSON.stringify(rd.match.timing_ms)}`);
        }
    } finally {
        await browser.close();
    }
    const agentProcess = agent.process;
    check(agentProcess.exited === undefined, 'the agent is still running', agentProcess.exited);
    // Stopped as systemd stops it; under ASan this also catches memory errors and leaks at exit.
    const status = await stop(agentProcess, 15000);
    check(status === 0, 'the agent stops with exit code 0 on SIGTERM', `${status}\n${agentProcess.output.slice(-3000)}`);
    check(!agentProcess.output.includes(ID) && !agentProcess.output.includes('Nguy'), 'the agent logged no name and no full ID number',
        agentProcess.output.split('\n').filter((l) => l.includes(ID) || l.includes('Nguy')));
}

await run(main, { timeoutSeconds: 240 });
