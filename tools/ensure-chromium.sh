#!/usr/bin/env bash
# Make sure a Chromium for the browser tests and static images exists.
# Uses $CHROMIUM_PATH, else /usr/bin/chromium. On a Debian machine where we are
# root, installs Debian's chromium package; elsewhere says how to get one.
set -euo pipefail
path="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ -x "$path" ]; then
  exit 0
fi
if [ "$(id -u)" = 0 ] && [ -f /etc/debian_version ] && command -v apt-get >/dev/null; then
  echo "Chromium not found at $path: installing Debian's chromium package..." >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  if [ -x "$path" ]; then
    exit 0
  fi
fi
cat >&2 <<MSG
Chromium was not found at $path.
The browser tests and the charts' static images need it. Either:
  - install it: sudo apt-get install chromium   (Debian/Ubuntu)
  - or point to one you have: CHROMIUM_PATH=/path/to/chromium make test
MSG
exit 1
