// cccd-agent client: a small, dependency-free ES module for web pages (and Node.js 18+).
// Served by the agent at GET /v1/client.js; the API is described in docs/agent.md and docs/agent.openapi.yaml.
//
//   import { CccdAgent } from 'http://127.0.0.1:8741/v1/client.js';
//   const agent = new CccdAgent();
//   const report = await agent.read({ id: '001090123456' }, { fields: ['id_number', 'full_name'] });
//
// SPDX-License-Identifier: Apache-2.0

/** The agent's default address (`cccd-agent --port 8741`). */
export const DEFAULT_BASE_URL = 'http://127.0.0.1:8741';

/** Field names a read may ask for: the JSON report's `document` keys. */
export const FIELDS = Object.freeze([
    'id_number', 'old_id_number', 'full_name', 'date_of_birth', 'sex', 'nationality', 'ethnicity', 'religion',
    'place_of_origin', 'place_of_residence', 'personal_identification', 'date_of_issue', 'date_of_expiry',
    'father_name', 'mother_name', 'spouse_name', 'mrz',
]);

/** Server-Sent Event types of GET /v1/events (`ready` comes first on each connection). */
export const EVENT_TYPES = Object.freeze(['ready', 'reader', 'card', 'progress', 'document', 'done', 'error']);

/**
 * An error from the agent, or from reaching it.
 * `code` is the agent's `error.code` (`no_reader`, `no_card`, `wrong_key`, `card_removed`, `communication`,
 * `busy`, `several_cards`, `forbidden`, `unauthorized`, `invalid_argument`, `too_large`, `no_camera`, ...), or
 * `unreachable` when the agent is not running at `baseUrl`.
 * In a browser, a page whose origin the agent refuses never sees the agent's 403: the browser blocks the answer
 * (the CORS preflight fails) and fetch() gives only a network error. The client then checks whether the agent
 * answers at all; if it does, the error is `forbidden` with status 403 and says which origin to allow.
 * `status` is the HTTP status (0 when there was no answer).
 */
export class CccdAgentError extends Error {
    /**
     * @param {string} message
     * @param {string} code
     * @param {number} status
     */
    constructor(message, code, status) {
        super(message);
        this.name = 'CccdAgentError';
        /** @type {string} */
        this.code = code;
        /** @type {number} */
        this.status = status;
    }
}

const STATUS_CODES = {
    400: 'invalid_argument', 401: 'unauthorized', 403: 'forbidden', 404: 'not_found',
    409: 'busy', 413: 'too_large', 503: 'no_reader',
};

// The agent's own address when this file was loaded from it (http://HOST:PORT/v1/client.js), else the default.
function defaultBaseUrl() {
    try {
        const here = new URL(import.meta.url);
        if ((here.protocol === 'http:' || here.protocol === 'https:') && here.pathname.endsWith('/v1/client.js')) {
            return here.origin;
        }
    } catch (_) {
        // not loaded from a URL
    }
    return DEFAULT_BASE_URL;
}

