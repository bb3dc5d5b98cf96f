// Virtual cards on the private pcscd's two readers (scripts/with-pcscd): cccd-vcard on vpcd port (first port + slot),
// slot 0 being the reader "Virtual PCD 00 00" and slot 1 "Virtual PCD 00 01".
import { execFile, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { chipFace } from './faces.mjs';
import { bin, root, vpcdPort } from './paths.mjs';
import { start, stop, tempDir, until } from './processes.mjs';
import { step } from './report.mjs';

const profilesDir = path.join(root, 'drivers/vcard/profiles');
const sampleFace = path.join(profilesDir, 'faces/sample-face.jpg');
const inserted = new Map(); // slot -> card

/** The readers as `cccd readers --json` lists them: [{index, name, card_present, atr}]. */
export async function readers() {
    const { stdout } = await promisify(execFile)(path.join(bin, 'cccd'), ['readers', '--json']);
    return JSON.parse(stdout).readers;
}

/** A sample profile by name ('nguyen-van-an'), or a profile file as it is. */
function profilePath(profile) {
    if (fs.existsSync(profile)) return profile;
    const sample = path.join(profilesDir, profile.endsWith('.json') ? profile : `${profile}.json`);
    if (!fs.existsSync(sample)) throw new Error(`no profile ${profile} (a file, or one of ${fs.readdirSync(profilesDir).join(', ')})`);
    return sample;
}

let profileFolder;
let sampleFaceMade = false;

// The sample profiles' face is made at setup from a Debian package's picture (the repository holds no photos).
function ensureSampleFace() {
    if (!sampleFaceMade) execFileSync(path.join(root, 'drivers/vcard/make-face'), [sampleFace]); // idempotent
    sampleFaceMade = true;
}

/**
 * A profile in a temporary folder: a sample profile (base, default nguyen-van-an) with the document fields of
 * `document` replaced, and the face of faceImage (any picture, made chip-sized) or the sample face. Returns its path.
 */
export function makeProfile({ document = {}, faceImage, chip, base = 'nguyen-van-an' } = {}) {
    const profile = JSON.parse(fs.readFileSync(profilePath(base), 'utf8'));
    Object.assign(profile.document, document);
    if (chip) Object.assign(profile.chip, chip);
    if (!faceImage) ensureSampleFace();
    profile.face_image = faceImage ? chipFace(faceImage) : sampleFace;
    profileFolder ??= tempDir('cccd-e2e-profiles-');
    const file = path.join(profileFolder, `profile-${fs.readdirSync(profileFolder).length + 1}.json`);
    fs.writeFileSync(file, JSON.stringify(profile, null, 2));
    return file;
}

/** The reader's name of a slot (0 or 1: vpcd has two). */
export function slotReader(slot) {
    if (slot !== 0 && slot !== 1) throw new Error(`slot ${slot}: the virtual readers are slots 0 and 1`);
    return `Virtual PCD 00 0${slot}`;
}

// Waits until the slot's reader shows (or no longer shows) a card; returns the reader's name. A card process that
// ends while it should come is an error with its output.
async function waitForReader(slot, present, card) {
    const name = slotReader(slot);
    return until(`${name} to show ${present ? 'a' : 'no'} card`, async () => {
        if (present && card.exited) throw new Error(`${card.exited}:\n${card.output}`);
        const reader = (await readers()).find((r) => r.name === name);
        if (!reader) throw new Error(`no reader ${name} for slot ${slot}: is this test running under scripts/with-pcscd?`);
        return reader.card_present === present && name;
    }, 20000);
}

/**
 * Puts a virtual card on a reader and waits until the reader shows it. profile: a sample profile name or a file
 * (makeProfile). faults: cccd-vcard --fault specs (docs/vcard.md); link: none|106k|212k|424k|848k.
 * Returns {slot, reader, process}.
 */
export async function insertCard(profile = 'nguyen-van-an', { faults = [], link = '424k', slot = 0, extraArgs = [] } = {}) {
    if (inserted.get(slot)?.process.exited) inserted.delete(slot); // a card that left by itself (remove-after:N)
    if (inserted.has(slot)) throw new Error(`slot ${slot} already holds a card: removeCard or swapCard first`);
    const file = profilePath(profile);
    ensureSampleFace();
    const args = ['--port', String(vpcdPort + slot), '--profile', file, '--link', link, ...faults.flatMap((f) => ['--fault', f]), ...extraArgs];
    step(`insert card ${path.basename(file)} in slot ${slot}${faults.length ? `, faults ${faults.join(' ')}` : ''}, link ${link}`);
    const child = start(`cccd-vcard (slot ${slot})`, path.join(bin, 'cccd-vcard'), args);
    const reader = await waitForReader(slot, true, child);
    const card = { slot, reader, process: child };
    inserted.set(slot, card);
    return card;
}

/** Takes the card off the reader of slot (or of card.slot) and waits until the reader shows none. */
export async function removeCard(slotOrCard = 0) {
    const slot = typeof slotOrCard === 'object' ? slotOrCard.slot : slotOrCard;
    const card = inserted.get(slot);
    if (!card) throw new Error(`no card in slot ${slot}`);
    step(`remove the card from slot ${slot}`);
    await stop(card.process);
    inserted.delete(slot);
    await waitForReader(slot, false);
}

/** Replaces the card of the slot (options.slot, default 0) with another: removeCard, then insertCard. */
export async function swapCard(profile, options = {}) {
    await removeCard(options.slot ?? 0);
    return insertCard(profile, options);
}
