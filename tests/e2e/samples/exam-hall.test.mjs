// The exam hall door check end to end: the virtual card, cccd-agent (its camera:0 plays another person), the exam
// hall server on SQLite or a throwaway PostgreSQL, Chromium at 1280x800 with a fake camera showing the card holder.
//   - the roster: imported with the import-roster subcommand (BOM, CRLF, quotes, Vietnamese, bad rows named by
//     line, the good ones in), then imported again through the page's upload (a seat changed: updated);
//   - the door, with the page's camera: ADMIT with the seat and an attendance row; the same card again (already
//     admitted); a candidate of another room (which room); a card not on the roster (a generated profile); a wrong
//     CAN, then the right card; the card pulled out mid-read, then Try again; another person's face (the agent's
//     camera); the agent stopped; the agent back without a camera (refer without the face);
//   - a few candidates in a row: the time of each on the screen and in the database, and the session's median;
//   - the room list, the export (a button and the export-attendance subcommand) with full ID numbers;
//   - a second door PC: the QR held to the page's camera, no face in view (referred without the face);
//   - screenshots of each main screen into build/e2e-screenshots/exam-hall/.
import { execFile, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import {
    cameraVideo, check, dbQuery, faces, insertCard, makeProfile, openBrowser, paths, removeCard, run, startAgent, startStack, step, swapCard,
    tempDir,
} from './harness.mjs';
import { examStrings } from '../../../samples/exam-hall/web/exam-strings.js';

const vi = examStrings.vi;
const SESSION = 'Toán - sáng 27/06/2026';
const ROOM = 'P.101';
const VIEWPORT = { width: 1280, height: 800 };

// The cards of the test: the three sample profiles, and generated ones (the sample face) for the rest.
const AN = { id: '001090123456', name: 'Nguyễn Văn An', profile: 'nguyen-van-an', seat: '07' };
const NGOC = { id: '079301000123', name: 'Trần Thị Bích Ngọc', profile: 'tran-thi-bich-ngoc' }; // room P.102
const HEN = { id: '066158004321', name: "H'Hen Niê", profile: 'h-hen-nie', seat: '14' };          // seat 12, then 14
const ROW = [
    { id: '001203004511', name: 'Lê Minh Khoa', seat: '01' },
    { id: '001303006722', name: 'Phạm Thị Thu Hà', seat: '02', sex: 'F' },
    { id: '031204001833', name: 'Đặng Quốc Bảo', seat: '03' },
    { id: '036305007944', name: 'Vũ Ngọc Ánh', seat: '04', sex: 'F' },
];
const STRANGER = { id: '001099887766', name: 'Phùng Văn Lạ' }; // not on the roster

const ROSTER = '\uFEFF"Số định danh","Họ và tên","Phòng thi","Ghế"\r\n' +
    `${AN.id},${AN.name},${ROOM},07\r\n` +
    `${NGOC.id},"${NGOC.name}",P.102,03\r\n` +
    `${HEN.id},${HEN.name},${ROOM},12\r\n` +
    ROW.map((c) => `${c.id},${c.name},${ROOM},${c.seat}`).join('\r\n') + '\r\n' +
    '1090123457,Ngô Gia Huy,P.101,08\r\n' +         // line 9: Excel dropped the leading zero
    '024204003277,"Đỗ Khánh Linh",P.101,07\r\n' +   // line 10: seat 07 is An's
    '\r\n';
// The board's corrected file: H'Hen Niê moves to seat 14, line 9 fixed.
const ROSTER_V2 = ROSTER.replace(`${HEN.id},${HEN.name},${ROOM},12`, `${HEN.id},${HEN.name},${ROOM},14`)
    .replace('1090123457,', '001090123457,');

const text = async (page, selector) => ((await page.textContent(selector)) || '').trim();
const qrOf = (c) => `${c.id}||${c.name}|01012005|${c.sex === 'F' ? 'Nữ' : 'Nam'}|Hà Nội|15042021`;
const checks = () => dbQuery('select id, room, id_number, seat, decision, reasons, card_verdict, face_score, seconds, key_via from door_checks order by id');
const lastCheck = async () => (await checks()).at(-1);
const reasonCodes = (row) => JSON.parse(row.reasons).map((r) => r.code);

// A camera that shows the card-face QR. The quiet zone is wide enough to survive make-camera-video's cropping of
// a square picture to 4:3 (it keeps the upper part).
function qrCameraVideo(qr, dir) {
    const picture = path.join(dir, 'qr.png');
    execFileSync('qrencode', ['-s', '6', '-m', '16', '-o', picture, qr]);
    return cameraVideo(picture);
}

async function exam(program, args) {
    try {
        const { stdout, stderr } = await promisify(execFile)(program, args);
        return { code: 0, stdout, stderr };
    } catch (e) {
        return { code: e.code, stdout: e.stdout, stderr: e.stderr };
    }
}

// The scanner gun: the card-face QR typed into the focused field, then Enter.
async function scan(page, candidate) {
    await page.keyboard.type(qrOf(candidate));
    await page.keyboard.press('Enter');
}

async function typeId(page, id) {
    await page.fill('#key', id);
    await page.press('#key', 'Enter');
}

async function decision(page, expected, timeout = 40000) {
    await page.waitForSelector(`#decision[data-decision="${expected}"]`, { timeout });
}

async function errorShown(page, timeout = 40000) {
    await page.waitForSelector('#error:not([hidden])', { timeout });
    return { title: await text(page, '#error .title'), next: await text(page, '#error .next') };
}

async function nextCandidate(page) {
    await page.focus('#key');
    await page.keyboard.press('Enter'); // Enter on the empty field
    await page.waitForSelector('#decision[data-level="idle"]');
}

async function setCamera(page, camera) {
    await page.click('[data-tab="setup"]');
    await page.check(`input[name="camera"][value="${camera}"]`);
    await page.click('#place-start');
    await page.waitForSelector('[data-panel="door"]:not([hidden])');
}

await run(async () => {
    const work = tempDir('cccd-e2e-exam-');
    const rosterFile = path.join(work, 'roster.csv');
    fs.writeFileSync(rosterFile, ROSTER);
    const program = path.join(paths.bin, 'cccd-sample-exam-hall');

    const { agent, app } = await startStack('exam-hall', { cameraVideo: cameraVideo(faces.otherPerson) });

    step('roster: import-roster subcommand');
    const imported = await exam(program, ['import-roster', '--db', app.db.spec, '--session', SESSION, rosterFile]);
    check(imported.code === 4, 'import-roster exits 4 when rows were refused', imported.code);
    check(/roster\.csv:9: .*leading 0/.test(imported.stderr) && /roster\.csv:10: seat 07 of room P\.101 is already given on line 2/.test(imported.stderr),
        'the bad rows are named by line: 9 (Excel dropped the leading 0), 10 (seat taken on line 2)', imported.stderr);
    check(/7 added, 0 updated/.test(imported.stdout), 'the 7 good rows are imported', imported.stdout);
    let roster = await dbQuery('select id_number, full_name, room, seat from candidates order by id');
    check(roster.length === 7 && roster[0].full_name === AN.name && roster[1].full_name === NGOC.name && roster[2].full_name === HEN.name,
        'DB: 7 candidates, Vietnamese names intact (BOM, quotes and CRLF gone)', roster.length);
    check(roster.every((r) => /^\d{12}$/.test(r.id_number) && !/\s/.test(r.seat)), 'DB: 12-digit IDs, seats without a CR');

    const browser = await openBrowser({ cameraVideo: cameraVideo(faces.cardHolder), viewport: VIEWPORT });
    const { page } = browser;
    await page.goto(app.url);
    await page.waitForSelector('[data-panel="setup"]:not([hidden])');
    await page.waitForSelector('#agent-state[data-state="ready"]', { timeout: 15000 });

    step('roster: the corrected file through the page\'s upload');
    await page.fill('#import-session', SESSION);
    await page.setInputFiles('#import-file', { name: 'danh-sach.csv', mimeType: 'text/csv', buffer: Buffer.from(ROSTER_V2) });
    await page.click('#import-button');
    await page.waitForSelector('#import-report:not([hidden])');
    const summary = await text(page, '#import-summary');
    check(summary.includes('1 thí sinh mới') && summary.includes('1 cập nhật') && summary.includes('6 không đổi'),
        'the page reports 1 new (line 9 fixed), 1 updated (a seat), 6 unchanged', summary);
    const problemRows = await page.$$eval('#import-problem-list tr', (rows) => rows.map((r) => [...r.cells].map((c) => c.textContent)));
    check(problemRows.length === 1 && problemRows[0][0] === '10' && problemRows[0][1] === vi['problem.duplicate_seat'].replace('{other}', '2'),
        'the one bad row left is listed: line 10, seat already given on line 2', problemRows);
    const hen = await dbQuery(`select seat from candidates where id_number = '${HEN.id}'`);
    check(hen.length === 1 && hen[0].seat === HEN.seat, 'DB: re-import updated the changed seat', hen);
    await browser.screenshot('01-setup-import');

    step('the door of room P.101, this PC\'s camera');
    await page.selectOption('#room-select', ROOM);
    await page.check('input[name="camera"][value="browser"]');
    await page.click('#place-start');
    await page.waitForSelector('[data-panel="door"]:not([hidden])');
    await page.waitForFunction(() => document.getElementById('camera').videoWidth > 0, null, { timeout: 10000 });
    check(await page.evaluate(() => document.activeElement.id) === 'key', 'the key field has the focus for the scanner gun');
    check(await text(page, '.door-side .n-expected') === '7', 'the room expects 7 candidates', await text(page, '.door-side .n-expected'));
    const place = await page.evaluate(() => localStorage.getItem('cccd-exam-hall.place'));
    check(JSON.parse(place).room === ROOM, 'this PC remembers the room', place);
    await browser.screenshot('02-door-idle');

    step('happy path: the scanner gun, ADMIT with the seat');
    await insertCard(AN.profile);
    await scan(page, AN);
    await page.waitForSelector('#who-card:not([hidden])');
    await decision(page, 'ADMIT');
    check(await text(page, '#decision-word') === vi['decision.ADMIT'], 'a big "CHO VÀO PHÒNG"');
    check(await text(page, '#seat') === AN.seat, 'with seat 07', await text(page, '#seat'));
    check(await text(page, '#who-name') === AN.name, 'the name from the chip');
    check(await page.isVisible('#chip-photo') && await page.isVisible('#live-photo'), 'the chip photo and the camera frame side by side');
    const tookText = await text(page, '#took');
    let row = await lastCheck();
    check(row && row.decision === 'ADMIT' && row.room === ROOM && row.seat === AN.seat && row.id_number === AN.id && row.card_verdict === 'VALID' &&
        Number(row.face_score) > 0 && Number(row.seconds) > 0 && row.key_via === 'scanner', 'DB: the attendance row (ADMIT, room, seat, VALID, face score, seconds, scanner)', row);
    check(tookText === `Thời gian: ${Number(row.seconds).toFixed(1).replace('.', ',')} giây`, 'the time on screen is the time recorded', tookText);
    check(await text(page, '.door-side .n-admitted') === '1', 'the room: 1 admitted');
    await browser.screenshot('03-admit');

    step('the same card again: already admitted');
    await scan(page, AN); // straight away: the scanner gun starts the next check without a key press
    await decision(page, 'REFER');
    row = await lastCheck();
    check(row.decision === 'REFER' && reasonCodes(row).join() === 'already_admitted', 'DB: REFER, already admitted', reasonCodes(row));
    const reasonText = await text(page, '#reasons li:first-child strong');
    check(reasonText.startsWith('Thẻ này đã được cho vào lúc ') && reasonText.includes(`phòng ${ROOM}`) && reasonText.includes('hai lần'),
        'in words: this card was already admitted at <time>, room P.101, used twice', reasonText);
    check(await page.getAttribute('#decision', 'data-level') === 'bad', 'red: a likely impersonation');
    await browser.screenshot('04-already-admitted');

    step('a candidate of another room');
    await nextCandidate(page);
    await swapCard(NGOC.profile);
    await typeId(page, NGOC.id);
    await decision(page, 'REFER');
    row = await lastCheck();
    check(reasonCodes(row).join() === 'other_room' && row.seat === null, 'DB: REFER, other room, no seat here', row);
    check(await text(page, '#reasons li:first-child strong') === vi['reason.other_room'].replace('{room}', 'P.102').replace('{seat}', '03'),
        'says which room and seat: P.102, seat 03', await text(page, '#reasons li:first-child strong'));
    check(await page.getAttribute('#decision', 'data-level') === 'warn', 'amber');
    await browser.screenshot('05-other-room');

    step('a card not on the roster');
    await swapCard(makeProfile({ document: { id_number: STRANGER.id, full_name: STRANGER.name, old_id_number: null } }));
    await typeId(page, STRANGER.id);
    await decision(page, 'REFER');
    row = await lastCheck();
    check(reasonCodes(row).join() === 'not_on_roster' && row.id_number === STRANGER.id, 'DB: REFER, not on the roster', reasonCodes(row));
    check(await text(page, '#reasons li:first-child strong') === vi['reason.not_on_roster'], 'in words: not on this session\'s roster');
    await browser.screenshot('06-not-on-roster');

    step('wrong CAN: another card\'s ID typed, then the right QR');
    await swapCard(HEN.profile);
    let before = (await checks()).length;
    await typeId(page, AN.id);
    let shown = await errorShown(page);
    check(shown.title === 'Số định danh/CAN không khớp với thẻ trên đầu đọc.', 'wrong CAN: the ID does not match the card on the reader', shown.title);
    check(shown.next.length > 0 && await page.isVisible('#error .retry'), 'with the next step and a button');
    check((await checks()).length === before, 'DB: nothing recorded for a failed read');
    await browser.screenshot('07-wrong-can');
    await scan(page, HEN); // the invigilator simply scans the right card: the error gives way
    await decision(page, 'ADMIT');
    check(await text(page, '#seat') === HEN.seat, 'then ADMIT with the updated seat 14', await text(page, '#seat'));

    step('the card pulled out mid-read, then Try again');
    await swapCard(makeProfile({ document: { id_number: ROW[0].id, full_name: ROW[0].name, old_id_number: null } }), { faults: ['remove-after:12'] });
    before = (await checks()).length;
    await scan(page, ROW[0]);
    shown = await errorShown(page);
    check(shown.title === 'Thẻ bị nhấc ra khi đang đọc. Chưa có gì được lưu.', 'card removed: "the card was lifted during the read, nothing saved"', shown.title);
    check((await checks()).length === before, 'DB: nothing recorded');
    await browser.screenshot('08-card-removed');
    await removeCard(0).catch(() => {}); // the faulty card process has left by itself
    await insertCard(makeProfile({ document: { id_number: ROW[0].id, full_name: ROW[0].name, old_id_number: null } }));
    await page.click('#error .retry');
    await decision(page, 'ADMIT');
    check((await lastCheck()).id_number === ROW[0].id, 'Try again reads the same candidate without a new scan: ADMIT');

    step('another person in front of the camera (the agent\'s camera:0)');
    await setCamera(page, 'agent');
    await swapCard(makeProfile({ document: { id_number: ROW[1].id, full_name: ROW[1].name, old_id_number: null, sex: 'F' } }));
    await scan(page, ROW[1]);
    await decision(page, 'REFER');
    row = await lastCheck();
    check(reasonCodes(row).includes('face_mismatch') && Number(row.face_score) >= 0, 'DB: REFER, face mismatch, with its score', reasonCodes(row));
    check(await text(page, '#reasons li:first-child strong') === vi['reason.face_mismatch'], 'in words: the face does not match the chip photo');
    check(await page.getAttribute('#decision', 'data-level') === 'bad', 'red');
    await browser.screenshot('09-face-mismatch');
    await setCamera(page, 'browser');

    step('candidates in a row: the time of each');
    const times = [];
    for (const candidate of [ROW[1], ROW[2], ROW[3]]) {
        await swapCard(makeProfile({ document: { id_number: candidate.id, full_name: candidate.name, old_id_number: null, sex: candidate.sex || 'M' } }));
        await page.waitForSelector('#decision[data-level="idle"], #decision[data-decision]'); // the previous result may still show
        await scan(page, candidate);
        await page.waitForFunction((id) => document.getElementById('decision').dataset.decision === 'ADMIT' &&
            document.getElementById('who-id').textContent.endsWith(id.slice(-2)), candidate.id, { timeout: 40000 });
        const shownTime = await text(page, '#took');
        const recorded = await lastCheck();
        check(recorded.id_number === candidate.id && recorded.decision === 'ADMIT', `candidate seat ${candidate.seat}: ADMIT`);
        check(shownTime.includes(Number(recorded.seconds).toFixed(1).replace('.', ',')), `its time on screen is the recorded ${Number(recorded.seconds).toFixed(2)} s`, shownTime);
        times.push(Number(recorded.seconds));
    }
    const all = (await checks()).map((r) => Number(r.seconds)).sort((a, b) => a - b);
    const median = all.length % 2 ? all[(all.length - 1) / 2] : (all[all.length / 2 - 1] + all[all.length / 2]) / 2;
    const medianShown = await text(page, '#median');
    check(medianShown === median.toFixed(1).replace('.', ','), `the session's median on screen: ${median.toFixed(2)} s over ${all.length} checks`, medianShown);
    check(times.every((s) => s > 0.2 && s < 10), `each candidate in a row took ${times.map((s) => s.toFixed(2)).join(' s, ')} s`, times);
    step(`time per candidate in a row: ${times.map((s) => s.toFixed(2)).join(', ')} s; session median ${median.toFixed(2)} s`);
    fs.writeFileSync(path.join(paths.screenshotDir, 'timing.json'), JSON.stringify({ inARow: times, sessionMedian: median, checks: all.length }));
    check(await text(page, '.door-side .n-admitted') === '6' && await text(page, '.door-side .n-referred') === '4',
        'the room: 6 admitted, 4 referred', [await text(page, '.door-side .n-admitted'), await text(page, '.door-side .n-referred')]);
    await browser.screenshot('10-door-after-a-series');

    step('the room list and the export');
    await page.click('[data-tab="room"]');
    await page.waitForSelector('#room-list tr');
    const states = await page.$$eval('#room-list tr', (rows) => rows.map((r) => [r.cells[0].textContent, r.dataset.state]));
    check(states.length === 7 && states.filter(([, s]) => s === 'admitted').length === 6 && states.find(([seat]) => seat === '08')?.[1] === 'not_yet',
        'the list: 7 candidates by seat, 6 admitted, seat 08 not yet', states);
    await browser.screenshot('11-room-list');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-room')]);
    const csv = fs.readFileSync(await download.path(), 'utf8');
    const lines = csv.split('\r\n');
    check(csv.startsWith('\uFEFFsession,checked_at,room,seat,id_number,full_name,decision,reasons,card,face_score,seconds,key_via'),
        'the export: UTF-8 BOM and the header', lines[0]);
    check(lines.length === 12 && lines.at(-1) === '', 'one CRLF line per check (10 in room P.101)', lines.length);
    check(new RegExp(`^${SESSION},[0-9: -]+,${ROOM},07,${AN.id},${AN.name},ADMIT,,VALID,0\\.\\d{3},\\d+\\.\\d,scanner$`).test(lines[1]),
        'the first row: the full ID number, the roster\'s name, ADMIT, seat, face score, seconds', lines[1]);
    check(lines[2].includes(',REFER,"already_admitted (P.101, ') && lines[3].includes(`${NGOC.id},${NGOC.name},REFER,"other_room (P.102, seat 03)"`),
        'the referrals with their reasons', [lines[2].split(',').slice(6, 8), lines[3].split(',').slice(6, 8)]);
    const exported = await exam(program, ['export-attendance', '--db', app.db.spec, '--session', SESSION, '--room', ROOM]);
    check(exported.code === 0 && exported.stdout === csv, 'export-attendance writes the same file');

    step('a second door PC: the QR held to its camera, then no face in that camera');
    const HUY = { id: '001090123457', name: 'Ngô Gia Huy' };
    const second = await openBrowser({ cameraVideo: qrCameraVideo(qrOf(HUY), work), viewport: VIEWPORT });
    await second.page.goto(app.url);
    await second.page.waitForSelector('[data-panel="setup"]:not([hidden])'); // a new PC: the room is chosen first
    await second.page.click('#lang');
    check(await text(second.page, '[data-panel="setup"] h2') === examStrings.en['setup.place.title'], 'the setup screen in English');
    await second.page.click('#lang');
    await second.page.selectOption('#room-select', ROOM);
    await second.page.click('#place-start');
    await second.page.waitForFunction(() => document.getElementById('camera').videoWidth > 0, null, { timeout: 10000 });
    await swapCard(makeProfile({ document: { id_number: HUY.id, full_name: HUY.name, old_id_number: null } }));
    await second.page.click('#scan-camera');
    shown = await errorShown(second.page);
    check(await text(second.page, '#who-name') === HUY.name, 'the QR seen by the page camera gave the key: the card was read');
    check(shown.title === 'Không thấy rõ khuôn mặt trong camera.' && await second.page.isVisible('#refer-anyway'),
        'no face in the camera: "no clear face", with Try again and "refer without the face"', shown.title);
    await second.page.click('#refer-anyway');
    await decision(second.page, 'REFER');
    row = await lastCheck();
    check(row.id_number === HUY.id && row.key_via === 'camera' && reasonCodes(row).join() === 'face_not_checked',
        'DB: REFER, face not checked, the key from the camera', row);
    check(second.consoleErrors.length === 0, 'no script error on the second PC\'s page', second.consoleErrors);
    await second.close();

    step('English');
    await page.click('#lang');
    await page.click('[data-tab="door"]');
    await page.waitForSelector('#decision[data-level="idle"]');
    check(await text(page, '#decision-word') === examStrings.en['door.idle.title'], 'the door in English');
    await browser.screenshot('12-door-english');
    await page.click('#lang');

    step('the agent is not running');
    await agent.stop();
    await swapCard(AN.profile);
    await scan(page, AN);
    shown = await errorShown(page);
    check(shown.title === 'Chương trình đầu đọc (cccd-agent) chưa chạy trên máy này.', 'agent down: "the card reader program is not running" with what to do', shown.title);
    check(await page.getAttribute('#agent-state', 'data-state') === 'down', 'the pill says the reader is not connected');
    await browser.screenshot('13-agent-down');

    step('the agent back, but no camera: the face step says so, and the invigilator refers without it');
    await startAgent({ port: agent.port, origins: agent.origins }); // no --camera: camera:0 is /dev/video0, absent here
    await setCamera(page, 'agent');
    let beforeCount = (await checks()).length;
    await page.click('#error .retry'); // still the "agent not running" error of the same candidate: nothing was lost
    await page.waitForSelector('#error:not([hidden])[data-code="no_camera"]', { timeout: 40000 });
    shown = await errorShown(page);
    check(shown.title === 'Không mở được camera.' && await page.isVisible('#refer-anyway'),
        'camera missing: "the camera cannot be opened", with Try again and "refer without the face"', shown.title);
    check(await text(page, '#who-name') === AN.name, 'the card already read is kept on screen');
    await browser.screenshot('14-no-camera');
    await page.click('#refer-anyway');
    await decision(page, 'REFER');
    row = await lastCheck();
    check((await checks()).length === beforeCount + 1 && reasonCodes(row).join() === 'already_admitted,face_not_checked' && row.face_score === null,
        'DB: REFER recorded without a face score (already admitted, face not checked)', reasonCodes(row));

    check(browser.consoleErrors.filter((e) => !/Failed to load resource|ERR_CONNECTION_REFUSED|net::/.test(e)).length === 0,
        'no script error on the page', browser.consoleErrors);
    const logged = app.process.output;
    check(![AN.id, AN.name, NGOC.name, HEN.name].some((p) => logged.includes(p)), 'the server\'s log holds no full ID number and no name');
});
