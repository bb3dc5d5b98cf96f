// The exam board's roster: the CSV chosen on this PC is read in the browser and sent as text; the server imports
// the good rows and names the bad ones by line, which are listed here with what to fix.
// SPDX-License-Identifier: Apache-2.0
import { $, t, api, explainError } from '/common/counter.js';

const maxBytes = 3 * 1024 * 1024; // the server takes 4 MiB bodies; thousands of candidates fit in far less

/** Wires the import form; onImported(answer) after each import that changed the roster. */
export function setupImport(onImported) {
    const form = $('import-form');
    form.addEventListener('submit', async (event) => {
        event.preventDefault();
        const file = $('import-file').files[0];
        const session = $('import-session').value.trim();
        if (!file || !session) return;
        if (file.size > maxBytes) {
            showMessage(t('import.file_too_big'), 'bad');
            return;
        }
        const button = $('import-button');
        button.disabled = true;
        button.textContent = t('setup.import.reading');
        try {
            // Bytes that are not UTF-8 become U+FFFD here; the server refuses those rows by line.
            const csv = new TextDecoder('utf-8').decode(await file.arrayBuffer());
            const answer = await api('/api/roster/import', { session, csv });
            showReport(answer);
            if (answer.session) onImported(answer);
        } catch (e) {
            const explained = explainError(e, 'server');
            showMessage(`${explained.title} ${explained.next}`, 'bad');
        } finally {
            button.disabled = false;
            button.textContent = t('setup.import.button');
        }
    });
}

function showMessage(text, level) {
    $('import-report').hidden = false;
    $('import-report').dataset.level = level;
    $('import-summary').textContent = text;
    $('import-extra').hidden = true;
    $('import-problems').hidden = true;
}

function showReport(answer) {
    const problems = answer.problems || [];
    const imported = Boolean(answer.session);
    showMessage(imported ? t('import.summary', { session: answer.session.name, added: answer.added, updated: answer.updated,
        unchanged: answer.unchanged }) : t('import.none'), !imported ? 'bad' : problems.length ? 'warn' : 'ok');
    $('import-extra').hidden = !(answer.extra_columns > 0);
    $('import-problems').hidden = problems.length === 0;
    $('import-problems-title').textContent = t('import.problems', { n: problems.length });
    $('import-problem-list').replaceChildren(...problems.map((p) => {
        const row = document.createElement('tr');
        const line = document.createElement('td');
        line.textContent = p.line > 0 ? p.line : '–';
        const what = document.createElement('td');
        what.textContent = t('problem.' + p.code, { other: p.other_line });
        row.append(line, what);
        return row;
    }));
}
