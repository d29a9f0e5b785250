#!/usr/bin/env bash
# CTest (tests/CMakeLists.txt): PostGIS as a layer source, end to end.
# Starts a throw-away PostgreSQL cluster (initdb in a temp folder, pg_ctl on a
# Unix socket only, no TCP), loads geodata/tama-sample.gpkg's layers with
# ogr2ogr, points a copy of geodata/tama-sample.yaml at the database
# (`source: "PG:dbname=... host=SOCKET_DIR"`) and checks that `sheetgen flag`
# writes a CSV byte-identical to the GeoPackage config's. The server is
# stopped and the folder removed on every exit.
#   postgis_test.sh SHEETGEN_BINARY SOURCE_DIR      exit 0 pass, 1 fail, 77 skipped
set -euo pipefail
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
src=$(cd "$2" && pwd)

fail() { echo "FAIL: $*" >&2; exit 1; }
skip() { echo "SKIPPED: $*"; exit 77; }

# ---- the PostgreSQL and PostGIS binaries ------------------------------------
pgbin=""
for d in "$(pg_config --bindir 2>/dev/null || true)" /usr/lib/postgresql/*/bin; do
  if [[ -n "$d" && -x "$d/initdb" && -x "$d/pg_ctl" && -x "$d/postgres" ]]; then pgbin=$d; break; fi
done
[[ -n "$pgbin" ]] || skip "PostgreSQL server binaries (initdb, pg_ctl) are not installed (Debian: postgresql-15)"
pgver=$("$pgbin/postgres" --version | sed -E 's/.* ([0-9]+)(\.[0-9]+)*.*/\1/')
ls /usr/share/postgresql/"$pgver"/extension/postgis.control >/dev/null 2>&1 ||
  skip "PostGIS for PostgreSQL $pgver is not installed (Debian: postgresql-$pgver-postgis-3)"
command -v ogr2ogr >/dev/null || skip "ogr2ogr (gdal-bin) is not installed"
command -v psql >/dev/null || skip "psql (postgresql-client) is not installed"

# ---- a throw-away cluster in /tmp (the checkout may sit under /root) --------
tmp=$(mktemp -d /tmp/sheetgen-postgis-XXXXXX)
chmod 755 "$tmp"
mkdir -m 700 "$tmp/data"
mkdir -m 777 "$tmp/sock"
mkdir -m 700 "$tmp/log"
as_server=()
if [[ $(id -u) -eq 0 ]]; then
  # The server refuses to run as root: run it as `postgres` (or nobody).
  user=postgres
  id -u "$user" >/dev/null 2>&1 || user=nobody
  chown "$user" "$tmp/data" "$tmp/sock" "$tmp/log"
  as_server=(runuser -u "$user" --)
fi
stop() {
  "${as_server[@]}" "$pgbin/pg_ctl" -D "$tmp/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$tmp"
}
trap stop EXIT

echo "== initdb + pg_ctl start ($pgbin, socket $tmp/sock)"
"${as_server[@]}" "$pgbin/initdb" -D "$tmp/data" -U sheetgen -A trust --no-sync -E UTF8 --locale=C.UTF-8 \
  >"$tmp/initdb.log" 2>&1 || { cat "$tmp/initdb.log"; fail "initdb failed"; }
"${as_server[@]}" "$pgbin/pg_ctl" -D "$tmp/data" -l "$tmp/log/server.log" -w -t 20 \
  -o "-c listen_addresses='' -k $tmp/sock -c fsync=off -c synchronous_commit=off -c full_page_writes=off" start \
  >/dev/null || { cat "$tmp/log/server.log"; fail "pg_ctl start failed"; }

conn="dbname=hazards host=$tmp/sock user=sheetgen"
psql -q -h "$tmp/sock" -U sheetgen -d postgres -c "CREATE DATABASE hazards" || fail "createdb failed"
psql -q -h "$tmp/sock" -U sheetgen -d hazards -c "CREATE EXTENSION postgis" || fail "CREATE EXTENSION postgis failed"

echo "== ogr2ogr geodata/tama-sample.gpkg -> PostGIS"
# Names kept as they are (no laundering: the config names A31a_205, 現象の種類 ...),
# feature ids kept so the layer order is the GeoPackage's.
ogr2ogr -f PostgreSQL "PG:$conn" "$src/geodata/tama-sample.gpkg" -lco LAUNDER=NO -lco SPATIAL_INDEX=NONE \
  -preserve_fid >"$tmp/ogr2ogr.log" 2>&1 || { cat "$tmp/ogr2ogr.log"; fail "ogr2ogr failed"; }

# ---- the same config, its layers from the database --------------------------
mkdir "$tmp/pg"
cp "$src/geodata/tama-sample-coverage.geojson" "$tmp/pg/"
sed "s|source: tama-sample.gpkg|source: \"PG:$conn\"|" "$src/geodata/tama-sample.yaml" >"$tmp/pg/tama-sample.yaml"
n=$(grep -c "source: \"PG:" "$tmp/pg/tama-sample.yaml")
[[ "$n" -ge 6 ]] || fail "expected every layer of the config to point at PostGIS, got $n"
# A file named like the connection string in the working folder must not be
# taken for the source (the input checks leave connections alone).
mkdir "$tmp/work"
cd "$tmp/work"

echo "== sheetgen flag: GeoPackage vs PostGIS"
"$bin" flag --hazards "$src/geodata/tama-sample.yaml" "$src"/samples/tama-*.yaml -o "$tmp/gpkg.csv" \
  >"$tmp/gpkg.log" 2>&1 || { cat "$tmp/gpkg.log"; fail "flag with the GeoPackage config failed"; }
"$bin" flag --hazards "$tmp/pg/tama-sample.yaml" "$src"/samples/tama-*.yaml -o "$tmp/pg.csv" \
  >"$tmp/pg.log" 2>&1 || { cat "$tmp/pg.log"; fail "flag with the PostGIS config failed"; }
[[ $(wc -l <"$tmp/gpkg.csv") -gt 5 ]] || fail "the GeoPackage CSV is too short"
cmp "$tmp/gpkg.csv" "$tmp/pg.csv" || { diff "$tmp/gpkg.csv" "$tmp/pg.csv" | head -20; fail "the CSVs differ"; }
# A FIFO bearing the connection string's name in the working folder: GDAL
# would fopen() it and block; the run must refuse it promptly, not hang.
fifo="PG:$conn"
mkdir -p "$(dirname "$fifo")"
mkfifo "$fifo"
if timeout 20 "$bin" flag --hazards "$tmp/pg/tama-sample.yaml" "$src"/samples/tama-001.yaml -o "$tmp/fifo.csv" \
    >"$tmp/fifo.log" 2>&1; then
  fail "flag read a FIFO named like the connection string"
fi
grep -q "FIFO" "$tmp/fifo.log" || { cat "$tmp/fifo.log"; fail "the FIFO decoy was not refused with a clear error"; }
rm -f "$fifo"
# The run really read the database: with the server stopped, it must fail.
"${as_server[@]}" "$pgbin/pg_ctl" -D "$tmp/data" -m fast -w stop >/dev/null
if "$bin" flag --hazards "$tmp/pg/tama-sample.yaml" "$src"/samples/tama-001.yaml -o "$tmp/down.csv" >"$tmp/down.log" 2>&1; then
  fail "flag succeeded with the database stopped: the layers were not read from PostGIS"
fi
echo "PASS: flag over PostGIS is byte-identical to the GeoPackage ($(wc -l <"$tmp/pg.csv") lines)"
