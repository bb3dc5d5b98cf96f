// Where things are for an e2e test: the source tree, the build, the shared test data, and what the runner chose
// (run-sample-e2e sets the CCCD_* variables; the defaults let a test run from a checkout by hand).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

export const root = process.env.CCCD_SOURCE_DIR || path.resolve(here, '../../../..');
export const buildDir = process.env.CCCD_BUILD_DIR || path.join(root, 'build');
export const bin = process.env.CCCD_BIN_DIR || path.join(buildDir, 'bin');
export const e2eDir = path.join(root, 'tests/e2e');
export const dataRoot = process.env.CCCD_TEST_DATA || path.resolve(root, '../shared');
/** The sample under test (run-sample-e2e SAMPLE) and its database kind (sqlite | postgres). */
export const sampleName = process.env.CCCD_SAMPLE || 'harness';
export const dbKind = process.env.CCCD_SAMPLE_DB || 'sqlite';
export const screenshotDir = process.env.CCCD_E2E_SCREENSHOTS || path.join(buildDir, 'e2e-screenshots', sampleName);
/** The first vpcd port of the private pcscd: card slot N is this port + N. */
export const vpcdPort = Number(process.env.CCCD_VPCD_PORT || 35963);
export const chromiumPath = process.env.CCCD_CHROMIUM || '/usr/bin/chromium';
export const testCsca = path.join(root, 'drivers/vcard/pki/csca.pem');

/** The face models folder: the shared test data's (the face tests use it in every build), else the build's. */
export function modelsDir() {
    return [path.join(dataRoot, 'models'), path.join(buildDir, 'models'), path.resolve(bin, '../models')]
        .find((dir) => fs.existsSync(path.join(dir, 'dlib_face_recognition_resnet_model_v1.dat')));
}
