// Numbers and times as the invigilator reads them (Vietnamese: decimal comma, 24-hour clock).
// SPDX-License-Identifier: Apache-2.0
import { currentLang } from '/common/counter.js';

const locale = () => (currentLang() === 'en' ? 'en-GB' : 'vi-VN');

/** 2.14 → "2,1" (vi) or "2.1" (en). */
export function formatSeconds(seconds) {
    return new Intl.NumberFormat(locale(), { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(seconds);
}

/** A face score, 0.8123 → "0,81". */
export function formatScore(score) {
    return new Intl.NumberFormat(locale(), { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(score);
}

/** An ISO instant as the local time of day, "07:12:05". */
export function formatTime(iso) {
    const date = new Date(iso);
    return Number.isNaN(date.getTime()) ? '' : date.toLocaleTimeString(locale(), { hour12: false });
}

/** Names compared as people read them: Unicode-normalised, case and spacing ignored. */
export function sameName(a, b) {
    const norm = (s) => (s || '').normalize('NFC').toLocaleLowerCase('vi').replace(/\s+/g, ' ').trim();
    return norm(a) === norm(b);
}
