# One face picture made into the frames the e2e tests need (make-camera-video, make-chip-face). Debian's python3-pil.
import io
import os

from PIL import Image, ImageOps


def filled(image_path, width, height):
    """The picture filling a width x height frame, as a camera or a photo booth frames a face: scaled to cover it,
    what overflows cut mostly from the bottom, since portraits have the face in their upper half."""
    picture = ImageOps.exif_transpose(Image.open(image_path)).convert("RGB")  # phone pictures stand by EXIF
    scale = max(width / picture.width, height / picture.height)
    picture = picture.resize((round(picture.width * scale), round(picture.height * scale)), Image.LANCZOS)
    left, top = (picture.width - width) // 2, (picture.height - height) // 4
    return picture.crop((left, top, left + width, top + height))


def baseline_jpeg(frame, quality):
    """Baseline 4:2:0 JPEG without EXIF: what webcams send, what Chromium's MJPEG reader and chips' DG2 hold."""
    out = io.BytesIO()
    frame.save(out, "JPEG", quality=quality, subsampling=2, optimize=False, progressive=False)
    return out.getvalue()


def write_atomically(path, chunks):
    """Writes the chunks to path so that a reader never sees half a file."""
    partial = path + ".part"
    with open(partial, "wb") as f:
        for chunk in chunks:
            f.write(chunk)
    os.replace(partial, path)
