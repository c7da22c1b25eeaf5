import { describe, expect, it } from 'vitest'
import { freshAppPerTest, pickFile } from '../helpers/store'
import { writeCsv } from '../helpers/importFiles'
import { runImportJob } from '../helpers/importSheets'

// The importer meets the same text rules as the forms: a cell with a control character, a bidi
// override or a lone surrogate is its row's error naming the column (never silently cleaned, never
// stored); text is stored in NFC; a formula-looking name is never evaluated nor stored as given.

describe('hostile cells in an import', () => {
  const t = freshAppPerTest()

  it('refuses each row holding a hostile cell, naming the column and the place, and imports the rest in NFC', async () => {
    const file = writeCsv(t.dir, '楼宇.csv', [
      ['楼宇名称', '所属区县', '地址', '总建筑面积'],
      ['华润\u001B大厦', '沈河区', '青年大街1号', '50000'],
      ['恒隆广场', '沈河区', '青年大街\u202E2号', '60000'],
      ['茂业中心', '和平区', '\u0007', '30000'],
      ['Cafe\u0301 大厦', '和平区', '南京北街\r\n3号', '20000'],
      ['=HYPERLINK("http://evil.example","点我")', '和平区', null, '10000'],
    ])
    const uploadId = await pickFile(t.app, file)
    const preview = await t.app.ok('imports.preview', { uploadId })
    expect(preview.rejected).toEqual([
      { row: 2, column: '楼宇名称', message: '楼宇名称：不能包含控制字符（第 3 个字）' },
      { row: 3, column: '地址', message: '地址：不能包含文字方向控制符（第 5 个字）' },
      { row: 4, column: '地址', message: '地址：不能包含控制字符（第 1 个字）' },
      { row: 6, column: '楼宇名称', message: '楼宇名称：“=HYPERLINK("http://evil.example","点我")”像是电子表格公式，请核对原表' },
    ])
    const job = await runImportJob(t.app, file, { skipInvalid: true })
    expect(job.state).toBe('done')
    const buildings = await t.app.ok('buildings.list', {})
    expect(buildings.map((b) => [b.name, b.address])).toEqual([['Café 大厦', '南京北街 3号']])
    expect(buildings[0]!.name).toBe('Caf\u00e9 大厦')
  })
})
