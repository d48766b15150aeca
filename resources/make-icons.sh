#!/usr/bin/env bash
# Regenerates the committed icons from icon.svg (run by hand after editing the SVG; never at
# build time). Needs Debian's librsvg2-bin, imagemagick and icnsutils.
set -euo pipefail
cd "$(dirname "$0")"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for s in 16 24 32 48 64 128 256 512 1024; do rsvg-convert -w "$s" -h "$s" icon.svg -o "$tmp/$s.png"; done
cp "$tmp/512.png" icon.png
mkdir -p icons
for s in 16 32 48 64 128 256 512; do cp "$tmp/$s.png" "icons/${s}x${s}.png"; done
convert "$tmp"/{16,24,32,48,64,128,256}.png icon.ico
png2icns icon.icns "$tmp"/{16,32,128,256,512,1024}.png
