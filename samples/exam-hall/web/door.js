// One candidate at the door: the key → the chip read (name and ID first, then the photo and the verdict) → the roster
// look-up → the face against the chip photo, live → the server's ADMIT or REFER → the next candidate. Everything
// shown is drawn from one state object, so a language switch or an error redraws it without losing anything.
// SPDX-License-Identifier: Apache-2.0
import { $, t, api, explainError, showError, showProgress, readPercent, maskId, SampleError } from '/common/counter.js';
import { formatScore, formatSeconds, formatTime, sameName } from './format.js';

const fields = ['id_number', 'full_name']; // all the door needs from the chip, besides the photo
const waitForCardSeconds = 20;
const autoNextAfterAdmitMs = 6000;

const idle = () => ({ phase: 'idle' });

export class Door {
    /**
     * connect(): {agent, client} (throws when the agent is not running); place(): {session, room, camera};
     * camera: the BrowserCamera; onRecorded(answer): after each decision; onPlaceLost(): the session is gone;
     * onAgentDown(): the agent stopped answering.
     */
    constructor({ connect, place, camera, keyInput, onRecorded, onPlaceLost, onAgentDown }) {
        Object.assign(this, { connect, place, camera, keyInput, onRecorded, onPlaceLost, onAgentDown });
        this.s = idle();
        this.busy = false;
        this.errorBox = $('error');
        $('next').addEventListener('click', () => this.next());
        $('error-next').addEventListener('click', () => this.next());
        $('refer-anyway').addEventListener('click', () => this.referWithoutFace());
        document.addEventListener('cccd-lang', () => this.render());
    }

    get decided() { return this.s.phase === 'decided' || this.s.phase === 'error'; }

    /** A key from the scanner gun, the camera or the keyboard: a new candidate. False while one is being checked. */
    begin({ key, idNumber, via }) {
        if (this.busy) return false;
        clearTimeout(this.autoNext);
        this.s = { phase: 'reading', key, via, idHint: idNumber || null, started: performance.now() };
        this.read();
        return true;
    }

    /** Back to "next candidate, please"; what was shown of the last one is cleared from the screen. */
    next() {
        if (this.busy) return;
        clearTimeout(this.autoNext);
        this.s = idle();
        this.render();
        this.keyInput.focus();
    }

    async read() {
        this.busy = true;
        this.s.phase = 'reading';
        this.s.progress = { percent: 0 };
        this.render();
        let report;
        try {
            const { agent, client } = await this.connect();
            this.client = client;
            report = await agent.read(this.s.key, {
                fields, face: true, verify: true, waitSeconds: waitForCardSeconds,
                onProgress: (p) => { this.s.progress = p; this.renderProgress(); },
                onDocument: (d) => this.documentArrived(d),
            });
        } catch (e) {
            this.fail(e, 'read', () => this.read());
            return;
        }
        if (!this.s.document) this.documentArrived(report.document);
        this.s.verdict = report.verification ? report.verification.overall : 'UNVERIFIED';
        this.s.chipPhoto = this.client.faceDataUrl(report);
        await this.compareFace();
    }

    // The name and ID are in before the photo: show them, and where the roster puts this candidate.
    documentArrived(document) {
        this.s.document = document;
        this.render();
        const { session, room } = this.place();
        const started = this.s.started;
        api('/api/lookup', { session, room, id_number: document.id_number })
            .then((lookup) => {
                if (this.s.started !== started) return; // another candidate by now
                this.s.lookup = lookup;
                this.render();
            })
            .catch(() => { /* a preview only: the decision looks the roster up again */ });
    }

    async compareFace() {
        this.busy = true;
        this.s.phase = 'face';
        this.s.liveFrame = null;
        this.render();
        try {
            const { agent, client } = await this.connect();
            let live = 'camera:0';
            if (this.place().camera !== 'agent') {
                live = await this.camera.frame(client.captureFrame);
                this.s.liveFrame = 'data:image/jpeg;base64,' + live;
                this.render();
            }
            const m = await agent.faceMatch({ live, liveness: true });
            if (m.problem) throw new SampleError(m.problem, 'no_face');
            this.s.face = { compared: true, match: Boolean(m.match), score: m.score, live: m.liveness ? Boolean(m.liveness.live) : null };
        } catch (e) {
            this.fail(e, 'face', () => this.compareFace(), { referAnyway: true });
            return;
        }
        await this.record();
    }

    // No usable face (camera missing, no face seen): the invigilator may refer the candidate without it.
    referWithoutFace() {
        this.s.face = null;
        this.record();
    }

