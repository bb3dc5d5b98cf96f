// The room at a glance: admitted / expected / referred, the time per candidate (the session's running median and
// the last checks), the room's list with each candidate's state, and the attendance export links.
// SPDX-License-Identifier: Apache-2.0
import { $, t, api } from '/common/counter.js';
import { formatSeconds, formatTime } from './format.js';

const sparkSeconds = 6; // the bars' full height; the target line is at 3 s

const query = (place) => `session=${encodeURIComponent(place.session)}&room=${encodeURIComponent(place.room)}`;

export function loadOverview(place) {
    return api('/api/rooms/overview?' + query(place));
}

function fillAll(selector, text) {
    for (const el of document.querySelectorAll(selector)) el.textContent = text;
}

/** Draws the overview everywhere it shows (the door's side panels and the room list's head). */
export function showOverview(overview, place) {
    fillAll('.room-name', place.room);
    fillAll('.n-admitted', overview.admitted);
    fillAll('.n-expected', overview.expected);
    fillAll('.n-referred', overview.referred);
    fillAll('.n-remaining', overview.remaining);
    for (const bar of document.querySelectorAll('.room-bar')) {
        bar.max = Math.max(1, overview.expected);
        bar.value = Math.min(overview.admitted, bar.max);
    }
    fillAll('.remaining', overview.remaining > 0 ? t('count.remaining_text', { n: overview.remaining }) : t('count.all_in'));
    const median = overview.median_seconds;
    $('median').textContent = median === null ? '' : formatSeconds(median);
    $('median').dataset.level = median === null ? '' : median < 3 ? 'ok' : 'warn';
    $('median-label').textContent = median === null ? t('time.median_none') : t('time.median', { count: overview.timed_checks });
    showSpark(overview.recent);
    showRecent(overview.recent);
}

// The last checks' times as bars, oldest on the left, against the 3-second target.
function showSpark(recent) {
    const spark = $('spark');
    const timed = recent.filter((c) => c.seconds !== null).reverse();
    const bars = timed.map((c) => {
        const bar = document.createElement('span');
        bar.className = 'spark-bar';
        bar.dataset.decision = c.decision;
        bar.style.height = `${Math.max(4, Math.min(100, (c.seconds / sparkSeconds) * 100))}%`; // CSSOM: allowed by the CSP
        bar.title = `${formatSeconds(c.seconds)} ${t('time.seconds')}`;
        return bar;
    });
    const target = document.createElement('span');
    target.className = 'spark-target';
    spark.replaceChildren(target, ...bars);
    spark.hidden = bars.length === 0;
}

function showRecent(recent) {
    const list = $('recent');
    list.replaceChildren(...recent.slice(0, 4).map((c) => {
        const item = document.createElement('li');
        item.dataset.decision = c.decision;
        const who = document.createElement('span');
        who.className = 'r-who';
        who.textContent = c.full_name || c.id_masked;
        const meta = document.createElement('span');
        meta.className = 'r-meta';
        meta.textContent = [formatTime(c.checked_at).slice(0, 5), c.seat ? `${t('door.seat').toLowerCase()} ${c.seat}` : '',
            c.seconds === null ? '' : `${formatSeconds(c.seconds)} ${t('time.seconds')}`].filter(Boolean).join(' · ');
        item.append(who, meta);
        const badge = document.createElement('span');
        badge.className = 'badge ' + (c.decision === 'ADMIT' ? 'ok' : 'warn');
        badge.textContent = t('recent.' + c.decision);
        item.append(badge);
        return item;
    }));
    $('recent-empty').hidden = recent.length > 0;
}

/** The room list tab: every candidate of the room by seat, with the state of each. */
export async function showRoomList(place) {
    const [overview, list] = await Promise.all([loadOverview(place), api('/api/rooms/candidates?' + query(place))]);
    showOverview(overview, place);
    const body = $('room-list');
    const rows = list.candidates.map((c) => {
        const row = document.createElement('tr');
        row.dataset.state = c.state;
        for (const text of [c.seat, c.full_name, c.id_masked]) {
            const cell = document.createElement('td');
            cell.textContent = text;
            row.append(cell);
        }
        const state = document.createElement('td');
        const badge = document.createElement('span');
        badge.className = 'badge ' + ({ admitted: 'ok', referred: 'warn' }[c.state] || '');
        badge.textContent = t('state.' + c.state);
        state.append(badge);
        row.append(state);
        return row;
    });
    if (!rows.length) {
        const row = document.createElement('tr');
        const cell = document.createElement('td');
        cell.colSpan = 4;
        cell.className = 'muted';
        cell.textContent = t('room.empty');
        row.append(cell);
        rows.push(row);
    }
    body.replaceChildren(...rows);
}

export function setExportLinks(place) {
    $('export-room').href = '/api/attendance.csv?' + query(place);
    $('export-room').download = `diem-danh-${place.room}.csv`;
    $('export-session').href = `/api/attendance.csv?session=${encodeURIComponent(place.session)}`;
    $('export-session').download = 'diem-danh-ca-thi.csv';
}


