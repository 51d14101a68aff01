#!/bin/sh
# Regenerates color.png and outline.png with ImageMagick (6 or 7); run from anywhere.
set -eu
cd "$(dirname "$0")"
IM=$(command -v magick || command -v convert || true)
if [ -z "$IM" ] || ! "$IM" -version 2>/dev/null | grep -q '^Version: ImageMagick'; then
  echo "make-icons.sh: needs ImageMagick's magick or convert (e.g. apt-get install imagemagick)" >&2
  exit 1
fi
BLUE='#1E5AA8'
# -strip and no date chunks: the same command gives the same bytes, so a rerun shows no git diff.
OPTS="-strip -define png:exclude-chunks=date,time"

# Color, 192x192: a solid square (Teams rounds the corners itself) with the 96x96 symbol in the middle
# (48 px padding): a white card with a check in the same blue.
"$IM" -size 192x192 "xc:$BLUE" \
  -fill white -draw "roundrectangle 48,48 143,143 14,14" \
  -fill none -stroke "$BLUE" -strokewidth 11 \
  -draw "stroke-linecap round stroke-linejoin round polyline 71,97 88,114 121,79" \
  $OPTS PNG24:color.png

# Outline, 32x32: the same symbol in pure white (255,255,255) on full transparency, no padding.
"$IM" -size 32x32 "xc:rgba(255,255,255,0)" \
  -fill none -stroke white -strokewidth 2 -draw "roundrectangle 0.5,0.5 30.5,30.5 5,5" \
  -draw "stroke-linecap round stroke-linejoin round polyline 8.5,16 13.5,21 22.5,11.5" \
  $OPTS PNG32:outline.png
