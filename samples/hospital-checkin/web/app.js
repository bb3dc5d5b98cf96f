// The hospital reception desk: department → CCCD key (scanner gun, camera QR or typed) → chip read through
// cccd-agent (name first, then the verdict) → check-in on this hospital's server (patient, visit, queue number,
// insurance) → queue slip. Every failure keeps the department and the key: one key press retries.
// SPDX-License-Identifier: Apache-2.0
import {
    $, KeyEntry, api, connectAgent, displayDate, explainError, qrFields, showError, showVerdict, startPage, t, verdictView,
} from '/common/counter.js';
import { DepartmentPicker } from './departments.js';
import { QueueList } from './queue-list.js';
import {
    showCardVerdict, showFailure, showIdle, showPerson, showReadProgress, showReading, showRefused, showRegistering, showTicket,
} from './result-view.js';

// The medical record needs these and nothing more: no photo, no religion, no ethnicity, no parents.
const FIELDS = ['id_number', 'full_name', 'date_of_birth', 'sex', 'place_of_residence'];
// Failed reads after which the card-face QR may stand in: the chip is damaged or will not answer, or the reader or
// its program is out of order and the queue must keep moving.
const QR_FALLBACK_AFTER = ['communication', 'card_removed', 'no_card', 'several_cards', 'no_reader', 'unreachable'];

let config;
let agent = null;
let picker;
let queue;
let keyEntry;
let patient = null;     // {key, idNumber, qr, via} of the patient at the desk
let pending = null;     // the check-in sent and not yet stored: "Try again" sends it again, nothing is re-read
let person = null;      // the patient's fields on screen
let verdictView_ = null; // () => the verdict banner's view, in the current language
let shown = null;       // the state of the result column: {kind: 'registering'|'ticket'|'refused'|'error', ...}

function setAgentPill(state) {
    const pill = $('agent-state');
    pill.dataset.state = state;
    pill.dataset.i18n = 'agent.' + state;
    pill.textContent = t('agent.' + state);
}

async function ensureAgent() {
    if (!agent) agent = (await connectAgent(config)).agent;
    return agent;
}

/** Connects to cccd-agent; when it is not running, says so with "Try again" (which calls this again). */
async function reconnect() {
    try {
        await ensureAgent();
        setAgentPill('ready');
        if (shown?.kind === 'error') resetForNextPatient();
    } catch (e) {
        fail(e, 'read', reconnect);
    }
}

/** An error in the result column with its next step; `retry` is what the focused button (Enter) does. */
function fail(error, during, retry) {
    if (error && error.code === 'unreachable') {
        agent = null;
        setAgentPill('down');
    }
    shown = { kind: 'error', error, during, retry };
    const explained = explainError(error, during);
    showFailure(during === 'server' && pending !== null); // a read that worked stays on screen while its check-in is retried
    const box = $('error');
    const typeAgain = explained.code === 'wrong_key';
    showError(box, explained, typeAgain ? () => { keyEntry.clear(); keyEntry.focus(); } : retry);
    if (typeAgain) box.querySelector('.retry').textContent = t('error.retry.key');
    const fallback = $('qr-only-fallback');
    fallback.hidden = !(during === 'read' && patient?.qr && QR_FALLBACK_AFTER.includes(explained.code));
    fallback.onclick = () => registerQrOnly();
}

function fieldsOf(source) {
    const out = {};
    for (const field of FIELDS) out[field] = source[field] ?? null;
    return out;
}

function showPatient(fields) {
    person = fields;
    showPerson(fields);
}

function showBanner(makeView) {
    verdictView_ = makeView;
    showCardVerdict(makeView());
}

/** Sends the check-in (again, after a failure: the same data, nothing to re-read). */
async function register(checkin) {
    pending = checkin;
    shown = { kind: 'registering' };
    showRegistering();
    try {
        const answer = await api('/api/checkins', checkin);
        pending = null;
        shown = { kind: 'ticket', answer };
        showTicket(answer);
        queue.highlight(answer.visit.id);
        $('print').focus();
        await Promise.all([queue.refresh(), picker.load()]).catch(() => {});
    } catch (e) {
        if (e.code === 'card_invalid') {
            pending = null;
            shown = { kind: 'refused' };
            showRefused();
            keyEntry.focus();
            return;
        }
        fail(e, 'server', () => register(checkin));
    }
}

