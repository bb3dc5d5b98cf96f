// The bank counter (teller KYC) end to end, on SQLite or PostgreSQL (run-sample-e2e bank-counter sqlite|postgres):
// Chromium shows the teller's page, cccd-agent reads the virtual card and matches faces against its camera (a video
// of the card holder, then of another person) or against a frame of the page's own camera (Chromium's fake camera),
// the server decides and appends to its hash-chained audit log. Checked on the page and in the database:
//   the happy path (name before the photo, APPROVED, the printed record), a face mismatch (REJECTED), the page's
//   camera (APPROVED, remembered), an expired card (REFER), a forged and a cloned card (REJECTED without a face
//   step, still logged), wrong CAN, card pulled mid-read and retried, no card, two cards (one on each reader),
//   no reader (the agent's answer served to the page), no camera (recorded as REFER), the agent not running,
//   the server down while saving (nothing lost), lookup by ID number, two counters appending at once, and the
//   audit log tampered with in the database (verify-log exits 1 and names the check).
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import {
    cameraVideo, check, dbQuery, faces, fetchJson, freePort, insertCard, openBrowser, paths, removeCard, run, startAgent,
    startSample, step, swapCard, tempDir,
} from './harness.mjs';

const ID = '001090123456';
const NAME = 'Nguyễn Văn An';
// The card-face QR of nguyen-van-an as a 2D scanner gun types it (ID|old ID|name|DOB|sex|address|issue date).
const QR = `${ID}|012345678|${NAME}|01011990|Nam|Số 12, Ngõ 34 Phố Hàng Bạc, Phường Hàng Bạc, Quận Hoàn Kiếm, Thành phố Hà Nội|15042021`;
const EXPIRED_ID = '079301000123'; // tran-thi-bich-ngoc: valid until 2026-07-23
const program = path.join(paths.bin, 'cccd-sample-bank-counter');

let agent;
let app;
let browser;
let page;
const secretFile = path.join(tempDir('cccd-e2e-bank-secret-'), 'bank-counter.secret');
const sampleArgs = (counter) => ['--counter', counter, '--bank', 'Ngân hàng TMCP Mẫu', '--secret-file', secretFile];

// ---- helpers -----------------------------------------------------------------------------------------------------

async function verifyLog() {
    try {
        const { stdout } = await promisify(execFile)(program, ['verify-log', '--db', app.db.spec]);
        return { code: 0, out: stdout };
    } catch (e) {
        return { code: e.code, out: `${e.stdout}${e.stderr}` };
    }
}

const checks = () => dbQuery('SELECT sequence, counter_id, id_masked, full_name, card_verdict, card_expired, face_source, face_score, liveness, decision, reasons, prev_hash, row_hash FROM kyc_checks ORDER BY sequence');
const checkCount = async () => Number((await dbQuery('SELECT COUNT(*) AS n FROM kyc_checks'))[0].n);
const lastCheck = async () => (await checks()).at(-1);

/** Waits until the page's audit table lists the check (the list and the chain's state are refreshed together). */
async function listedOnPage(sequence) {
    await page.waitForSelector(`#checks-body tr[data-sequence="${sequence}"]`, { timeout: 10000 });
}

async function restartAgent(video) {
    await agent.stop();
    agent = await startAgent({ cameraVideo: video, origins: [app.origin], port: agent.port });
}

async function waitForState(states, timeout = 60000) {
    const wanted = [states].flat();
    await page.waitForFunction((s) => s.includes(document.body.dataset.state), wanted, { timeout });
}

async function textOf(selector) {
    return (await page.textContent(selector)) ?? '';
}

/** Types the key into the field as a scanner gun or the teller would, and presses Enter. */
async function enterKey(key) {
    await page.fill('#key', key);
    await page.press('#key', 'Enter');
}

async function nextCustomer() {
    if (await page.isVisible('#next-customer')) await page.click('#next-customer');
}

/** Reads the card with the key and waits for the face step (or the decision, for an INVALID card). */
async function readCard(key, until = ['face', 'decided']) {
    await nextCustomer();
    await enterKey(key);
    await waitForState(until);
}

/** A scanner gun set up without Enter: the QR text lands in the field and the read starts by itself. */
async function scanQrWithGun() {
    await nextCustomer();
    await page.fill('#key', QR);
    await waitForState(['reading', 'face']);
    check((await page.inputValue('#key')) === '', 'the QR text does not stay in the field');
    await waitForState('face');
}

