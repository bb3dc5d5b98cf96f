// The self-service kiosk: a citizen alone at the machine taps the ID card, gives its key (QR through the built-in
// scanner or the camera, or the 12 digits on the screen's keypad), looks at the camera, and gets a queue ticket.
// Nothing about the citizen outlives the session: Finish, Cancel, the idle timeout and every result wipe the page
// (text, photo, camera, variables). The server only hears how the session ended.
// SPDX-License-Identifier: Apache-2.0
import {
    $, api, startPage, connectAgent, KeyEntry, explainError, verdictView, showPhoto, readPercent, t, addStrings, setLang,
    applyI18n,
} from '/common/counter.js';
import { kioskStrings, machineFaults } from './kiosk-strings.js';
import { Keypad } from './keypad.js';
import { openCamera, closeCamera, sleep } from './camera.js';
import { IdleTimer, Countdown } from './idle.js';
import { showScreen, showMessage } from './screens.js';

addStrings(kioskStrings);

const FIELDS = ['full_name']; // the greeting is all the kiosk shows; the verdict and the photo do the rest
const FACE_TRIES = 3;         // frames without a usable face before giving up
const QR_SECONDS = 20;        // how long the camera looks for the card's QR code

let config = { lang: 'vi', idle_seconds: 30, result_seconds: 15, help_desk: '3', camera: 'page' };
let link = null;    // {agent, client} once cccd-agent answers
let session = null; // the running session: {signal, cancel(), live()}; replaced at each start, null after a reset

const idle = new IdleTimer(30, () => resetToStart());
const countdown = new Countdown((seconds) => t('kiosk.countdown', { seconds }));

/** A new session: the previous one's late answers are ignored (their session is no longer live). */
function newSession() {
    if (session) session.cancel();
    const controller = new AbortController();
    const s = { signal: controller.signal, cancel: () => controller.abort(), live: () => session === s };
    session = s;
    return s;
}

// ---------- 1. the key: scanner, keypad, camera ----------

// The built-in scanner's hidden field (KeyEntry listens on its form: Enter, or a pause after a complete QR).
new KeyEntry({
    form: $('scanner-form'), input: $('scanner-input'), message: $('start-message'),
    getAgent: () => link && link.agent,
    // The QR text holds the name, birth date and address: only its ID number goes on, as the key.
    onKey: (parsed) => readCard({ key: parsed.idNumber ? { id: parsed.idNumber } : parsed.key, via: parsed.via }),
    onError: (e) => problem(e, 'read'),
});

const keypad = new Keypad({
    pad: $('keypad'), display: $('keypad-display'), message: $('keypad-message'),
    onSubmit: (idNumber) => readCard({ key: { id: idNumber }, via: 'keypad' }),
});

function openKeypad() {
    newSession();
    keypad.clear();
    showScreen('keypad');
    $('keypad-display').focus(); // typed digits and Enter land here; Tab reaches the keys
}

async function scanQrWithCamera() {
    const s = newSession();
    const video = $('qr-video');
    const pageCamera = config.camera === 'page';
    idle.hold(); // the camera looks for QR_SECONDS at most, then says so
    $('qr-lead').dataset.i18n = pageCamera ? 'kiosk.qr.lead' : 'kiosk.qr.agent';
    applyI18n($('qr-lead').parentElement);
    showScreen('qr-camera');
    let qr = null;
    try {
        if (pageCamera) await openCamera(video);
        const deadline = Date.now() + QR_SECONDS * 1000;
        while (!qr && s.live() && Date.now() < deadline) {
            try {
                qr = await link.agent.scanQr(pageCamera ? { image: link.client.captureFrame(video, { maxWidth: 960 }) } : { source: 'camera:0' });
            } catch (e) {
                if (e.code !== 'no_qr' && e.code !== 'not_found') throw e;
                await sleep(400);
            }
        }
        if (!s.live()) return;
        if (!qr) throw Object.assign(new Error('no QR code in the camera'), { code: 'no_qr' });
    } catch (e) {
        if (s.live()) problem(e, 'qr', { onRetry: scanQrWithCamera });
        return;
    } finally {
        idle.release();
        closeCamera(video);
    }
    // Only the ID number opens the chip: the name, birth date and address of the QR answer are dropped here.
    const idNumber = qr.id_number;
    qr = null;
    readCard({ key: { id: idNumber }, via: 'camera' });
}

// ---------- 2. reading the chip ----------

function readingView(stepKey, percent) {
    $('reading-step').textContent = t(stepKey);
    $('read-bar').value = percent;
    $('read-percent').textContent = `${percent}%`;
}

function greet(fields) {
    if (!fields || !fields.full_name) return;
    $('greeting').textContent = t('kiosk.hello', { name: fields.full_name });
    $('greeting').hidden = false;
    $('reading-title').hidden = true;
}

