"""Preview server: rebuild on any change to content, data, theme, plugins or settings.

Each rebuild runs ``python -m sitebuild`` in a fresh process, so edits to plugin
code take effect too; a failed rebuild prints its errors and keeps the last good
site on screen. The browser reloads itself after every successful rebuild.
"""

from __future__ import annotations

import argparse
import subprocess
import sys

from livereload import Server

WATCHED = ["content/", "data/", "theme/", "plugins/", "pelicanconf.py"]


def rebuild(settings: str = "pelicanconf.py", output: str = "output") -> bool:
    """Build the site in a subprocess; return whether it succeeded."""
    result = subprocess.run(
        [sys.executable, "-m", "sitebuild", "-s", settings, "-o", output], check=False
    )
    return result.returncode == 0


def main(argv: list[str] | None = None) -> None:
    """Build once, then serve and rebuild on change."""
    parser = argparse.ArgumentParser(prog="python -m sitebuild.devserver")
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--host", default="127.0.0.1")
    args = parser.parse_args(argv)
    rebuild()
    server = Server()
    for path in WATCHED:
        server.watch(path, rebuild, delay=0.3)
    server.serve(root="output", host=args.host, port=args.port, open_url_delay=None)


if __name__ == "__main__":
    main()