    async record() {
        this.busy = true;
        this.s.phase = 'saving';
        this.render();
        // The time the candidate took: from the key to the decision, kept through a retry of the save.
        if (this.s.seconds === undefined) this.s.seconds = (performance.now() - this.s.started) / 1000;
        const { session, room } = this.place();
        try {
            this.s.answer = await api('/api/checks', {
                session, room, id_number: this.s.document.id_number, card_verdict: this.s.verdict,
                face: this.s.face || null, seconds: Math.round(this.s.seconds * 1000) / 1000, via: this.s.via,
            });
        } catch (e) {
            if (e.code === 'unknown_session') {
                this.busy = false;
                this.onPlaceLost();
                return;
            }
            this.fail(e, 'server', () => this.record());
            return;
        }
        this.busy = false;
        this.s.phase = 'decided';
        this.render();
        this.onRecorded(this.s.answer);
        if (this.s.answer.decision === 'ADMIT') this.autoNext = setTimeout(() => this.next(), autoNextAfterAdmitMs);
    }

    fail(error, during, retry, { referAnyway = false } = {}) {
        this.busy = false;
        if (error.code === 'unreachable') this.onAgentDown();
        this.s.phase = 'error';
        // A wrong key is not retried with the same key: the chip counts failures. The invigilator scans again.
        const again = error.code === 'wrong_key' ? () => this.next() : retry;
        this.s.error = { explained: explainError(error, during), retry: again, referAnyway };
        this.render();
    }

    // One bar for the whole read (the agent counts each file from 0 to 100), never moving back.
    renderProgress() {
        const progress = this.s.progress;
        if (!progress) return;
        showProgress($('bar'), $('step'), progress);
        this.s.percent = Math.max(this.s.percent || 0, readPercent(progress) ?? 0);
        $('bar').value = this.s.percent;
    }

    render() {
        if (!this.place()) return; // no room chosen yet: the door is not on screen
        const s = this.s;
        const working = ['reading', 'face', 'saving'].includes(s.phase);
        $('stage').dataset.phase = s.phase;
        this.renderDecision();
        $('progress').hidden = s.phase !== 'reading';
        if (s.phase === 'reading') this.renderProgress();
        this.renderReasons();
        this.renderFaces();
        this.renderWho();
        $('check-foot').hidden = s.phase !== 'decided';
        if (s.phase === 'decided') $('took').textContent = t('time.took', { seconds: formatSeconds(s.answer.check.seconds ?? s.seconds) });
        this.errorBox.hidden = s.phase !== 'error';
        $('decision').hidden = s.phase === 'error';
        if (s.phase === 'error') {
            const refocus = document.activeElement === this.keyInput;
            showError(this.errorBox, s.error.explained, s.error.retry);
            $('refer-anyway').hidden = !s.error.referAnyway;
            if (refocus) this.keyInput.focus(); // the scanner gun types into the key field: keep it there
        }
        $('stage').setAttribute('aria-busy', working ? 'true' : 'false');
    }

    renderDecision() {
        const s = this.s;
        const box = $('decision');
        let level = 'working';
        let word = '';
        let sub = '';
        if (s.phase === 'idle') {
            level = 'idle';
            word = t('door.idle.title');
            sub = t('door.idle.sub');
        } else if (s.phase === 'reading') {
            word = t('door.working.read');
            sub = t('door.working.read_sub');
        } else if (s.phase === 'face') {
            word = t('door.working.face');
            sub = t('door.working.face_sub');
        } else if (s.phase === 'saving') {
            word = t('door.working.save');
        } else if (s.phase === 'decided') {
            level = s.answer.level;
            word = t('decision.' + s.answer.decision);
            sub = t('decision.' + s.answer.decision + '.sub', { seat: s.answer.check.seat || '' });
        }
        box.dataset.level = level;
        box.dataset.decision = s.phase === 'decided' ? s.answer.decision : '';
        $('decision-word').textContent = word;
        $('decision-sub').textContent = sub;
        const seat = s.phase === 'decided' && s.answer.decision === 'ADMIT' ? s.answer.check.seat : null;
        $('decision-seat').hidden = !seat;
        $('seat').textContent = seat || '';
    }

    renderReasons() {
        const list = $('reasons');
        const reasons = this.s.phase === 'decided' ? this.s.answer.reasons : [];
        list.replaceChildren(...reasons.map((r) => {
            const vars = { room: r.room || '', seat: r.seat || '', time: r.at ? formatTime(r.at) : '' };
            const item = document.createElement('li');
            item.dataset.code = r.code;
            const what = document.createElement('strong');
            what.textContent = t('reason.' + r.code, vars);
            const next = document.createElement('span');
            next.textContent = t('reason.' + r.code + '.next', vars);
            item.append(what, next);
            return item;
        }));
        list.hidden = reasons.length === 0;
    }

