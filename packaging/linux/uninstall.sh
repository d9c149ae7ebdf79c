#!/usr/bin/env bash
# Remove what install.sh installed: menu entry, icons, AppStream metadata and, if Diff Viewer
# was made the default for text/plain, that default. Idempotent: missing files are not an error.
set -euo pipefail

APP_ID=io.github.diffviewer.DiffViewer
SIZES=(16 24 32 48 64 128 256 512)

usage() {
    cat <<EOF
Usage: bash packaging/linux/uninstall.sh [--system]

Removes Diff Viewer's menu entry, icons and AppStream metadata, and drops it as the default
application for plain text if install.sh --default made it so. The program itself stays.

  --system     remove a system-wide installation from /usr/local/share (run as root)
  -h, --help   show this help
EOF
}

mode=user
while [[ $# -gt 0 ]]; do
    case "$1" in
        --system) mode=system ;;
        -h | --help) usage; exit 0 ;;
        *) echo "uninstall.sh: unknown option: $1" >&2; usage >&2; exit 2 ;;
    esac
    shift
done

for tool in xdg-desktop-menu xdg-icon-resource; do
    if ! command -v "$tool" >/dev/null; then
        echo "uninstall.sh: $tool not found; install xdg-utils (e.g. sudo apt install xdg-utils)" >&2
        exit 1
    fi
done

if [[ $mode == system ]]; then
    data_home=/usr/local/share
    config_home=/etc/xdg
else
    data_home=${XDG_DATA_HOME:-$HOME/.local/share}
    config_home=${XDG_CONFIG_HOME:-$HOME/.config}
fi

xdg-desktop-menu uninstall --mode "$mode" "$APP_ID.desktop"
for size in "${SIZES[@]}"; do
    xdg-icon-resource uninstall --noupdate --mode "$mode" --context apps --size "$size" "$APP_ID"
done
rm -f "$data_home/icons/hicolor/scalable/apps/$APP_ID.svg"
xdg-icon-resource forceupdate --mode "$mode"
rm -f "$data_home/metainfo/$APP_ID.metainfo.xml"

# xdg-mime cannot unset a default: drop our own "text/plain=<id>" lines, and nothing else, from
# the current file and the legacy one xdg-mime also writes.
for list in "$config_home/mimeapps.list" "$data_home/applications/mimeapps.list" \
    "$data_home/applications/defaults.list"; do
    if [[ -f $list ]] && grep -qx "text/plain=$APP_ID\.desktop;\{0,1\}" "$list"; then
        sed -i "/^text\/plain=$APP_ID\.desktop;\{0,1\}\$/d" "$list"
        echo "Diff Viewer is no longer the default for plain-text files in $list."
    fi
done
echo "Removed the Diff Viewer desktop integration ($mode) from $data_home."
