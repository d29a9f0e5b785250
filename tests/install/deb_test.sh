#!/usr/bin/env bash
# CTest (tests/CMakeLists.txt): builds the Debian package with `cpack -G DEB`
# into a temp folder and checks it with dpkg-deb: control fields, the Depends
# line (every Debian 12 runtime package, and everything dpkg-shlibdeps finds
# for the packaged binary), the binary, templates, sample preset and docs; then
# runs the packaged binary from the extracted tree on one sample.
#   deb_test.sh BUILD_DIR SOURCE_DIR      exit 0 pass, 1 fail, 77 skipped
set -euo pipefail
build=$(cd "$1" && pwd)
src=$(cd "$2" && pwd)

fail() { echo "FAIL: $*" >&2; exit 1; }
skip() { echo "SKIPPED: $*"; exit 77; }
command -v cpack >/dev/null || skip "cpack is not installed"
command -v dpkg-deb >/dev/null || skip "dpkg-deb is not installed (not a Debian system)"
[ -f "$build/CPackConfig.cmake" ] || fail "$build/CPackConfig.cmake missing (include(CPack) in CMakeLists.txt)"

tmp=$(mktemp -d /tmp/sheetgen-deb-test-XXXXXX)
trap 'rm -rf "$tmp"' EXIT
echo "== cpack -G DEB"
cpack -G DEB --config "$build/CPackConfig.cmake" -B "$tmp" >"$tmp/cpack.log" 2>&1 || { cat "$tmp/cpack.log"; fail "cpack failed"; }
shopt -s nullglob
debs=("$tmp"/sheetgen_*.deb)
[ ${#debs[@]} -eq 1 ] || { ls "$tmp"; fail "expected one sheetgen_*.deb, found ${#debs[@]}"; }
deb=${debs[0]}
echo "package: $(basename "$deb")"

info=$(dpkg-deb -I "$deb")
echo "$info"
field() { dpkg-deb -f "$deb" "$1"; }
[ "$(field Package)" = sheetgen ] || fail "Package is '$(field Package)'"
[ "$(field Architecture)" = "$(dpkg --print-architecture)" ] || fail "Architecture is '$(field Architecture)'"
version=$(sed -n 's/^project(sheetgen VERSION \([0-9.]*\).*/\1/p' "$src/CMakeLists.txt")
[ "$(field Version)" = "$version" ] || fail "Version is '$(field Version)', CMakeLists.txt says '$version'"
depends=$(field Depends)
[ -n "$depends" ] || fail "no Depends line"
# has_dep PKG: PKG is one of the comma-separated Depends entries.
has_dep() { tr ',' '\n' <<<"$depends" | sed 's/^ *//; s/ .*//' | grep -qx "$1"; }
for p in libgdal32 libhpdf-2.3.0 libyaml-cpp0.7 libharfbuzz0b libharfbuzz-subset0 libqpdf29 \
         libstdc++6 libc6 fonts-ipaexfont-gothic; do
  has_dep "$p" || fail "Depends lacks $p: $depends"
done

contents=$(dpkg-deb -c "$deb")
for f in ./usr/bin/sheetgen \
         ./usr/share/sheetgen/templates/support-sheet.yaml ./usr/share/sheetgen/templates/ventilator-plan.yaml \
         ./usr/share/sheetgen/templates/documents.yaml ./usr/share/sheetgen/templates/help-card.yaml \
         ./usr/share/sheetgen/templates/emergency-kit.yaml ./usr/share/sheetgen/templates/support-sheet-en.yaml \
         ./usr/share/sheetgen/geodata/tama-sample.yaml ./usr/share/sheetgen/geodata/tama-sample.gpkg \
         ./usr/share/doc/sheetgen/README.md ./usr/share/doc/sheetgen/samples/tama-001.yaml; do
  grep -qE " $(printf '%s' "$f" | sed 's/[.]/[.]/g')\$" <<<"$contents" || fail "the package lacks $f"
done
grep -E ' \./usr/bin/sheetgen$' <<<"$contents" | grep -q '^-rwxr-xr-x' || fail "usr/bin/sheetgen is not -rwxr-xr-x"
if grep -qE ' \./(work|root|home|tmp)/' <<<"$contents"; then fail "the package holds build paths"; fi

dpkg-deb -x "$deb" "$tmp/root"
# Every package dpkg-shlibdeps derives from the packaged binary is declared.
if command -v dpkg-shlibdeps >/dev/null; then
  mkdir -p "$tmp/shlib/debian" && touch "$tmp/shlib/debian/control"
  auto=$(cd "$tmp/shlib" && dpkg-shlibdeps -O -e"$tmp/root/usr/bin/sheetgen" 2>/dev/null | sed -n 's/^shlibs:Depends=//p')
  [ -n "$auto" ] || fail "dpkg-shlibdeps found nothing for usr/bin/sheetgen"
  echo "dpkg-shlibdeps: $auto"
  for p in $(tr ',|' '\n\n' <<<"$auto" | sed 's/^ *//; s/ .*//' | sort -u); do
    has_dep "$p" || fail "Depends lacks $p (needed by usr/bin/sheetgen according to dpkg-shlibdeps): $depends"
  done
else
  echo "note: dpkg-shlibdeps not installed (dpkg-dev): Depends checked against the fixed list only"
fi

# The packaged tree works where it is unpacked (templates found beside the binary).
"$tmp/root/usr/bin/sheetgen" --version | grep -qx "sheetgen $version" || fail "packaged binary --version"
(cd "$tmp" && env -u SHEETGEN_DATA_DIR SHEETGEN_NO_SOURCE_FALLBACK=1 "$tmp/root/usr/bin/sheetgen" render \
   --hazards "$tmp/root/usr/share/sheetgen/geodata/tama-sample.yaml" \
   "$tmp/root/usr/share/doc/sheetgen/samples/tama-002.yaml" --out "$tmp/out" -q --date 2026-11-24) \
   || fail "the packaged binary cannot render a sample"
[ -s "$tmp/out/tama-002.pdf" ] && [ -s "$tmp/out/tama-002-ventilator-plan.pdf" ] || fail "packaged binary wrote no PDFs"
echo "ok: $(basename "$deb"), Depends: $depends"
