// The audit log at the counter: the latest checks (or one customer's, found by the ID number's keyed hash on the
// server), each with a link to its printable record, and whether the hash chain still holds.
// SPDX-License-Identifier: Apache-2.0
import { $, api, explainError, maskId, t } from '/common/counter.js';
import { cardSummary, decisionLevel, localTime } from './decision-view.js';

// The list is on a counter screen a waiting customer may glimpse: the family name and initials only
// ("Nguyễn V. A."); the full name is on the record the teller opens.
function shortName(fullName) {
    const words = (fullName || '').trim().split(/\s+/).filter(Boolean);
    if (words.length < 2) return fullName || '';
    return [words[0], ...words.slice(1).map((w) => w[0].toLocaleUpperCase() + '.')].join(' ');
}

export class AuditPanel {
    constructor() {
        this.body = $('checks-body');
        this.empty = $('checks-empty');
        this.caption = $('list-caption');
        this.chainState = $('chain-state');
        this.searchInput = $('search-id');
        this.clearButton = $('search-clear');
        this.checks = [];
        this.found = null; // {masked, count} while a search is shown
        this.chain = null;
        $('search-form').addEventListener('submit', (event) => {
            event.preventDefault();
            this.search(this.searchInput.value.trim());
        });
        this.clearButton.addEventListener('click', () => { this.found = null; this.refresh(); });
        document.addEventListener('cccd-lang', () => this.render());
    }

    /** The latest checks (unless a search is shown) and the chain's state. */
    async refresh() {
        try {
            if (!this.found) this.checks = (await api('/api/checks')).checks;
            this.chain = await api('/api/audit');
        } catch (_) {
            this.chain = null; // the page says so when a check cannot be saved; the list just stays as it was
        }
        this.render();
    }

    async search(id) {
        if (!/^\d{12}$/.test(id)) {
            this.caption.textContent = t('log.search.invalid');
            this.caption.dataset.level = 'bad';
            this.searchInput.focus();
            return;
        }
        try {
            this.checks = (await api('/api/checks/search', { id_number: id })).checks;
        } catch (e) {
            const explained = explainError(e, 'server');
            this.caption.textContent = `${explained.title} ${explained.next}`;
            this.caption.dataset.level = 'bad';
            return;
        }
        this.found = { masked: maskId(id), count: this.checks.length };
        this.searchInput.value = ''; // an ID number does not stay on screen
        this.render();
    }

    render() {
        this.caption.dataset.level = '';
        this.caption.textContent = this.found ? t('log.search.result', this.found) : t('log.recent');
        this.clearButton.hidden = !this.found;
        this.body.replaceChildren(...this.checks.slice(0, this.found ? 50 : 8).map((check) => this.row(check)));
        this.empty.hidden = this.checks.length > 0;
        if (this.chain) {
            const intact = this.chain.intact;
            this.chainState.dataset.level = intact ? 'ok' : 'bad';
            this.chainState.textContent = intact ? t('log.intact', { count: this.chain.checks }) : t('log.broken', { sequence: this.chain.broken_at });
        }
    }

    row(check) {
        const tr = document.createElement('tr');
        tr.dataset.sequence = check.sequence;
        const cell = (text, className) => {
            const td = document.createElement('td');
            td.textContent = text;
            if (className) td.className = className;
            tr.append(td);
            return td;
        };
        cell(String(check.sequence), 'num');
        cell(localTime(check.checked_at), 'nowrap');
        cell(check.counter_id, 'nowrap');
        cell(check.id_masked, 'mono nowrap');
        cell(shortName(check.full_name));
        cell(cardSummary(check));
        const badge = document.createElement('span');
        badge.className = 'badge ' + decisionLevel(check.decision);
        badge.textContent = t('decision.' + check.decision + '.short');
        cell('').append(badge);
        const link = document.createElement('a');
        link.href = 'record.html?check=' + check.sequence;
        link.target = '_blank';
        link.rel = 'noopener';
        link.textContent = t('log.record');
        cell('').append(link);
        return tr;
    }
}