/** The face step by keyboard: the button has the focus after the read; Enter starts it. */
async function checkFaceByKeyboard() {
    const focused = await page.evaluate(() => document.activeElement && document.activeElement.id);
    check(focused === 'face-start', 'after the read the focus is on "check the face" (keyboard-only use)', focused);
    await page.keyboard.press('Enter');
    await waitForState(['decided', 'error']);
}

async function decisionShown() {
    return {
        decision: await page.getAttribute('#decision', 'data-decision'),
        word: await textOf('#decision-word'),
        reasons: await page.$$eval('#reasons li', (items) => items.map((li) => li.dataset.reason)),
    };
}

async function errorShown() {
    await page.waitForSelector('#error:not([hidden])', { timeout: 60000 });
    return { code: await page.getAttribute('#error', 'data-code'), title: await textOf('#error .title'), next: await textOf('#error .next') };
}

// ---- the scenarios -----------------------------------------------------------------------------------------------

async function startScreen() {
    await page.goto(app.url);
    await page.waitForSelector('#agent-state[data-state="ready"]', { timeout: 20000 });
    check(await page.getAttribute('html', 'lang') === 'vi', 'the page is in Vietnamese by default');
    check((await textOf('#counter-id')) === 'QUAY-01', 'the counter of --counter is shown');
    check((await textOf('#bank-name')) === 'Ngân hàng TMCP Mẫu', 'the bank of --bank is shown');
    await page.waitForSelector('#chain-state[data-level="ok"]');
    check((await page.evaluate(() => document.activeElement.id)) === 'key', 'the key field has the focus');
    await browser.screenshot('start');
    const mode = fs.statSync(secretFile).mode & 0o777;
    check(mode === 0o600, 'the ID lookup secret was made with mode 0600', mode.toString(8));
    if (app.db.kind === 'sqlite') {
        const dbMode = fs.statSync(app.db.spec).mode & 0o777;
        check(dbMode === 0o600, 'the SQLite file (customers\' names) is made with mode 0600', dbMode.toString(8));
    }
}

async function happyPath() {
    step('happy path: the card holder at the counter camera');
    await insertCard('nguyen-van-an');
    await enterKey(ID);
    // The name and ID come with DG1 + DG13, before the photo (DG2) and the verification.
    const early = await page.waitForFunction(() => {
        const name = document.getElementById('name').textContent;
        return name && { state: document.body.dataset.state, photoHidden: document.getElementById('photo').hidden, id: document.getElementById('id-number').textContent };
    }, null, { timeout: 60000 }).then((h) => h.jsonValue());
    check(early.state === 'reading' && early.photoHidden, 'the name shows while the chip is still being read, before the photo', early);
    check(early.id === ID, 'with the ID number');
    check((await textOf('#name')) === NAME, 'the holder\'s name, with its diacritics');
    await browser.screenshot('reading');
    await waitForState('face');
    check(await page.isVisible('#photo'), 'the chip photo is shown once DG2 is in');
    check((await page.getAttribute('#verdict', 'data-overall')) === 'VALID', 'the card is VALID (PA + CA/AA)');
    await checkFaceByKeyboard();
    const shown = await decisionShown();
    check(shown.decision === 'APPROVED' && shown.word.startsWith('ĐẠT'), 'APPROVED on the page', shown);
    check(shown.reasons.join() === 'card_valid,face_match,live', 'with its three reasons in words', shown.reasons);
    check((await textOf('#face-status')).includes('khớp'), 'the face step says the face matches');
    const row = await lastCheck();
    check(row.sequence == 1 && row.decision === 'APPROVED' && row.card_verdict === 'VALID' && row.face_source === 'agent_camera' && row.liveness === 'live',
        'the check is logged: APPROVED, VALID, the agent\'s camera, live', row);
    check(row.id_masked === '0010******56' && row.full_name === NAME, 'with the masked ID and the name KYC needs');
    check(Number(row.face_score) > 0.3, 'and the face score', row.face_score);
    check(row.prev_hash === '0'.repeat(64) && /^[0-9a-f]{64}$/.test(row.row_hash), 'the first check links to the genesis hash');
    check((await textOf('#logged')).includes(row.row_hash.slice(0, 16)), 'the page shows the logged hash');
    await listedOnPage(row.sequence);
    await browser.screenshot('approved');
    return row;
}

