// What every sample page does at a counter: find cccd-agent, take the CAN three ways (QR scanner gun, QR in the
// camera, the ID typed by hand), read the card with progress, put the verdict and errors in a clerk's words, and
// talk to the sample's own server. Plain ES module, no build step.
// SPDX-License-Identifier: Apache-2.0
import { t, addStrings, setLang, initialLang, currentLang, applyI18n } from './i18n.js';

export { t, addStrings, setLang, currentLang, applyI18n };

export const $ = (id) => document.getElementById(id);

/** An error of this page or its server, shaped like the agent's (code + message). */
export class SampleError extends Error {
    constructor(message, code, status = 0) {
        super(message);
        this.code = code;
        this.status = status;
    }
}

/** The sample server's JSON API. Network failures and 5xx become code 'server' (nothing was saved). */
export async function api(path, body, method = body === undefined ? 'GET' : 'POST') {
    let response;
    try {
        response = await fetch(path, {
            method, cache: 'no-store',
            headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
            body: body === undefined ? undefined : JSON.stringify(body),
        });
    } catch (_) {
        throw new SampleError('the server cannot be reached', 'server');
    }
    const json = await response.json().catch(() => null);
    if (!response.ok) {
        const error = (json && json.error) || {};
        const code = response.status >= 500 ? 'server' : (error.code || 'http_' + response.status);
        throw new SampleError(error.message || `HTTP ${response.status}`, code, response.status);
    }
    return json;
}

/** The page's settings from its server, and the language set up. */
export async function startPage() {
    const config = await api('/api/config');
    setLang(initialLang(config.lang));
    const toggle = $('lang');
    if (toggle) toggle.addEventListener('click', () => setLang(currentLang() === 'vi' ? 'en' : 'vi'));
    return config;
}

/**
 * Loads client.js from cccd-agent and returns a connected CccdAgent; an `unreachable` SampleError when the agent
 * is not running. The pill element (if any) shows the state.
 */
export async function connectAgent(config, pill = $('agent-state')) {
    const show = (state) => {
        if (!pill) return;
        pill.dataset.state = state;
        pill.dataset.i18n = 'agent.' + state;
        pill.textContent = t('agent.' + state);
    };
    show('checking');
    let client;
    try {
        client = await import(config.agent_url + '/v1/client.js');
    } catch (_) {
        show('down');
        throw new SampleError(`cccd-agent is not running at ${config.agent_url}`, 'unreachable');
    }
    const agent = new client.CccdAgent({ baseUrl: config.agent_url });
    try {
        await agent.readers(); // also proves this page is an allowed origin
    } catch (e) {
        if (e.code !== 'no_reader') {
            show('down');
            throw e;
        }
    }
    show('ready');
    return { agent, client };
}

/**
 * A key from what the clerk typed or the scanner gun sent: {key, idNumber?} or null.
 * 12 digits: the ID number (PACE with its last 6 digits); 6 digits: the CAN printed on the card;
 * text with '|': the card-face QR (ID|old ID|name|DOB|sex|address|issue date).
 */
export function parseKeyInput(text) {
    const value = (text || '').trim();
    if (/^\d{12}$/.test(value)) return { key: { id: value }, idNumber: value };
    if (/^\d{6}$/.test(value)) return { key: { can: value } };
    if (value.includes('|')) {
        const id = value.split('|')[0];
        if (/^\d{12}$/.test(id)) return { key: { qr: value }, idNumber: id };
    }
    return null;
}

/** The card-face QR as the agent's scan-qr answers it, fields by name (for the "QR only" paths). */
export function qrFields(text) {
    const [id, oldId, name, dob, sex, address, issued] = text.split('|');
    const isoDate = (d) => (/^\d{8}$/.test(d || '') ? `${d.slice(4)}-${d.slice(2, 4)}-${d.slice(0, 2)}` : null);
    return {
        id_number: id, old_id_number: oldId || null, full_name: name || null, date_of_birth: isoDate(dob),
        sex: sex === 'Nam' ? 'M' : sex === 'Nữ' ? 'F' : null, place_of_residence: address || null, date_of_issue: isoDate(issued),
    };
}

/**
 * The key field and its camera button. A 2D scanner gun types the QR text and Enter into the focused field; a
 * gun set up without Enter is caught by a pause after a complete QR. onKey({key, idNumber, via}) is called once
 * per key; onError(error) for what the clerk must fix.
 */