function newRequestId() {
    const c = globalThis.crypto;
    if (c && typeof c.randomUUID === 'function') return c.randomUUID();
    const bytes = new Uint8Array(16);
    if (c && typeof c.getRandomValues === 'function') c.getRandomValues(bytes);
    else for (let i = 0; i < bytes.length; ++i) bytes[i] = Math.floor(Math.random() * 256);
    return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * Turns a key given as a string into the API's key object: 12 digits → `id`, 6 digits → `can`,
 * a card-face QR text (with `|`) → `qr`, text with `<` → `mrz`, `DOCNO,YYMMDD,YYMMDD` → `bac`.
 * An object `{can|id|qr|mrz|bac: string}` is returned as it is.
 * @param {string | {can?: string, id?: string, qr?: string, mrz?: string, bac?: string}} key
 * @returns {{can?: string, id?: string, qr?: string, mrz?: string, bac?: string}}
 */
export function toKey(key) {
    if (key && typeof key === 'object') return key;
    if (typeof key !== 'string' || key.trim() === '') {
        throw new CccdAgentError('a key is needed: {id}, {can}, {qr}, {mrz} or {bac}', 'invalid_argument', 0);
    }
    const k = key.trim();
    if (/^\d{12}$/.test(k)) return { id: k };
    if (/^\d{6}$/.test(k)) return { can: k };
    if (k.includes('|')) return { qr: k };
    if (k.includes('<')) return { mrz: k };
    if (/^[^,]+,\d{6},\d{6}$/.test(k)) return { bac: k };
    throw new CccdAgentError('unrecognised key: give {id}, {can}, {qr}, {mrz} or {bac}', 'invalid_argument', 0);
}

/**
 * Parses a Server-Sent Events stream (a fetch() body) and calls `onEvent(type, data)` for each event.
 * `data` is parsed as JSON when it is JSON. Resolves when the stream ends.
 * @param {ReadableStream<Uint8Array>} body
 * @param {(type: string, data: any) => void} onEvent
 */
async function readEventStream(body, onEvent) {
    const reader = body.getReader();
    const decoder = new TextDecoder('utf-8');
    let buffer = '';
    let type = '';
    let data = [];
    const dispatch = () => {
        if (data.length > 0) {
            const text = data.join('\n');
            let value = text;
            try { value = JSON.parse(text); } catch (_) { /* plain text data */ }
            try { onEvent(type || 'message', value); } catch (e) { setTimeout(() => { throw e; }); }
        }
        type = '';
        data = [];
    };
    for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += decoder.decode(value, { stream: true });
        let end;
        while ((end = buffer.search(/\r\n|\r|\n/)) >= 0) {
            const line = buffer.slice(0, end);
            buffer = buffer.slice(end + (buffer.startsWith('\r\n', end) ? 2 : 1));
            if (line === '') { dispatch(); continue; }
            if (line.startsWith(':')) continue; // comment, keep-alive
            const colon = line.indexOf(':');
            const field = colon < 0 ? line : line.slice(0, colon);
            let v = colon < 0 ? '' : line.slice(colon + 1);
            if (v.startsWith(' ')) v = v.slice(1);
            if (field === 'event') type = v;
            else if (field === 'data') data.push(v);
        }
    }
}

/**
 * The client of a local `cccd-agent`.
 *
 * A page from an origin the agent allows (`cccd-agent --origin https://his.example`) needs no token; another
 * program, or a page when the agent runs with `--require-token`, gives the token of the agent's token file.
 */
export class CccdAgent {
    /**
     * @param {object} [options]
     * @param {string} [options.baseUrl] the agent, e.g. `http://127.0.0.1:8741`; by default the agent this file
     *   was loaded from, else `http://127.0.0.1:8741`
     * @param {string} [options.token] the bearer token (the agent's token file), for programs and `--require-token`
     * @param {typeof fetch} [options.fetch] a fetch implementation (default: the global one)
     */
    constructor({ baseUrl, token, fetch: fetchImpl } = {}) {
        /** @type {string} */
        this.baseUrl = (baseUrl || defaultBaseUrl()).replace(/\/+$/, '');
        /** @private */
        this.token = token || null;
        /** @private */
        this.fetchImpl = fetchImpl || globalThis.fetch.bind(globalThis);
    }

    /** @private */
    headers(json) {
        const h = {};
        if (json) h['Content-Type'] = 'application/json';
        if (this.token) h['Authorization'] = `Bearer ${this.token}`;
        return h;
    }

