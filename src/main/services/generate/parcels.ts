import turfArea from '@turf/area'
import { type LandUse, muToSquareMetres, type ParcelStatus } from '../../../shared/domain'
import type { Boundary } from '../../../shared/schemas/parcels'
import { PLANNING, USE_WORD } from '../demo/parcels'
import { round } from '../demo/random'
import { CITY, contactPerson, landline } from '../demo/tenants'
import { boundaryCentroid } from '../parcels/geometry'
import { CELL, CITY_BOX, LandGrid, parcelShape, ringAround } from './land'
import { NameBook } from './names'
import { DISTRICT_NAMES } from './positions'
import type { GenRandom } from './random'
import type { GenParcel } from './types'

// Land parcels, mostly on the outskirts where the land is (浑南, 沈北, 于洪, 苏家屯, 铁西 west), a
// few inside the old districts, gathered around development areas. Every parcel takes a free
// block of the city grid (land.ts) and is drawn as an irregular 4–8-sided polygon inside it; its
// area is measured with @turf/area from the polygon as stored, so the area and the boundary agree.

interface Zone {
  districtCode: string
  /** Development areas parcels gather around: position and spread (standard deviation, km). */
  nodes: ReadonlyArray<{ at: [lng: number, lat: number]; spread: number }>
  weight: number
  places: readonly string[]
  roads: readonly string[]
  uses: ReadonlyArray<readonly [LandUse, number]>
  /** Upper bound of parcel size here, 亩. */
  maxMu: number
  /** Land in the old districts is dearer. */
  priceFactor: number
}

const OUTSKIRTS = { maxMu: 300, priceFactor: 1 }
const INNER = { maxMu: 80, priceFactor: 1.3 }
const INNER_USES: ReadonlyArray<readonly [LandUse, number]> = [['residential', 35], ['commercial', 35], ['mixed', 20], ['public', 10]]
const node = (lng: number, lat: number, spread: number) => ({ at: [lng, lat] as [number, number], spread })

const ZONES: readonly Zone[] = [
  {
    districtCode: '210112', weight: 28, ...OUTSKIRTS,
    nodes: [node(123.5, 41.7, 1.6), node(123.575, 41.69, 1.9), node(123.49, 41.64, 1.6), node(123.44, 41.675, 1.3)],
    places: ['浑南科技城', '浑南东部', '桃仙', '高坎', '李相', '祝家', '白塔', '汪家', '深井子', '王家湾'],
    roads: ['创新路', '全运路', '浑南东路', '智慧大街', '沈本大街', '金卡路', '飞云路', '世纪路', '桃仙大街'],
    uses: [['industrial', 25], ['m0', 18], ['residential', 25], ['commercial', 12], ['mixed', 8], ['logistics', 6], ['public', 4], ['other', 2]],
  },
  {
    districtCode: '210113', weight: 18, ...OUTSKIRTS,
    nodes: [node(123.43, 41.94, 1.6), node(123.505, 41.965, 1.9), node(123.375, 41.975, 1.3), node(123.56, 41.925, 1.6)],
    places: ['道义', '虎石台', '蒲河', '辉山', '财落', '兴隆台', '黄家', '清水台', '新城子'],
    roads: ['道义大街', '蒲河路', '沈北路', '辉山大街', '虎石台南大街', '宏业街', '蒲昌路'],
    uses: [['industrial', 30], ['residential', 25], ['logistics', 12], ['m0', 8], ['commercial', 10], ['mixed', 7], ['public', 5], ['other', 3]],
  },
  {
    districtCode: '210114', weight: 14, ...OUTSKIRTS,
    nodes: [node(123.235, 41.82, 1.6), node(123.205, 41.88, 1.9), node(123.29, 41.86, 1.3)],
    places: ['沙岭', '造化', '大潘', '马三家', '平罗', '光辉', '于洪新城', '西江'],
    roads: ['沈新路', '西江街', '造化路', '沈大路', '黄海路', '洪湖街', '怒江北街'],
    uses: [['industrial', 30], ['logistics', 20], ['residential', 25], ['commercial', 10], ['mixed', 7], ['public', 5], ['other', 3]],
  },
  {
    districtCode: '210111', weight: 12, ...OUTSKIRTS,
    nodes: [node(123.31, 41.63, 1.6), node(123.385, 41.6, 1.9)],
    places: ['佟沟', '临湖', '八一', '十里河', '林盛', '陈相', '永乐', '红菱'],
    roads: ['佟沟街', '临湖大街', '海河路', '枫杨路', '雪松路', '迎春街', '沈苏大道'],
    uses: [['industrial', 30], ['logistics', 20], ['residential', 25], ['commercial', 10], ['mixed', 5], ['m0', 3], ['public', 4], ['other', 3]],
  },
  {
    districtCode: '210106', weight: 16, ...OUTSKIRTS,
    nodes: [node(123.23, 41.74, 1.9), node(123.155, 41.765, 1.6)],
    places: ['经开区', '细河', '大潘', '彰驿', '新民屯', '翟家', '沈西'],
    roads: ['开发大道', '沈辽路', '细河路', '浑河十一街', '浑河二十街', '中央大街'],
    uses: [['industrial', 50], ['logistics', 15], ['m0', 10], ['residential', 15], ['commercial', 5], ['public', 3], ['other', 2]],
  },
  { districtCode: '210102', weight: 3, ...INNER, nodes: [node(123.392, 41.755, 0.7)], places: ['长白', '南湖', '马路湾'], roads: ['长白南路', '沈水西路', '文化路'], uses: INNER_USES },
  { districtCode: '210103', weight: 3, ...INNER, nodes: [node(123.47, 41.772, 0.8)], places: ['五里河', '东陵', '泉园'], roads: ['青年大街', '文化东路', '东陵路'], uses: INNER_USES },
  { districtCode: '210104', weight: 3, ...INNER, nodes: [node(123.495, 41.822, 0.8)], places: ['东站', '小北', '大东'], roads: ['东望街', '小北关街', '沈铁路'], uses: INNER_USES },
  { districtCode: '210105', weight: 3, ...INNER, nodes: [node(123.41, 41.868, 0.8)], places: ['三台子', '明廉', '陵东'], roads: ['黄河北大街', '鸭绿江街', '崇山西路'], uses: INNER_USES },
]