export class KeyEntry {
    constructor({ form, input, cameraButton, message, getAgent, onKey, onError }) {
        Object.assign(this, { form, input, cameraButton, message, getAgent, onKey, onError });
        let pause;
        form.addEventListener('submit', (event) => {
            event.preventDefault();
            clearTimeout(pause);
            this.submit('typed');
        });
        input.addEventListener('input', () => {
            this.say('');
            clearTimeout(pause);
            if (input.value.split('|').length >= 7) pause = setTimeout(() => this.submit('scanner'), 300);
        });
        if (cameraButton) cameraButton.addEventListener('click', () => this.scanWithCamera());
    }

    say(text) {
        if (this.message) this.message.textContent = text;
    }

    focus() {
        this.input.focus();
        this.input.select();
    }

    clear() {
        this.input.value = '';
        this.say('');
    }

    submit(via) {
        const parsed = parseKeyInput(this.input.value);
        if (!parsed) {
            this.say(t('key.invalid'));
            this.focus();
            return;
        }
        // The field held a CCCD number or QR (personal data): do not leave it on screen.
        this.input.value = '';
        this.onKey({ ...parsed, via: parsed.key.qr && via === 'typed' ? 'scanner' : via });
    }

    async scanWithCamera() {
        this.say(t('key.scanning'));
        try {
            const qr = await this.getAgent().scanQr({ source: 'camera:0' });
            this.say('');
            this.onKey({ key: { id: qr.id_number }, idNumber: qr.id_number, qr, via: 'camera' });
        } catch (e) {
            this.say('');
            this.onError(e, 'qr');
        }
    }
}

/**
 * An error in a clerk's words: {code, title, next, detail}. `during` says what was going on ('read', 'qr',
 * 'face', 'server') where one code means different things.
 */
export function explainError(error, during = 'read') {
    let code = error && error.code ? error.code : 'other';
    if (code === 'not_found' && during === 'qr') code = 'no_qr';
    if (code === 'no_face' || (during === 'face' && code === 'invalid_argument')) code = 'no_face';
    const known = ['wrong_key', 'no_card', 'card_removed', 'several_cards', 'no_reader', 'busy', 'communication',
        'unreachable', 'forbidden', 'no_camera', 'no_qr', 'no_face', 'server'];
    if (code === 'service_unavailable') code = 'no_reader';
    if (code === 'card_error' || code === 'malformed_data') code = 'communication';
    if (!known.includes(code)) code = 'other';
    return { code, title: t('error.' + code), next: t('error.' + code + '.next'), detail: error && error.message ? error.message : '' };
}

// Which failed check explains the verdict, in the clerk's words (the SDK's own reason is kept as detail).
const checkWords = {
    vi: {
        passive_authentication: { FAILED: 'Dữ liệu trong chip đã bị sửa: chữ ký số của cơ quan cấp không khớp.', inconclusive: 'Không có chứng thư gốc của cơ quan cấp để kiểm tra chữ ký.' },
        chip_authentication: { FAILED: 'Chip không chứng minh được là chip gốc: có thể là thẻ sao chép.', inconclusive: 'Chip này không hỗ trợ kiểm tra chống sao chép.' },
        active_authentication: { FAILED: 'Chip không chứng minh được là chip gốc: có thể là thẻ sao chép.', inconclusive: 'Chip này không hỗ trợ kiểm tra chống sao chép.' },
        consistency: { FAILED: 'Dữ liệu trong chip không khớp nhau (trộn dữ liệu của hai thẻ?).', inconclusive: 'Không kiểm tra được sự nhất quán của dữ liệu.' },
    },
    en: {
        passive_authentication: { FAILED: 'The chip\'s data was altered: the issuer\'s digital signature does not match.', inconclusive: 'The issuer\'s root certificate is not installed, so the signature cannot be checked.' },
        chip_authentication: { FAILED: 'The chip could not prove it is the original: it may be a clone.', inconclusive: 'This chip does not support the anti-cloning check.' },
        active_authentication: { FAILED: 'The chip could not prove it is the original: it may be a clone.', inconclusive: 'This chip does not support the anti-cloning check.' },
        consistency: { FAILED: 'The chip\'s data does not agree with itself (data of two cards mixed?).', inconclusive: 'The data\'s consistency could not be checked.' },
    },
};

/**
 * The verdict for the clerk: {overall, level: 'ok'|'warn'|'bad', title, reason, next, detail, expired}.
 * `reason` names the check that decided it; `detail` is the SDK's own (English) reason for IT.
 */