    /**
     * Why a fetch() failed without an answer. In a browser the agent may have answered and the browser hidden it
     * (CORS): a `no-cors` request, which the browser completes without showing the answer, tells whether the
     * agent is there at all.
     * @private
     */
    async unreachable() {
        if (typeof document !== 'undefined' && typeof location !== 'undefined') {
            try {
                await this.fetchImpl(this.baseUrl + '/v1/health', { mode: 'no-cors', cache: 'no-store' });
                return new CccdAgentError(`cccd-agent at ${this.baseUrl} refused this page (origin ${location.origin}): ` +
                    `start it with --origin ${location.origin}` + (this.token ? '' : ', or give the token if it runs with --require-token'),
                'forbidden', 403);
            } catch (_) {
                // not there either
            }
        }
        return new CccdAgentError(`cannot reach cccd-agent at ${this.baseUrl}: is it running?`, 'unreachable', 0);
    }

    /**
     * One JSON request; rejects with a CccdAgentError for any non-2xx answer or a failed connection.
     * @private
     */
    async request(method, path, body, signal) {
        let response;
        try {
            response = await this.fetchImpl(this.baseUrl + path, {
                method,
                headers: this.headers(body !== undefined),
                body: body !== undefined ? JSON.stringify(body) : undefined,
                signal,
                cache: 'no-store',
            });
        } catch (e) {
            if (e && e.name === 'AbortError') throw new CccdAgentError('the request was cancelled', 'aborted', 0);
            throw await this.unreachable();
        }
        const text = await response.text();
        let json = null;
        try { json = text ? JSON.parse(text) : null; } catch (_) { /* not JSON */ }
        if (!response.ok) {
            const err = json && json.error ? json.error : {};
            throw new CccdAgentError(err.message || `cccd-agent answered HTTP ${response.status}`,
                err.code || STATUS_CODES[response.status] || 'http_' + response.status, response.status);
        }
        if (json === null) {
            throw new CccdAgentError('cccd-agent answered with something that is not JSON', 'communication',
                response.status);
        }
        return json;
    }

    /**
     * `GET /v1/health`: answers without a token or origin.
     * @returns {Promise<{status: string, version: string}>}
     */
    health() { return this.request('GET', '/v1/health'); }

    /**
     * `GET /v1/readers`: the PC/SC readers.
     * @returns {Promise<Array<{index: number, name: string, card_present: boolean, atr: string|null}>>}
     */
    async readers() { return (await this.request('GET', '/v1/readers')).readers; }

    /**
     * Reads the card on a reader (`POST /v1/read`). While the read runs, the agent's events for this read are
     * followed, so `onProgress` and `onDocument` are called before the promise resolves. The report holds only
     * the `fields` asked for; the face photo is read only with `face: true`.
     *
     * @param {string | {can?: string, id?: string, qr?: string, mrz?: string, bac?: string}} key the access key:
     *   `{id: '001090123456'}` (PACE with the CAN from the ID), `{can}`, `{qr}` (the card-face QR text), `{mrz}`,
     *   `{bac: 'DOCNO,YYMMDD,YYMMDD'}`, or a string recognised by {@link toKey}
     * @param {object} [options]
     * @param {string[]} [options.fields] document fields wanted (see {@link FIELDS}); default `['id_number', 'full_name']`
     * @param {boolean} [options.face] also read the chip photo (report.face.jpeg_base64); default false
     * @param {boolean} [options.verify] verify the card (passive, chip and active authentication); default true
     * @param {number} [options.waitSeconds] wait this long for a card to be put on the reader
     * @param {string} [options.reader] the reader: index, exact name or a unique part of it
     * @param {string} [options.requestId] the request id (default: a random one)
     * @param {(p: {request_id: string, file: string, done: number, total: number, percent: number}) => void} [options.onProgress]
     * @param {(document: object) => void} [options.onDocument] the requested fields, as soon as DG1 and DG13 are read
     * @param {(type: string, data: object) => void} [options.onEvent] every event of this read, in order
     * @param {AbortSignal} [options.signal] cancels waiting (the agent finishes its own read)
     * @returns {Promise<object>} the report: `{request_id, reader, access, document, face?, verification?, timing_ms}`
     */
    async read(key, options = {}) {
        const {
            fields = ['id_number', 'full_name'], face = false, verify = true, waitSeconds, reader,
            requestId = newRequestId(), onProgress, onDocument, onEvent, signal,
        } = options;
        const body = { key: toKey(key), fields, face, verify, request_id: requestId };
        if (waitSeconds !== undefined) body.wait_seconds = waitSeconds;
        if (reader !== undefined) body.reader = reader;

        let finished;
        const finishedPromise = new Promise((resolve) => { finished = resolve; });
        const handler = (type, data) => {
            if (!data || data.request_id !== requestId) return;
            if (onEvent) onEvent(type, data);
            if (type === 'progress' && onProgress) onProgress(data);
            else if (type === 'document' && onDocument) onDocument(data.document);
            else if (type === 'done' || type === 'error') finished();
        };
        // Subscribe first (and wait until the stream is open) so that no early event is missed. Progress is a
        // convenience: a failed subscription does not stop the read, whose own answer says what went wrong.
        const events = this.subscribe(handler, { reconnect: false });
        await Promise.race([events.ready.catch(() => {}), new Promise((resolve) => setTimeout(resolve, 3000))]);
        try {
            const report = await this.request('POST', '/v1/read', body, signal);
            // 'done' follows the answer closely; wait a moment for it so that callers see every event.
            await Promise.race([finishedPromise, new Promise((resolve) => setTimeout(resolve, 1500))]);
            return report;
        } finally {
            events.close();
        }
    }