async function printedRecord(row) {
    step('the printable KYC record');
    const [record] = await Promise.all([page.context().waitForEvent('page'), page.click('#print-record')]);
    await record.waitForSelector('#sheet:not([hidden])');
    const text = await record.textContent('#sheet');
    for (const [what, value] of [['bank', 'Ngân hàng TMCP Mẫu'], ['teller/counter', 'QUAY-01'], ['masked ID', '0010******56'], ['name', NAME],
        ['decision', 'ĐẠT'], ['row hash', row.row_hash], ['card verdict', 'Thẻ thật']]) {
        check(text.includes(value), `the record shows the ${what}`);
    }
    check(!text.includes(ID), 'the record never shows the full ID number');
    check((await record.getAttribute('#r-hash-state', 'data-level')) === 'ok', 'the record says its hash matches the log');
    check(new URL(record.url()).search === `?check=${row.sequence}`, 'the record is /record.html?check=N');
    await browser.screenshot('record', record);
    await record.emulateMedia({ media: 'print' });
    check(!(await record.isVisible('.toolbar')) && await record.isVisible('#sheet'), 'printed: only the sheet, no buttons (@media print)');
    await browser.screenshot('record-print', record);
    await record.close();
}

async function faceMismatch() {
    step('face mismatch: another person at the counter camera');
    await restartAgent(cameraVideo(faces.otherPerson));
    await scanQrWithGun();
    check((await textOf('#name')) === NAME, 'the scanner gun\'s QR (no Enter) read the card');
    await checkFaceByKeyboard();
    const shown = await decisionShown();
    check(shown.decision === 'REJECTED' && shown.reasons.includes('face_mismatch'), 'REJECTED: the face does not match', shown);
    check((await textOf('#reasons')).includes('KHÔNG khớp'), 'the reason in words: the face does NOT match');
    const row = await lastCheck();
    check(row.decision === 'REJECTED' && row.reasons.startsWith('face_mismatch'), 'logged REJECTED, face_mismatch', row);
    await listedOnPage(row.sequence);
    await browser.screenshot('rejected-face-mismatch');
    await restartAgent(cameraVideo(faces.cardHolder));
}

async function pageCamera() {
    step('the page\'s own camera (getUserMedia + captureFrame), a setting remembered on this PC');
    await page.check('input[name="camera"][value="page"]');
    await page.reload();
    await page.waitForSelector('#agent-state[data-state="ready"]');
    check(await page.isChecked('input[name="camera"][value="page"]'), 'the camera choice survives a reload (localStorage)');
    const before = (agent.process.output.match(/POST \/v1\/face-match/g) || []).length;
    await readCard(ID, 'face');
    await page.waitForSelector('#live-video:not([hidden])', { timeout: 10000 });
    check(await page.evaluate(() => document.getElementById('live-video').videoWidth > 0), 'the browser\'s camera plays in the face step');
    await checkFaceByKeyboard();
    const shown = await decisionShown();
    check(shown.decision === 'APPROVED', 'the frame of the page\'s camera (the holder) is APPROVED', shown);
    check(await page.isVisible('#live-frame'), 'the frame that was compared is shown');
    const row = await lastCheck();
    check(row.face_source === 'page_camera' && row.decision === 'APPROVED', 'logged with face_source page_camera', row);
    check((agent.process.output.match(/POST \/v1\/face-match/g) || []).length === before + 1, 'one face match at the agent, of the posted frame');
    check(!JSON.stringify(await dbQuery('SELECT * FROM kyc_checks')).includes('/9j/'), 'no picture in the database');
    await listedOnPage(row.sequence);
    await browser.screenshot('page-camera');
    await page.check('input[name="camera"][value="agent"]');
}

async function expiredCard() {
    step('an expired card: REFER');
    await swapCard('tran-thi-bich-ngoc');
    await readCard(EXPIRED_ID);
    await checkFaceByKeyboard();
    const shown = await decisionShown();
    check(shown.decision === 'REFER' && shown.reasons.join() === 'card_expired', 'REFER: the card has expired', shown);
    check((await textOf('#verdict .title')).includes('hết hạn'), 'the verdict says the card expired');
    const row = await lastCheck();
    check(row.card_expired == 1, 'logged with card_expired');
    await listedOnPage(row.sequence);
    await browser.screenshot('refer-expired');
}

