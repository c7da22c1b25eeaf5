import { INDUSTRY_SECTIONS } from '../../../shared/domain'
import { VOCAB_ZH, type VocabName } from '../../../shared/labels'

// The words people put in cells for the app's closed vocabularies, read back to the app's codes.
// Each vocabulary accepts its own Chinese labels (VOCAB_ZH, so the app's workbook reads back), the
// codes themselves, and the synonyms bureaus use. A cell is compared after normalising: no spaces,
// half-width brackets, upper case.

const SYNONYMS: Record<VocabName, Record<string, string[]>> = {
  grade: {
    super_a: ['超甲', '超甲级', '超A', '超A级', '顶级'],
    a: ['甲', '甲级', 'A', 'A级', '5A', '5A级', '5A甲级'],
    b: ['乙', '乙级', 'B', 'B级'],
    c: ['丙', '丙级', 'C', 'C级'],
  },
  buildingKind: {
    office: ['写字楼', '商务楼宇', '商务楼', '办公', '办公楼', '楼宇', '商务办公'],
    complex: ['综合体', '商业综合体', '城市综合体'],
    industrial: ['厂房', '工业园', '标准厂房', '工业园区', '工业园区/厂房', '工业厂房', '产业园'],
    stalled: ['停建', '缓建', '停缓建', '停缓建项目', '烂尾'],
  },
  ownership: {
    whole: ['整体持有', '整体', '自持', '整栋持有'],
    strata: ['分散产权', '分散', '散售', '分割销售'],
  },
  spaceStatus: {
    vacant: ['空置', '空闲', '待租', '可租', '闲置', '未租'],
    leased: ['已租', '出租', '在租', '已出租', '租赁'],
    sold: ['已售', '出售', '已出售'],
    owner_occupied: ['自用', '业主自用'],
    reserved: ['意向', '预定', '预订', '已预定', '洽谈中'],
  },
  fitOut: {
    bare: ['毛坯', '清水', '无装修'],
    basic: ['简装', '简单装修'],
    fitted: ['精装', '豪装', '精装修', '豪华装修'],
  },
  landUse: {
    residential: ['居住', '住宅', '居住用地', '住宅用地', 'R', 'R1', 'R2', 'R3'],
    commercial: ['商业', '商服', '商业用地', '商服用地', '商业服务业设施用地', 'B', 'B1', 'B2'],
    mixed: ['商住', '商住用地', '商住混合', '居住商业混合用地', 'RB', 'R/B', 'B/R'],
    industrial: ['工业', '工业用地', 'M', 'M1', 'M2', 'M3', '一类工业用地', '二类工业用地', '三类工业用地'],
    m0: ['新型产业用地(M0)', '新型产业用地', 'M0', '创新型产业用地', '新型工业用地'],
    logistics: ['物流', '仓储', '物流仓储', '物流仓储用地', '仓储用地', '物流用地', 'W', 'W1', 'W2'],
    public: ['公共设施', '公共设施用地', '公共管理与公共服务用地', '公服', 'A', 'U'],
    other: ['其他', '其它', '其他用地'],
  },
  parcelStatus: {
    reserve: ['储备', '储备地块', '储备用地'],
    preparing: ['待出让', '拟出让', '出让准备', '准备出让', '待供'],
    listed: ['公示', '挂牌', '出让公示', '招拍挂', '挂牌中', '公示中', '拍卖'],
    transferred: ['已出让', '已供地', '成交', '已成交', '已供应'],
  },
  readiness: {
    cleared: ['净地', '已平整'],
    uncleared: ['毛地', '未平整'],
  },
  parkStatus: {
    planned: ['规划', '筹建', '规划中', '筹建中'],
    fitting_out: ['装修', '改造', '建设中', '装修中', '改造中', '在建'],
    operating: ['运营', '已开园', '运营中', '已运营', '开园'],
  },
  industry: {},
}

/** Text as compared: no spaces, half-width brackets and slashes, upper case. */
export function vocabKey(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/[（]/g, '(')
    .replace(/[）]/g, ')')
    .toUpperCase()
}

const INDEXES = new Map<VocabName, Map<string, string>>()

function indexOf(name: VocabName): Map<string, string> {
  let index = INDEXES.get(name)
  if (index) return index
  index = new Map()
  const labels = VOCAB_ZH[name] as Record<string, string>
  for (const [code, label] of Object.entries(labels)) {
    index.set(vocabKey(code), code)
    index.set(vocabKey(label), code)
  }
  for (const [code, words] of Object.entries(SYNONYMS[name])) for (const word of words) index.set(vocabKey(word), code)
  if (name === 'industry') {
    // A section by its letter, by its name without the letter ('制造业'), or '制造业（C）'.
    for (const section of INDUSTRY_SECTIONS) {
      const title = VOCAB_ZH.industry[section].slice(2)
      index.set(vocabKey(title), section)
      index.set(vocabKey(`${title}(${section})`), section)
      index.set(vocabKey(`${section}${title}`), section)
    }
  }
  INDEXES.set(name, index)
  return index
}

/** The code a cell's word stands for, or null when the vocabulary does not know it. */
export function readVocab(name: VocabName, text: string): string | null {
  return indexOf(name).get(vocabKey(text)) ?? null
}

/** The accepted values, as a person reads them: the Chinese labels. */
export function acceptedValues(name: VocabName): string {
  return Object.values(VOCAB_ZH[name] as Record<string, string>).join('、')
}
