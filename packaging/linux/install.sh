#!/usr/bin/env bash
# Install Diff Viewer's desktop integration: menu entry, icons, AppStream metadata and the
# "Open with" entry for plain text. Idempotent: running it again refreshes the same files.
# uninstall.sh beside it removes them. Needs xdg-utils (xdg-desktop-menu, xdg-icon-resource,
# xdg-mime). The program itself is installed separately (pip, pipx or a PyInstaller bundle).
set -euo pipefail

APP_ID=io.github.diffviewer.DiffViewer
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(cd "$HERE/../.." && pwd)
ICONS="$REPO/resources/icons"
SIZES=(16 24 32 48 64 128 256 512)

usage() {
    cat <<EOF
Usage: bash packaging/linux/install.sh [--default] [--exec COMMAND] [--system]

Adds Diff Viewer to the application menu, installs its icons and AppStream metadata, and lists
it under "Open with" for plain-text files (it does not become their default application).

  --default        also make Diff Viewer the default application for text/plain
  --exec COMMAND   the command the menu entry runs (default: diffviewer, found on PATH);
                   use the full path of a PyInstaller bundle's binary, e.g. /opt/diffviewer/diffviewer
  --system         install for every user under /usr/local/share (run as root);
                   the default installs for the current user under \${XDG_DATA_HOME:-~/.local/share}
  -h, --help       show this help
EOF
}

make_default=no
exec_command=diffviewer
mode=user
while [[ $# -gt 0 ]]; do
    case "$1" in
        --default) make_default=yes ;;
        --exec)
            [[ $# -ge 2 ]] || { echo "install.sh: --exec needs a command" >&2; exit 2; }
            exec_command=$2
            shift
            ;;
        --system) mode=system ;;
        -h | --help) usage; exit 0 ;;
        *) echo "install.sh: unknown option: $1" >&2; usage >&2; exit 2 ;;
    esac
    shift
done

for tool in xdg-desktop-menu xdg-icon-resource xdg-mime; do
    if ! command -v "$tool" >/dev/null; then
        echo "install.sh: $tool not found; install xdg-utils (e.g. sudo apt install xdg-utils)" >&2
        exit 1
    fi
done
# Characters the desktop-file Exec quoting (and the sed below) would need escaped: refuse them.
if [[ -z $exec_command || $exec_command == *[\"\`\$\\\|\&%]* ]]; then
    echo "install.sh: --exec path must not be empty or contain \" \` \$ \\ | & %" >&2
    exit 2
fi
if [[ $exec_command == */* ]]; then
    [[ -x $exec_command ]] || echo "install.sh: warning: $exec_command is not an executable file" >&2
elif ! command -v "$exec_command" >/dev/null; then
    echo "install.sh: warning: '$exec_command' is not on PATH; the menu entry will not start" \
        "until it is (pip install --user puts it in ~/.local/bin)" >&2
fi

if [[ $mode == system ]]; then
    data_home=/usr/local/share
else
    data_home=${XDG_DATA_HOME:-$HOME/.local/share}
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The desktop file keeps its name (the desktop id) and gets the requested command.
desktop="$work/$APP_ID.desktop"
quoted_exec=$exec_command
if [[ $exec_command == *[[:space:]]* ]]; then
    quoted_exec="\"$exec_command\""
fi
sed -e "s|^Exec=diffviewer |Exec=$quoted_exec |" -e "s|^TryExec=.*|TryExec=$exec_command|" \
    "$HERE/$APP_ID.desktop" >"$desktop"

for size in "${SIZES[@]}"; do
    xdg-icon-resource install --noupdate --novendor --mode "$mode" --context apps \
        --size "$size" "$ICONS/hicolor/${size}x${size}/apps/$APP_ID.png" "$APP_ID"
done
# xdg-icon-resource knows only pixel sizes; the scalable icon is copied by hand.
install -D -m 0644 "$ICONS/diffviewer.svg" "$data_home/icons/hicolor/scalable/apps/$APP_ID.svg"
xdg-icon-resource forceupdate --mode "$mode"

xdg-desktop-menu install --novendor --mode "$mode" "$desktop"
install -D -m 0644 "$HERE/$APP_ID.metainfo.xml" "$data_home/metainfo/$APP_ID.metainfo.xml"

if [[ $make_default == yes ]]; then
    xdg-mime default "$APP_ID.desktop" text/plain
    echo "Diff Viewer is now the default application for plain-text files."
fi
echo "Installed the Diff Viewer desktop integration ($mode) under $data_home."
