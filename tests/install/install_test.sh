#!/usr/bin/env bash
# CTest (tests/CMakeLists.txt): `cmake --install` into a temp prefix, move the
# prefix somewhere else, and run the INSTALLED binary from a folder outside the
# source tree with the source tree out of its reach:
#   - always: SHEETGEN_NO_SOURCE_FALLBACK=1 (the build-tree fallback is off);
#   - when a mount namespace is possible (root): additionally with the source
#     tree covered by an empty tmpfs and the fallback left on.
# It renders the installed sample profiles against the installed sample hazard
# preset and checks every PDF with pdftotext, then removes the installed
# templates and checks the run fails naming the installed path (so the
# templates did come from the prefix and nowhere else).
#   install_test.sh BUILD_DIR SOURCE_DIR      exit 0 pass, 1 fail, 77 skipped
set -euo pipefail
build=$(cd "$1" && pwd)
src=$(cd "$2" && pwd)

fail() { echo "FAIL: $*" >&2; exit 1; }
skip() { echo "SKIPPED: $*"; exit 77; }
command -v pdftotext >/dev/null || skip "pdftotext (poppler-utils) is not installed"

tmp=$(mktemp -d /tmp/sheetgen-install-test-XXXXXX)
trap 'rm -rf "$tmp"' EXIT
case "$tmp/" in "$src"/*) fail "temp folder $tmp is inside the source tree" ;; esac

echo "== cmake --install $build --prefix $tmp/prefix"
cmake --install "$build" --prefix "$tmp/prefix" >"$tmp/install.log" || { cat "$tmp/install.log"; fail "cmake --install failed"; }
for f in bin/sheetgen \
         share/sheetgen/templates/support-sheet.yaml share/sheetgen/templates/ventilator-plan.yaml \
         share/sheetgen/templates/documents.yaml share/sheetgen/templates/help-card.yaml \
         share/sheetgen/templates/emergency-kit.yaml share/sheetgen/templates/support-sheet-en.yaml \
         share/sheetgen/geodata/tama-sample.yaml share/sheetgen/geodata/tama-sample.gpkg \
         share/sheetgen/geodata/tama-sample-coverage.geojson share/sheetgen/geodata/README.md \
         share/doc/sheetgen/README.md share/doc/sheetgen/docs/profile-format.md \
         share/doc/sheetgen/samples/tama-001.yaml; do
  [ -f "$tmp/prefix/$f" ] || fail "not installed: $f"
done
[ -x "$tmp/prefix/bin/sheetgen" ] || fail "bin/sheetgen is not executable"
[ ! -e "$tmp/prefix/share/doc/sheetgen/samples/invalid" ] || fail "samples/invalid must not be installed"

# A relocated copy: nothing may depend on the prefix given at install time.
cp -a "$tmp/prefix" "$tmp/moved"
rm -rf "$tmp/prefix"
bin=$tmp/moved/bin/sheetgen
hazards=$tmp/moved/share/sheetgen/geodata/tama-sample.yaml
samples=$tmp/moved/share/doc/sheetgen/samples
nsamples=$(ls "$samples"/*.yaml | wc -l)
[ "$nsamples" -eq 12 ] || fail "expected 12 installed sample profiles, found $nsamples"
cd "$tmp"

# render_and_check OUT NO_FALLBACK [RUNNER...]: render every sample with the
# installed binary (SHEETGEN_NO_SOURCE_FALLBACK=NO_FALLBACK); check PDFs and text.
render_and_check() {
  local out=$1 nofb=$2; shift 2
  "$@" env -u SHEETGEN_DATA_DIR SHEETGEN_NO_SOURCE_FALLBACK="$nofb" "$bin" validate "$samples" >"$tmp/validate.log" 2>&1 \
    || { cat "$tmp/validate.log"; fail "validate of the installed samples failed"; }
  "$@" env -u SHEETGEN_DATA_DIR SHEETGEN_NO_SOURCE_FALLBACK="$nofb" "$bin" render --hazards "$hazards" "$samples" \
    --out "$out" --documents sheet,plan,card,sheet-en --date 2026-11-24 -q >"$tmp/render.log" 2>&1 \
    || { cat "$tmp/render.log"; fail "render with the installed binary failed"; }
  local sheets plans cards
  sheets=$(ls "$out" | grep -Ec '^tama-[0-9]+\.pdf$' || true)
  # The English sheet: only for the sample that asks for it (household.language: en).
  [ "$(ls "$out" | grep -Ec '^tama-[0-9]+-en\.pdf$' || true)" -eq 1 ] || fail "expected one English sheet in $out"
  cards=$(ls "$out" | grep -Ec '^tama-[0-9]+-help-card\.pdf$' || true)
  [ "$cards" -eq "$nsamples" ] || fail "$cards help cards in $out, expected $nsamples"
  plans=$(ls "$out" | grep -Ec '^tama-[0-9]+-ventilator-plan\.pdf$' || true)
  [ "$sheets" -eq "$nsamples" ] || fail "$sheets support sheets in $out, expected $nsamples"
  [ "$plans" -ge 1 ] || fail "no ventilator plan in $out"
  for pdf in "$out"/*.pdf; do
    text=$(pdftotext -q "$pdf" - 2>/dev/null) || fail "pdftotext cannot read $pdf"
    case "$pdf" in
      *-ventilator-plan.pdf) grep -q "人工呼吸器" <<<"$text" || fail "$pdf: no 人工呼吸器 in its text" ;;
      *-help-card.pdf) grep -q "ヘルプカード" <<<"$text" || fail "$pdf: no ヘルプカード in its text" ;;
      *-en.pdf) grep -q "Disaster Support Sheet" <<<"$text" || fail "$pdf: no Disaster Support Sheet in its text" ;;
      *) grep -q "災害時個別支援シート" <<<"$text" || fail "$pdf: no 災害時個別支援シート in its text" ;;
    esac
  done
  echo "rendered $sheets support sheets and $plans ventilator plans; pdftotext read all of them"
}

echo "== installed binary, working directory $tmp, source fallback off"
render_and_check "$tmp/out" 1

echo "== installed binary, source tree $src covered by an empty tmpfs (mount namespace), fallback allowed"
if unshare -m --propagation private true 2>/dev/null; then
  # Inside the namespace the source tree (and a build tree inside it) is empty.
  unshare -m --propagation private sh -c 'mount -t tmpfs -o size=1m,mode=0755 none "$1" && [ -z "$(ls -A "$1")" ] && shift && exec "$@"' \
    sh "$src" true || fail "cannot cover the source tree in a mount namespace"
  render_and_check "$tmp/out-ns" 0 unshare -m --propagation private sh -c \
    'mount -t tmpfs -o size=1m,mode=0755 none "$1" && shift && exec "$@"' sh "$src"
else
  echo "note: no mount namespace here (not root); the source tree was hidden by SHEETGEN_NO_SOURCE_FALLBACK=1 only"
fi

echo "== negative control: installed templates removed"
rm -rf "$tmp/moved/share/sheetgen/templates"
set +e
env -u SHEETGEN_DATA_DIR "$bin" render --hazards "$hazards" "$samples/tama-001.yaml" --out "$tmp/out-missing" -q \
  >"$tmp/missing.log" 2>&1
rc=$?
set -e
[ "$rc" -eq 3 ] || { cat "$tmp/missing.log"; fail "render without installed templates exited $rc, expected 3"; }
grep -qF "$tmp/moved/share/sheetgen/templates/documents.yaml" "$tmp/missing.log" \
  || { cat "$tmp/missing.log"; fail "the error does not name the installed document list's path"; }
echo "ok: without its templates the installed binary fails (exit 3) naming $tmp/moved/share/sheetgen/templates"
