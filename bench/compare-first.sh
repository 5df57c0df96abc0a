#!/bin/bash
# The first command on a new archive (`list`, fresh index folder), two builds of releases
# and `hugo list all`, in alternating runs, each under /usr/bin/time (wall, CPU, peak RSS):
#
#   bench/compare-first.sh ARCHIVE HUGO_SITE RUNS OLD_CHECKOUT NEW_CHECKOUT > times.txt
#
# OLD_CHECKOUT and NEW_CHECKOUT are built checkouts (bin/releases.js + dist/). Make the
# archive with bench/generate.js and the site with bench/hugo-site.js. One line a run:
#   old 1 wall=5.79 user=8.10 sys=1.18 rss_kb=246000
set -euo pipefail
archive=$1 site=$2 runs=$3 old=$4 new=$5
cache=$(mktemp -d)
trap 'rm -rf "$cache"' EXIT
for i in $(seq 1 "$runs"); do
  for who in old new hugo; do
    rm -rf "$cache/index" && mkdir "$cache/index"
    case $who in
      old) cmd=(node "$old/bin/releases.js" list --archive "$archive") ;;
      new) cmd=(node "$new/bin/releases.js" list --archive "$archive") ;;
      hugo) cmd=(hugo list all --source "$site") ;;
    esac
    RELEASES_CACHE_DIR="$cache/index" NO_COLOR=1 /usr/bin/time -f "$who $i wall=%e user=%U sys=%S rss_kb=%M" -o "$cache/time" "${cmd[@]}" > /dev/null 2>&1
    cat "$cache/time"
  done
done