async function forgedCards() {
    for (const [fault, reason, shot] of [['tamper:DG1', 'card_forged', 'forged-card'], ['clone', 'card_cloned', 'cloned-card']]) {
        step(`a ${fault} card: INVALID stops the flow at once`);
        await swapCard('nguyen-van-an', { faults: [fault] });
        const faceMatches = (agent.process.output.match(/POST \/v1\/face-match/g) || []).length;
        const before = await checkCount();
        await readCard(ID, 'decided');
        const shown = await decisionShown();
        check(shown.decision === 'REJECTED' && shown.reasons.join() === reason, `REJECTED: ${reason}, without a face step`, shown);
        check(shown.word.includes('THẺ GIẢ HOẶC THẺ SAO CHÉP') && (await textOf('#decision-next')).includes('kiểm soát viên'),
            'in red words: forged or cloned card, do not proceed, call the supervisor');
        check((await page.getAttribute('#decision', 'data-level')) === 'bad', 'red');
        check(await page.isDisabled('#face-start') && (await page.getAttribute('#face-step', 'data-state')) === 'skipped', 'the face step is skipped');
        check((agent.process.output.match(/POST \/v1\/face-match/g) || []).length === faceMatches, 'no face match was asked of the agent');
        const row = await lastCheck();
        check(await checkCount() === before + 1 && row.card_verdict === 'INVALID' && row.reasons === reason && row.face_source === null,
            'still logged: INVALID, no face', row);
        await listedOnPage(row.sequence);
        await browser.screenshot(shot);
    }
    await swapCard('nguyen-van-an');
}

async function cardErrors() {
    step('wrong CAN');
    const before = await checkCount();
    await nextCustomer();
    await enterKey('001090654321');
    let error = await errorShown();
    check(error.code === 'wrong_key' && error.title.includes('không khớp') && error.next.length > 0, 'wrong CAN: what happened and what to do', error);
    check(await checkCount() === before, 'nothing logged');
    await browser.screenshot('wrong-can');

    step('card pulled out mid-read, put back, "Try again"');
    await swapCard('nguyen-van-an', { faults: ['remove-after:12'] });
    await nextCustomer();
    await enterKey(ID);
    error = await errorShown();
    check(error.code === 'card_removed' && error.title.includes('nhấc ra'), 'card removed: say so, nothing saved', error);
    check(await checkCount() === before, 'nothing logged');
    await browser.screenshot('card-removed');
    await swapCard('nguyen-van-an');
    await page.click('#error .retry'); // the key was kept: no retyping
    await waitForState('face');
    check((await textOf('#name')) === NAME, '"Try again" reads the same card again without retyping the key');

    step('no card on the reader');
    await removeCard();
    await nextCustomer();
    await enterKey(ID);
    error = await errorShown();
    check(error.code === 'no_card' && error.next.includes('Đặt thẻ'), 'no card: place the card', error);
    await insertCard('nguyen-van-an');

    step('two cards: one on each reader');
    const second = await insertCard('tran-thi-bich-ngoc', { slot: 1 });
    await nextCustomer();
    await enterKey(ID);
    error = await errorShown();
    check(error.code === 'several_cards' && error.title.includes('hai thẻ') && error.next.length > 0, 'two cards: leave only one', error);
    check(await checkCount() === before, 'nothing logged');
    await browser.screenshot('two-cards');
    await removeCard(second);
    await page.click('#error .retry');
    await waitForState('face');
    check((await textOf('#name')) === NAME, '"Try again" with one card left reads it');

    // An unplugged reader is a state the virtual reader cannot make: the agent's answer for it is served to the
    // page, to check what the teller reads.
    step('the agent answers no_reader');
    await page.route(`${agent.url}/v1/read`, (route) => (route.request().method() === 'POST'
        ? route.fulfill({ status: 503, contentType: 'application/json', headers: { 'Access-Control-Allow-Origin': app.origin },
            body: JSON.stringify({ error: { code: 'no_reader', message: 'no reader' } }) })
        : route.continue()));
    await nextCustomer();
    await enterKey(ID);
    error = await errorShown();
    check(error.code === 'no_reader' && error.title.includes('đầu đọc') && error.next.includes('USB'), 'no reader: plug it in again', error);
    await page.unroute(`${agent.url}/v1/read`);
}

async function cameraMissing() {
    step('no camera at the agent: the check can still be recorded, as REFER');
    await restartAgent(undefined); // camera:0 is then /dev/video0, which this machine has not
    await readCard(ID, 'face');
    await page.click('#face-start');
    const error = await errorShown();
    check(error.code === 'no_camera' && error.next.length > 0, 'camera missing: a clear message and the next step', error);
    check(await page.isVisible('#skip-face'), 'with a way to go on without the face check');
    await browser.screenshot('camera-missing');
    await page.click('#skip-face');
    await waitForState('decided');
    const shown = await decisionShown();
    check(shown.decision === 'REFER' && shown.reasons.join() === 'face_not_checked', 'REFER: face not checked', shown);
    check(await page.isVisible('#face-again'), 'the face check can be done again once a camera works');
    check((await lastCheck()).face_source === null, 'logged without a face');
    await restartAgent(cameraVideo(faces.cardHolder));
}

