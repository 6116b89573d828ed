; Inno Setup script: wraps the PyInstaller folder dist\helpapp into a Windows installer.
;
;   pyinstaller --noconfirm --clean packaging\helpapp.spec
;   iscc packaging\helpapp.iss
;
; The installer goes to dist\installer. It installs per user (no administrator rights),
; so partners can install it on managed laptops.

#define AppName "伙伴离线帮助"
#define AppVersion "0.1.0"
#define AppExe "helpapp.exe"

[Setup]
AppId={{7C2E6F0A-5B7D-4C1E-9E2A-3F1D8B6A4C21}
AppName={#AppName}
AppVersion={#AppVersion}
AppPublisher=PartnerOfflineHelp
DefaultDirName={localappdata}\Programs\PartnerOfflineHelp
DefaultGroupName={#AppName}
PrivilegesRequired=lowest
OutputDir=..\dist\installer
OutputBaseFilename=helpapp-{#AppVersion}-setup
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
UninstallDisplayIcon={app}\{#AppExe}

[Languages]
; NOTE: ChineseSimplified.isl is one of Inno Setup's unofficial translations; copy it
; into the compiler's Languages folder before running iscc (see docs/packaging.md).
Name: "chinesesimplified"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[Files]
Source: "..\dist\helpapp\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\{#AppExe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
