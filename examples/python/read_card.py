#!/usr/bin/env python3
"""Reads a CCCD card with the SDK's C API and prints the holder's name and the verdict.

    python3 read_card.py --id 001090123456 [--trust /etc/cccd/csca] [--reader NAME] [--wait SECONDS]

The name is printed as soon as the chip gives it, before the face photo is read. Exit 0 read, 1 failed.
"""
import argparse
import sys

import cccd


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    key = parser.add_mutually_exclusive_group(required=True)
    key.add_argument("--id", help="the 12-digit ID number (its last 6 digits open the chip)")
    key.add_argument("--can", help="the 6-digit card access number")
    parser.add_argument("--trust", action="append", default=[], help="CSCA certificate, master list or folder")
    parser.add_argument("--reader", help="reader name or index (default: the one holding a card)")
    parser.add_argument("--wait", type=float, default=0, help="seconds to wait for a card")
    args = parser.parse_args()

    kind, value = (cccd.KEY_ID_NUMBER, args.id) if args.id else (cccd.KEY_CAN, args.can)
    try:
        report = cccd.read_card(kind, value, trust=args.trust, reader=args.reader, wait_ms=int(args.wait * 1000),
                                on_stage=lambda stage: print(f"... {stage}", file=sys.stderr),
                                on_document=lambda document: print(f"Name: {document['full_name']}", flush=True))
    except cccd.CccdError as error:
        print(f"read_card: {error}", file=sys.stderr)
        return 1
    face = report["face_bytes"]
    print(f"Verdict: {report['verification']['overall']}")
    print(f"Face photo: {len(face) if face else 0} bytes, read in {report['timing_ms']['total']:.0f} ms with cccd {cccd.version()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