async function agentDown() {
    step('the agent is not running');
    await agent.stop();
    await page.reload();
    const error = await errorShown();
    check(error.code === 'unreachable' && error.title.includes('cccd-agent') && error.next.length > 0, 'agent not running: start it, then try again', error);
    check((await page.getAttribute('#agent-state', 'data-state')) === 'down', 'the reader pill says not connected');
    await browser.screenshot('agent-down');
    agent = await startAgent({ cameraVideo: cameraVideo(faces.cardHolder), origins: [app.origin], port: agent.port });
    await page.click('#error .retry');
    await page.waitForSelector('#agent-state[data-state="ready"]', { timeout: 20000 });
    check(await page.isHidden('#error'), '"Try again" connects once the agent runs');
}

async function serverDownWhileSaving() {
    step('the bank\'s server is down when the check is saved: nothing is lost');
    await readCard(ID, 'face');
    const before = await checkCount();
    await app.stop();
    await page.click('#face-start');
    const error = await errorShown();
    check(error.code === 'server' && error.title.includes('Máy chủ'), 'the server cannot save: say so', error);
    check(await page.isVisible('#person') && (await textOf('#name')) === NAME, 'the customer stays on screen');
    app = await startSample('bank-counter', { agent, db: app.db, port: app.port, extraArgs: sampleArgs('QUAY-01') });
    await page.click('#error .retry');
    await waitForState('decided');
    check((await decisionShown()).decision === 'APPROVED' && await checkCount() === before + 1, '"Try again" saves the same check once the server is back');
}

async function lookupById() {
    step('find a customer\'s checks by the ID number (keyed hash), in English');
    await nextCustomer();
    await page.click('#lang');
    check(await page.getAttribute('html', 'lang') === 'en' && (await textOf('#face-start')) === 'Check the face', 'English at the press of a button');
    await page.fill('#search-id', ID);
    await page.press('#search-id', 'Enter');
    await page.waitForSelector('#search-clear:not([hidden])');
    const rows = await page.$$eval('#checks-body tr', (trs) => trs.length);
    const expected = (await dbQuery(`SELECT COUNT(*) AS n FROM kyc_checks WHERE id_masked = '0010******56'`))[0].n;
    check(rows == expected && rows > 0, 'the search lists every check of this ID number', { rows, expected });
    check((await textOf('#list-caption')).includes('0010******56'), 'the caption shows the ID masked');
    check((await page.inputValue('#search-id')) === '', 'the ID number does not stay in the field');
    await browser.screenshot('audit-search');
    await page.click('#lang');
}

async function twoCountersAtOnce() {
    step('two counters append at once to one database: one chain');
    const counterB = await startSample('bank-counter', { agent, db: app.db, extraArgs: sampleArgs('QUAY-02') });
    const before = await checkCount();
    const body = (i) => ({
        id_number: `0790000000${String(i).padStart(2, '0')}`, full_name: `Khách thử ${i}`,
        verification: { overall: 'VALID', expiry: { status: 'VALID' } },
        face: { match: true, score: 0.7, threshold: 0.36, liveness: { live: true, score: 0.9 }, problem: null }, face_source: 'agent_camera',
    });
    const answers = await Promise.all(Array.from({ length: 24 }, (_, i) => fetchJson(`${(i % 2 ? counterB : app).url}/api/checks`, { body: body(i) })));
    check(answers.every((a) => a.status === 200), 'every append answered 200', answers.map((a) => a.status));
    const stats = (await dbQuery('SELECT COUNT(*) AS n, COUNT(DISTINCT prev_hash) AS links, MAX(sequence) AS last FROM kyc_checks'))[0];
    check(stats.n == before + 24 && stats.links == stats.n && stats.last == stats.n, 'numbered without gaps, no two checks after the same one', stats);
    check((await dbQuery(`SELECT COUNT(*) AS n FROM kyc_checks WHERE counter_id = 'QUAY-02'`))[0].n == 12, 'each check names its counter');
    const verified = await verifyLog();
    check(verified.code === 0 && verified.out.includes(`intact: ${stats.n} checks`), 'verify-log: the chain is intact', verified.out);
    await counterB.stop();
}

