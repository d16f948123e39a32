#!/usr/bin/env bash
# Installs nkviz and what it needs on a fresh Debian machine.
#   bash scripts/install.sh        the app (pip, editable) + Debian's chromium for image export
#   bash scripts/install.sh test   the same plus the test extras
set -euo pipefail
cd "$(dirname "$0")/.."
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
need=""
command -v chromium >/dev/null 2>&1 || need="$need chromium"
fc-list 2>/dev/null | grep -qi "Noto Sans CJK" || need="$need fonts-noto-cjk"
if [ -n "$need" ]; then
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq $need >/dev/null
fi
extra=""
[ "${1:-}" = "test" ] && extra="[test]"
python3 -m pip install -q --disable-pip-version-check -e ".$extra"
