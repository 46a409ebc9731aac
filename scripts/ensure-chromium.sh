#!/usr/bin/env bash
# Playwright cannot download its browser here: use Debian's Chromium, plus CJK fonts so Chinese
# renders in screenshots. Installs only what is missing.
set -euo pipefail
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
[ -d /usr/share/fonts/opentype/noto ] && ls /usr/share/fonts/opentype/noto | grep -q CJK || missing+=(fonts-noto-cjk)
if [ ${#missing[@]} -eq 0 ]; then exit 0; fi
echo "Installing ${missing[*]} from Debian's packages for the browser tests…"
if [ "$(id -u)" -ne 0 ]; then
  echo "✗ Need root to install ${missing[*]}: run 'sudo apt-get install -y ${missing[*]}' and retry." >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq "${missing[@]}" >/dev/null
