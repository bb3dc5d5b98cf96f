// The self-service kiosk end to end: the virtual card, cccd-agent, two kiosk servers sharing one database (SQLite or
// a throwaway PostgreSQL), Chromium at 1280x800 (the landscape touch screen of a floor-standing kiosk, and the size
// of the docs' screenshots) with a fake camera.
//   - happy path through the built-in QR scanner (keyboard wedge): greeting before the read ends, the face screen with
//     the live camera and the chip photo, ticket A001; then the on-screen keypad: ticket A002; the print view;
//   - a second kiosk on the same database, its camera the agent's (camera:0), continuing the numbering;
//   - the card's QR held to the page's camera; wrong CAN; the card pulled out mid-read; another person's face;
//     the agent not running: each a full-screen message for a citizen with its next step;
//   - idle reset (a short --idle-seconds) with the ID typed on the keypad and after a session, Cancel, Finish;
//   - nothing about the citizen is kept: the database (every table), the page (DOM, inputs, images, camera,
//     localStorage, sessionStorage, the JavaScript heap after GC) and the server's log hold no ID, name or birth date.
import {
    cameraVideo, check, dbQuery, faces, freePort, insertCard, openBrowser, removeCard, qrCameraVideo, run, startAgent, startSample, step, swapCard,
} from './harness.mjs';
import { kioskStrings } from '../../../samples/kiosk/web/kiosk-strings.js';

const vi = kioskStrings.vi;
const en = kioskStrings.en;
const ID = '001090123456';
const NAME = 'Nguyễn Văn An';
const QR = `${ID}|012345678|${NAME}|01011990|Nam|Số 12, Ngõ 34 Phố Hàng Bạc, Phường Hàng Bạc, Quận Hoàn Kiếm, Thành phố Hà Nội|15042021`;
// Anything that would identify the citizen, in every form the page or the server could have written it.
const PERSONAL = [ID, '090123456', NAME, 'Nguyen Van An', 'NGUYEN', '1990-01-01', '01/01/1990', '01011990', '012345678', 'Hàng Bạc'];
const VIEWPORT = { width: 1280, height: 800 };
const SECONDS = 60; // result screens stay this long on kiosk A: the tests press Finish / Cancel themselves
const IDLE = 6;     // kiosk B's idle timeout

const screenIs = (page, name, timeout = 30000) => page.waitForSelector(`body[data-screen="${name}"]`, { timeout });
const text = async (page, selector) => ((await page.textContent(selector)) || '').trim();
const found = (haystack) => PERSONAL.filter((needle) => haystack.includes(needle));
// Chromium logs each answer other than 2xx; the agent's refusals of a read (wrong CAN, card pulled, no card, and the
// simulated two cards and unplugged reader) are expected here, any other console error is not.
const unexpected = (errors) => errors.filter((e) => !/Failed to load resource: the server responded with a status of (408|409|410|422|503) .*\/v1\/read/.test(e));

// A kiosk's browser: its fake camera plays the video; still animations make the screenshots repeatable.
async function kioskBrowser(video) {
    const browser = await openBrowser({ cameraVideo: video, viewport: VIEWPORT });
    await browser.page.emulateMedia({ reducedMotion: 'reduce' });
    return browser;
}

async function openKiosk(browser, url) {
    await browser.page.goto(url);
    await screenIs(browser.page, 'start');
    await browser.page.waitForSelector('#agent-state[data-state="ready"]', { timeout: 15000 });
}

// The built-in QR scanner: a keyboard wedge typing the card-face QR and Enter into whatever has the focus.
async function scanWithWedge(page) {
    await page.keyboard.type(QR);
    await page.keyboard.press('Enter');
}

async function pressKeypad(page, digits) {
    for (const d of digits) await page.click(`#keypad [data-key="${d}"]`);
}

