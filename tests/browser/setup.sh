#!/usr/bin/env bash
# Installs Debian's Chromium for the browser suite (Playwright drives /usr/bin/chromium;
# it cannot download its own browser here). Never fails the caller: without a browser the
# suite skips locally and fails on CI, which says why.
set -u
if [ -x /usr/bin/chromium ]; then
  exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then
    SUDO="sudo -n"
  else
    echo "setup.sh: /usr/bin/chromium missing and not root (no sudo): browser tests cannot run" >&2
    exit 0
  fi
fi
echo "setup.sh: installing chromium with apt-get" >&2
export DEBIAN_FRONTEND=noninteractive
if ! { $SUDO apt-get update -q >/dev/null && $SUDO apt-get install -y -q chromium >/dev/null; }; then
  echo "setup.sh: could not install chromium: browser tests cannot run" >&2
fi
exit 0
