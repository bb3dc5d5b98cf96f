// The teller's page: the card (three ways to its key, read with full verification and the photo), the face
// against the counter camera, the server's decision with its reasons, the audit log. Every error says what to do
// next and keeps what was already done: a retry repeats only the step that failed.
// SPDX-License-Identifier: Apache-2.0
import {
    $, KeyEntry, api, connectAgent, displayDate, explainError, showError, showProgress, showVerdict, startPage, t, verdictView,
} from '/common/counter.js';
import { AuditPanel } from './audit-panel.js';
import { decisionLevel, decisionNext, decisionTitle, fillReasons } from './decision-view.js';
import { FaceStep } from './face-step.js';
import './kyc-strings.js';

// KYC needs the name and ID on the record, the date of birth and expiry for the teller's eye: nothing else.
const FIELDS = ['id_number', 'full_name', 'date_of_birth', 'date_of_expiry'];
const FACE_RETRY_REASONS = ['face_quality', 'face_not_checked'];

let config;
let agent = null;
let client = null;
let current = null;   // this customer: {key, document, report, check}
let lastError = null; // {error, during, retry}: shown again in the other language
const errorBox = $('error');
const faceStep = new FaceStep({ getAgent: () => agent, getClient: () => client });
const audit = new AuditPanel();

/** The page's state for the teller's eye (and the tests): idle, reading, face, saving, decided, error. */
function setState(state) { document.body.dataset.state = state; }

function setText(el, key, vars = {}) {
    el.dataset.textKey = key;
    el.dataset.textVars = JSON.stringify(vars);
    el.textContent = t(key, vars);
}

function hideError() {
    errorBox.hidden = true;
    $('skip-face').hidden = true;
    lastError = null;
}

function reportError(error, during, retry, { canSkipFace = false } = {}) {
    lastError = { error, during, retry, canSkipFace };
    showError(errorBox, explainError(error, during), retry);
    $('skip-face').hidden = !canSkipFace;
    setState('error');
}

async function connect() {
    try {
        ({ agent, client } = await connectAgent(config));
        hideError();
        return true;
    } catch (e) {
        agent = null;
        reportError(e, 'read', connect);
        return false;
    }
}

// ---- step 1: the card --------------------------------------------------------------------------------------

function clearCustomer() {
    current = null;
    $('person').hidden = true;
    $('customer-waiting').hidden = false;
    for (const id of ['name', 'id-number', 'dob', 'expiry']) $(id).textContent = '';
    $('photo').removeAttribute('src');
    $('photo').hidden = true;
    $('photo-placeholder').hidden = false;
    $('verdict').hidden = true;
    showDecisionPending('decision.idle');
    $('progress').hidden = true;
    faceStep.reset();
    setFaceState('waiting', 'face.waiting');
}

function showDocument(document) {
    $('customer-waiting').hidden = true;
    $('person').hidden = false;
    $('name').textContent = document.full_name || '';
    $('id-number').textContent = document.id_number || '';
    $('dob').textContent = displayDate(document.date_of_birth);
    $('expiry').textContent = document.date_of_expiry ? displayDate(document.date_of_expiry) : '—';
}

async function readCard(key) {
    if (!agent && !(await connect())) return;
    hideError();
    clearCustomer();
    current = { key };
    setState('reading');
    $('progress').hidden = false;
    $('bar').value = 0;
    setText($('step-text'), 'step.place');
    let report;
    try {
        report = await agent.read(key.key, {
            fields: FIELDS, face: true, verify: true, waitSeconds: 10,
            onProgress: (p) => showProgress($('bar'), $('step-text'), p),
            onDocument: (d) => showDocument(d),
        });
    } catch (e) {
        $('progress').hidden = true;
        reportError(e, 'read', () => readCard(key));
        return;
    }
    current.report = report;
    showDocument(report.document);
    $('bar').value = 100;
    setText($('step-text'), 'step.done');
    if (report.face && report.face.jpeg_base64) {
        $('photo').src = client.faceDataUrl(report);
        $('photo').hidden = false;
        $('photo-placeholder').hidden = true;
    }
    showVerdict($('verdict'), verdictView(report.verification));
    faceStep.showChip(report);
    if (report.verification && report.verification.overall === 'INVALID') {
        // A forged or cloned card: stop here. Its face proves nothing; the attempt is still logged.
        setFaceState('skipped', 'face.skipped.invalid');
        await saveCheck(null, null);
        return;
    }
    setFaceState('ready', 'face.ready');
    $('face-start').focus();
    setState('face');
    await faceStep.prepare();
}

// ---- step 2: the face --------------------------------------------------------------------------------------

function setFaceState(state, key, vars) {
    $('face-step').dataset.state = state;
    delete $('face-step').dataset.result;
    $('face-detail').hidden = true;
    setText($('face-status'), key, vars);
    $('face-start').disabled = state !== 'ready';
}

