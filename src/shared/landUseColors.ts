import type { LandUse } from './domain'

// The colours Chinese planning maps customarily give each land use (after GB 50137 and the
// 国土空间规划 colour tables), so a parcel looks on screen the way it does on a planning sheet.
// Shared by the parcel list swatches and, later, the map's parcel polygons.

export interface LandUseColor {
  /** Area fill, as on a land-use plan. */
  fill: string
  /** A darker outline, so pale fills (residential yellow) still show on white and on a basemap. */
  stroke: string
}

export const LAND_USE_COLORS: Readonly<Record<LandUse, LandUseColor>> = {
  residential: { fill: '#FFFF00', stroke: '#B3A600' }, // 居住用地 R：黄
  commercial: { fill: '#FF0000', stroke: '#A30000' }, // 商业用地 B：红
  mixed: { fill: '#FF9F00', stroke: '#B86E00' }, // 商住用地：橙
  industrial: { fill: '#BB9674', stroke: '#7A5C40' }, // 工业用地 M：棕
  m0: { fill: '#B05FD0', stroke: '#6E2E8C' }, // 新型产业用地 M0：紫
  logistics: { fill: '#9F7FFF', stroke: '#5B3FC0' }, // 物流仓储用地 W：紫罗兰
  public: { fill: '#FF7FBF', stroke: '#3F7FD9' }, // 公共管理与公共服务 A：粉（蓝边指公用设施）
  other: { fill: '#C8C8C8', stroke: '#808080' }, // 其他：灰
}

export function landUseColor(use: LandUse): LandUseColor {
  return LAND_USE_COLORS[use]
}
