// Face pictures for tests, and what is made from them: a camera video (make-camera-video) and a chip-sized face
// for a virtual card (make-chip-face). Each is made once per test run, in a temporary folder.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { dataRoot } from './paths.mjs';
import { tempDir } from './processes.mjs';
import { Skip } from './report.mjs';

const tools = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');

/** The pictures. cardHolder is the sample cards' holder (their chip face is made from it by drivers/vcard/make-face). */
export const faces = {
    /** Debian python3-skimage's public-domain NASA portrait: the sample profiles' holder. Matches, and passes liveness. */
    cardHolder: '/usr/lib/python3/dist-packages/skimage/data/astronaut.png',
    /** The same portrait from the shared test data. */
    astronaut: path.join(dataRoot, 'faces/public-domain/astronaut.png'),
    /** Another, real person: does not match the sample cards, passes liveness. */
    otherPerson: path.join(dataRoot, 'faces/liveness/image_T1.jpg'),
    /** A printed photo held to the camera: no match, fails liveness. */
    printedPhoto: path.join(dataRoot, 'faces/liveness/image_F1.jpg'),
    /** A face shown on a tablet: no match, fails liveness. */
    screenPhoto: path.join(dataRoot, 'faces/liveness/image_F2.jpg'),
};

function requirePicture(image) {
    if (!fs.existsSync(image)) throw new Skip(`face picture missing: ${image} (shared test data, CCCD_TEST_DATA; or scripts/setup)`);
}

let folder;
const made = new Map();

function makeOnce(tool, image, extension) {
    requirePicture(image);
    const key = `${tool} ${image}`;
    if (!made.has(key)) {
        folder ??= tempDir('cccd-e2e-faces-');
        const out = path.join(folder, `${made.size}-${path.parse(image).name}${extension}`);
        execFileSync(path.join(tools, tool), [image, out], { stdio: ['ignore', 'ignore', 'inherit'] });
        made.set(key, out);
    }
    return made.get(key);
}

/** A 640x480 MJPEG camera of the picture, for cccd-agent --camera and Chromium's fake camera. */
export function cameraVideo(image = faces.cardHolder) { return makeOnce('make-camera-video', image, '.mjpeg'); }

/** A chip-sized JPEG face (360x480) of the picture, for a virtual card's profile. */
export function chipFace(image) { return makeOnce('make-chip-face', image, '.jpg'); }

/** A camera video of a card face's QR code (the text as printed on the card), for scanning it with a camera. */
export function qrCameraVideo(text) {
    folder ??= tempDir('cccd-e2e-faces-');
    const square = path.join(folder, `qr-${made.size}.png`);
    const frame = path.join(folder, `qr-frame-${made.size}.png`);
    execFileSync('qrencode', ['-s', '6', '-m', '4', '-o', square, text]);
    execFileSync('/usr/bin/python3', ['-c', `
from PIL import Image
qr = Image.open(${JSON.stringify(square)}).convert('RGB')
canvas = Image.new('RGB', (qr.width * 2, qr.width * 3 // 2), 'white')
canvas.paste(qr, ((canvas.width - qr.width) // 2, (canvas.height - qr.height) // 2))
canvas.save(${JSON.stringify(frame)})`]);
    return cameraVideo(frame);
}