// What the page holds, gathered in the page and searched here (the needles never enter the page's heap).
async function pageDump(page) {
    return page.evaluate(() => {
        const parts = [document.documentElement.outerHTML];
        for (const el of document.querySelectorAll('input, textarea')) parts.push(el.value);
        for (const img of document.images) parts.push(img.currentSrc || img.src || '');
        for (const store of [localStorage, sessionStorage]) {
            for (let i = 0; i < store.length; ++i) parts.push(store.key(i), store.getItem(store.key(i)));
        }
        return {
            text: parts.join('\n'),
            photos: [...document.images].filter((img) => img.getAttribute('src')).length,
            cameras: [...document.querySelectorAll('video')].filter((v) => v.srcObject).length,
        };
    });
}

// The agent's client.js, whose comments show an example ID number: its source is in the page's heap, not a trace.
let clientSource = '';

// Every string in the page's JavaScript heap after a garbage collection (variables, closures, answers kept), but
// client.js's source.
async function heapStrings(page) {
    const cdp = await page.context().newCDPSession(page);
    const chunks = [];
    cdp.on('HeapProfiler.addHeapSnapshotChunk', (e) => chunks.push(e.chunk));
    await cdp.send('HeapProfiler.enable');
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
    await cdp.detach();
    return JSON.parse(chunks.join('')).strings.filter((s) => s !== clientSource).join('\n');
}

async function checkNoTrace(page, when) {
    const dump = await pageDump(page);
    check(found(dump.text).length === 0, `${when}: the DOM, inputs, images and storage hold no ID, name or birth date`, found(dump.text).length);
    check(dump.photos === 0 && dump.cameras === 0, `${when}: no photo in the page, the camera is off`, dump);
    const heap = await heapStrings(page);
    check(found(heap).length === 0, `${when}: the page's JavaScript heap holds none of them`, `${found(heap).length} kinds of trace`);
}

async function checkDatabaseAnonymous(db, when) {
    const tables = db.kind === 'sqlite'
        ? (await dbQuery("select name from sqlite_master where type = 'table'", db)).map((r) => r.name)
        : (await dbQuery("select table_name as name from information_schema.tables where table_schema = 'public'", db)).map((r) => r.name);
    let everything = '';
    for (const table of tables) everything += JSON.stringify(await dbQuery(`select * from ${table}`, db));
    check(tables.includes('kiosk_sessions') && found(everything).length === 0,
        `${when}: no table of the database holds an ID, name or birth date (${tables.length} tables)`, found(everything).length);
    const columns = db.kind === 'sqlite'
        ? (await dbQuery("select name from pragma_table_info('kiosk_sessions')", db)).map((r) => r.name)
        : (await dbQuery("select column_name as name from information_schema.columns where table_name = 'kiosk_sessions' order by ordinal_position", db)).map((r) => r.name);
    check(columns.join() === 'id,day,ticket_number,finished_at,outcome', `${when}: a session row is its day, number, time and outcome only`, columns);
}

const sessions = (db) => dbQuery('select ticket_number, outcome, finished_at from kiosk_sessions order by id', db);