/** Parcel size by use, 亩 (log-uniform: many small, a tail of large ones). */
const SIZE: Record<LandUse, [number, number]> = {
  residential: [30, 150], commercial: [5, 60], mixed: [20, 100], industrial: [15, 300], m0: [10, 80], logistics: [40, 300], public: [5, 50], other: [5, 80],
}


/** Reference price: 元/m² of floor area for uses priced that way (converted by plot ratio), else 万元/亩. */
const PRICE: Record<LandUse, { perFloorM2?: [number, number]; perMu?: [number, number] }> = {
  residential: { perFloorM2: [3_000, 5_500] }, mixed: { perFloorM2: [2_500, 4_000] }, commercial: { perFloorM2: [1_200, 2_800] },
  industrial: { perMu: [15, 30] }, m0: { perMu: [40, 90] }, logistics: { perMu: [18, 32] }, public: { perMu: [20, 60] }, other: { perMu: [15, 40] },
}

const INDUSTRIES: Partial<Record<LandUse, string[]>> = {
  industrial: ['智能制造', '新能源汽车零部件', '航空装备配套', '集成电路装备', '机器人及智能装备', '新材料', '食品精深加工'],
  m0: ['工业软件、集成电路设计', '生物医药研发', '人工智能、大数据', '科技研发总部'],
  logistics: ['冷链物流、电商仓储', '智慧物流', '保税仓储'],
  commercial: ['商业综合体、酒店', '商务办公', '商业零售'],
  mixed: ['商业配套', '商住综合开发'],
}

const CODE_PREFIX: Record<string, string> = {
  '210102': 'HP', '210103': 'SH', '210104': 'DD', '210105': 'HG', '210106': 'TX', '210111': 'SJT', '210112': 'HN', '210113': 'SB', '210114': 'YH',
}
const NOTES: Record<ParcelStatus, string | null> = {
  reserve: null, preparing: '出让条件正在论证，可提前对接意向项目。', listed: '已发布出让公告，欢迎意向企业咨询。', transferred: '已完成出让，项目待开工。',
}
const STATUSES: ReadonlyArray<readonly [ParcelStatus, number]> = [['reserve', 30], ['preparing', 25], ['listed', 18], ['transferred', 27]]

const ROAD = 12 // metres kept clear on every side of a parcel inside its block
const FILL = 0.78 // parcel area over the area of the rectangle it is drawn in
/** How much wider the development areas spread beyond 3,000 parcels, so 20,000 still find room. */
function spreadScale(count: number): number {
  return Math.max(1, Math.sqrt(count / 3000))
}

export interface ParcelOptions {
  onProgress?: (done: number, total: number) => void
}

