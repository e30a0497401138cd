"""Command line: ``python -m sitebuild [-s SETTINGS] [-o OUTPUT]``."""

from __future__ import annotations

import argparse
import logging
import sys

from .build import BuildFailed, build_site


def main(argv: list[str] | None = None) -> int:
    """Build the site; return 0 on success, 1 if the build failed."""
    parser = argparse.ArgumentParser(prog="python -m sitebuild", description=__doc__)
    parser.add_argument("-s", "--settings", default="pelicanconf.py")
    parser.add_argument("-o", "--output", default="output")
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args(argv)
    # Plain lines, never wrapped, so "file:line: message" stays clickable.
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.WARNING,
        format="%(levelname)s: %(message)s",
        stream=sys.stderr,
    )
    # Progress from our plugins (e.g. static chart images) shows without -v.
    for plugin in ("site_data", "site_charts", "site_pages"):
        logging.getLogger(plugin).setLevel(logging.INFO)
    try:
        build_site(args.settings, args.output)
    except BuildFailed as err:
        print(f"\nBuild failed: {err}.", file=sys.stderr)  # noqa: T201
        print("Fix the problems listed above and run the build again.", file=sys.stderr)  # noqa: T201
        return 1
    print(f"Built the site into {args.output}/")  # noqa: T201
    return 0


if __name__ == "__main__":
    sys.exit(main())
