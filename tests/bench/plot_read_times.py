"""Read time against bit rate, from `cccd-bench --json-out FILE`: ours and the baseline (median, bars from the
fastest to the slowest repetition) and the floor, one panel per chip (extended length or not) and face size.
Usage: python3 plot_read_times.py BENCH.json OUT.png"""
import json
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt

runs = json.load(open(sys.argv[1]))["runs"]
panels = sorted({(r["extended_length"], r["face_bytes"]) for r in runs}, key=lambda p: (not p[0], p[1]))
columns = 2 if len(panels) > 1 else 1
rows = (len(panels) + columns - 1) // columns
fig, axes = plt.subplots(rows, columns, figsize=(5.2 * columns, 3.6 * rows), squeeze=False)
styles = {"cccd": ("#4f81bd", "o", "cccd"), "baseline": ("#c0504d", "s", "baseline (223-byte blocks)")}
for ax, (extended, face) in zip(axes.flat, panels):
    mine = [r for r in runs if r["extended_length"] == extended and r["face_bytes"] == face]
    for strategy, (colour, marker, label) in styles.items():
        points = sorted((r for r in mine if r["strategy"] == strategy and r["total_ms"] > 0), key=lambda r: r["bit_rate_kbps"])
        if not points:
            continue
        x = [p["bit_rate_kbps"] for p in points]
        y = [p["total_ms"] / 1000 for p in points]
        low = [(p["total_ms"] - p["total_ms_min"]) / 1000 for p in points]
        high = [(p["total_ms_max"] - p["total_ms"]) / 1000 for p in points]
        ax.errorbar(x, y, yerr=[low, high], color=colour, marker=marker, capsize=3, label=label)
    floor = sorted({(r["bit_rate_kbps"], r["floor_ms"]) for r in mine if r["floor_ms"] > 0})
    ax.plot([f[0] for f in floor], [f[1] / 1000 for f in floor], color="black", linestyle="--", label="floor")
    ax.set_xscale("log", base=2)
    ax.set_xticks([106, 212, 424, 848])
    ax.set_xticklabels(["106", "212", "424", "848"])
    ax.set_ylim(bottom=0)
    ax.set_xlabel("bit rate (kbit/s)")
    ax.set_title(f"{'extended length' if extended else 'short APDUs only'}, {face / 1000:.0f} KB face", fontsize=10)
    ax.grid(alpha=0.3)
for row in axes:
    row[0].set_ylabel("full read (s)")
axes[0][0].legend(fontsize=8)
fig.suptitle("Full read (PACE, DG1, DG13, SOD, DG14, DG15, DG2, CA, AA, PA) through pcscd and the virtual card", fontsize=10)
fig.tight_layout()
fig.savefig(sys.argv[2], dpi=100)