export function buildParcels(random: GenRandom, count: number, options: ParcelOptions = {}): GenParcel[] {
  const grid = new LandGrid()
  const scale = spreadScale(count)
  const weighted = ZONES.map((z) => [z, z.weight] as const)
  const nodes = ZONES.flatMap((zone) => zone.nodes.map((n) => ({ ...n, zone })))
  const names = new NameBook()
  const serials = new Map<string, number>()
  const parcels: GenParcel[] = []

  for (let i = 0; i < count; i++) {
    let zone = random.weighted(weighted)
    const use = random.weighted(zone.uses)
    const [low, high] = SIZE[use]
    const mu = round(Math.max(5, random.logUniform(low, Math.min(high, zone.maxMu))), 2)
    const target = muToSquareMetres(mu)
    const aspect = random.float(0.6, 1.7, 3) // east–west over north–south
    const width = Math.sqrt((target * aspect) / FILL)
    const height = Math.sqrt(target / (aspect * FILL))
    const columns = Math.ceil((width + 2 * ROAD) / CELL)
    const rows = Math.ceil((height + 2 * ROAD) / CELL)

    const home = random.pick(zone.nodes)
    let block = grid.takeNear(random, home.at, home.spread * 1000 * scale, columns, rows)
    if (!block) {
      // Crowded here: the other development areas in a seeded order, by chance first, then cell by cell.
      const others = random.shuffle(nodes)
      for (const find of [
        (n: (typeof nodes)[number]) => grid.takeNear(random, n.at, n.spread * 1000 * scale, columns, rows),
        (n: (typeof nodes)[number]) => grid.scanNear(random, n.at, n.spread * 4000 * scale, columns, rows),
      ]) {
        for (const other of others) {
          block = find(other)
          if (block) {
            zone = other.zone
            break
          }
        }
        if (block) break
      }
    }
    if (!block) throw new Error(`generate: no room left for parcel ${i + 1} of ${count}`)

    // The parcel's rectangle sits somewhere inside its block, clear of the roads around it.
    const slackX = columns * CELL - 2 * ROAD - width
    const slackY = rows * CELL - 2 * ROAD - height
    const east = block.column * CELL + ROAD + width / 2 + random.float(0, slackX, 2)
    const north = block.row * CELL + ROAD + height / 2 + random.float(0, slackY, 2)
    const centreLng = CITY_BOX.west + (east / CELL) * grid.cellLng
    const centreLat = CITY_BOX.south + (north / CELL) * grid.cellLat
    const boundary = ringAround(parcelShape(random, width, height), centreLng, centreLat, target)

    parcels.push(parcelRow(random, zone, use, boundary, names, serials))
    if ((i + 1) % 1000 === 0) options.onProgress?.(i + 1, count)
  }
  return parcels
}

function parcelRow(random: GenRandom, zone: Zone, use: LandUse, boundary: Boundary, names: NameBook, serials: Map<string, number>): GenParcel {
  const status = random.weighted(STATUSES)
  const plan = PLANNING[use]
  const plotRatioMax = random.pick(plan.max)
  const price = PRICE[use]
  const perMu = price.perFloorM2
    ? (random.float(...price.perFloorM2, 0) * zone.priceFactor * plotRatioMax * muToSquareMetres(1)) / 10_000
    : random.float(...price.perMu!, 0) * zone.priceFactor
  const cleared = status === 'listed' || status === 'transferred' || (status === 'preparing' ? random.chance(0.7) : random.chance(0.3))
  const year = status === 'transferred' ? random.int(2021, 2024) : random.int(2024, 2025)
  const prefix = `${CODE_PREFIX[zone.districtCode]}${year}`
  const serial = (serials.get(prefix) ?? 0) + 1
  serials.set(prefix, serial)
  const place = random.pick(zone.places)
  const road = random.pick(zone.roads)
  const side = random.pick(['东', '西', '南', '北'])
  const industries = INDUSTRIES[use]
  return {
    id: random.uuid(),
    code: `${prefix}-${String(serial).padStart(4, '0')}`,
    name: names.unique(() => `${road.startsWith(place) ? '' : place}${road}${side}侧${USE_WORD[use]}地块`, (base, n) => base.replace(/地块$/, `${n}号地块`), 1),
    districtCode: zone.districtCode,
    address: `${DISTRICT_NAMES[zone.districtCode]}${road}${side}侧`,
    ...boundaryCentroid(boundary),
    boundary,
    area: round(turfArea(boundary), 2),
    landUse: use,
    plotRatioMin: plan.min,
    plotRatioMax,
    buildingDensity: random.float(...plan.density, 2),
    greenRatio: random.float(...plan.green, 2),
    heightLimit: random.pick(plan.height),
    readiness: cleared ? 'cleared' : 'uncleared',
    utilities: cleared ? random.pick(['七通一平', '五通一平']) : '三通一平',
    status,
    // Stored in 元/亩 from a whole number of 万元/亩, as the demo and the parcel form do.
    referencePrice: Math.round(perMu) * 10_000,
    targetIndustry: industries ? random.pick(industries) : null,
    contactName: contactPerson(random),
    contactPhone: landline(random, CITY.shenyang),
    notes: NOTES[status],
  }
}