export function verdictView(verification) {
    if (!verification) return { overall: 'UNVERIFIED', level: 'warn', title: t('verdict.UNVERIFIED'), reason: '', next: t('verdict.unverified.next'), detail: '' };
    const overall = verification.overall;
    const order = ['passive_authentication', 'consistency', 'chip_authentication', 'active_authentication'];
    const words = checkWords[currentLang()] || checkWords.vi;
    let decisive = null;
    if (overall === 'INVALID') decisive = order.find((k) => verification[k] && verification[k].status === 'FAILED');
    if (overall === 'UNVERIFIED') decisive = order.find((k) => verification[k] && verification[k].status !== 'PASSED');
    const state = decisive && verification[decisive].status === 'FAILED' ? 'FAILED' : 'inconclusive';
    const expired = verification.expiry && verification.expiry.status === 'EXPIRED';
    return {
        overall,
        level: overall === 'VALID' ? (expired ? 'warn' : 'ok') : overall === 'INVALID' ? 'bad' : 'warn',
        title: t('verdict.' + overall),
        reason: decisive ? words[decisive][state] : '',
        next: overall === 'INVALID' ? t('verdict.invalid.next') : overall === 'UNVERIFIED' ? t('verdict.unverified.next') : '',
        detail: decisive ? verification[decisive].reason || '' : '',
        expired,
    };
}

/** 0010******56, for anything shown where the full number is not needed. */
export function maskId(id) {
    if (!id || id.length < 8) return id ? '*'.repeat(id.length) : '';
    return id.slice(0, 4) + '*'.repeat(id.length - 6) + id.slice(-2);
}

/** 1990-01-31 → 31/01/1990 (the way Vietnamese documents write dates). */
export function displayDate(iso) {
    if (!iso) return '';
    const [y, m, d] = iso.split('-');
    return d && m ? `${d}/${m}/${y}` : iso;
}

/** Shows a panel of a page with panels (data-panel); the others are hidden. */
export function showPanel(name) {
    for (const el of document.querySelectorAll('[data-panel]')) el.hidden = el.dataset.panel !== name;
}

/** Fills an error box: <div id=...><h2 class=title><p class=next><p class=detail><button class=retry></div>. */
export function showError(box, explained, onRetry) {
    box.querySelector('.title').textContent = explained.title;
    box.querySelector('.next').textContent = explained.next;
    box.querySelector('.detail').textContent = explained.detail;
    box.dataset.code = explained.code;
    box.hidden = false;
    const retry = box.querySelector('.retry');
    if (retry) {
        retry.textContent = t('error.retry');
        retry.onclick = () => { box.hidden = true; onRetry(); };
        retry.focus();
    }
}

/** Fills a verdict banner: <div id=...><strong class=title><span class=reason><span class=next><small class=detail></div>. */
export function showVerdict(box, view) {
    box.dataset.level = view.level;
    box.dataset.overall = view.overall;
    box.querySelector('.title').textContent = view.title + (view.expired ? ' · ' + t('verdict.EXPIRED') : '');
    box.querySelector('.reason').textContent = view.reason;
    box.querySelector('.next').textContent = view.next;
    box.querySelector('.detail').textContent = view.detail;
    box.hidden = false;
}

/** The progress bar and its step text from the agent's progress events. */
export function showProgress(bar, label, progress) {
    bar.value = progress.percent;
    if (!label) return;
    const file = progress.file || '';
    label.textContent = file === 'DG2' ? t('step.face') : /SOD|DG14|DG15/.test(file) ? t('step.verify') : t('step.reading');
}

// Where each file of a read lies on one bar from 0 to 100, in the order the SDK reads them (docs/reading.md): the
// small files, the SOD and the anti-cloning keys, the photo last and largest. The agent's percent is the file's own.
const readSpans = [[/COM/, 0, 4], [/^DG1$/, 4, 12], [/^DG13$/, 12, 28], [/SOD/, 28, 40], [/^DG14$/, 40, 44],
    [/^DG15$/, 44, 48], [/^DG2$/, 48, 97]];

/**
 * The whole read's progress (0..100) at one of the agent's progress events; null for a file not listed above.
 * With {face: false} (a read without the photo) the anti-cloning keys end where the photo would (the chip's own
 * proof still follows).
 */
export function readPercent(progress, { face = true } = {}) {
    const span = readSpans.find(([file]) => file.test(progress.file || ''));
    if (!span) return null;
    const [, from, to] = span;
    const percent = from + ((to - from) * (progress.percent || 0)) / 100;
    if (face) return Math.round(percent);
    const [, , keysEnd] = readSpans.find(([file]) => file.test('DG15'));
    const [, , photoEnd] = readSpans.find(([file]) => file.test('DG2'));
    return Math.round((percent * photoEnd) / keysEnd);
}

/** Draws the chip photo into an <img> (the report's base64), or hides it. */
export function showPhoto(img, report, client) {
    if (report && report.face && report.face.jpeg_base64) {
        img.src = client.faceDataUrl(report);
        img.hidden = false;
    } else {
        img.removeAttribute('src');
        img.hidden = true;
    }
}