    renderFaces() {
        const s = this.s;
        const chip = $('chip-photo');
        if (s.chipPhoto) chip.src = s.chipPhoto; else chip.removeAttribute('src');
        chip.hidden = !s.chipPhoto;
        $('chip-empty').hidden = Boolean(s.chipPhoto);

        const browser = this.place().camera !== 'agent';
        const frame = $('live-photo');
        if (s.liveFrame) frame.src = s.liveFrame; else frame.removeAttribute('src');
        frame.hidden = !s.liveFrame;
        const video = $('camera');
        video.hidden = !browser || Boolean(s.liveFrame) || !this.camera.stream;
        $('live-empty').hidden = !frame.hidden || !video.hidden;
        $('live-empty-text').textContent = browser ? t('face.no_browser_camera') : t('face.agent_camera');
    }

    renderWho() {
        const s = this.s;
        $('idle-steps').hidden = s.phase !== 'idle';
        $('who-card').hidden = s.phase === 'idle';
        if (s.phase === 'idle') return;
        const document = s.document || null;
        $('who-name').textContent = document ? document.full_name || '' : '';
        $('who-id').textContent = maskId(document ? document.id_number : s.idHint || '');
        const candidate = (s.answer && s.answer.candidate) || (s.lookup && s.lookup.candidate);
        const differs = document && candidate && !sameName(candidate.full_name, document.full_name);
        $('who-note').hidden = !differs;
        $('who-note').textContent = differs ? t('door.name_differs', { name: candidate.full_name }) : '';
        this.renderFacts();
    }

    renderFacts() {
        const s = this.s;
        const set = (name, level, text) => {
            const item = $('facts').querySelector(`[data-fact="${name}"]`);
            item.dataset.level = level;
            item.querySelector('.value').textContent = text;
        };
        // Still coming while the check runs; after an error, simply not known.
        const unknown = s.phase === 'error' ? ['none', ''] : ['pending', t('fact.pending')];
        $('facts').hidden = s.phase === 'error' && !s.document;
        set('roster', ...this.rosterFact(unknown));
        if (s.verdict) {
            set('card', s.verdict === 'VALID' ? 'ok' : s.verdict === 'INVALID' ? 'bad' : 'warn', t('fact.card.' + s.verdict));
        } else {
            set('card', ...unknown);
        }
        if (s.face) {
            const score = formatScore(s.face.score);
            set('face', s.face.match ? 'ok' : 'bad', t(s.face.match ? 'fact.face.match' : 'fact.face.mismatch', { score }));
            set('live', s.face.live === true ? 'ok' : s.face.live === false ? 'bad' : 'warn',
                t(s.face.live === true ? 'fact.live.yes' : s.face.live === false ? 'fact.live.no' : 'fact.live.unknown'));
        } else if (s.phase === 'decided') {
            set('face', 'warn', t('fact.face.none'));
            set('live', 'warn', t('fact.live.unknown'));
        } else {
            set('face', ...unknown);
            set('live', ...unknown);
        }
    }

    // [level, text] of the roster line: the decision's reasons when decided, else the early look-up.
    rosterFact(unknown) {
        const s = this.s;
        const reasons = s.phase === 'decided' ? s.answer.reasons : [];
        const already = reasons.find((r) => r.code === 'already_admitted') ||
            (s.lookup && s.lookup.already_admitted && { ...s.lookup.already_admitted });
        if (already) return ['bad', t('fact.roster.already', { time: formatTime(already.at) })];
        const placeOf = s.phase === 'decided' ? rosterPlaceOf(s.answer) : s.lookup ? s.lookup.place : null;
        const candidate = (s.answer && s.answer.candidate) || (s.lookup && s.lookup.candidate) || {};
        if (placeOf === 'this_room') return ['ok', t('fact.roster.this_room', { seat: candidate.seat })];
        if (placeOf === 'other_room') return ['warn', t('fact.roster.other_room', { room: candidate.room, seat: candidate.seat })];
        if (placeOf === 'not_on_roster') return ['bad', t('fact.roster.not_on_roster')];
        return unknown;
    }
}

function rosterPlaceOf(answer) {
    if (!answer.candidate) return 'not_on_roster';
    return answer.reasons.some((r) => r.code === 'other_room') ? 'other_room' : 'this_room';
}
