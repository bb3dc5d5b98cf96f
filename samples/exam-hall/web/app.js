// The invigilator's page: this door's session and room (remembered on this PC), the door check, the room list and
// the roster import. Keyboard only works throughout: the key field keeps the focus for the scanner gun, Enter on
// the empty field (or Esc) calls the next candidate.
// SPDX-License-Identifier: Apache-2.0
import { $, t, api, addStrings, startPage, connectAgent, KeyEntry, explainError, showError, showPanel, currentLang } from '/common/counter.js';
import { examStrings } from './exam-strings.js';
import { BrowserCamera } from './camera.js';
import { Door } from './door.js';
import { loadPlace, savePlace, validPlace } from './place.js';
import { loadOverview, setExportLinks, showOverview, showRoomList } from './room.js';
import { setupImport } from './roster.js';

addStrings(examStrings);
const config = await startPage();
let place = null;
let sessions = [];
let connection = null;
let currentTab = 'setup';
const camera = new BrowserCamera($('camera'));

// The agent, connected on first use and again after it was down (the page keeps working meanwhile).
async function connect() {
    if (!connection) connection = await connectAgent(config);
    return connection;
}

const keyInput = $('key');
// The agent went away: connect again at the next candidate, and say so in the bar meanwhile.
function agentDown() {
    connection = null;
    const pill = $('agent-state');
    pill.dataset.state = 'down';
    pill.dataset.i18n = 'agent.down';
    pill.textContent = t('agent.down');
}

const door = new Door({
    connect,
    onAgentDown: agentDown,
    place: () => place,
    camera,
    keyInput,
    onRecorded: (answer) => showOverview(answer.overview, place),
    onPlaceLost: () => chooseAgain(),
});

const entry = new KeyEntry({
    form: $('key-form'),
    input: keyInput,
    cameraButton: $('scan-camera'),
    message: $('key-message'),
    // The card-face QR through the door's camera: a frame of this PC's camera, or the agent's camera:0.
    getAgent: () => ({
        scanQr: async (what) => {
            const { agent, client } = await connect();
            if (place && place.camera !== 'agent') return agent.scanQr({ image: await camera.frame(client.captureFrame, 1280) });
            return agent.scanQr(what);
        },
    }),
    onKey: (key) => {
        if (!door.begin(key)) entry.say(t('door.busy'));
    },
    onError: (error) => entry.say(`${explainError(error, 'qr').title} ${explainError(error, 'qr').next}`),
});

// Enter on the empty key field, or Esc: the next candidate (the scanner gun's own Enter never reaches an empty field).
keyInput.addEventListener('keydown', (event) => {
    if ((event.key === 'Enter' && keyInput.value.trim() === '') || event.key === 'Escape') {
        event.preventDefault();
        door.next();
    }
});
document.addEventListener('keydown', (event) => {
    if (currentTab !== 'door' || event.ctrlKey || event.altKey || event.metaKey) return;
    const typing = ['INPUT', 'SELECT', 'TEXTAREA'].includes(document.activeElement.tagName);
    if (event.key === 'Escape' && !typing) door.next();
    // A scan while a button has the focus: the characters belong in the key field.
    if (!typing && event.key.length === 1 && !event.repeat) keyInput.focus();
});

// Tabs
function showTab(name) {
    if (name !== 'setup' && !place) name = 'setup';
    currentTab = name;
    showPanel(name);
    for (const tab of document.querySelectorAll('[data-tab]')) {
        if (tab.dataset.tab === name) tab.setAttribute('aria-current', 'page'); else tab.removeAttribute('aria-current');
        tab.disabled = tab.dataset.tab !== 'setup' && !place;
    }
    if (name === 'door') {
        door.render();
        keyInput.focus();
        refreshOverview();
    }
    if (name === 'room') showRoomList(place).catch(showLoadError);
    if (name === 'setup') $('session-select').focus();
}
for (const tab of document.querySelectorAll('[data-tab]')) tab.addEventListener('click', () => showTab(tab.dataset.tab));
$('place').addEventListener('click', () => showTab('setup'));

function refreshOverview() {
    if (place) loadOverview(place).then((o) => showOverview(o, place)).catch(showLoadError);
}

function showLoadError(e) {
    if (e.code === 'unknown_session') {
        chooseAgain();
        return;
    }
    showError($('error'), explainError(e, 'server'), () => refreshOverview());
}

// This door's place
function usePlace(next) {
    place = next;
    savePlace({ session: place.session, room: place.room, camera: place.camera });
    $('place').hidden = false;
    $('place-session').textContent = place.sessionName;
    $('place-room').textContent = place.room;
    setExportLinks(place);
    if (place.camera === 'agent') camera.stop(); else camera.start().then(() => door.render());
}

function chooseAgain() {
    place = null;
    $('place').hidden = true;
    loadSessions().then(() => showTab('setup'));
}

async function loadSessions() {
    sessions = (await api('/api/sessions')).sessions;
    const select = $('session-select');
    const chosen = place ? place.session : loadPlace().session;
    select.replaceChildren(...sessions.map((s) => new Option(s.name, s.id, false, s.id === chosen)));
    $('session-names').replaceChildren(...sessions.map((s) => new Option(s.name)));
    $('no-sessions').hidden = sessions.length > 0;
    $('place-form').hidden = sessions.length === 0;
    fillRooms();
}

function fillRooms() {
    const session = sessions.find((s) => String(s.id) === $('session-select').value);
    const remembered = place ? place.room : loadPlace().room;
    $('room-select').replaceChildren(...(session ? session.rooms : []).map((r) =>
        new Option(t('setup.room_option', { room: r.room, n: r.candidates }), r.room, false, r.room === remembered)));
}
$('session-select').addEventListener('change', fillRooms);
document.addEventListener('cccd-lang', () => {
    if (sessions.length) {
        const room = $('room-select').value;
        fillRooms();
        $('room-select').value = room;
    }
    if (place && currentTab !== 'setup') refreshOverview();
    if (place && currentTab === 'room') showRoomList(place).catch(showLoadError);
});

$('place-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const session = sessions.find((s) => String(s.id) === $('session-select').value);
    const room = $('room-select').value;
    if (!session || !room) return;
    const cameraChoice = document.querySelector('input[name="camera"]:checked').value;
    const moved = !place || place.session !== session.id || place.room !== room;
    usePlace({ session: session.id, sessionName: session.name, room, camera: cameraChoice });
    if (moved) door.next(); // another room: a clean door; only the camera changed: the candidate at the door stays
    showTab('door');
});

setupImport(async (answer) => {
    await loadSessions();
    $('session-select').value = String(answer.session.id);
    fillRooms();
});

// Start: the remembered place if the server still has it, else the setup screen.
await loadSessions();
const remembered = validPlace(loadPlace(), sessions);
for (const input of document.querySelectorAll('input[name="camera"]')) input.checked = input.value === (remembered ? remembered.camera : 'browser');
if (remembered) usePlace(remembered);
showTab(remembered ? 'door' : 'setup');
connect().catch(() => { /* the pill says so; the first read explains it with what to do */ });
document.documentElement.dataset.ready = currentLang();
