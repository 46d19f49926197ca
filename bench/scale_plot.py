"""Plot how matching scales: seconds and memory against library size.

    python bench/scale_plot.py OUT.svg LABEL=DIR/size-1000,DIR/size-10000 [LABEL=...]

Each LABEL names a series (a corpus, a version of the engine) and lists kept
size folders of `bench/match_scale.py --keep DIR` (or `--child` runs), each
holding the `result.json` its run wrote. Three panels share a logarithmic
axis of articles in the library: ingest and match (seconds), adding one
article to the full library (median milliseconds) and peak RSS of the main
process and the cleaning worker (MB). Where a folder also holds the
`peer.json` of `bench/peer_lsh.py`, a fourth panel draws each side's
seconds for keys, candidates and verification (the engine's index against
MinHashLSH). `bench/match_scale.py --plot OUT.svg` draws the same from the
sizes it has just run. Needs matplotlib (the `bench` extra).
"""

from __future__ import annotations

import json
import statistics
import sys
from pathlib import Path

import matplotlib

matplotlib.use("svg")
import matplotlib.pyplot as plt  # noqa: E402  (after choosing the backend)

PANELS = [
    ("ingest + match (s)", lambda r: r["ingest_seconds"]),
    ("add one article, median (ms)", lambda r: statistics.median(r["add_one_ms"])),
    ("peak RSS, main + cleaning worker (MB)", lambda r: r["peak_rss_mb"] + r["worker_rss_mb"]),
]


def plot(series: dict[str, dict[int, dict]], out: Path) -> None:
    """Draw each series (label -> articles -> a match_scale result, with its
    peer_lsh result under "peer" where there is one) to `out` (SVG)."""
    peers = any("peer" in result for results in series.values() for result in results.values())
    panels = len(PANELS) + peers
    figure, axes = plt.subplots(1, panels, figsize=(4 * panels, 3.6), layout="constrained")
    for axis, (title, value) in zip(axes, PANELS, strict=False):
        for label, results in series.items():
            sizes = sorted(results)
            axis.plot(sizes, [value(results[s]) for s in sizes], marker="o", label=label)
        axis.set_title(title, fontsize=10)
    if peers:
        _peer_panel(axes[-1], series)
    for axis in axes:
        axis.set_xscale("log")
        axis.set_xlabel("articles in the library")
        axis.grid(True, which="both", alpha=0.3)
    axes[0].legend(fontsize=8)
    figure.savefig(out)
    plt.close(figure)


def _peer_panel(axis, series: dict[str, dict[int, dict]]) -> None:
    """Each side of each series' peer_lsh runs that was run at every size: seconds
    against library size."""
    for label, results in series.items():
        sizes = [size for size in sorted(results) if "peer" in results[size]]
        if not sizes:
            continue
        names = [{side["name"] for side in results[s]["peer"]["sides"]} for s in sizes]
        for name in sorted(set.intersection(*names), key=lambda n: not n.startswith("Copydesk")):
            points = [
                (size, side["seconds"])
                for size in sizes
                for side in results[size]["peer"]["sides"]
                if side["name"] == name
            ]
            short = name.split(" (")[0].replace(" CandidateIndex", "").replace("MinHashLSH", "LSH")
            axis.plot(*zip(*points, strict=True), marker="o", label=f"{label}: {short}")
    axis.set_title("keys, candidates and verification, against a peer (s)", fontsize=10)
    axis.legend(fontsize=7)


def _series(argument: str) -> tuple[str, dict[int, dict]]:
    label, _, folders = argument.partition("=")
    results = {}
    for folder in folders.split(","):
        result = json.loads((Path(folder) / "result.json").read_text())
        if (peer := Path(folder) / "peer.json").exists():
            result["peer"] = json.loads(peer.read_text())
        results[result["articles"]] = result
    return label, results


def main(argv: list[str]) -> int:
    if len(argv) < 2 or "=" not in argv[1]:
        print(__doc__, file=sys.stderr)
        return 2
    plot(dict(_series(argument) for argument in argv[1:]), Path(argv[0]))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