// A QR of the card face as a camera sees it: the code in the middle of a 4:3 white frame.
async function happyPaths(kiosk, app) {
    const { page } = kiosk;
    step('happy path 1: the built-in QR scanner, face, ticket A001');
    await openKiosk(kiosk, app.url);
    check(await text(page, 'h1[data-i18n="kiosk.start.title"]') === vi['kiosk.start.title'], 'screen 1 in Vietnamese: place your ID card on the reader');
    const buttons = await page.$$eval('button:not([hidden])', (all) => all.filter((b) => b.offsetParent).map((b) => b.getBoundingClientRect().height));
    check(buttons.length >= 3 && buttons.every((h) => h >= 64), 'every button on screen 1 is at least 64 px high (touch)', buttons);
    await kiosk.screenshot('01-start');
    check(await page.evaluate(() => document.activeElement.id) === 'scanner-input', 'the hidden scanner field has the focus');

    await scanWithWedge(page);
    await screenIs(page, 'reading');
    await page.waitForSelector('#greeting:not([hidden])', { timeout: 20000 });
    const early = await page.evaluate(() => ({ screen: document.body.dataset.screen, percent: document.getElementById('read-bar').value }));
    check(await text(page, '#greeting') === `Xin chào, ${NAME}`, 'the greeting as soon as DG1+DG13 arrive: "Xin chào, <name>"');
    check(early.screen === 'reading' && early.percent < 100, 'the greeting comes before the read is done (progress bar still moving)', early);
    await kiosk.screenshot('02-reading');

    await screenIs(page, 'face');
    await page.waitForFunction(() => document.getElementById('face-video').videoWidth > 0 && !document.getElementById('chip-photo').hidden, null, { timeout: 10000 });
    check(true, 'the face screen shows the live camera (the page\'s getUserMedia) and the chip photo');
    await kiosk.screenshot('03-face');

    await screenIs(page, 'ticket');
    check(await text(page, '#ticket-number') === 'A001', 'verified: ticket A001', await text(page, '#ticket-number'));
    const afterFace = await pageDump(page);
    check(afterFace.photos === 0 && afterFace.cameras === 0 && found(afterFace.text).length === 0,
        'the ticket screen already holds nothing of the citizen (photo, camera, name wiped)');
    await kiosk.screenshot('04-ticket');
    await page.emulateMedia({ media: 'print' });
    await kiosk.screenshot('05-ticket-print');
    const printed = await page.evaluate(() => [...document.querySelectorAll('body *')].filter((el) => el.offsetParent !== null || el === document.body)
        .map((el) => el.id).filter(Boolean));
    check(printed.includes('ticket-number') && !printed.includes('cancel') && !printed.includes('lang'), 'the print view is the ticket alone', printed);
    await page.emulateMedia({ media: 'screen' });
    let rows = await sessions(app.db);
    check(rows.length === 1 && rows[0].ticket_number === 1 && rows[0].outcome === 'verified' && /^\d{4}-\d\d-\d\dT/.test(rows[0].finished_at),
        'DB: one session, ticket 1, verified, its time', rows);

    await page.click('[data-panel="ticket"] .finish');
    await screenIs(page, 'start');
    await checkNoTrace(page, 'after Finish');

    step('happy path 2: the 12 digits on the on-screen keypad, ticket A002');
    await page.click('#open-keypad');
    await screenIs(page, 'keypad');
    await pressKeypad(page, ID.slice(0, 7));
    check(await page.$eval('#keypad [data-key="ok"]', (b) => b.disabled), 'Continue waits for all 12 digits');
    await kiosk.screenshot('06-keypad');
    await pressKeypad(page, ID.slice(7));
    check(await page.$$eval('#keypad-display .slot.filled', (s) => s.length) === 12, 'the twelve slots are filled');
    await page.click('#keypad [data-key="ok"]');
    await screenIs(page, 'ticket', 40000);
    check(await text(page, '#ticket-number') === 'A002', 'the second verified citizen: ticket A002', await text(page, '#ticket-number'));
    rows = await sessions(app.db);
    check(rows.length === 2 && rows[1].ticket_number === 2, 'DB: ticket 2', rows);
    await page.click('[data-panel="ticket"] .finish');
    await screenIs(page, 'start');
}

async function problems(kiosk, app) {
    const { page } = kiosk;
    step('wrong CAN, typed with a keyboard on the keypad screen');
    await page.click('#open-keypad');
    await screenIs(page, 'keypad');
    await page.keyboard.type('001090999999');
    await page.keyboard.press('Enter');
    await screenIs(page, 'message', 30000);
    check(await text(page, '#message .title') === vi['kiosk.error.wrong_key'], 'wrong CAN: "the ID number does not match the card"', await text(page, '#message .title'));
    check(await page.isVisible('#message .retry') && await text(page, '#message .countdown') !== '', 'with a retry button and the countdown back to the start');
    await kiosk.screenshot('07-wrong-can');
    await page.click('#message .retry');
    await screenIs(page, 'keypad');
    check(await page.$$eval('#keypad-display .slot.filled', (s) => s.length) === 0, 'retry opens an empty keypad');
    await page.click('#cancel');
    await screenIs(page, 'start');

    step('the card pulled out mid-read (vcard remove-after:12)');
    await swapCard('nguyen-van-an', { faults: ['remove-after:12'] });
    await scanWithWedge(page);
    await screenIs(page, 'message', 30000);
    check(await text(page, '#message .title') === vi['kiosk.error.card_removed'], 'card removed: "the card was lifted during the reading"', await text(page, '#message .title'));
    check(await text(page, '#message .next') === vi['kiosk.error.card_removed.next'], 'with the next step: put it back and keep it still');
    await kiosk.screenshot('08-card-removed');
    await swapCard('nguyen-van-an'); // the card is back, without the fault
    await page.click('#message .retry'); // the same key again, the card back on the reader
    await screenIs(page, 'ticket', 40000);
    check(await text(page, '#ticket-number') === 'A003', 'retry after putting the card back: ticket A003', await text(page, '#ticket-number'));
    await page.click('[data-panel="ticket"] .finish');
    await screenIs(page, 'start');
    await checkNoTrace(page, 'after a failed read and its retry');
}

