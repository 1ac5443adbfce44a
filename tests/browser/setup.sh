#!/usr/bin/env bash
# Installs what the test suite needs from Debian when it is missing: chromium (the browser
# suite drives /usr/bin/chromium through Playwright, which cannot download its own browser
# here) and fonts-dejavu-core (the PDF importer tests write å, ä, ö with it).
# Locally a failed install only warns: the browser tests then skip and say why. On CI
# (CI set and not 0/false) it fails, so the suite cannot pass by running nothing.
set -u
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || missing+=(fonts-dejavu-core)
[ ${#missing[@]} -eq 0 ] && exit 0

case "${CI:-}" in ""|0|false|no) on_ci=0 ;; *) on_ci=1 ;; esac
give_up() {
  echo "setup.sh: $1: ${missing[*]} missing – browser/PDF tests cannot run" >&2
  [ "$on_ci" -eq 1 ] && exit 1
  exit 0
}

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null 2>&1 || give_up "not root and no sudo"
  SUDO="sudo -n"
fi
echo "setup.sh: installing ${missing[*]} with apt-get" >&2
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q >/dev/null || give_up "apt-get update failed"
$SUDO apt-get install -y -q "${missing[@]}" >/dev/null \
  || give_up "apt-get install failed"
[ -x /usr/bin/chromium ] || give_up "chromium installed but /usr/bin/chromium is absent"
exit 0
