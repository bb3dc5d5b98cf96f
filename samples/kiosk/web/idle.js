// Time limits of a kiosk: the idle timeout (nobody touched the screen: wipe and start over) and the countdown of a
// result screen. The citizen may walk away at any moment; the next one must find nothing of them.
// SPDX-License-Identifier: Apache-2.0

/** Calls onIdle after `seconds` without a touch, a key or a touch() from the flow (e.g. read progress). */
export class IdleTimer {
    constructor(seconds, onIdle) {
        this.ms = seconds * 1000;
        this.onIdle = onIdle;
        this.timer = null;
        this.held = false;
        const touch = () => this.touch();
        for (const type of ['pointerdown', 'keydown', 'touchstart', 'wheel']) document.addEventListener(type, touch, { capture: true, passive: true });
    }

    /** Starts counting again from now (not while held). */
    touch() {
        clearTimeout(this.timer);
        if (!this.held) this.timer = setTimeout(() => this.onIdle(), this.ms);
    }

    /** While the machine works (a read, a face match) the citizen is not idle: its own time limits apply. */
    hold() {
        this.held = true;
        this.stop();
    }

    /** The machine is done: counting starts again from now. */
    release() {
        this.held = false;
        this.touch();
    }

    stop() {
        clearTimeout(this.timer);
        this.timer = null;
    }

    /** Back to the first screen: not held, not counting until the next touch. */
    reset() {
        this.held = false;
        this.stop();
    }
}

/** "Back to the start in N s" on a screen, then onDone. One at a time. */
export class Countdown {
    constructor(render) {
        this.render = render; // (seconds) => the text shown
        this.timer = null;
    }

    start(seconds, labels, onDone) {
        this.stop();
        let left = seconds;
        const show = () => { for (const label of labels) label.textContent = this.render(left); };
        show();
        this.timer = setInterval(() => {
            left -= 1;
            if (left <= 0) {
                this.stop();
                onDone();
            } else {
                show();
            }
        }, 1000);
    }

    stop() {
        clearInterval(this.timer);
        this.timer = null;
    }
}
