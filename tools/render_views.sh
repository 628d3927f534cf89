#!/usr/bin/env bash
# Regenerates the pictures in README.md: the network, trips and partnerships views of the
# five seed articles, drawn by `delegraph export --format svg` (GraphViz must be installed:
# apt install graphviz). Run from anywhere; writes docs/images/seeds-*.svg.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --locked -q -p delegraph-cli
BIN="${CARGO_TARGET_DIR:-target}/release/delegraph"
STORE=$(mktemp -d)
trap 'rm -rf "$STORE"' EXIT
"$BIN" build seeds --store "$STORE" --quiet
for view in network trips partnerships; do
  "$BIN" export --store "$STORE" --format svg --view "$view" -o "docs/images/seeds-$view.svg"
  echo "docs/images/seeds-$view.svg"
done