// Hardware states the virtual reader and the fake camera cannot make (two cards in the field, an unplugged reader,
// a face that matches but is not live, no camera): the agent's answer, or the camera's refusal, is served to the page.
async function simulatedFaults(kiosk, app, agent) {
    const { page } = kiosk;
    const fake = (status, body) => (route) => (route.request().method() === 'POST'
        ? route.fulfill({ status, contentType: 'application/json', headers: { 'Access-Control-Allow-Origin': app.origin }, body: JSON.stringify(body) })
        : route.continue());
    for (const [code, status, fault] of [['several_cards', 409, false], ['no_reader', 503, true]]) {
        step(`the agent answers ${code}`);
        await page.route(`${agent.url}/v1/read`, fake(status, { error: { code, message: code } }));
        await scanWithWedge(page);
        await screenIs(page, 'message');
        check(await text(page, '#message .title') === vi[`kiosk.error.${code}`] && await text(page, '#message .next') === vi[`kiosk.error.${code}.next`],
            `${code}: the citizen's message and its next step`, await text(page, '#message .title'));
        check(await page.isVisible('#message .retry') === !fault && await page.isVisible('#message .desk') === fault,
            fault ? `${code}: a machine fault sends to the help desk, no retry` : `${code}: the citizen can fix it and retry`);
        if (code === 'several_cards') await kiosk.screenshot('13-two-cards');
        await page.unroute(`${agent.url}/v1/read`);
        await page.click('#message .home');
        await screenIs(page, 'start');
    }

    step('a face that matches but is not live (a photo held up)');
    await page.route(`${agent.url}/v1/face-match`, fake(200, { match: true, score: 0.9, threshold: 0.4, liveness: { live: false, score: 0.02 }, problem: null, warnings: [] }));
    await scanWithWedge(page);
    await screenIs(page, 'message', 40000);
    check(await text(page, '#message .title') === vi['kiosk.outcome.not_live'], 'not live: "the kiosk could not confirm your face", no ticket');
    await page.unroute(`${agent.url}/v1/face-match`);
    const rows = await sessions(app.db);
    check(rows[rows.length - 1].outcome === 'not_live' && rows[rows.length - 1].ticket_number === null, 'DB: a not_live session without a ticket');
    await page.click('#message .home');
    await screenIs(page, 'start');

    step('no camera');
    await page.evaluate(() => { navigator.mediaDevices.getUserMedia = () => Promise.reject(new DOMException('Requested device not found', 'NotFoundError')); });
    await scanWithWedge(page);
    await screenIs(page, 'message', 40000);
    check(await text(page, '#message .title') === vi['kiosk.error.no_camera'] && await page.isVisible('#message .desk'),
        'camera missing: "the kiosk\'s camera is out of service", go to the help desk');
    await checkNoTrace(page, 'after the camera failed');
    await page.reload(); // the kiosk's own camera again
    await screenIs(page, 'start');
}