async function readCard(parsed) {
    const s = newSession();
    $('greeting').hidden = true;
    $('reading-title').hidden = false;
    readingView('kiosk.read.wait', 0);
    showScreen('reading');
    // Wait for the card about as long as the idle timeout: a citizen who walked away is not waited for longer.
    const waitSeconds = Math.max(3, Math.min(20, config.idle_seconds - 3));
    const busyUntil = Date.now() + (waitSeconds + 3) * 1000;
    let report;
    idle.hold(); // the read waits for the card and ends by itself (no card, card pulled ...)
    for (;;) {
        try {
            report = await link.agent.read(parsed.key, {
                fields: FIELDS, face: true, verify: true, waitSeconds, signal: s.signal,
                onProgress: (p) => {
                    if (!s.live()) return;
                    const file = p.file || '';
                    const percent = Math.max($('read-bar').value, readPercent(p) ?? 0);
                    readingView(file === 'DG2' ? 'kiosk.read.photo' : /SOD|DG14|DG15/.test(file) ? 'kiosk.read.check' : 'kiosk.read.hold', percent);
                },
                onDocument: (d) => { if (s.live()) greet(d); },
            });
            break;
        } catch (e) {
            if (!s.live()) return;
            // A read the last citizen left running (Cancel, timeout) keeps the reader a few seconds more.
            if (e.code === 'busy' && Date.now() < busyUntil) {
                readingView('kiosk.read.busy', 0);
                await sleep(1000);
                if (!s.live()) return;
                continue;
            }
            const retry = e.code === 'wrong_key' ? (parsed.via === 'keypad' ? openKeypad : resetToStart) : () => readCard(parsed);
            idle.release();
            problem(e, 'read', { onRetry: retry });
            return;
        }
    }
    idle.release();
    if (!s.live()) return;
    readingView('kiosk.read.check', 100);
    const verdict = verdictView(report.verification);
    if (verdict.overall === 'INVALID') return finish('card_invalid', s);
    if (verdict.overall !== 'VALID' || !report.face) return finish('card_unverified', s);
    if (verdict.expired) return finish('card_expired', s);
    return checkFace(report, s);
}

// ---------- 3. the face ----------

async function checkFace(report, s) {
    const video = $('face-video');
    const pageCamera = config.camera === 'page';
    showPhoto($('chip-photo'), report, link.client);
    report = null; // the photo is on screen; the agent keeps its own copy for the match
    $('agent-camera').hidden = pageCamera;
    video.hidden = !pageCamera;
    $('face-status').textContent = t('kiosk.face.ready');
    showScreen('face');
    let result;
    try {
        if (pageCamera) await openCamera(video);
        if (!s.live()) return;
        await sleep(1200); // time to look at the camera
        idle.hold();
        result = await matchFace(video, pageCamera, s);
    } catch (e) {
        if (s.live()) problem(e, 'face', { onRetry: resetToStart });
        return;
    } finally {
        idle.release();
        closeCamera(video);
        showPhoto($('chip-photo'), null);
    }
    if (!result || !s.live()) return;
    if (result.problem) return finish('no_face', s);
    if (!result.match) return finish('face_mismatch', s);
    if (result.liveness && !result.liveness.live) return finish('not_live', s);
    return finish('verified', s);
}

/** Face match + liveness, a few frames until one shows a usable face. */
async function matchFace(video, pageCamera, s) {
    let result = null;
    for (let attempt = 0; attempt < FACE_TRIES && s.live(); ++attempt) {
        $('face-status').textContent = t(attempt === 0 ? 'kiosk.face.checking' : 'kiosk.face.again');
        const live = pageCamera ? link.client.captureFrame(video) : 'camera:0';
        result = await link.agent.faceMatch({ live, liveness: true });
        if (!result.problem) break;
        await sleep(1000);
    }
    return s.live() ? result : null;
}

// ---------- 4. the end: ticket or help desk ----------

async function finish(outcome, s) {
    wipeCitizen(); // from here on the page needs nothing about the citizen
    let answer;
    try {
        answer = await api('/api/sessions', { outcome });
    } catch (e) {
        if (s.live()) problem(e, 'server');
        return;
    }
    if (!s.live()) return;
    if (answer.ticket) {
        showTicket(answer.ticket);
    } else {
        showMessage({
            kind: 'bad', title: t(`kiosk.outcome.${outcome}`), next: t(`kiosk.outcome.${outcome}.next`),
            desk: config.help_desk, onRetry: outcome === 'no_face' ? resetToStart : null,
        });
    }
    countdown.start(config.result_seconds, document.querySelectorAll('.countdown'), resetToStart);
}

function showTicket(ticket) {
    $('ticket-org').textContent = config.org || '';
    $('ticket-service').textContent = config.service || '';
    $('ticket-number').textContent = ticket.label;
    $('ticket-time').textContent = new Date(ticket.issued_at).toLocaleString('vi-VN', { hour: '2-digit', minute: '2-digit', day: '2-digit', month: '2-digit', year: 'numeric' });
    showScreen('ticket');
    $('print-ticket').hidden = config.print;
    $('print-status').textContent = config.print ? t('kiosk.ticket.printing') : '';
    if (config.print) window.print();
    document.querySelector('[data-panel="ticket"] .finish').focus();
}

