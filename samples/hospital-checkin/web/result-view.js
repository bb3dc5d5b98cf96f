// The right-hand side of the desk: what is happening to the current patient. One of: ready, reading (the patient's
// name as soon as the chip gives it, progress for the rest), the verdict, the queue number with the insurance, the
// refusal of a forged card, or an error with its next step.
// SPDX-License-Identifier: Apache-2.0
import { $, displayDate, readPercent, showProgress, showVerdict, t } from '/common/counter.js';
import { departmentName, insuranceText } from './visit-text.js';

const parts = ['idle', 'error', 'patient', 'verdict', 'refused', 'ticket'];

/** Shows exactly these parts of the result column. */
function only(...visible) {
    for (const id of parts) $(id).hidden = !visible.includes(id);
}

export function showIdle() {
    only('idle');
}

/** An error box (filled by the caller); with keepPatient the patient and verdict stay in view below it. */
export function showFailure(keepPatient) {
    $('progress').hidden = true;
    if (keepPatient) only('error', 'patient', 'verdict');
    else only('error');
}

/** A read has started: an empty patient card and the progress bar. */
export function showReading() {
    only('patient');
    for (const id of ['p-id', 'p-dob', 'p-sex']) $(id).textContent = '';
    $('p-name').textContent = t('patient.waiting');
    $('p-name').classList.add('pending');
    $('progress').hidden = false;
    $('bar').value = 0;
    $('step').textContent = t('step.wait_card');
}

/** The step in words, and one bar for the whole read (the agent's percent is per file; a hospital reads no photo). */
export function showReadProgress(progress) {
    const bar = $('bar');
    const before = Number(bar.value) || 0;
    showProgress(bar, $('step'), progress);
    const whole = readPercent(progress, { face: false });
    bar.value = whole === null ? before : Math.max(whole, before);
}

/** Name, ID, date of birth and sex, from the chip's early document or the card-face QR. */
export function showPerson(person) {
    $('p-name').textContent = person.full_name || '';
    $('p-name').classList.remove('pending');
    $('p-id').textContent = person.id_number || '';
    $('p-dob').textContent = displayDate(person.date_of_birth);
    $('p-sex').textContent = person.sex ? t('sex.' + person.sex) : '';
}

/** The verdict banner (after the read, or "unverified" for a QR-only check-in); the patient stays in view. */
export function showCardVerdict(view) {
    showVerdict($('verdict'), view);
    only('patient', 'verdict');
}

export function showRegistering() {
    $('progress').hidden = false;
    $('bar').removeAttribute('value'); // indeterminate while the server asks the gateway
    $('step').textContent = t('step.register');
}

export function showRefused() {
    $('progress').hidden = true;
    only('patient', 'verdict', 'refused');
}

/** The queue number, the department, the identity check and the insurance; focus on "Print slip". */
export function showTicket(answer) {
    const visit = answer.visit;
    const ticket = $('ticket');
    ticket.dataset.repeat = String(answer.repeat);
    ticket.dataset.verified = String(visit.verified);
    $('t-number').textContent = String(visit.queue_number);
    $('t-status').textContent = answer.repeat
        ? t('ticket.repeat', { n: visit.queue_number })
        : `${t('ticket.new')} · ${answer.new_patient ? t('ticket.new_patient') : t('ticket.known_patient')}`;
    $('t-status').classList.toggle('repeat', answer.repeat);
    $('t-department').textContent = departmentName(visit.department);
    $('t-room').textContent = `${t('ticket.room')}: ${visit.department.room}`;
    const identity = $('t-identity');
    identity.dataset.verified = String(visit.verified);
    identity.textContent = visit.verified
        ? t('ticket.verified')
        : `${t('ticket.unverified')} (${t(visit.identity_source === 'qr_only' ? 'ticket.unverified.qr' : 'ticket.unverified.chip')})`;
    const insurance = insuranceText(visit.insurance);
    const box = $('t-insurance');
    box.dataset.level = insurance.level;
    box.dataset.status = insurance.status;
    box.querySelector('.title').textContent = insurance.title;
    box.querySelector('.detail').textContent = insurance.detail;
    $('print').href = `/slip.html?visit=${visit.id}&print=1`;
    $('progress').hidden = true;
    only('patient', 'verdict', 'ticket');
}