async function faceMismatch(app) {
    step('face mismatch: the camera shows another person (image_T1) than the card\'s photo');
    const other = await kioskBrowser(cameraVideo(faces.otherPerson));
    try {
        await openKiosk(other, app.url);
        await scanWithWedge(other.page);
        await screenIs(other.page, 'message', 40000);
        check(await text(other.page, '#message .title') === vi['kiosk.outcome.face_mismatch'], 'face mismatch: "your face does not match the photo on the card"',
            await text(other.page, '#message .title'));
        check(await text(other.page, '#message .desk') === vi['kiosk.desk'].replace('{desk}', '3'), 'sent to the help desk: counter 3');
        await other.screenshot('09-face-mismatch');
        const rows = await sessions(app.db);
        const last = rows[rows.length - 1];
        check(last.outcome === 'face_mismatch' && last.ticket_number === null, 'DB: a face_mismatch session without a ticket', last);
        await other.page.click('#message .home');
        await screenIs(other.page, 'start');
        await checkNoTrace(other.page, 'after a face mismatch');
        check(other.consoleErrors.length === 0, 'no console errors (other person)', other.consoleErrors);
    } finally {
        await other.close();
    }
}

async function qrCamera(app, agent) {
    step('the card\'s QR held to the page\'s camera');
    const qrKiosk = await kioskBrowser(qrCameraVideo(QR));
    try {
        await openKiosk(qrKiosk, app.url);
        // The QR is read at the first frame: hold that frame's answer until the screen is photographed.
        let photographed;
        const screenshotTaken = new Promise((resolve) => { photographed = resolve; });
        await qrKiosk.page.route(`${agent.url}/v1/scan-qr`, async (route) => { await screenshotTaken; await route.continue(); });
        await qrKiosk.page.click('#open-qr-camera');
        await screenIs(qrKiosk.page, 'qr-camera');
        await qrKiosk.page.waitForFunction(() => document.getElementById('qr-video').videoWidth > 0, null, { timeout: 10000 });
        await qrKiosk.screenshot('10-qr-camera');
        photographed();
        await qrKiosk.page.waitForSelector('#greeting:not([hidden])', { timeout: 30000 });
        check(await text(qrKiosk.page, '#greeting') === `Xin chào, ${NAME}`, 'the QR seen by the camera opened the chip: the greeting');
        await qrKiosk.page.click('#cancel');
        await screenIs(qrKiosk.page, 'start');
        await checkNoTrace(qrKiosk.page, 'after Cancel');
        check(qrKiosk.consoleErrors.length === 0, 'no console errors (QR camera)', qrKiosk.consoleErrors);
    } finally {
        await qrKiosk.close();
    }
}

