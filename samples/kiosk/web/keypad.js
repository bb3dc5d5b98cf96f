// The on-screen numeric keypad: a citizen at a kiosk has no keyboard. Twelve slots show the digits typed (grouped
// 3-3-3-3 as printed on the card); a physical keyboard works too (digits, Backspace, Enter).
// SPDX-License-Identifier: Apache-2.0
import { t } from '/common/counter.js';

const LENGTH = 12;

export class Keypad {
    /**
     * @param {object} parts
     * @param {HTMLElement} parts.pad buttons with data-key="0".."9" | "back" | "ok"
     * @param {HTMLElement} parts.display where the twelve slots are drawn
     * @param {HTMLElement} parts.message what is missing
     * @param {(idNumber: string) => void} parts.onSubmit twelve digits, confirmed
     */
    constructor({ pad, display, message, onSubmit }) {
        Object.assign(this, { pad, display, message, onSubmit });
        this.digits = '';
        this.slots = [];
        for (let i = 0; i < LENGTH; ++i) {
            const slot = document.createElement('span');
            slot.className = 'slot';
            if (i % 3 === 2 && i < LENGTH - 1) slot.classList.add('group-end');
            display.append(slot);
            this.slots.push(slot);
        }
        pad.addEventListener('click', (event) => {
            const button = event.target.closest('button[data-key]');
            if (button) this.press(button.dataset.key);
        });
        this.render();
    }

    /** A physical key while the keypad shows; true when it was the keypad's. */
    handleKey(event) {
        if (/^[0-9]$/.test(event.key)) this.press(event.key);
        else if (event.key === 'Backspace') this.press('back');
        else if (event.key === 'Enter' && !(event.target instanceof HTMLButtonElement)) this.press('ok');
        else return false;
        event.preventDefault();
        return true;
    }

    press(key) {
        this.message.textContent = '';
        if (key === 'back') this.digits = this.digits.slice(0, -1);
        else if (key === 'ok') return this.submit();
        else if (this.digits.length < LENGTH) this.digits += key;
        this.render();
    }

    submit() {
        if (this.digits.length !== LENGTH) {
            this.message.textContent = t('kiosk.keypad.need', { count: this.digits.length });
            return;
        }
        const idNumber = this.digits;
        this.clear(); // the number is personal data: off the screen as soon as it is used
        this.onSubmit(idNumber);
    }

    clear() {
        this.digits = '';
        this.message.textContent = '';
        this.render();
    }

    render() {
        this.slots.forEach((slot, i) => {
            slot.textContent = this.digits[i] || '';
            slot.classList.toggle('filled', i < this.digits.length);
            slot.classList.toggle('current', i === this.digits.length);
        });
        const ok = this.pad.querySelector('[data-key="ok"]');
        if (ok) ok.disabled = this.digits.length !== LENGTH;
    }
}
