// Today's queue of the selected department, refreshed after each check-in and every few seconds (other counters
// register patients too).
// SPDX-License-Identifier: Apache-2.0
import { api, t } from '/common/counter.js';
import { birthYear, clockTime, departmentName, insuranceText } from './visit-text.js';

const refreshMs = 15000;

function cell(text, className) {
    const td = document.createElement('td');
    td.textContent = text;
    if (className) td.className = className;
    return td;
}

function badgeCell(text, level) {
    const td = document.createElement('td');
    const badge = document.createElement('span');
    badge.className = `badge ${level}`;
    badge.textContent = text;
    td.append(badge);
    return td;
}

export class QueueList {
    constructor({ rows, empty, title }) {
        Object.assign(this, { rows, empty, title });
        this.department = null;
        this.answer = null;
        this.current = null; // the visit on the desk's screen, marked in the list
        setInterval(() => this.refresh().catch(() => {}), refreshMs);
    }

    async show(department) {
        this.department = department;
        await this.refresh();
    }

    async refresh() {
        if (!this.department) return;
        this.answer = await api(`/api/queue?department=${this.department.id}`);
        this.render();
    }

    highlight(visitId) {
        this.current = visitId;
        this.render();
    }

    render() {
        if (!this.answer) return;
        this.title.textContent = departmentName(this.answer.department);
        // Newest first: the clerk looks for the patient just registered.
        const visits = [...this.answer.visits].reverse();
        this.rows.replaceChildren(...visits.map((v) => {
            const tr = document.createElement('tr');
            tr.dataset.visit = String(v.id);
            tr.classList.toggle('current', v.id === this.current);
            const insurance = insuranceText(v.insurance);
            tr.append(
                cell(String(v.queue_number), 'num'),
                cell(v.patient.full_name, 'name'),
                cell(birthYear(v.patient.date_of_birth)),
                cell(v.patient.id_number_masked, 'id-number'),
                cell(clockTime(v.created_at)),
                badgeCell(insurance.badge, insurance.level === 'ok' ? 'ok' : 'warn'),
                badgeCell(v.verified ? t('badge.verified') : t('badge.unverified'), v.verified ? 'ok' : 'bad'),
            );
            return tr;
        }));
        this.empty.hidden = visits.length > 0;
    }
}