// Kiosk B: the agent's camera (camera:0) and a short idle timeout.
async function idleKiosk(kiosk, appB) {
    const { page } = kiosk;
    step(`kiosk B (--camera agent, --idle-seconds ${IDLE}) on the same database: ticket A004, then the idle reset`);
    await openKiosk(kiosk, appB.url);
    await page.click('#lang');
    check(await text(page, 'h1[data-i18n="kiosk.start.title"]') === en['kiosk.start.title'], 'the language button: English');
    await kiosk.screenshot('11-start-english');
    await scanWithWedge(page);
    await screenIs(page, 'face', 30000);
    check(await page.isVisible('#agent-camera'), 'with the agent\'s camera the face screen says the kiosk\'s camera takes the picture');
    await screenIs(page, 'ticket', 40000);
    check(await text(page, '#ticket-number') === 'A004', 'kiosk B continues the shared numbering: A004', await text(page, '#ticket-number'));
    const idleStart = Date.now();
    await screenIs(page, 'start', (IDLE + 10) * 1000);
    const waited = (Date.now() - idleStart) / 1000;
    check(waited >= IDLE - 2, `nobody touched the screen: back to screen 1 after the idle timeout (${waited.toFixed(1)} s)`);
    check(await text(page, 'h1[data-i18n="kiosk.start.title"]') === vi['kiosk.start.title'], 'the next citizen starts in Vietnamese');
    await checkNoTrace(page, 'after the idle reset of a session');

    step('no card on the reader: the message, then back to the start by itself');
    await removeCard();
    await scanWithWedge(page);
    await screenIs(page, 'message', 20000);
    check(await text(page, '#message .title') === vi['kiosk.error.no_card'], 'no card: "no card on the reader"', await text(page, '#message .title'));
    await screenIs(page, 'start', (IDLE + 5) * 1000);
    check(true, 'back to screen 1 without a touch');
    await insertCard('nguyen-van-an');

    step('idle reset with the ID number typed on the keypad');
    await page.click('#open-keypad');
    await pressKeypad(page, ID);
    check(await page.$$eval('#keypad-display .slot.filled', (s) => s.length) === 12, 'the ID is on the keypad screen');
    await screenIs(page, 'start', (IDLE + 5) * 1000);
    await checkNoTrace(page, 'after the idle reset of the keypad');
    const rows = await sessions(appB.db);
    check(rows.filter((r) => r.ticket_number !== null).map((r) => r.ticket_number).join() === '1,2,3,4', 'DB: tickets 1 to 4 from both kiosks', rows);

    step('the same page on a portrait kiosk screen (1080x1920)');
    await page.setViewportSize({ width: 1080, height: 1920 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    check(overflow <= 0, 'portrait: nothing wider than the screen', overflow);
    await kiosk.screenshot('14-start-portrait');
    await page.setViewportSize(VIEWPORT);
}

async function agentDown(app) {
    step('the agent not running: the kiosk is out of service and says where to go');
    const dead = await freePort();
    const broken = await startSample('kiosk', { agent: `http://127.0.0.1:${dead}`, db: app.db });
    const kiosk = await kioskBrowser();
    try {
        await kiosk.page.goto(broken.url);
        await screenIs(kiosk.page, 'message', 20000);
        check(await text(kiosk.page, '#message .title') === vi['kiosk.error.unreachable'], 'agent down: "this kiosk is out of service"', await text(kiosk.page, '#message .title'));
        check(await text(kiosk.page, '#message .desk') === vi['kiosk.desk'].replace('{desk}', '3') && !(await kiosk.page.isVisible('#message .retry')),
            'the help desk, and no retry button for a citizen');
        await kiosk.screenshot('12-out-of-service');
    } finally {
        await kiosk.close();
        await broken.stop();
    }
}

await run(async () => {
    await insertCard('nguyen-van-an');
    const [portA, portB] = [await freePort(), await freePort()];
    const agent = await startAgent({ cameraVideo: cameraVideo(faces.cardHolder), origins: [`http://127.0.0.1:${portA}`, `http://127.0.0.1:${portB}`] });
    clientSource = await (await fetch(`${agent.url}/v1/client.js`)).text();
    const app = await startSample('kiosk', { agent, port: portA, extraArgs: ['--result-seconds', String(SECONDS), '--idle-seconds', '120'] });
    const appB = await startSample('kiosk', { agent, port: portB, db: app.db, extraArgs: ['--camera', 'agent', '--idle-seconds', String(IDLE), '--result-seconds', '60'] });

    const kiosk = await kioskBrowser(cameraVideo(faces.cardHolder));
    await happyPaths(kiosk, app);
    await problems(kiosk, app);
    await simulatedFaults(kiosk, app, agent);
    await faceMismatch(app);
    await qrCamera(app, agent);
    await idleKiosk(kiosk, appB);
    check(unexpected(kiosk.consoleErrors).length === 0, 'no console errors but the agent\'s expected refusals', unexpected(kiosk.consoleErrors));
    await kiosk.close();
    await agentDown(app);

    step('nothing about the citizen was kept');
    await checkDatabaseAnonymous(app.db, 'at the end');
    for (const [name, server] of [['kiosk A', app], ['kiosk B', appB]]) {
        check(found(server.process.output).length === 0 && server.process.output.includes('session verified ticket'),
            `${name}'s log: outcomes and ticket numbers, no ID, name or birth date`, found(server.process.output).length);
    }
    check(!agent.process.output.includes(ID) && !agent.process.output.includes(NAME), 'the agent\'s log: no full ID number, no name');
});
