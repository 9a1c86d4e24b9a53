#!/usr/bin/env bash
# install-deps.sh -- installs the Debian packages dyad needs, and only those
# that are missing. Safe to run again: with everything present it does nothing.
set -eu
PKGS="build-essential clang libclang-rt-14-dev libsqlite3-dev wordnet-base time sqlite3 libxml2-dev libgumbo-dev libpq-dev postgresql librsvg2-bin jq bc python3 slurm-wlm munge parallel libmicrohttpd-dev curl chromium"
missing=""
for p in $PKGS; do
    dpkg -s "$p" >/dev/null 2>&1 || missing="$missing $p"
done
if [ -z "$missing" ]; then
    echo "install-deps: all packages present"
    exit 0
fi
echo "install-deps: installing:$missing"
SUDO=""
[ "$(id -u)" = 0 ] || SUDO="sudo"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq $missing
