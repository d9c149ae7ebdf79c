#!/usr/bin/env bash
# Install Diff Viewer's desktop integration: menu entry, icons, AppStream metadata and the
# "Open with" entry for plain text. Idempotent: running it again refreshes the same files.
# uninstall.sh beside it removes them. Needs xdg-utils (xdg-desktop-menu, xdg-icon-resource,
# xdg-mime). The program itself is installed separately (pip, pipx or a PyInstaller bundle);
# the menu entry runs it by its absolute path, so it need not be on the session's PATH: the
# --exec command, else the active virtual environment's, else the one on PATH, else the
# README's .venv in this clone. Without --default the current text/plain default stays.
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
  --exec COMMAND   the command the menu entry runs; by default the diffviewer of the active
                   virtual environment, else the one on PATH, else this clone's .venv (README's
                   "Try it"), by its absolute path; for a PyInstaller bundle give its binary,
                   e.g. /opt/diffviewer/diffviewer
  --system         install for every user under /usr/local/share (run as root);
                   the default installs for the current user under \${XDG_DATA_HOME:-~/.local/share}
  -h, --help       show this help
EOF
}

make_default=no
exec_command=
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
# The diffviewer this script was run with, by absolute path: a menu entry or `gio open` does not
# see the PATH of the terminal (or the virtual environment) the user installed from.
if [[ -z $exec_command ]]; then
    for candidate in "${VIRTUAL_ENV:+$VIRTUAL_ENV/bin/diffviewer}" "$(command -v diffviewer || true)" \
        "$REPO/.venv/bin/diffviewer"; do
        if [[ -n $candidate && -x $candidate ]]; then
            exec_command=$(cd "$(dirname "$candidate")" && pwd)/$(basename "$candidate")
            break
        fi
    done
    if [[ -z $exec_command ]]; then
        echo "install.sh: no diffviewer found (no active virtual environment, none on PATH, no" \
            "$REPO/.venv); install it first (README: Try it) or give --exec /path/to/diffviewer" >&2
        exit 1
    fi
    echo "Menu entry runs $exec_command"
fi
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

# Listing a MimeType makes the entry a candidate for text/plain, and one under the user's data
# folder comes before the system's: remember the default now, to keep it (without --default).
previous_default=$(xdg-mime query default text/plain 2>/dev/null || true)

xdg-desktop-menu install --novendor --mode "$mode" "$desktop"
install -D -m 0644 "$HERE/$APP_ID.metainfo.xml" "$data_home/metainfo/$APP_ID.metainfo.xml"
# The MIME cache "Open with" lists read (GLib's gio, KDE); xdg-desktop-menu runs it only sometimes.
if command -v update-desktop-database >/dev/null; then
    update-desktop-database -q "$data_home/applications" || true
fi

if [[ $make_default == yes ]]; then
    xdg-mime default "$APP_ID.desktop" text/plain
    echo "Diff Viewer is now the default application for plain-text files."
elif [[ -n $previous_default && $previous_default != "$APP_ID.desktop" ]] &&
    [[ $(xdg-mime query default text/plain 2>/dev/null || true) != "$previous_default" ]]; then
    # Pin the default the user had, so the new candidate does not take over.
    xdg-mime default "$previous_default" text/plain
    echo "Kept $previous_default as the default application for plain-text files."
fi
echo "Installed the Diff Viewer desktop integration ($mode) under $data_home."
