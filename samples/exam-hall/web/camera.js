// The PC's own camera through the browser (getUserMedia): a live preview for the invigilator and one frame for the
// face match. Used when the door's camera is "this PC's camera"; otherwise the agent opens camera:0 itself.
// SPDX-License-Identifier: Apache-2.0
import { SampleError } from '/common/counter.js';

export class BrowserCamera {
    constructor(video) {
        this.video = video;
        this.stream = null;
        this.failure = null;
    }

    /** Opens the camera once; remembers why it could not (shown at the face step with what to do). */
    async start() {
        if (this.stream) return true;
        try {
            this.stream = await navigator.mediaDevices.getUserMedia({ video: { width: { ideal: 640 }, height: { ideal: 480 } }, audio: false });
            this.video.srcObject = this.stream;
            await this.video.play();
            this.failure = null;
            return true;
        } catch (e) {
            this.failure = e;
            return false;
        }
    }

    stop() {
        if (this.stream) for (const track of this.stream.getTracks()) track.stop();
        this.stream = null;
        this.video.srcObject = null;
    }

    /** The current frame as base64 JPEG (at most maxWidth wide), or a no_camera error. */
    async frame(captureFrame, maxWidth = 640) {
        if (!this.stream && !(await this.start())) {
            throw new SampleError(`the browser cannot open the camera (${this.failure && this.failure.name})`, 'no_camera');
        }
        if (!this.video.videoWidth) throw new SampleError('the camera shows no picture yet', 'no_camera');
        return captureFrame(this.video, { maxWidth });
    }
}
