import iconv from 'iconv-lite'
import { describe, expect, it } from 'vitest'
import { decodeText, detectDelimiter } from '../../src/main/services/imports/read/csv'
import { dbfEncoding } from '../../src/main/services/imports/read/shp'

describe('CSV text', () => {
  it('decodes by BOM, strict UTF-8, else GB18030', () => {
    const text = '楼宇名称,地址\n华润大厦,青年大街\n'
    expect(decodeText(new Uint8Array(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)])))).toEqual({ text, encoding: 'utf-8' })
    expect(decodeText(new Uint8Array(Buffer.from(text)))).toEqual({ text, encoding: 'utf-8' })
    expect(decodeText(new Uint8Array(iconv.encode(text, 'gbk')))).toEqual({ text, encoding: 'gb18030' })
    // A character outside GBK (𠀀, CJK Extension B) survives only because GB18030 covers all of Unicode.
    expect(decodeText(new Uint8Array(iconv.encode('𠀀大厦', 'gb18030')))).toEqual({ text: '𠀀大厦', encoding: 'gb18030' })
    expect(decodeText(new Uint8Array(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])))).toEqual({ text, encoding: 'utf-16le' })
  })

  it('finds the delimiter, never the full-width comma', () => {
    expect(detectDelimiter('名称,地址\n甲,乙\n')).toBe(',')
    expect(detectDelimiter('名称\t地址\t备注\n华润，恒隆\t青年大街\t有，无\n')).toBe('\t')
    expect(detectDelimiter('名称;地址\n"甲;乙";丙\n')).toBe(';')
    expect(detectDelimiter('名称，地址\n甲，乙\n')).toBe(',') // no delimiter at all: one column, read as comma-separated
    expect(detectDelimiter('"多行\n备注",地址\n甲,乙\n')).toBe(',')
  })
})

describe('shapefile .dbf encoding', () => {
  const dbf = (text: Buffer, ldid = 0) => {
    const header = new Uint8Array(33)
    header[8] = 33
    header[29] = ldid
    return new Uint8Array(Buffer.concat([Buffer.from(header), text]))
  }
  it('follows the .cpg, then the language driver byte, then the bytes', () => {
    const gbk = dbf(iconv.encode(' 地块编号', 'gbk'))
    expect(dbfEncoding(gbk, new TextEncoder().encode('936'))).toBe('gb18030')
    expect(dbfEncoding(gbk, new TextEncoder().encode('ANSI 936'))).toBe('gb18030')
    expect(dbfEncoding(gbk, new TextEncoder().encode('UTF-8'))).toBe('utf-8')
    expect(dbfEncoding(gbk, undefined)).toBe('gb18030')
    expect(dbfEncoding(dbf(Buffer.from(' abc'), 0x4d), undefined)).toBe('gb18030')
    expect(dbfEncoding(dbf(Buffer.from(' 地块编号')), undefined)).toBe('utf-8')
  })
})