async function privacy() {
    step('privacy: no full ID number, no picture, no name in the logs');
    const dump = JSON.stringify(await dbQuery('SELECT * FROM kyc_checks'));
    check(!dump.includes(ID) && !dump.includes(EXPIRED_ID), 'the database holds no full ID number');
    for (const [who, output] of [['server', app.process.output], ['agent', agent.process.output]]) {
        check(!output.includes(ID) && !output.includes(NAME), `the ${who}'s log holds no ID number and no name`);
    }
    check(app.process.output.includes('0010******56'), 'the server logs the masked ID');
}

async function tamperedLog() {
    step('the audit log tampered with in the database');
    const rows = await checks();
    const rejected = rows.find((r) => r.decision === 'REJECTED' && r.reasons.startsWith('face_mismatch'));
    const sqlite = app.db.kind === 'sqlite';
    let refused = '';
    try {
        await dbQuery(`UPDATE kyc_checks SET decision = 'APPROVED' WHERE sequence = ${rejected.sequence}`);
    } catch (e) {
        refused = String(e.stderr || e.message);
    }
    check(refused.includes('append-only'), `the database refuses an UPDATE (${sqlite ? 'SQLite trigger' : 'PostgreSQL trigger'})`, refused);
    try {
        await dbQuery(`DELETE FROM kyc_checks WHERE sequence = 1`);
        refused = '';
    } catch (e) {
        refused = String(e.stderr || e.message);
    }
    check(refused.includes('append-only'), 'and a DELETE', refused);
    check((await verifyLog()).code === 0, 'verify-log: intact before the tampering');

    // An administrator drops the guards: the chain still tells.
    await dbQuery(sqlite ? 'DROP TRIGGER kyc_checks_no_update' : 'DROP TRIGGER kyc_checks_no_update_delete ON kyc_checks');
    if (sqlite) await dbQuery('DROP TRIGGER kyc_checks_no_delete');
    await dbQuery(`UPDATE kyc_checks SET decision = 'APPROVED', reasons = 'card_valid,face_match,live' WHERE sequence = ${rejected.sequence}`);
    let verified = await verifyLog();
    check(verified.code === 1 && verified.out.includes(`check #${rejected.sequence} was edited`), 'verify-log exits 1 and names the edited check', verified);
    await page.reload();
    await page.waitForSelector('#chain-state[data-level="bad"]');
    check((await textOf('#chain-state')).includes(String(rejected.sequence)), 'the counter page says the log was tampered with, and where');
    await browser.screenshot('audit-tampered');
    const record = await browser.newPage();
    await record.goto(`${app.url}/record.html?check=${rejected.sequence}`);
    await record.waitForSelector('#sheet:not([hidden])');
    check((await record.getAttribute('#r-hash-state', 'data-level')) === 'bad', 'its record says it does not match the log');
    await record.close();

    await dbQuery(`UPDATE kyc_checks SET decision = '${rejected.decision}', reasons = '${rejected.reasons}' WHERE sequence = ${rejected.sequence}`);
    check((await verifyLog()).code === 0, 'put back as it was: intact again');
    const middle = Math.floor(rows.length / 2);
    await dbQuery(`DELETE FROM kyc_checks WHERE sequence = ${middle}`);
    verified = await verifyLog();
    check(verified.code === 1 && verified.out.includes(`check #${middle} is missing: it was deleted`), 'a deleted check: verify-log exits 1 and names it', verified);
}

await run(async () => {
    const port = await freePort();
    const origin = `http://127.0.0.1:${port}`;
    agent = await startAgent({ cameraVideo: cameraVideo(faces.cardHolder), origins: [origin] });
    app = await startSample('bank-counter', { agent, port, extraArgs: sampleArgs('QUAY-01') });
    browser = await openBrowser({ cameraVideo: cameraVideo(faces.cardHolder), viewport: { width: 1280, height: 800 } });
    page = browser.page;

    await startScreen();
    const first = await happyPath();
    await printedRecord(first);
    await faceMismatch();
    await pageCamera();
    await expiredCard();
    await forgedCards();
    await cardErrors();
    await cameraMissing();
    await agentDown();
    await serverDownWhileSaving();
    await lookupById();
    await privacy();
    await twoCountersAtOnce();
    await tamperedLog();
    check(browser.consoleErrors.filter((e) => !/Failed to load resource|ERR_CONNECTION_REFUSED|net::/.test(e)).length === 0,
        'no script errors on the pages', browser.consoleErrors);
});
