"""The CCCD SDK from Python through its C API (include/cccd/cccd.h) and ctypes: no build step, no extra package.

    import cccd
    report = cccd.read_card(cccd.KEY_ID_NUMBER, "001090123456", trust=["/etc/cccd/csca"])
    print(report["document"]["full_name"], report["verification"]["overall"])

The library is $CCCD_LIBRARY, else libcccd.so.0 as the system finds it (the Debian package installs it).
"""
import ctypes
import ctypes.util
import json
import os

KEY_CAN, KEY_ID_NUMBER, KEY_QR, KEY_MRZ, KEY_BAC = 1, 2, 3, 4, 5
STAGES = ["waiting for the card", "connecting", "opening the chip", "reading the data", "proving the chip",
          "reading the face", "verifying"]

_PROGRESS = ctypes.CFUNCTYPE(None, ctypes.c_void_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_size_t, ctypes.c_size_t)
_DOCUMENT = ctypes.CFUNCTYPE(None, ctypes.c_void_p, ctypes.c_char_p)


class CccdError(Exception):
    """A failed call: code is the status word ("no_card", "access_denied", ...), the message says why."""

    def __init__(self, code, message):
        super().__init__(f"{code}: {message}")
        self.code = code


def _load():
    path = os.environ.get("CCCD_LIBRARY") or ctypes.util.find_library("cccd") or "libcccd.so.0"
    lib = ctypes.CDLL(path)
    handle, out = ctypes.c_void_p, ctypes.POINTER(ctypes.c_void_p)
    signatures = {
        "cccd_version": (ctypes.c_char_p, []),
        "cccd_status_name": (ctypes.c_char_p, [ctypes.c_int]),
        "cccd_last_error": (ctypes.c_char_p, []),
        "cccd_string_free": (None, [handle]),
        "cccd_readers_json": (ctypes.c_int, [out]),
        "cccd_read_options_new": (ctypes.c_int, [out]),
        "cccd_read_options_free": (None, [handle]),
        "cccd_read_options_set_reader": (ctypes.c_int, [handle, ctypes.c_char_p]),
        "cccd_read_options_set_wait_ms": (ctypes.c_int, [handle, ctypes.c_uint32]),
        "cccd_read_options_set_read_face": (ctypes.c_int, [handle, ctypes.c_int]),
        "cccd_read_options_add_trust_path": (ctypes.c_int, [handle, ctypes.c_char_p]),
        "cccd_read_options_set_progress_callback": (ctypes.c_int, [handle, _PROGRESS, handle]),
        "cccd_read_options_set_document_callback": (ctypes.c_int, [handle, _DOCUMENT, handle]),
        "cccd_read_card": (ctypes.c_int, [ctypes.c_int, ctypes.c_char_p, handle, out]),
        "cccd_read_result_json": (ctypes.c_char_p, [handle]),
        "cccd_read_result_face": (ctypes.POINTER(ctypes.c_uint8), [handle, ctypes.POINTER(ctypes.c_size_t)]),
        "cccd_read_result_free": (None, [handle]),
    }
    for name, (result, arguments) in signatures.items():
        function = getattr(lib, name)
        function.restype, function.argtypes = result, arguments
    return lib


_lib = _load()


def _check(status):
    if status != 0:
        raise CccdError(_lib.cccd_status_name(status).decode(), _lib.cccd_last_error().decode())


def _take_string(pointer):
    """A string the SDK handed out: copied into Python, then freed."""
    try:
        return ctypes.string_at(pointer).decode()
    finally:
        _lib.cccd_string_free(pointer)


def version():
    return _lib.cccd_version().decode()


def readers():
    """[{"index", "name", "card_present", "atr"}, ...]"""
    out = ctypes.c_void_p()
    _check(_lib.cccd_readers_json(ctypes.byref(out)))
    return json.loads(_take_string(out))["readers"]


def read_card(kind, key, trust=(), reader=None, wait_ms=0, face=True, on_stage=None, on_document=None):
    """Reads the card; returns the report (the JSON of `cccd read --json`) with the face photo as report["face_bytes"].
    on_stage(text) hears each stage; on_document(document) gets the holder's data before the face is read."""
    options = ctypes.c_void_p()
    _check(_lib.cccd_read_options_new(ctypes.byref(options)))
    try:
        for path in trust:
            _check(_lib.cccd_read_options_add_trust_path(options, os.fsencode(path)))
        if reader:
            _check(_lib.cccd_read_options_set_reader(options, reader.encode()))
        _check(_lib.cccd_read_options_set_wait_ms(options, wait_ms))
        _check(_lib.cccd_read_options_set_read_face(options, int(face)))
        # The callbacks must live until the read returns: ctypes frees a CFUNCTYPE object nobody holds.
        progress = _PROGRESS(lambda _, stage, file, done, total: on_stage and file is None and on_stage(STAGES[stage]))
        document = _DOCUMENT(lambda _, text: on_document and on_document(json.loads(text.decode())))
        _check(_lib.cccd_read_options_set_progress_callback(options, progress, None))
        _check(_lib.cccd_read_options_set_document_callback(options, document, None))
        result = ctypes.c_void_p()
        _check(_lib.cccd_read_card(kind, key.encode(), options, ctypes.byref(result)))
    finally:
        _lib.cccd_read_options_free(options)
    try:
        report = json.loads(_lib.cccd_read_result_json(result).decode())
        size = ctypes.c_size_t()
        photo = _lib.cccd_read_result_face(result, ctypes.byref(size))
        report["face_bytes"] = ctypes.string_at(photo, size.value) if photo else None
        return report
    finally:
        _lib.cccd_read_result_free(result)