/** A problem on the way, in a citizen's words; machine faults send them to the help desk. */
function problem(error, during, { onRetry } = {}) {
    const code = explainError(error, during).code;
    const fault = machineFaults.has(code);
    wipeCitizen();
    showMessage({
        kind: fault ? 'bad' : 'warn', title: t(`kiosk.error.${code}`), next: t(`kiosk.error.${code}.next`),
        desk: fault ? config.help_desk : null, onRetry: fault ? null : onRetry || resetToStart,
    });
    if (code === 'unreachable' || code === 'forbidden') {
        link = null;
        reconnect();
        return; // stays until the agent is back
    }
    countdown.start(config.result_seconds, document.querySelectorAll('.countdown'), resetToStart);
}

// ---------- wiping and starting over ----------

/** Removes every trace of the citizen from the page: text, photo, camera, typed digits, scanned text. */
function wipeCitizen() {
    for (const video of [$('face-video'), $('qr-video')]) closeCamera(video);
    showPhoto($('chip-photo'), null);
    $('greeting').textContent = '';
    $('greeting').hidden = true;
    $('reading-step').textContent = '';
    $('scanner-input').value = '';
    keypad.clear();
    if (link) link.agent.forget().catch(() => {}); // the agent's copy of the chip photo goes too
}

/** Finish, Cancel, a result's countdown, or the idle timeout: the first screen, nothing of the citizen left. */
function resetToStart() {
    if (session) session.cancel();
    session = null;
    countdown.stop();
    idle.reset();
    wipeCitizen();
    $('message').querySelector('.retry').onclick = null; // a retry closure holds the last key
    if (reconnecting) return; // the out-of-service screen stays until the agent is back
    for (const el of [$('ticket-number'), $('ticket-time'), $('start-message'), $('print-status'), $('face-status')]) el.textContent = '';
    for (const el of $('message').querySelectorAll('.title, .next, .desk, .countdown')) el.textContent = '';
    for (const el of document.querySelectorAll('.countdown')) el.textContent = '';
    setLang(config.lang); // the next citizen starts in the kiosk's language
    if (!link) return reconnect();
    showScreen('start');
    $('scanner-input').focus();
}

let reconnecting = false;
/** Until cccd-agent answers: the out-of-service screen, tried again every few seconds. */
async function reconnect() {
    if (reconnecting) return;
    reconnecting = true;
    for (;;) {
        try {
            link = await connectAgent(config);
            break;
        } catch (e) {
            const code = explainError(e).code;
            if ($('message').dataset.code !== code || document.body.dataset.screen !== 'message') {
                showMessage({ kind: 'bad', title: t(`kiosk.error.${code}`), next: t(`kiosk.error.${code}.next`), desk: config.help_desk });
                $('message').dataset.code = code;
            }
            await sleep(5000);
        }
    }
    reconnecting = false;
    $('message').dataset.code = '';
    resetToStart();
}

// ---------- keyboard, clock, start ----------

document.addEventListener('keydown', (event) => {
    const screen = document.body.dataset.screen;
    if (event.key === 'Escape' && screen !== 'start' && !reconnecting) {
        resetToStart();
        return;
    }
    if (screen === 'keypad') {
        keypad.handleKey(event);
        return;
    }
    // The built-in scanner types like a keyboard: whatever has the focus, its characters go to the scanner field.
    const input = $('scanner-input');
    const printable = event.key.length === 1 && event.key !== ' ' && !event.ctrlKey && !event.altKey && !event.metaKey;
    if (screen === 'start' && printable && event.target !== input) {
        event.preventDefault();
        input.focus();
        input.value += event.key;
        input.dispatchEvent(new Event('input'));
    }
});
// A tap on an empty part of the first screen gives the focus back to the scanner field.
$('scanner-input').addEventListener('blur', () => setTimeout(() => {
    if (document.body.dataset.screen === 'start' && (!document.activeElement || document.activeElement === document.body)) $('scanner-input').focus();
}, 0));

$('open-keypad').addEventListener('click', openKeypad);
$('open-qr-camera').addEventListener('click', scanQrWithCamera);
$('cancel').addEventListener('click', resetToStart);
$('message').querySelector('.home').addEventListener('click', resetToStart);
document.querySelector('[data-panel="ticket"] .finish').addEventListener('click', resetToStart);
$('print-ticket').addEventListener('click', () => window.print());

function tick() {
    $('clock').textContent = new Date().toLocaleString('vi-VN', { hour: '2-digit', minute: '2-digit', day: '2-digit', month: '2-digit', year: 'numeric' });
}
tick();
setInterval(tick, 15000);

try {
    config = await startPage();
} catch (e) {
    showMessage({ kind: 'bad', title: t('kiosk.error.server'), next: t('kiosk.error.server.next'), desk: config.help_desk });
    throw e;
}
$('org').textContent = config.org || '';
idle.ms = config.idle_seconds * 1000;
document.documentElement.dataset.camera = config.camera;
resetToStart();
