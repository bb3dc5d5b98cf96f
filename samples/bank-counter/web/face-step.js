// The face check at the counter: the chip photo next to the customer's face, taken by the counter camera through
// cccd-agent ('camera:0') or by this browser's own camera (getUserMedia + captureFrame). The teller chooses; the
// choice is remembered on this PC. No picture leaves memory: the frame goes to the agent only, never to the server.
// SPDX-License-Identifier: Apache-2.0
import { $, SampleError, t } from '/common/counter.js';

const settingKey = 'cccd-bank-counter.camera';

export class FaceStep {
    constructor({ getAgent, getClient }) {
        Object.assign(this, { getAgent, getClient });
        this.video = $('live-video');
        this.frame = $('live-frame');
        this.placeholder = $('live-placeholder');
        this.caption = $('live-caption');
        this.chip = $('chip-face');
        this.chipPlaceholder = $('chip-face-placeholder');
        this.stream = null;
        this.radios = [...document.querySelectorAll('input[name="camera"]')];
        const saved = this.savedChoice();
        for (const radio of this.radios) {
            radio.checked = radio.value === saved;
            radio.addEventListener('change', () => this.choose(radio.value));
        }
        this.showCameraKind();
    }

    savedChoice() {
        try { return localStorage.getItem(settingKey) === 'page' ? 'page' : 'agent'; } catch (_) { return 'agent'; }
    }

    /** 'agent' (the counter camera through cccd-agent) or 'page' (this browser's camera). */
    choice() {
        return (this.radios.find((r) => r.checked) || {}).value === 'page' ? 'page' : 'agent';
    }

    choose(value) {
        try { localStorage.setItem(settingKey, value); } catch (_) { /* private mode: this session only */ }
        this.stopCamera();
        this.clearFrame();
        this.showCameraKind();
        if (this.active && value === 'page') this.startCamera().catch(() => { /* reported when the check runs */ });
    }

    showCameraKind() {
        const page = this.choice() === 'page';
        this.caption.dataset.i18n = page ? 'camera.page' : 'face.counter_camera';
        this.caption.textContent = t(this.caption.dataset.i18n);
        this.video.hidden = !(page && this.stream);
        this.placeholder.hidden = !this.video.hidden || !this.frame.hidden;
    }

    /** Shows the chip photo (from the read with face: true). */
    showChip(report) {
        const client = this.getClient();
        const has = report && report.face && report.face.jpeg_base64 && client;
        if (has) this.chip.src = client.faceDataUrl(report); else this.chip.removeAttribute('src');
        this.chip.hidden = !has;
        this.chipPlaceholder.hidden = Boolean(has);
    }

    /** The card is read: a browser camera starts now, so that it shows the customer before the check. */
    async prepare() {
        this.active = true;
        if (this.choice() === 'page') await this.startCamera().catch(() => { /* reported when the check runs */ });
    }

    /** Starts this browser's camera once, however many callers ask at the same time. */
    startCamera() {
        if (!this.starting) this.starting = this.openCamera().finally(() => { this.starting = null; });
        return this.starting;
    }

    async openCamera() {
        if (this.stream) return;
        if (!navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) {
            throw new SampleError('this browser gives the page no camera (an http page on another PC?)', 'no_camera');
        }
        try {
            this.stream = await navigator.mediaDevices.getUserMedia({ video: { width: { ideal: 1280 }, height: { ideal: 720 } }, audio: false });
        } catch (e) {
            throw new SampleError(`the browser's camera cannot be opened (${e.name})`, 'no_camera');
        }
        this.video.srcObject = this.stream;
        await this.video.play();
        this.showCameraKind();
    }

    stopCamera() {
        if (this.stream) for (const track of this.stream.getTracks()) track.stop();
        this.stream = null;
        this.video.srcObject = null;
        this.showCameraKind();
    }

    clearFrame() {
        this.frame.removeAttribute('src');
        this.frame.hidden = true;
        this.showCameraKind();
    }

    // A frame of the playing video, once it shows one.
    async captureFromPage() {
        await this.startCamera();
        const deadline = Date.now() + 5000;
        while (!(this.video.videoWidth && this.video.readyState >= 2)) {
            if (Date.now() > deadline) throw new SampleError('the browser\'s camera shows no picture', 'no_camera');
            await new Promise((r) => setTimeout(r, 100));
        }
        const jpeg = this.getClient().captureFrame(this.video);
        this.frame.src = 'data:image/jpeg;base64,' + jpeg;
        this.frame.hidden = false;
        this.video.hidden = true;
        this.placeholder.hidden = true;
        return jpeg;
    }

    /** Compares the customer's face with the chip photo of the last read: {answer, faceSource}. */
    async run() {
        const page = this.choice() === 'page';
        const live = page ? await this.captureFromPage() : 'camera:0';
        const answer = await this.getAgent().faceMatch({ live, liveness: true });
        if (page) this.stopCamera();
        return { answer, faceSource: page ? 'page_camera' : 'agent_camera' };
    }

    /** Next customer: no face stays on screen. */
    reset() {
        this.active = false;
        this.stopCamera();
        this.clearFrame();
        this.showChip(null);
    }
}
