// The queue slip of one visit: /slip.html?visit=ID (&print=1 prints at once and closes after printing).
// SPDX-License-Identifier: Apache-2.0
import { $, api, displayDate, startPage, t } from '/common/counter.js';
import { birthYear, clockTime, departmentName, insuranceText } from './visit-text.js';

function render(config, visit) {
    $('s-hospital').textContent = config.hospital_name || '';
    $('s-department').textContent = departmentName(visit.department);
    $('s-room').textContent = visit.department.room;
    $('s-number').textContent = String(visit.queue_number);
    $('s-name').textContent = visit.patient.full_name;
    $('s-born').textContent = birthYear(visit.patient.date_of_birth);
    $('s-id').textContent = visit.patient.id_number_masked;
    $('s-time').textContent = `${clockTime(visit.created_at)} · ${displayDate(visit.visit_date)}`;
    $('s-insurance').textContent = insuranceText(visit.insurance).title;
    const unverified = $('s-unverified');
    unverified.hidden = visit.verified;
    unverified.textContent = visit.verified ? '' : `${t('slip.unverified')} (${visit.identity_source === 'qr_only' ? 'QR' : 'chip'})`;
    const slip = $('slip');
    slip.dataset.verified = String(visit.verified);
    slip.hidden = false;
}

async function main() {
    const config = await startPage();
    const params = new URLSearchParams(location.search);
    const id = params.get('visit');
    $('print-slip').addEventListener('click', () => window.print());
    $('close-slip').addEventListener('click', () => window.close());
    let visit;
    try {
        if (!/^\d+$/.test(id || '')) throw new Error('no visit');
        visit = await api(`/api/visits/${id}`);
    } catch (_) {
        $('missing').textContent = t('slip.missing');
        $('missing').hidden = false;
        return;
    }
    render(config, visit);
    document.addEventListener('cccd-lang', () => render(config, visit));
    $('print-slip').focus();
    if (params.get('print') === '1') {
        window.addEventListener('afterprint', () => window.close());
        window.print();
    }
}

main();
