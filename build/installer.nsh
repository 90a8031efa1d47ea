; IOC Wall additions to electron-builder's NSIS installer (electron-builder.yml, nsis.include).
; The scheduled task "IOC Wall" starts the wall at logon and restarts it when Task Scheduler counts
; a run as failed (build/windows/ioc-wall-task.xml, shipped in resources\autostart).

!include "WordFunc.nsh"

!macro customInstall
  Push $0
  Push $1
  Push $2
  InitPluginsDir
  ; The task runs the executable by its full path, known only now (the folder can be changed).
  ; The definition is ASCII; the copy handed to schtasks is UTF-16 (BOM), so any folder name fits.
  ClearErrors
  FileOpen $0 "$INSTDIR\resources\autostart\ioc-wall-task.xml" r
  FileOpen $1 "$PLUGINSDIR\ioc-wall-task.xml" w
  ${If} ${Errors}
    DetailPrint "IOC Wall: cannot prepare the scheduled task; the wall will not start at logon"
  ${Else}
    FileWriteWord $1 0xFEFF
    ${Do}
      ClearErrors
      FileRead $0 $2
      ${If} ${Errors}
        ${ExitDo}
      ${EndIf}
      ${WordReplace} $2 "__IOC_WALL_EXE__" "$INSTDIR\${APP_EXECUTABLE_FILENAME}" "+" $2
      FileWriteUTF16LE $1 $2
    ${Loop}
  ${EndIf}
  FileClose $0
  FileClose $1
  ; /F replaces the task an earlier version registered.
  nsExec::ExecToLog '"$SYSDIR\schtasks.exe" /Create /F /TN "IOC Wall" /XML "$PLUGINSDIR\ioc-wall-task.xml"'
  Pop $2
  ${If} $2 != 0
    DetailPrint "IOC Wall: schtasks /Create failed ($2); the wall will not start at logon"
  ${EndIf}
  Pop $2
  Pop $1
  Pop $0
!macroend

!macro customUnInstall
  ; An update runs the old uninstaller first: keep the task, the new installer replaces it.
  ${IfNot} ${isUpdated}
    Push $0
    nsExec::ExecToLog '"$SYSDIR\schtasks.exe" /Delete /F /TN "IOC Wall"'
    Pop $0
    Pop $0
  ${EndIf}
!macroend
