import { isCountyLevelCode } from '../../../shared/schemas/common'
import type { BoundaryCity } from '../../../shared/types'

// Reading a district cell: a GB/T 2260 code ('210103') or a name as people write it ('沈河区',
// '沈阳市沈河区', '辽宁省沈阳市沈河区', '沈河'). The store's own districts come first (the bureau's
// working list); a district only in the built-in boundary index is created by the import. A name
// that fits several districts ('朝阳区': 北京, 长春) is a problem asking for the city or the code.

export interface KnownDistrict {
  code: string
  name: string
  city: string
  province: string
}

export type DistrictAnswer =
  | { ok: true; district: KnownDistrict; create: boolean }
  | { ok: false; message: string }

const SUFFIX = /(区|县|市|旗|自治县|自治旗|新区|林区|特区)$/

const clean = (text: string) => text.normalize('NFKC').replace(/\s+/g, '')

/** The names a district answers to: its name, and its name without 区/县/市 when two characters remain. */
function aliases(name: string): string[] {
  const short = name.replace(SUFFIX, '')
  return short.length >= 2 && short !== name ? [name, short] : [name]
}

const cityAliases = (city: string) => [city, city.replace(/市$/, '')].filter((c) => c.length >= 2)

export class DistrictResolver {
  private readonly stored = new Map<string, KnownDistrict>()
  private readonly builtIn = new Map<string, KnownDistrict>()
  /** A sheet names the same few districts on every row. */
  private readonly answers = new Map<string, DistrictAnswer>()

  constructor(storeDistricts: KnownDistrict[], cities: BoundaryCity[]) {
    for (const d of storeDistricts) this.stored.set(d.code, d)
    for (const city of cities) {
      for (const d of city.districts) {
        // Districts directly under a province-level city are listed with that city.
        this.builtIn.set(d.code, { code: d.code, name: d.name, city: city.name, province: city.province })
      }
    }
  }

  resolve(text: string): DistrictAnswer {
    let answer = this.answers.get(text)
    if (!answer) this.answers.set(text, (answer = this.lookUp(text)))
    return answer
  }

  private lookUp(text: string): DistrictAnswer {
    const raw = clean(text)
    if (/^\d{6}$/.test(raw)) return this.byCode(raw)
    const fromStore = this.byName(raw, [...this.stored.values()])
    if (fromStore.length === 1) return { ok: true, district: fromStore[0]!, create: false }
    if (fromStore.length > 1) return ambiguous(text, fromStore)
    const fromIndex = this.byName(raw, [...this.builtIn.values()])
    if (fromIndex.length === 1) return { ok: true, district: fromIndex[0]!, create: !this.stored.has(fromIndex[0]!.code) }
    if (fromIndex.length > 1) return ambiguous(text, fromIndex)
    return { ok: false, message: `所属区县：找不到“${text}”，请填写区县全称或 6 位行政区划代码` }
  }

  private byCode(code: string): DistrictAnswer {
    const stored = this.stored.get(code)
    if (stored) return { ok: true, district: stored, create: false }
    const builtIn = this.builtIn.get(code)
    if (builtIn) return { ok: true, district: builtIn, create: true }
    if (!isCountyLevelCode(code)) return { ok: false, message: `所属区县：${code} 不是区县级行政区划代码` }
    return { ok: false, message: `所属区县：代码 ${code} 不在区县列表中，请先在设置中添加该区县` }
  }

  /** Districts the text names, with or without its city and province in front. */
  private byName(text: string, districts: KnownDistrict[]): KnownDistrict[] {
    const found = new Map<string, KnownDistrict>()
    for (const d of districts) {
      for (const alias of aliases(d.name)) {
        if (text === alias) found.set(d.code, d)
        else if (text.endsWith(alias)) {
          // What is left in front must be the district's city (and maybe its province).
          const head = text.slice(0, text.length - alias.length)
          const provinces = [d.province, d.province.replace(/(省|市|自治区|壮族自治区|回族自治区|维吾尔自治区)$/, ''), '']
          if (cityAliases(d.city).some((c) => provinces.some((p) => head === `${p}${c}`))) found.set(d.code, d)
        }
      }
    }
    return [...found.values()]
  }
}

function ambiguous(text: string, districts: KnownDistrict[]): DistrictAnswer {
  const where = districts.map((d) => `${d.city}${d.name}（${d.code}）`).join('、')
  return { ok: false, message: `所属区县：“${text}”有多个同名区县（${where}），请写明所属城市或填写 6 位行政区划代码` }
}
