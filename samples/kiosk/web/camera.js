// The kiosk's camera as the page sees it (getUserMedia): the live view on screen, frames for the agent's QR reader
// and face match. Closed as soon as a step is done, so the camera light goes off between citizens.
// SPDX-License-Identifier: Apache-2.0
import { SampleError } from '/common/counter.js';

/** Starts the camera into a <video>; a SampleError 'no_camera' when there is none or it is refused. */
export async function openCamera(video) {
    let stream;
    try {
        stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'user', width: { ideal: 1280 }, height: { ideal: 720 } }, audio: false });
    } catch (e) {
        throw new SampleError(`the camera cannot be opened (${e && e.name})`, 'no_camera');
    }
    video.srcObject = stream;
    video.muted = true;
    await video.play().catch(() => {});
    // Frames come a moment after play(): wait for the first one (captureFrame needs its size).
    const deadline = Date.now() + 5000;
    while (!video.videoWidth && Date.now() < deadline) await sleep(50);
    if (!video.videoWidth) {
        closeCamera(video);
        throw new SampleError('the camera shows no picture', 'no_camera');
    }
    return stream;
}

/** Stops the camera and empties the <video>. */
export function closeCamera(video) {
    const stream = video.srcObject;
    if (stream && stream.getTracks) for (const track of stream.getTracks()) track.stop();
    video.pause();
    video.srcObject = null;
}

export function sleep(ms) {
    return new Promise((resolve) => setTimeout(resolve, ms));
}
