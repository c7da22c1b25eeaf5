import { round } from '../demo/random'
import type { GenRandom } from './random'

// Where generated buildings stand: around business centres in Shenyang's urban districts, each
// with a rough WGS-84 position (plausible, not surveyed), a profile that decides what kinds of
// building it holds, and the place words and roads its names and addresses use. A building takes
// its centre's district, so district figures and map positions agree.

export type CentreProfile = 'core' | 'urban' | 'newtown' | 'industrial'

export interface BusinessCentre {
  key: string
  /** Short place name, e.g. for cluster names: 市府广场 → 市府广场总部楼宇集聚区. */
  name: string
  districtCode: string
  centre: [lng: number, lat: number]
  /** Share of the city's buildings (relative weight). */
  weight: number
  profile: CentreProfile
  /** Standard deviation of the scatter around the centre, metres, before scaling with the count. */
  spread: number
  /** Place words names start with. */
  stems: readonly string[]
  roads: readonly string[]
}

export const DISTRICT_NAMES: Record<string, string> = {
  '210102': '和平区', '210103': '沈河区', '210104': '大东区', '210105': '皇姑区', '210106': '铁西区',
  '210111': '苏家屯区', '210112': '浑南区', '210113': '沈北新区', '210114': '于洪区',
}

const c = (
  key: string, name: string, districtCode: string, centre: [number, number], weight: number, profile: CentreProfile,
  stems: string[], roads: string[],
): BusinessCentre => ({
  key, name, districtCode, centre, weight, profile, stems, roads,
  spread: { core: 450, urban: 600, newtown: 800, industrial: 1300 }[profile],
})

export const CENTRES: readonly BusinessCentre[] = [
  // 沈河区
  c('shifu', '市府广场', '210103', [123.4265, 41.8015], 9, 'core', ['市府', '盛京', '府前', '金廊', '青年'], ['市府大路', '青年大街', '北京街', '南京北街']),
  c('beizhan', '惠工方圆', '210103', [123.4285, 41.8115], 7, 'core', ['北站', '惠工', '方圆', '金融街', '北顺城'], ['北站路', '惠工街', '北站一路', '哈尔滨路']),
  c('caita', '彩塔', '210103', [123.4315, 41.7725], 8, 'core', ['彩塔', '金廊', '五里河', '文萃', '浑河'], ['青年大街', '彩塔街', '文萃路', '文化东路']),
  c('zhongjie', '中街', '210103', [123.4585, 41.7995], 5, 'urban', ['中街', '盛京', '大南', '沈阳路', '正阳'], ['中街路', '朝阳街', '小东路', '正阳街']),
  // 和平区
  c('taiyuan', '太原街', '210102', [123.4045, 41.7975], 7, 'core', ['太原', '中华', '南京街', '和平', '中山'], ['太原北街', '中华路', '南京北街', '民族北街']),
  c('xita', '西塔', '210102', [123.4095, 41.8085], 4, 'urban', ['西塔', '北市', '市府西', '十一纬'], ['市府大路', '西塔街', '北二马路']),
  c('sanhao', '三好街', '210102', [123.4185, 41.7725], 5, 'urban', ['三好', '南湖', '文艺', '科技', '数码'], ['三好街', '文化路', '文艺路', '南湖路']),
  c('changbai', '长白岛', '210102', [123.3925, 41.7525], 3, 'newtown', ['长白', '浑河', '滨河', '沈水'], ['长白南路', '长白西路', '沈水西路']),
  // 大东区
  c('dadong', '大东路', '210104', [123.4685, 41.8085], 4, 'urban', ['大东', '小北', '万泉', '东顺城'], ['大东路', '小北关街', '东顺城街']),
  c('pangjiang', '滂江街', '210104', [123.4875, 41.7975], 3, 'urban', ['滂江', '东站', '津桥', '东望'], ['滂江街', '东望街', '小河沿路']),
  c('beihai', '东北大马路', '210104', [123.4725, 41.8225], 2, 'urban', ['东塔', '北海', '大东', '东北大马路'], ['东北大马路', '北海街', '新东一街']),
  // 皇姑区
  c('beixing', '北行', '210105', [123.4185, 41.8345], 4, 'urban', ['北行', '长江', '皇姑', '华山'], ['长江街', '北行路', '华山路']),
  c('huanghe', '北陵', '210105', [123.4285, 41.8505], 3, 'urban', ['北陵', '黄河', '崇山', '泰山'], ['黄河北大街', '崇山东路', '泰山路']),
  // 铁西区
  c('tiexi', '铁西广场', '210106', [123.3575, 41.8005], 5, 'urban', ['铁西', '兴华', '建设', '保工'], ['兴华南街', '建设中路', '北二路']),
  c('zhonggong', '重工街', '210106', [123.3375, 41.7965], 3, 'urban', ['重工', '劳动', '卫工', '启工'], ['重工街', '南十西路', '卫工街']),
  c('jingkai', '铁西经开', '210106', [123.2555, 41.7655], 4, 'industrial', ['经开', '沈西', '细河', '开发大道'], ['开发大道', '沈辽路', '细河路', '浑河十一街']),
  // 浑南区
  c('hunnan-new', '浑南新城', '210112', [123.4625, 41.7415], 5, 'newtown', ['浑南', '奥体', '营盘', '富民'], ['浑南中路', '营盘北街', '富民南街']),
  c('kejicheng', '浑南科技城', '210112', [123.4705, 41.7185], 5, 'newtown', ['浑南', '科技城', '创新', '智慧'], ['创新路', '智慧大街', '世纪路']),
  c('quanyun', '全运路', '210112', [123.4405, 41.7305], 3, 'newtown', ['全运', '浑河', '金卡', '浑南西'], ['全运路', '浑南西路', '金卡路']),
  c('hunnan-east', '浑南东部', '210112', [123.5185, 41.6985], 3, 'industrial', ['浑南东', '东湖', '高坎', '飞云'], ['浑南东路', '飞云路', '天成街']),
  c('taoxian', '桃仙', '210112', [123.4885, 41.6515], 2, 'industrial', ['桃仙', '空港', '航空'], ['桃仙大街', '机场路', '航空路']),
  // 于洪区
  c('yuhong', '于洪新城', '210114', [123.2905, 41.8105], 3, 'newtown', ['于洪', '沙岭', '洪湖', '黄海'], ['沈大路', '黄海路', '洪湖街']),
  c('yuhong-ind', '于洪工业区', '210114', [123.2305, 41.8405], 2, 'industrial', ['于洪', '造化', '西江', '沈新'], ['西江街', '沈新路', '造化路']),
  // 沈北新区
  c('daoyi', '道义', '210113', [123.4405, 41.9155], 3, 'newtown', ['道义', '沈北', '蒲河', '蒲昌'], ['道义大街', '蒲河路', '沈北路']),
  c('hushitai', '虎石台', '210113', [123.4805, 41.9585], 2, 'industrial', ['虎石台', '辉山', '沈北', '宏业'], ['虎石台南大街', '辉山大街', '宏业街']),
  // 苏家屯区
  c('sujiatun', '苏家屯', '210111', [123.3455, 41.6655], 2, 'urban', ['苏家屯', '枫杨', '雪松', '迎春'], ['枫杨路', '雪松路', '迎春街']),
  c('sujiatun-ind', '苏家屯工业区', '210111', [123.3055, 41.6405], 2, 'industrial', ['苏家屯', '佟沟', '临湖', '海河'], ['佟沟街', '临湖大街', '海河路']),
]

