#!/usr/bin/env bash
# Regenerates the example organization's maps (SVG and PDF) in this folder:
#   examples/maps/render.sh [BUILD_DIR]        (default BUILD_DIR: build)
# Imports examples/org/*.csv into a fresh database, then draws every named map.
# The output is reproducible: no date is printed, and SVG bytes only change
# when the data or the renderer does.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
build="${1:-build}"
copmap="$root/$build/cli/copmap"
db="$(mktemp -d)/example.db"
trap 'rm -rf "$(dirname "$db")"' EXIT

"$copmap" import --db "$db" "$root/examples/org"

render() {  # PAGE NAME ARGS...: writes NAME.svg and NAME.pdf (PAGE, landscape)
  local page="$1" name="$2"; shift 2
  "$copmap" render "$@" --db "$db" --format svg --page "$page" --landscape -o "$here/$name.svg"
  "$copmap" render "$@" --db "$db" --format pdf --page "$page" --landscape -o "$here/$name.pdf"
}

# Each map on the smallest page where its 12 pt names still print at 6 pt
# or more: the organization (250 people, 12 communities) on A1 (7 pt),
# the risk map on A2, the community (since the tight packing), domain and
# person maps on A3.
render A1 organization organization
render A2 risk risk
# The example organization's first community, domain and person (by key).
community="$("$copmap" query --db "$db" --format csv -e 'MATCH (c:Community) RETURN c.name AS name ORDER BY name LIMIT 1' | tail -n 1)"
domain="$("$copmap" query --db "$db" --format csv -e 'MATCH (d:Domain)<-[:EXPERT_IN]-() RETURN d.name AS name, count(*) AS n ORDER BY n DESC, name LIMIT 1' | tail -n 1 | cut -d, -f1)"
person="$("$copmap" query --db "$db" --format csv -e 'MATCH (p:Person)-[:MEMBER_OF]->() RETURN p.email AS email, count(*) AS n ORDER BY n DESC, email LIMIT 1' | tail -n 1 | cut -d, -f1)"
render A3 community community "$community"
render A3 domain domain "$domain"
render A3 person person "$person"
echo "maps written to $here"
