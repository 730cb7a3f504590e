#!/usr/bin/env bash
# Installs the Debian packages the tests and benchmarks use, when they are missing:
#   chromium        real browser for the end-to-end tests (driven by playwright-core; never a downloaded browser)
#   libxml2-utils   xmllint, for the manifest's XSD validation
#   glpk-utils      glpsol, run beside glpk.js by the cash benchmark
#   postgresql      the real PostgreSQL server the backend's tests run against
#   python3-numpy, python3-scipy   bench only: the numpy reference measured beside bench:mc (bench/mc_numpy.py)
# Idempotent: it only runs apt-get when something is missing. Needs root (CI runs as root).
set -euo pipefail
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v xmllint >/dev/null 2>&1 || missing+=(libxml2-utils)
command -v glpsol >/dev/null 2>&1 || missing+=(glpk-utils)
ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1 || missing+=(postgresql)
/usr/bin/python3 -c 'import numpy' >/dev/null 2>&1 || missing+=(python3-numpy)
/usr/bin/python3 -c 'import scipy' >/dev/null 2>&1 || missing+=(python3-scipy)
if [ ${#missing[@]} -eq 0 ]; then
  echo "system packages: all present"
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "missing Debian packages: ${missing[*]}; install them with: sudo apt-get install -y ${missing[*]}" >&2
  exit 1
fi
echo "installing Debian packages: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "system packages: installed ${missing[*]}"
