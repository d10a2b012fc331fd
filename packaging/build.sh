#!/usr/bin/env bash
# Build the one-folder bundle with PyInstaller, then (on Debian/Ubuntu) a .deb from it.
#
#   packaging/build.sh               # bundle + .deb into dist/
#   packaging/build.sh --bundle-only # just dist/seller-composer/
#   packaging/build.sh --deb-only    # .deb from an existing dist/seller-composer/
#
# Environment: PYTHON (default .venv/bin/python, needs the `package` extra),
# DIST_DIR (default dist), BUILD_DIR (default build), CLEAN=1 to drop PyInstaller's cache,
# DEB_COMPRESS (default zstd, ~5 s; xz is ~15 % smaller but takes ~2 minutes on 2 cores).
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
PYTHON="${PYTHON:-$ROOT/.venv/bin/python}"
DIST_DIR="$(mkdir -p "${DIST_DIR:-$ROOT/dist}" && cd "${DIST_DIR:-$ROOT/dist}" && pwd)"
BUILD_DIR="$(mkdir -p "${BUILD_DIR:-$ROOT/build}" && cd "${BUILD_DIR:-$ROOT/build}" && pwd)"
APP=seller-composer
APP_ID=io.github.sellercomposer.SellerComposer
LINUX="$ROOT/packaging/linux"
ICONS="$ROOT/resources/icons"

do_bundle=1 do_deb=1
case "${1:-}" in
  --bundle-only) do_deb=0 ;;
  --deb-only) do_bundle=0 ;;
  "") ;;
  *) echo "usage: $0 [--bundle-only|--deb-only]" >&2; exit 2 ;;
esac

umask 022
VERSION="$("$PYTHON" -c 'import sys; sys.path.insert(0, sys.argv[1]); import composer; print(composer.__version__)' "$ROOT")"

if [ "$do_bundle" = 1 ]; then
  start=$(date +%s)
  "$PYTHON" -m PyInstaller --noconfirm ${CLEAN:+--clean} --log-level WARN \
    --distpath "$DIST_DIR" --workpath "$BUILD_DIR/pyinstaller" \
    "$ROOT/packaging/$APP.spec"
  echo "bundle: $DIST_DIR/$APP ($(du -sh "$DIST_DIR/$APP" | cut -f1), $(( $(date +%s) - start )) s)"
fi

[ "$do_deb" = 1 ] || exit 0
if ! command -v dpkg-deb >/dev/null; then
  echo "no dpkg-deb: skipping the .deb (not a Debian/Ubuntu machine)" >&2
  exit 0
fi
[ -x "$DIST_DIR/$APP/$APP" ] || { echo "no bundle at $DIST_DIR/$APP; build it first" >&2; exit 1; }

if command -v desktop-file-validate >/dev/null; then
  desktop-file-validate "$LINUX/$APP_ID.desktop"
fi
if command -v appstreamcli >/dev/null; then
  appstreamcli validate --no-net "$LINUX/$APP_ID.metainfo.xml" >/dev/null
fi

ARCH="$(dpkg --print-architecture)"
STAGE="$BUILD_DIR/deb/${APP}_${VERSION}_${ARCH}"
rm -rf "$STAGE"
mkdir -p "$STAGE/DEBIAN" "$STAGE/opt" "$STAGE/usr/bin" "$STAGE/usr/share/applications" \
  "$STAGE/usr/share/metainfo" "$STAGE/usr/share/doc/$APP" "$STAGE/usr/share/icons/hicolor/scalable/apps"

cp -a "$DIST_DIR/$APP" "$STAGE/opt/$APP"
ln -s "/opt/$APP/$APP" "$STAGE/usr/bin/$APP"
install -m 644 "$LINUX/$APP_ID.desktop" "$STAGE/usr/share/applications/"
install -m 644 "$LINUX/$APP_ID.metainfo.xml" "$STAGE/usr/share/metainfo/"
install -m 644 "$ICONS/$APP.svg" "$STAGE/usr/share/icons/hicolor/scalable/apps/$APP_ID.svg"
for size in 16 32 48 64 128 256 512; do
  dir="$STAGE/usr/share/icons/hicolor/${size}x${size}/apps"
  mkdir -p "$dir"
  install -m 644 "$ICONS/$APP-$size.png" "$dir/$APP_ID.png"
done
cat > "$STAGE/usr/share/doc/$APP/copyright" <<EOF
Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/
Upstream-Name: Seller Composer
Source: https://github.com/sellercomposer/seller-composer

Files: *
Copyright: Seller Composer contributors
License: MIT

Files: opt/$APP/_internal/*
Comment: A PyInstaller bundle of CPython (PSF-2.0), Qt 6 and PySide6 (LGPL-3.0),
 pyspellchecker (MIT), phonenumbers (Apache-2.0), spylls (MPL-2.0), platformdirs (MIT)
 and the shared libraries they load, each under its own licence.
EOF

# The bundle carries Qt, glib, dbus, fontconfig, freetype, xkbcommon and the xcb helpers
# itself (ldd over every ELF in it). From the system it loads only glibc, the GL/EGL
# dispatch libraries and libxcb; it also reads the fontconfig configuration + fonts and the
# XKB keyboard data. Wayland and GTK integration are optional plugins.
cat > "$STAGE/DEBIAN/control" <<EOF
Package: $APP
Version: $VERSION
Architecture: $ARCH
Maintainer: Seller Composer contributors <seller-composer@users.noreply.github.com>
Installed-Size: $(du -sk --exclude=DEBIAN "$STAGE" | cut -f1)
Depends: libc6 (>= 2.36), libgl1, libegl1, libxcb1, fontconfig-config, xkb-data
Recommends: libwayland-client0, libwayland-cursor0, libwayland-egl1
Suggests: libgtk-3-0
Section: utils
Priority: optional
Homepage: https://github.com/sellercomposer/seller-composer
Description: Write Amazon buyer messages that pass the messaging rules
 Pick a contact reason and an order, draft a buyer message, and every breach of
 Amazon's Buyer-Seller Messaging rules is highlighted as you type. Send stays
 disabled until the draft is compliant. Works offline; also a command-line
 checker (seller-composer check).
EOF

DEB="$DIST_DIR/${APP}_${VERSION}_${ARCH}.deb"
dpkg-deb --root-owner-group -Z"${DEB_COMPRESS:-zstd}" --build "$STAGE" "$DEB" >/dev/null
echo "deb: $DEB ($(du -h "$DEB" | cut -f1))"
