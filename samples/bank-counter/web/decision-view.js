// A logged check in the teller's words, for the counter page and the printed KYC record alike.
// SPDX-License-Identifier: Apache-2.0
import { t } from '/common/counter.js';
import './kyc-strings.js';

/** ok / warn / bad, the colour of a decision (always shown with words). */
export function decisionLevel(decision) {
    return { APPROVED: 'ok', REFER: 'warn', REJECTED: 'bad' }[decision] || 'warn';
}

/** A forged or cloned card has a title and next step of its own: the flow stopped at the card. */
function invalidCard(check) { return check.card_verdict === 'INVALID'; }

export function decisionTitle(check) {
    return t(invalidCard(check) ? 'decision.invalid_card' : 'decision.' + check.decision);
}

export function decisionNext(check) {
    return t(invalidCard(check) ? 'decision.invalid_card.next' : 'decision.' + check.decision + '.next');
}

/** 2026-11-30T01:07:29Z → 30/11/2026 08:07:29 in this PC's time zone. */
export function localTime(iso) {
    const d = new Date(iso);
    if (Number.isNaN(d.getTime())) return iso;
    const two = (n) => String(n).padStart(2, '0');
    return `${two(d.getDate())}/${two(d.getMonth() + 1)}/${d.getFullYear()} ${two(d.getHours())}:${two(d.getMinutes())}:${two(d.getSeconds())}`;
}

export function cardSummary(check) {
    return t('card.' + check.card_verdict) + (check.card_expired ? ` (${t('card.expired')})` : '');
}

const score = (n) => (typeof n === 'number' ? n.toFixed(2) : '–');

/** "Similarity 0.73 (threshold 0.36) · counter camera", or "Not checked". */
export function faceSummary(check) {
    if (!check.face_source) return t('record.face.none');
    const source = t('record.source.' + check.face_source);
    if (check.face_score === null) return `${t('reason.face_quality')} · ${source}`;
    return `${t('face.score', { score: score(check.face_score), threshold: score(check.face_threshold) })} · ${source}`;
}

export function livenessSummary(check) {
    if (!check.face_source) return t('record.face.none');
    return t({ live: 'face.live.yes', not_live: 'face.live.no' }[check.liveness] || 'face.live.unknown');
}

const approving = ['card_valid', 'face_match', 'live'];
const rejecting = ['card_forged', 'card_cloned', 'card_invalid', 'face_mismatch', 'not_live'];

/** The reasons as list items, each with its own level: approving ok, rejecting bad, the others warn. */
export function fillReasons(list, check) {
    list.replaceChildren();
    for (const code of check.reasons) {
        const item = document.createElement('li');
        item.dataset.reason = code;
        item.dataset.level = approving.includes(code) ? 'ok' : rejecting.includes(code) ? 'bad' : 'warn';
        item.textContent = t('reason.' + code);
        list.append(item);
    }
}
