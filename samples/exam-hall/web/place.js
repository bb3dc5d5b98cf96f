// This door's exam session, room and camera, remembered on this PC (localStorage): the invigilator chooses them once.
// SPDX-License-Identifier: Apache-2.0
const storageKey = 'cccd-exam-hall.place';

/** {session (id), sessionName, room, camera: 'browser'|'agent'} or {} when never chosen. */
export function loadPlace() {
    try {
        return JSON.parse(localStorage.getItem(storageKey)) || {};
    } catch (_) {
        return {};
    }
}

export function savePlace(place) {
    try { localStorage.setItem(storageKey, JSON.stringify(place)); } catch (_) { /* private mode: chosen for this visit only */ }
}

/** The remembered place if the server still has that session and room. */
export function validPlace(place, sessions) {
    const session = sessions.find((s) => s.id === place.session);
    if (!session || !session.rooms.some((r) => r.room === place.room)) return null;
    return { ...place, sessionName: session.name, camera: place.camera === 'agent' ? 'agent' : 'browser' };
}