async function readCard() {
    shown = { kind: 'reading' };
    verdictView_ = null;
    showReading();
    let report;
    try {
        const reader = await ensureAgent();
        setAgentPill('ready');
        report = await reader.read(patient.key, {
            fields: FIELDS, face: false, verify: true, waitSeconds: config.card_wait_seconds ?? 30,
            onProgress: showReadProgress,
            onDocument: showPatient,
        });
    } catch (e) {
        fail(e, 'read', readCard);
        return;
    }
    showPatient(report.document);
    showBanner(() => verdictView(report.verification));
    await register({
        department_id: picker.selectedId, source: 'chip', card_verdict: report.verification.overall, person: fieldsOf(report.document),
    });
}

function qrOnlyVerdict() {
    return { overall: 'QR_ONLY', level: 'warn', title: t('ticket.unverified'), reason: t('qronly.banner'), next: t('qronly.next'), detail: '', expired: false };
}

/** The chip cannot be read: register from the card-face QR alone, marked unverified everywhere. */
async function registerQrOnly() {
    if (!patient?.qr?.full_name) {
        keyEntry.say(t('qronly.needs_qr'));
        keyEntry.focus();
        return;
    }
    showReading();
    showPatient(fieldsOf(patient.qr));
    showBanner(qrOnlyVerdict);
    await register({ department_id: picker.selectedId, source: 'qr_only', person: fieldsOf(patient.qr) });
}

function onKey(entered) {
    patient = { ...entered, qr: entered.qr || (entered.key.qr ? qrFields(entered.key.qr) : null) };
    pending = null;
    if ($('qr-only-mode').checked) registerQrOnly();
    else readCard();
}

function resetForNextPatient() {
    patient = pending = person = verdictView_ = shown = null;
    queue.highlight(null);
    showIdle();
    keyEntry.clear();
    keyEntry.focus();
}

// A scanner gun types wherever the focus is: printable keys typed outside a text field go to the key field.
function sendTypingToKeyField(event) {
    const target = event.target;
    const typing = target instanceof HTMLInputElement && (target.type === 'text' || target.type === 'search');
    if (typing || event.ctrlKey || event.altKey || event.metaKey || event.key.length !== 1 || event.key === ' ') return;
    $('key').focus();
}

function redrawForLanguage() {
    picker.render();
    queue.render();
    $('today').textContent = displayDate(picker.date);
    if (person) showPerson(person);
    if (verdictView_) showVerdict($('verdict'), verdictView_());
    if (shown?.kind === 'ticket') showTicket(shown.answer);
    else if (shown?.kind === 'refused') showRefused();
    else if (shown?.kind === 'error') fail(shown.error, shown.during, shown.retry);
}

async function main() {
    try {
        config = await startPage();
    } catch (e) {
        fail(e, 'server', () => location.reload());
        return;
    }
    $('hospital-name').textContent = config.hospital_name || '';
    document.title = `${t('app.title')} · ${config.hospital_name || ''}`;
    queue = new QueueList({ rows: $('queue-rows'), empty: $('queue-empty'), title: $('queue-department') });
    picker = new DepartmentPicker($('departments'), (department) => {
        queue.show(department).catch(() => {});
    });
    keyEntry = new KeyEntry({
        form: $('key-form'), input: $('key'), cameraButton: $('camera'), message: $('key-message'),
        getAgent: () => ({ scanQr: async (options) => (await ensureAgent()).scanQr(options) }),
        onKey,
        onError: (e, during) => fail(e, during, () => keyEntry.scanWithCamera()),
    });
    $('next').addEventListener('click', resetForNextPatient);
    $('print').addEventListener('click', () => setTimeout(() => keyEntry.focus(), 0));
    document.addEventListener('keydown', (event) => {
        if (event.key === 'Escape') resetForNextPatient();
        else sendTypingToKeyField(event);
    });
    document.addEventListener('cccd-lang', () => { if (picker?.departments.length) redrawForLanguage(); });
    try {
        await picker.load();
        $('today').textContent = displayDate(picker.date);
        await queue.show(picker.selected);
    } catch (e) {
        fail(e, 'server', () => location.reload());
        return;
    }
    showIdle();
    keyEntry.focus();
    await reconnect();
}

main();
