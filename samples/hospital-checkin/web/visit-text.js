// A visit in words, for the desk's page and the queue slip alike: the insurance line, the time, the department.
// SPDX-License-Identifier: Apache-2.0
import { addStrings, currentLang, displayDate, t } from '/common/counter.js';
import { hospitalStrings } from './strings.js';

addStrings(hospitalStrings);

/** The insurance of a visit: {level: ok|warn, title, detail, badge}. */
export function insuranceText(insurance) {
    const status = insurance.status;
    const vars = {
        percent: insurance.benefit_percent ?? '?', card: insurance.card_number || '—', to: displayDate(insurance.valid_to) || '—',
        hospital: insurance.registered_hospital || '—',
        reason: t('insurance.reason.' + (insurance.problem || 'error')),
    };
    const known = ['valid', 'expired', 'not_found', 'unchecked'].includes(status) ? status : 'unchecked';
    return {
        status: known,
        level: known === 'valid' ? 'ok' : 'warn',
        title: t('insurance.' + known, vars),
        detail: t('insurance.' + known + '.detail', vars),
        badge: t('badge.' + known),
    };
}

/** The department's name in the page's language. */
export function departmentName(department) {
    return currentLang() === 'en' ? department.name_en : department.name_vi;
}

/** 08:05, the local time of a UTC ISO time stamp. */
export function clockTime(iso) {
    const at = new Date(iso);
    return Number.isNaN(at.getTime()) ? '' : at.toLocaleTimeString(currentLang() === 'en' ? 'en-GB' : 'vi-VN', { hour: '2-digit', minute: '2-digit' });
}

/** The year of an ISO date, or ''. */
export function birthYear(iso) {
    return iso ? iso.slice(0, 4) : '';
}
