#!/usr/bin/env bash
# Install the Debian/Ubuntu packages DealerDesk needs, only those missing.
#   installer/system-packages.sh run   - to run the app (Qt's X11 libraries, CJK font)
#   installer/system-packages.sh test  - to run the tests (offscreen Qt, fonts, PDF tools,
#                                        PostgreSQL server binaries for the hub tests)
set -euo pipefail
what=${1:-test}
common=(fonts-wqy-microhei libegl1 libgl1 libxkbcommon0 libfontconfig1 libdbus-1-3
        libglib2.0-0 poppler-utils)
run_only=(libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0
          libxcb-randr0 libxcb-shape0 libxcb-xinerama0 libxcb-xkb1 libxkbcommon-x11-0)
test_only=(postgresql xvfb)
case "$what" in
  run) wanted=("${common[@]}" "${run_only[@]}") ;;
  test) wanted=("${common[@]}" "${test_only[@]}") ;;
  *) echo "usage: $0 run|test" >&2; exit 2 ;;
esac
if ! python3 -c "import venv, ensurepip" 2>/dev/null; then
  wanted+=(python3-venv)
fi
missing=()
for pkg in "${wanted[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if ! command -v apt-get >/dev/null; then
  echo "Please install these packages with your system's package manager: ${missing[*]}" >&2
  exit 0
fi
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null; then sudo="sudo"; else
    echo "Not root and no sudo: please install ${missing[*]}" >&2; exit 1
  fi
fi
echo "Installing system packages: ${missing[*]}"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
