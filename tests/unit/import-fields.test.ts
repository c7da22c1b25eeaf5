import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { DistrictResolver } from '../../src/main/services/imports/districts'
import { BUILDING_FIELDS, detectKind, matchHeader, readHeader, suggestCrs } from '../../src/main/services/imports/fields'
import { acceptedValues, readVocab } from '../../src/main/services/imports/vocab'
import type { BoundaryCity } from '../../src/shared/types'

// The importer's words: headers (with their units), vocabulary in cells, district names.

const cities = (JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../resources/boundaries/index.json'), 'utf8')) as { cities: BoundaryCity[] }).cities
const SHENYANG = [
  { code: '210102', name: '和平区', city: '沈阳市', province: '辽宁省' },
  { code: '210103', name: '沈河区', city: '沈阳市', province: '辽宁省' },
]

describe('headers', () => {
  it('splits a header into its name and unit and finds its field', () => {
    expect(readHeader('用地面积（亩）')).toEqual({ text: '用地面积（亩）', key: '用地面积', unit: '亩' })
    expect(readHeader(' 租金(元/㎡·月) ')).toMatchObject({ key: '租金', unit: '元/m2·月' })
    expect(readHeader('*楼宇名称')).toMatchObject({ key: '楼宇名称', unit: null })
    expect(readHeader('面积㎡')).toMatchObject({ key: '面积', unit: 'm2' })
    const field = (h: string) => matchHeader(readHeader(h), BUILDING_FIELDS)?.key ?? null
    expect(['楼宇名称', '项目名称', '大厦名称', '详细地址', '坐落', '所在区', '可招商面积', '闲置面积', '租金报价', '百度经度', '北纬', '物业公司', '产权性质', '入驻企业', '租约到期'].map(field)).toEqual([
      'name', 'name', 'name', 'address', 'address', 'districtCode', 'leasableArea', 'vacantArea', 'askingRent', 'lng', 'lat', 'propertyManager', 'ownership', 'tenantName', 'endDate',
    ])
    expect(field('内部编码')).toBeNull()
  })

  it('tells the kind and the coordinate system from the headers', () => {
    expect(detectKind(['楼宇名称', '地址', '所属区县', '可租面积'])).toBe('buildings')
    expect(detectKind(['宗地编号', '土地用途', '出让面积', '容积率'])).toBe('parcels')
    expect(detectKind(['园区名称', '主导产业', '运营单位', '分园'])).toBe('parks')
    expect(detectKind(['甲', '乙'])).toBeNull()
    expect(suggestCrs(['名称', '百度经度', '百度纬度'])).toBe('bd09')
    expect(suggestCrs(['高德经度'])).toBe('gcj02')
    expect(suggestCrs(['经度（WGS-84）'])).toBe('wgs84')
    expect(suggestCrs(['经度', '纬度'])).toBeNull()
  })
})

describe('vocabulary in cells', () => {
  it('maps the words bureaus use to the app codes', () => {
    expect(['甲级', 'A级', '甲', '超甲', '超甲级'].map((w) => readVocab('grade', w))).toEqual(['a', 'a', 'a', 'super_a', 'super_a'])
    expect(['写字楼', '商务楼宇', '综合体', '标准厂房', '停缓建'].map((w) => readVocab('buildingKind', w))).toEqual(['office', 'office', 'complex', 'industrial', 'stalled'])
    expect(['待租', '在租', '已售', '自用', '预定'].map((w) => readVocab('spaceStatus', w))).toEqual(['vacant', 'leased', 'sold', 'owner_occupied', 'reserved'])
    expect(['豪装', '毛坯', '简装'].map((w) => readVocab('fitOut', w))).toEqual(['fitted', 'bare', 'basic'])
    expect(['新型产业用地（M0）', 'M0', '创新型产业用地', 'R', '商服', '商住', 'M2', 'W'].map((w) => readVocab('landUse', w))).toEqual([
      'm0', 'm0', 'm0', 'residential', 'commercial', 'mixed', 'industrial', 'logistics',
    ])
    expect(['待出让', '拟出让', '招拍挂', '已供地', '储备'].map((w) => readVocab('parcelStatus', w))).toEqual(['preparing', 'preparing', 'listed', 'transferred', 'reserve'])
    expect(['筹建', '改造', '已开园'].map((w) => readVocab('parkStatus', w))).toEqual(['planned', 'fitting_out', 'operating'])
    expect(['I', '制造业', 'J 金融业', '信息传输、软件和信息技术服务业'].map((w) => readVocab('industry', w))).toEqual(['I', 'C', 'J', 'I'])
    expect(readVocab('grade', '特级')).toBeNull()
    expect(acceptedValues('fitOut')).toBe('毛坯、简装、精装')
  })
})

describe('districts', () => {
  const resolver = new DistrictResolver(SHENYANG, cities)

  it('reads a code or a name with or without its city and province', () => {
    for (const text of ['210103', '沈河区', '沈河', '沈阳市沈河区', '沈阳沈河区', '辽宁省沈阳市沈河区']) {
      expect(resolver.resolve(text)).toEqual({ ok: true, district: SHENYANG[1], create: false })
    }
  })

  it('takes a district only the built-in index knows, to be created by the import', () => {
    expect(resolver.resolve('长春市朝阳区')).toEqual({ ok: true, district: { code: '220104', name: '朝阳区', city: '长春市', province: '吉林省' }, create: true })
    expect(resolver.resolve('110108')).toMatchObject({ ok: true, district: { name: '海淀区', city: '北京市' }, create: true })
  })

  it('the store’s own district wins over a namesake elsewhere; a name several districts share is a problem', () => {
    expect(resolver.resolve('和平区')).toMatchObject({ ok: true, district: { code: '210102' } })
    const both = new DistrictResolver([...SHENYANG, { code: '120101', name: '和平区', city: '天津市', province: '天津市' }], cities)
    expect(both.resolve('和平区')).toEqual({
      ok: false,
      message: '所属区县：“和平区”有多个同名区县（沈阳市和平区（210102）、天津市和平区（120101）），请写明所属城市或填写 6 位行政区划代码',
    })
    expect(both.resolve('天津市和平区')).toMatchObject({ ok: true, district: { code: '120101' } })
    expect(resolver.resolve('火星区')).toEqual({ ok: false, message: '所属区县：找不到“火星区”，请填写区县全称或 6 位行政区划代码' })
    expect(resolver.resolve('210100')).toEqual({ ok: false, message: '所属区县：210100 不是区县级行政区划代码' })
  })
})
