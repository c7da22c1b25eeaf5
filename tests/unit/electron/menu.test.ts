import { beforeEach, describe, expect, it, vi } from 'vitest'
import { buildMenuTemplate, installMenu } from '../../../src/main/electron/menu'
import { Menu, resetFakeElectron } from './fakeElectron'

vi.mock('electron', async () => import('./fakeElectron'))

const labels = (items: Array<{ label?: string; type?: string }>) => items.filter((i) => i.type !== 'separator').map((i) => i.label)
const submenu = (label: string, template = buildMenuTemplate('linux')) =>
  template.find((m) => m.label === label)!.submenu as Array<{ label?: string; role?: string; type?: string }>

describe('the application menu', () => {
  beforeEach(() => resetFakeElectron())

  it('has Chinese top-level menus', () => {
    expect(labels(buildMenuTemplate('linux'))).toEqual(['文件', '编辑', '视图', '帮助'])
  })

  it('labels every item in Chinese, with Electron roles doing the work', () => {
    expect(labels(submenu('文件'))).toEqual(['退出'])
    expect(labels(submenu('编辑'))).toEqual(['撤销', '重做', '剪切', '复制', '粘贴', '全选'])
    expect(labels(submenu('视图'))).toEqual(['重新加载', '实际大小', '放大', '缩小', '全屏'])
    expect(labels(submenu('帮助'))).toEqual(['关于 Site Atlas'])
    expect(submenu('编辑').map((i) => i.role).filter(Boolean)).toEqual(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll'])
    expect(submenu('文件')[0]!.role).toBe('quit')
  })

  it('adds the application menu first on macOS', () => {
    const template = buildMenuTemplate('darwin')
    expect(labels(template)).toEqual(['Site Atlas', '文件', '编辑', '视图', '帮助'])
    expect(labels(submenu('Site Atlas', template))).toEqual(['关于 Site Atlas', '退出'])
  })

  it('installs the template as the application menu', () => {
    installMenu()
    expect(labels(Menu.applicationMenu!.template)).toEqual(labels(buildMenuTemplate()))
  })
})
