import type {
  BuildingGrade, BuildingKind, FitOut, IndustrySection, LandReadiness, LandUse, Ownership, ParcelStatus, ParkStatus, SpaceStatus,
} from './domain'

// The Chinese labels of the domain's vocabularies, in one place for every process: the renderer's
// Chinese strings (i18n/common.ts), the importer (labels read back to values), the workbook export
// and the printed sheets.

export const VOCAB_ZH = {
  grade: { super_a: '超甲级', a: '甲级', b: '乙级', c: '丙级' } satisfies Record<BuildingGrade, string>,
  buildingKind: { office: '商务楼宇', complex: '综合体', industrial: '工业园区/厂房', stalled: '停缓建项目' } satisfies Record<BuildingKind, string>,
  ownership: { whole: '整体持有', strata: '分散产权' } satisfies Record<Ownership, string>,
  spaceStatus: { vacant: '空置', leased: '已租', sold: '已售', owner_occupied: '自用', reserved: '意向' } satisfies Record<SpaceStatus, string>,
  fitOut: { bare: '毛坯', basic: '简装', fitted: '精装' } satisfies Record<FitOut, string>,
  landUse: {
    residential: '居住用地', commercial: '商业用地', mixed: '商住用地', industrial: '工业用地', m0: '新型产业用地(M0)',
    logistics: '物流仓储用地', public: '公共设施用地', other: '其他',
  } satisfies Record<LandUse, string>,
  parcelStatus: { reserve: '储备', preparing: '出让准备', listed: '出让公示', transferred: '已出让' } satisfies Record<ParcelStatus, string>,
  readiness: { cleared: '净地', uncleared: '毛地' } satisfies Record<LandReadiness, string>,
  parkStatus: { planned: '规划中', fitting_out: '装修中', operating: '运营中' } satisfies Record<ParkStatus, string>,
  industry: {
    A: 'A 农、林、牧、渔业', B: 'B 采矿业', C: 'C 制造业', D: 'D 电力、热力、燃气及水生产和供应业', E: 'E 建筑业',
    F: 'F 批发和零售业', G: 'G 交通运输、仓储和邮政业', H: 'H 住宿和餐饮业', I: 'I 信息传输、软件和信息技术服务业',
    J: 'J 金融业', K: 'K 房地产业', L: 'L 租赁和商务服务业', M: 'M 科学研究和技术服务业', N: 'N 水利、环境和公共设施管理业',
    O: 'O 居民服务、修理和其他服务业', P: 'P 教育', Q: 'Q 卫生和社会工作', R: 'R 文化、体育和娱乐业',
    S: 'S 公共管理、社会保障和社会组织', T: 'T 国际组织',
  } satisfies Record<IndustrySection, string>,
}

export type VocabName = keyof typeof VOCAB_ZH
