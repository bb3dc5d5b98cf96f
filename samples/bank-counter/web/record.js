// The printable KYC record of one logged check (record.html?check=N): what the teller, the customer and the
// supervisor sign, with the audit log's hash of the entry so that the paper can be checked against the log later.
// SPDX-License-Identifier: Apache-2.0
import { $, api, explainError, showError, startPage, t } from '/common/counter.js';
import {
    cardSummary, decisionLevel, decisionTitle, faceSummary, fillReasons, livenessSummary, localTime,
} from './decision-view.js';
import './kyc-strings.js';

let config = {};
let record = null;

function render() {
    if (!record) return;
    const { check, hash_ok: hashOk } = record;
    $('bank-name').textContent = config.bank_name || '';
    $('r-sequence').textContent = String(check.sequence);
    $('r-banner').dataset.level = decisionLevel(check.decision);
    $('r-decision').textContent = decisionTitle(check);
    $('r-time').textContent = localTime(check.checked_at);
    $('r-counter').textContent = check.counter_id;
    $('r-name').textContent = check.full_name;
    $('r-id').textContent = check.id_masked;
    $('r-card').textContent = cardSummary(check);
    $('r-face').textContent = faceSummary(check);
    $('r-live').textContent = livenessSummary(check);
    fillReasons($('r-reasons'), check);
    $('r-hash').textContent = check.row_hash;
    $('r-prev-hash').textContent = check.prev_hash;
    $('r-hash-state').dataset.level = hashOk ? 'ok' : 'bad';
    $('r-hash-state').textContent = t(hashOk ? 'record.hash_ok' : 'record.hash_bad');
    document.title = `${t('record.title')} #${check.sequence}`;
    $('sheet').hidden = false;
}

async function load() {
    const sequence = new URLSearchParams(location.search).get('check');
    try {
        config = await startPage();
        if (!/^\d+$/.test(sequence || '')) throw Object.assign(new Error(t('record.not_found')), { code: 'not_found' });
        record = await api('/api/checks/' + sequence);
    } catch (e) {
        const explained = e.code === 'not_found' || e.status === 404 ? { code: 'not_found', title: t('record.not_found'), next: '', detail: '' } : explainError(e, 'server');
        showError($('error'), explained, () => location.reload());
        return;
    }
    render();
    $('print').focus();
}

$('print').addEventListener('click', () => window.print());
document.addEventListener('cccd-lang', render);
load();
