"""Time `make html`: once cold (empty chart-image cache), then warm, several times."""

from __future__ import annotations

import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
WARM_RUNS = 5


def timed_build() -> float:
    """Run `make html` and return its wall time in seconds."""
    start = time.perf_counter()
    subprocess.run(["make", "-s", "html"], cwd=REPO, check=True, capture_output=True)
    return time.perf_counter() - start


def main() -> None:
    """Print cold and warm build times."""
    shutil.rmtree(REPO / ".cache" / "chart-images", ignore_errors=True)
    cold = timed_build()
    warm = [timed_build() for _ in range(WARM_RUNS)]
    sys.stdout.write(
        f"make html, cold (no image cache): {cold:.2f} s\n"
        f"make html, warm ({WARM_RUNS} runs): median {statistics.median(warm):.2f} s, "
        f"min {min(warm):.2f} s, max {max(warm):.2f} s\n"
        f"cold / warm: {cold / statistics.median(warm):.1f}x\n"
    )


if __name__ == "__main__":
    main()
