// One thing per screen: which screen shows, where the citizen is in the steps, and the full-screen message (a
// result without a ticket, or a problem with its next step).
// SPDX-License-Identifier: Apache-2.0
import { $, showPanel, t } from '/common/counter.js';

// The step of the stepper each screen belongs to (the message screen keeps the step it came from).
const stepOf = { start: 'card', keypad: 'card', 'qr-camera': 'card', reading: 'read', face: 'face', ticket: 'ticket' };
const stepOrder = ['card', 'read', 'face', 'ticket'];

// Screens with their own way out (Finish, Back to the start) or none needed.
const noCancel = ['start', 'ticket', 'message'];

/** Shows one screen; the Cancel button on those in the middle of a session. */
export function showScreen(name) {
    showPanel(name);
    document.body.dataset.screen = name;
    $('cancel').hidden = noCancel.includes(name);
    const step = stepOf[name];
    if (step) {
        const at = stepOrder.indexOf(step);
        for (const item of document.querySelectorAll('#stepper li')) {
            const index = stepOrder.indexOf(item.dataset.step);
            item.dataset.state = index < at ? 'done' : index === at ? 'current' : 'todo';
        }
    }
}

/**
 * The message screen: kind 'bad' (a result without ticket) or 'warn' (a problem to fix), its title and next
 * step, the help desk line when staff must help, and a retry button when the citizen can try again.
 */
export function showMessage({ kind, title, next, desk, onRetry }) {
    const box = $('message');
    box.dataset.kind = kind;
    box.querySelector('.title').textContent = title;
    box.querySelector('.next').textContent = next;
    const deskLine = box.querySelector('.desk');
    deskLine.textContent = desk ? t('kiosk.desk', { desk }) : '';
    deskLine.hidden = !desk;
    const retry = box.querySelector('.retry');
    retry.hidden = !onRetry;
    retry.onclick = onRetry || null;
    showScreen('message');
    (onRetry ? retry : box.querySelector('.home')).focus();
}
