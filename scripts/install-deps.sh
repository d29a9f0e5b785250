#!/usr/bin/env bash
# Installs the Debian 12 packages sheetgen needs, only those missing.
# Runs apt-get as root directly, or through sudo when not root.
set -euo pipefail

packages=(
  build-essential cmake pkg-config
  libhpdf-dev libyaml-cpp-dev libgdal-dev gdal-bin catch2
  libharfbuzz-dev fonts-ipaexfont-gothic
  libqpdf-dev qpdf poppler-utils
  libjs-leaflet   # Leaflet 1.7.1, inlined into the `flag --html` page at run time
  chromium        # headless browser for the map-page tests (tests/cli/html_map_test.cpp)
  postgresql-15 postgresql-15-postgis-3   # PostGIS layer sources (tests/hazard/postgis_test.sh starts its own server)
)
# Extra packages for a sanitizer / fuzzing build (clang's runtime).
if [[ "${SHEETGEN_WITH_CLANG:-0}" == 1 ]]; then
  packages+=(clang libclang-rt-14-dev)
fi

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if ((${#missing[@]} == 0)); then
  echo "install-deps: all packages present"
  exit 0
fi

echo "install-deps: installing ${missing[*]}"
sudo=()
if [[ $(id -u) -ne 0 ]]; then sudo=(sudo); fi
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