    /**
     * Compares the chip photo with a live face (`POST /v1/face-match`).
     * @param {object} options
     * @param {string | {source: string} | {image: string}} options.live `'camera:0'` (the agent's camera),
     *   a base64 JPEG (e.g. from {@link captureFrame}), or the API object
     * @param {string} [options.chip] the chip photo as base64; default: the photo of this caller's last read with `face: true`
     * @param {boolean} [options.liveness] also check that the live face is live
     * @returns {Promise<{match: boolean, score: number, threshold: number, liveness: {live: boolean, score: number}|null,
     *   problem: string|null, warnings: string[], timing_ms: object}>}
     */
    faceMatch({ live, chip, liveness } = {}) {
        let liveBody = live;
        if (typeof live === 'string') liveBody = /^camera:\d+$/.test(live) ? { source: live } : { image: stripDataUrl(live) };
        if (!liveBody) throw new CccdAgentError('faceMatch needs live: "camera:0" or a base64 JPEG', 'invalid_argument', 0);
        const body = { live: liveBody };
        if (chip !== undefined) body.chip = stripDataUrl(chip);
        if (liveness !== undefined) body.liveness = liveness;
        return this.request('POST', '/v1/face-match', body);
    }

    /**
     * Wipes what the agent keeps for this caller (the last chip photo), e.g. when a kiosk session ends
     * (`POST /v1/forget`). A new read also replaces it.
     * @returns {Promise<{forgotten: boolean}>}
     */
    forget() { return this.request('POST', '/v1/forget', {}); }

    /**
     * Reads the QR code printed on the card face (`POST /v1/scan-qr`) from the agent's camera or a posted image.
     * Its `id_number` opens the chip: `agent.read({id: qr.id_number})`.
     * @param {{source: string} | {image: string}} what `{source: 'camera:0'}` or `{image: base64}`
     * @returns {Promise<{id_number: string, old_id_number: string|null, full_name: string, date_of_birth: string,
     *   sex: string, place_of_residence: string, date_of_issue: string}>}
     */
    scanQr(what = { source: 'camera:0' }) {
        const body = what.image !== undefined ? { image: stripDataUrl(what.image) } : { source: what.source };
        return this.request('POST', '/v1/scan-qr', body);
    }

