import type { EChartsType } from 'echarts/core'
import { type CopyColumn, tableToHtml, tableToTsv } from './tableText'

// A chart's two ways out: its table to the clipboard, its picture to a PNG file.

/**
 * The table on the clipboard as TSV and HTML. The async clipboard first; where it is refused (a
 * window that grants no permissions) the copy event, which needs none inside a click.
 */
export async function copyTable<Row>(title: string, columns: Array<CopyColumn<Row>>, rows: Row[], total?: Row): Promise<boolean> {
  const tsv = tableToTsv(columns, rows, total)
  const html = tableToHtml(title, columns, rows, total)
  try {
    await navigator.clipboard.write([
      new ClipboardItem({
        'text/plain': new Blob([tsv], { type: 'text/plain' }),
        'text/html': new Blob([html], { type: 'text/html' }),
      }),
    ])
    return true
  } catch {
    return copyByEvent(tsv, html)
  }
}

function copyByEvent(tsv: string, html: string): boolean {
  const onCopy = (event: ClipboardEvent) => {
    event.clipboardData?.setData('text/plain', tsv)
    event.clipboardData?.setData('text/html', html)
    event.preventDefault()
  }
  document.addEventListener('copy', onCopy)
  try {
    return document.execCommand('copy')
  } finally {
    document.removeEventListener('copy', onCopy)
  }
}

/**
 * The chart as a PNG for a slide: twice the screen's pixels, on white (a transparent background
 * turns black in some viewers). A link with `download`: the browser saves it where it saves
 * downloads, Electron asks where.
 */
export function savePng(chart: EChartsType, fileName: string): void {
  const dataUrl = chart.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#fff' })
  const bytes = Uint8Array.from(atob(dataUrl.slice(dataUrl.indexOf(',') + 1)), (c) => c.charCodeAt(0))
  const url = URL.createObjectURL(new Blob([bytes], { type: 'image/png' }))
  const link = document.createElement('a')
  link.href = url
  link.download = `${fileName.replace(/[\\/:*?"<>|]+/g, '_')}.png`
  document.body.append(link)
  link.click()
  link.remove()
  // Once the download has taken the bytes.
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}
