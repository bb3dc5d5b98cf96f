// The department picker: one radio tile per department with today's count. The choice stays for the next patient
// (and after a failed read), and is remembered on this PC.
// SPDX-License-Identifier: Apache-2.0
import { api, t } from '/common/counter.js';
import { departmentName } from './visit-text.js';

const remembered = 'hospital-checkin-department';

export class DepartmentPicker {
    constructor(container, onChange) {
        this.container = container;
        this.onChange = onChange;
        this.departments = [];
        this.selectedId = Number(localStorage.getItem(remembered)) || null;
        this.date = '';
    }

    /** The departments and today's counts from the server; keeps the selection. */
    async load() {
        const answer = await api('/api/departments');
        this.departments = answer.departments;
        this.date = answer.date;
        if (!this.departments.some((d) => d.id === this.selectedId)) this.selectedId = this.departments[0]?.id ?? null;
        this.render();
    }

    get selected() {
        return this.departments.find((d) => d.id === this.selectedId) || null;
    }

    render() {
        const focused = this.container.contains(document.activeElement);
        this.container.replaceChildren(...this.departments.map((d) => this.tile(d)));
        if (focused) this.container.querySelector('input:checked')?.focus();
    }

    tile(department) {
        const label = document.createElement('label');
        label.className = 'dept';
        label.dataset.code = department.code;
        const input = document.createElement('input');
        input.type = 'radio';
        input.name = 'department';
        input.value = String(department.id);
        input.checked = department.id === this.selectedId;
        input.addEventListener('change', () => this.select(department.id));
        const name = document.createElement('span');
        name.className = 'dept-name';
        name.textContent = departmentName(department);
        const room = document.createElement('span');
        room.className = 'dept-room';
        room.textContent = department.room;
        const count = document.createElement('span');
        count.className = 'dept-count';
        count.textContent = t('dept.count', { n: department.registered_today });
        label.append(input, name, room, count);
        return label;
    }

    select(id) {
        this.selectedId = id;
        try { localStorage.setItem(remembered, String(id)); } catch (_) { /* private mode */ }
        this.onChange(this.selected);
    }
}