    /**
     * Follows the agent's events (`GET /v1/events`, Server-Sent Events read with fetch so that the token header
     * works): `ready` {} (first, on each connection), `reader` {name, present}, `card` {reader, present},
     * `progress` {request_id, file, done, total, percent}, `document` {request_id, document}, `done` {request_id},
     * `error` {request_id, error: {code, message}}. Reconnects after a dropped connection.
     * @param {(type: string, data: object) => void} handler
     * @returns {(() => void) & {ready: Promise<void>}} close: stops following; `close.ready` resolves once connected
     */
    events(handler) {
        const subscription = this.subscribe(handler, { reconnect: true });
        const close = () => subscription.close();
        close.ready = subscription.ready;
        return close;
    }

    /**
     * @private
     * @returns {{ready: Promise<void>, close: () => void}}
     */
    subscribe(handler, { reconnect }) {
        const controller = new AbortController();
        let closed = false;
        let resolveReady;
        let rejectReady;
        const ready = new Promise((resolve, reject) => { resolveReady = resolve; rejectReady = reject; });
        ready.catch(() => {}); // a failed subscription is reported by ready to whoever awaits it, never as unhandled
        const run = async () => {
            let delay = 500;
            while (!closed) {
                try {
                    const response = await this.fetchImpl(this.baseUrl + '/v1/events', {
                        headers: { ...this.headers(false), Accept: 'text/event-stream' },
                        signal: controller.signal,
                        cache: 'no-store',
                    });
                    if (!response.ok || !response.body) {
                        let err = {};
                        try { err = (await response.json()).error || {}; } catch (_) { /* not JSON */ }
                        throw new CccdAgentError(err.message || `cccd-agent answered HTTP ${response.status}`,
                            err.code || STATUS_CODES[response.status] || 'http_' + response.status, response.status);
                    }
                    resolveReady();
                    delay = 500;
                    await readEventStream(response.body, handler);
                } catch (e) {
                    if (closed) return;
                    rejectReady(e instanceof CccdAgentError ? e : await this.unreachable());
                    if (e instanceof CccdAgentError && (e.status === 401 || e.status === 403)) return; // will not change
                }
                if (!reconnect || closed) return;
                await new Promise((resolve) => setTimeout(resolve, delay));
                delay = Math.min(delay * 2, 10000);
            }
        };
        run();
        return { ready, close: () => { closed = true; controller.abort(); } };
    }
}

function stripDataUrl(base64) {
    return typeof base64 === 'string' ? base64.replace(/^data:[^,]*;base64,/, '') : base64;
}

/**
 * The current frame of a `<video>` element fed by `getUserMedia`, as a base64 JPEG (no `data:` prefix),
 * for `faceMatch({live: captureFrame(video)})` or `scanQr({image: captureFrame(video)})`.
 * @param {HTMLVideoElement} video a playing video
 * @param {object} [options]
 * @param {number} [options.quality] JPEG quality, 0..1 (default 0.92)
 * @param {number} [options.maxWidth] scale down wider frames to this width (default 1280)
 * @returns {string} base64 JPEG
 */
export function captureFrame(video, { quality = 0.92, maxWidth = 1280 } = {}) {
    const width = video.videoWidth;
    const height = video.videoHeight;
    if (!width || !height) throw new CccdAgentError('the video shows no frame yet (is the camera playing?)', 'invalid_argument', 0);
    const scale = Math.min(1, maxWidth / width);
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    canvas.getContext('2d').drawImage(video, 0, 0, canvas.width, canvas.height);
    return stripDataUrl(canvas.toDataURL('image/jpeg', quality));
}

/**
 * The chip photo of a report read with `face: true`, as a `data:` URL for an `<img>` (null without a photo).
 * @param {object} report
 * @returns {string|null}
 */
export function faceDataUrl(report) {
    return report && report.face && report.face.jpeg_base64 ? `data:image/jpeg;base64,${report.face.jpeg_base64}` : null;
}

export default CccdAgent;
