; Inno Setup 6 script: installs the PyInstaller one-folder bundle of Diff Viewer on Windows.
;
; Build (on Windows, from the repository root, after the PyInstaller build made dist\diffviewer):
;     pip install ".[package]"
;     pyinstaller --noconfirm --distpath dist --workpath build packaging\pyinstaller\diffviewer.spec
;     iscc /DAppVersion=0.1.0 packaging\windows\diffviewer.iss
; Result: dist\DiffViewer-0.1.0-setup.exe. Paths below are relative to this file's folder.
;
; What it installs: the bundle under Program Files (or the user's programs folder when installed
; without administrator rights), a Start menu entry, optionally a desktop icon, an uninstaller,
; and an "Open with" entry for .txt files. It does not take over .txt unless the user ticks the
; "default program" task. Explorer starts one process per selected file; the app's single-instance
; socket gathers them into one window.

#define AppName "Diff Viewer"
#define AppId "io.github.diffviewer.DiffViewer"
#define AppExe "diffviewer.exe"
#define ProgId "DiffViewer.txt"
#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#ifndef BundleDir
  #define BundleDir "..\..\dist\diffviewer"
#endif

[Setup]
AppId={#AppId}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=diffviewer developers
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
; Installs for the current user without administrator rights; the first page offers "all users".
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\..\dist
OutputBaseFilename=DiffViewer-{#AppVersion}-setup
SetupIconFile=diffviewer.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
; Tell Explorer to reread file associations after installing and uninstalling.
ChangesAssociations=yes
; A running Diff Viewer holds its files open: offer to close it before replacing them.
CloseApplications=yes

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked
Name: "defaulttxt"; Description: "Make {#AppName} the default program for .txt files"; GroupDescription: "File associations:"; Flags: unchecked

[Files]
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Registry]
; HKA is HKCU for a per-user install and HKLM for an all-users install.
; The ProgId: how Diff Viewer opens a text file, with its icon.
Root: HKA; Subkey: "Software\Classes\{#ProgId}"; ValueType: string; ValueName: ""; ValueData: "Text document ({#AppName})"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\{#ProgId}\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\{#AppExe},0"
Root: HKA; Subkey: "Software\Classes\{#ProgId}\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" ""%1"""
; "Open with" for .txt, without changing which program opens .txt by default.
Root: HKA; Subkey: "Software\Classes\.txt\OpenWithProgids"; ValueType: string; ValueName: "{#ProgId}"; ValueData: ""; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}"; ValueType: string; ValueName: "FriendlyAppName"; ValueData: "{#AppName}"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}\SupportedTypes"; ValueType: string; ValueName: ".txt"; ValueData: ""
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" ""%1"""
; Lets "Run" and other programs start diffviewer.exe by name.
Root: HKA; Subkey: "Software\Microsoft\Windows\CurrentVersion\App Paths\{#AppExe}"; ValueType: string; ValueName: ""; ValueData: "{app}\{#AppExe}"; Flags: uninsdeletekey
; Only when the user ticked the task: .txt opens in Diff Viewer by default. (Windows 10 and 11
; keep a per-user choice that an installer cannot set; there the user confirms it once.)
Root: HKA; Subkey: "Software\Classes\.txt"; ValueType: string; ValueName: ""; ValueData: "{#ProgId}"; Flags: uninsdeletevalue; Tasks: defaulttxt

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