// What the agent said about the face, in words: match or not (or why it could not tell), the score, liveness.
function showFaceResult(answer) {
    const result = answer.problem ? 'problem' : answer.match ? 'match' : 'mismatch';
    setFaceState('done', { problem: 'reason.face_quality', match: 'face.match', mismatch: 'face.mismatch' }[result]);
    $('face-step').dataset.result = result;
    const parts = [];
    if (!answer.problem) parts.push(t('face.score', { score: answer.score.toFixed(2), threshold: answer.threshold.toFixed(2) }));
    parts.push(t(answer.liveness ? (answer.liveness.live ? 'face.live.yes' : 'face.live.no') : 'face.live.unknown'));
    $('face-detail').textContent = parts.join(' · ');
    $('face-detail').hidden = false;
}

async function checkFace() {
    if (!current || !current.report) return;
    hideError();
    showDecisionPending('decision.idle');
    setFaceState('running', 'face.running');
    setState('face');
    let result;
    try {
        result = await faceStep.run();
    } catch (e) {
        setFaceState('ready', 'face.ready');
        reportError(e, 'face', checkFace, { canSkipFace: true });
        return;
    }
    current.faceAnswer = result.answer;
    showFaceResult(result.answer);
    await saveCheck(result.answer, result.faceSource);
}

// ---- the decision: the server decides and logs ----------------------------------------------------------------

async function saveCheck(faceAnswer, faceSource) {
    const body = {
        id_number: current.report.document.id_number,
        full_name: current.report.document.full_name,
        verification: current.report.verification,
        face: faceAnswer,
        face_source: faceSource,
    };
    setState('saving');
    showDecisionPending('decision.saving');
    try {
        const { check } = await api('/api/checks', body);
        current.check = check;
        hideError();
        showDecision(check);
    } catch (e) {
        showDecisionPending('decision.idle');
        reportError(e, 'server', () => saveCheck(faceAnswer, faceSource)); // the read and the face are kept
        return;
    }
    audit.refresh();
}

// No decision yet: what the panel will hold, or that the check is being written.
function showDecisionPending(key) {
    const panel = $('decision');
    panel.dataset.level = 'idle';
    delete panel.dataset.decision;
    setText($('decision-word'), key);
    setText($('decision-next'), 'decision.idle.hint');
    $('reasons').replaceChildren();
    $('logged').textContent = '';
    $('decision-actions').hidden = true;
}

function showDecision(check, { focus = true } = {}) {
    const panel = $('decision');
    for (const id of ['decision-word', 'decision-next']) delete $(id).dataset.textKey;
    panel.dataset.level = decisionLevel(check.decision);
    panel.dataset.decision = check.decision;
    $('decision-word').textContent = decisionTitle(check);
    fillReasons($('reasons'), check);
    $('decision-next').textContent = decisionNext(check);
    $('logged').textContent = `${t('decision.logged', { sequence: check.sequence })} · SHA-256 ${check.row_hash.slice(0, 16)}…`;
    $('print-record').href = 'record.html?check=' + check.sequence;
    $('face-again').hidden = !check.reasons.some((r) => FACE_RETRY_REASONS.includes(r));
    $('decision-actions').hidden = false;
    if (focus) $('print-record').focus();
    setState('decided');
}

function nextCustomer() {
    hideError();
    clearCustomer();
    setState('idle');
    keyEntry.clear();
    keyEntry.focus();
}

// ---- start ---------------------------------------------------------------------------------------------------

const keyEntry = new KeyEntry({
    form: $('key-form'), input: $('key'), cameraButton: $('scan-qr'), message: $('key-message'),
    getAgent: () => agent,
    onKey: (key) => readCard(key),
    onError: (e, during) => reportError(e, during, () => keyEntry.scanWithCamera()),
});

$('face-start').addEventListener('click', checkFace);
$('face-again').addEventListener('click', () => { setFaceState('ready', 'face.ready'); faceStep.prepare(); checkFace(); });
$('skip-face').addEventListener('click', () => { hideError(); setFaceState('done', 'reason.face_not_checked'); saveCheck(null, null); });
$('next-customer').addEventListener('click', nextCustomer);

document.addEventListener('cccd-lang', () => {
    for (const el of document.querySelectorAll('[data-text-key]')) el.textContent = t(el.dataset.textKey, JSON.parse(el.dataset.textVars || '{}'));
    if (current && current.report && !$('verdict').hidden) showVerdict($('verdict'), verdictView(current.report.verification));
    if (current && current.faceAnswer && $('face-step').dataset.state === 'done') showFaceResult(current.faceAnswer);
    if (current && current.check && $('decision').dataset.decision) showDecision(current.check, { focus: false });
    if (lastError && !errorBox.hidden) reportError(lastError.error, lastError.during, lastError.retry, lastError);
});

try {
    config = await startPage();
} catch (e) {
    config = { agent_url: 'http://127.0.0.1:8741', bank_name: '', counter_id: '' };
    reportError(e, 'server', () => location.reload());
}
$('bank-name').textContent = config.bank_name || '';
$('counter-id').textContent = config.counter_id || '';
document.title = `${t('app.title')} · ${config.bank_name || ''}`;
clearCustomer();
setState('idle');
audit.refresh();
if (await connect()) keyEntry.focus();