const EARTH_RADIUS = 6_378_137
const DEG = 180 / Math.PI

/** Degrees of longitude and latitude per metre at a latitude. */
export function degreesPerMetre(lat: number): { lng: number; lat: number } {
  return { lng: DEG / (EARTH_RADIUS * Math.cos(lat / DEG)), lat: DEG / EARTH_RADIUS }
}

/** Ground distance in metres between two nearby points (equirectangular; fine within a city). */
export function metresBetween(a: readonly [number, number], b: readonly [number, number]): number {
  const perMetre = degreesPerMetre((a[1] + b[1]) / 2)
  return Math.hypot((a[0] - b[0]) / perMetre.lng, (a[1] - b[1]) / perMetre.lat)
}

/**
 * How much wider the scatter gets for a large count, so 10,000 buildings do not pile up on a few
 * streets: 1 up to 4,000 buildings, growing with the square root, at most 2.5.
 */
export function spreadScale(buildingCount: number): number {
  return Math.min(2.5, Math.max(1, Math.sqrt(buildingCount / 4000)))
}

/** A point scattered normally around the centre, cut off at three standard deviations. */
export function scatterAround(random: GenRandom, centre: BusinessCentre, scale: number): [number, number] {
  const sigma = centre.spread * scale
  const perMetre = degreesPerMetre(centre.centre[1])
  const clip = (v: number) => Math.max(-3, Math.min(3, v))
  const east = clip(random.gaussian()) * sigma
  const north = clip(random.gaussian()) * sigma
  return [round(centre.centre[0] + east * perMetre.lng, 6), round(centre.centre[1] + north * perMetre.lat, 6)]
}
