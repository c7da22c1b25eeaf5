import { app, dialog, Menu, type MenuItemConstructorOptions } from 'electron'

// The application menu in Chinese. Items with a role get their behaviour (and accelerators) from
// Electron; the explicit labels keep the menu Chinese whatever the system language is.

export function buildMenuTemplate(platform: NodeJS.Platform = process.platform): MenuItemConstructorOptions[] {
  const about: MenuItemConstructorOptions = { label: '关于 Site Atlas', click: () => void showAbout() }
  const quit: MenuItemConstructorOptions = { label: '退出', role: 'quit', accelerator: 'CmdOrCtrl+Q' }
  const template: MenuItemConstructorOptions[] = [
    { label: '文件', submenu: [quit] },
    {
      label: '编辑',
      submenu: [
        { label: '撤销', role: 'undo' },
        { label: '重做', role: 'redo' },
        { type: 'separator' },
        { label: '剪切', role: 'cut' },
        { label: '复制', role: 'copy' },
        { label: '粘贴', role: 'paste' },
        { label: '全选', role: 'selectAll' },
      ],
    },
    {
      label: '视图',
      submenu: [
        { label: '重新加载', role: 'reload' },
        { type: 'separator' },
        { label: '实际大小', role: 'resetZoom' },
        { label: '放大', role: 'zoomIn' },
        { label: '缩小', role: 'zoomOut' },
        { type: 'separator' },
        { label: '全屏', role: 'togglefullscreen' },
      ],
    },
    { label: '帮助', submenu: [about] },
  ]
  // macOS shows the first menu under the application's name: give it About and Quit there.
  if (platform === 'darwin') template.unshift({ label: 'Site Atlas', submenu: [about, { type: 'separator' }, quit] })
  return template
}

export function installMenu(): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(buildMenuTemplate()))
}

async function showAbout(): Promise<void> {
  await dialog.showMessageBox({
    type: 'info',
    title: '关于 Site Atlas',
    message: '招商资源图 Site Atlas',
    detail: `版本 ${app.getVersion()}\n面向区县招商人员的楼宇、地块与产业园区资源台账和地图，数据保存在本机。`,
    buttons: ['确定'],
  })
}
