import { z } from 'zod'
import { findTextProblem, textProblemMessage } from '../text'
import * as f from './common'

// Inputs of the basemap methods: offline packages, online tile sources and area downloads.

export const MAP_CRS = ['wgs84', 'gcj02'] as const

/** Deepest zoom an online source or an area download may ask for. */
export const MAX_ZOOM = 22
/** Web Mercator stops at ±85.0511°; tiles do not exist beyond. */
export const MERCATOR_MAX_LAT = 85.0511287798

export const mapCrs = z.enum(MAP_CRS, { error: '坐标系：应为 wgs84（天地图、GPS）或 gcj02（高德、腾讯）' })

const zoom = (label: string) => f.intInRange(label, 0, MAX_ZOOM)

/**
 * Placeholders an XYZ URL template may use: {z} {x} {y}, {-y} (TMS row), {s} (subdomain a/b/c)
 * and {switch:0,1,2} (subdomains listed in the template, e.g. Tianditu's t0 … t7).
 */
export const URL_TEMPLATE_PLACEHOLDER = /\{(z|x|y|-y|s|switch:[^{}]+)\}/g

export const urlTemplate = z
  .string({ error: '地址模板：必填' })
  .trim()
  .min(1, { error: '地址模板：必填' })
  .max(2000, { error: '地址模板：不能超过 2000 个字符' })
  .superRefine((value, ctx) => {
    const issue = (message: string) => ctx.addIssue({ code: 'custom', message })
    const problem = findTextProblem(value)
    if (problem) return issue(`地址模板：${textProblemMessage(problem)}`)
    if (!/^https?:\/\//i.test(value)) return issue('地址模板：应以 http:// 或 https:// 开头')
    if (/\s/.test(value)) return issue('地址模板：不能包含空格')
    const unknown = value.replace(URL_TEMPLATE_PLACEHOLDER, '').match(/\{[^}]*\}?/)
    if (unknown) return issue(`地址模板：不认识的占位符 ${unknown[0]}（可用 {z} {x} {y} {-y} {s} {switch:…}）`)
    if (!value.includes('{z}')) return issue('地址模板：缺少级别占位符 {z}')
    if (!value.includes('{x}')) return issue('地址模板：缺少列号占位符 {x}')
    if (!value.includes('{y}') && !value.includes('{-y}')) return issue('地址模板：缺少行号占位符 {y} 或 {-y}')
    const switches = value.match(/\{switch:([^{}]+)\}/g) ?? []
    for (const s of switches) {
      const options = s.slice('{switch:'.length, -1).split(',')
      if (options.some((o) => !/^[A-Za-z0-9-]+$/.test(o))) return issue(`地址模板：${s} 的选项只能是以逗号分隔的字母或数字`)
    }
    try {
      new URL(value.replace(URL_TEMPLATE_PLACEHOLDER, '0'))
    } catch {
      return issue('地址模板：不是有效的网址')
    }
  })

// Bounded loosely here so no number is unbounded; the refinement below says which bound was crossed.
const degrees = z.number({ error: '范围：应为有限的数字' }).min(-1000, { error: '范围：应为有限的数字' }).max(1000, { error: '范围：应为有限的数字' })

/** [west, south, east, north] in WGS-84 degrees. */
export const bbox = z
  .tuple([degrees, degrees, degrees, degrees], { error: '范围：应为 [西, 南, 东, 北] 四个经纬度数字' })
  .superRefine(([west, south, east, north], ctx) => {
    const issue = (message: string) => ctx.addIssue({ code: 'custom', message })
    if (![west, south, east, north].every(Number.isFinite)) return issue('范围：应为有限的数字')
    if (west < -180 || east > 180) return issue('范围：经度应在 -180 到 180 之间')
    if (south < -MERCATOR_MAX_LAT || north > MERCATOR_MAX_LAT) return issue('范围：纬度应在 -85.05 到 85.05 之间')
    if (west >= east) return issue('范围：西边界应小于东边界')
    if (south >= north) return issue('范围：南边界应小于北边界')
  })

const zoomRange = <T extends { minZoom?: number; maxZoom: number }>(value: T, ctx: z.RefinementCtx) => {
  if ((value.minZoom ?? 0) > value.maxZoom) {
    ctx.addIssue({ code: 'custom', path: ['maxZoom'], message: '最大级别：不能小于最小级别' })
  }
}

export const basemapSetActive = z.strictObject({ id: f.id('底图').nullable() })

export const basemapImport = z.strictObject({
  uploadId: f.id('上传文件'),
  name: f.requiredText('底图名称', 100).optional(),
  crs: mapCrs,
})

export const basemapAddOnline = z
  .strictObject({
    name: f.requiredText('底图名称', 100),
    urlTemplate,
    crs: mapCrs,
    minZoom: zoom('最小级别').optional(),
    maxZoom: zoom('最大级别'),
    attribution: f.optionalText('版权声明', 500),
    /** Warnings accepted: 'basemap.plainHttp' (tiles fetched over unencrypted http from another machine). */
    accept: f.accept,
  })
  .superRefine(zoomRange)

export const basemapUpdate = z.strictObject({
  id: f.id('底图'),
  name: f.requiredText('底图名称', 100).optional(),
  crs: mapCrs.optional(),
  attribution: f.optionalText('版权声明', 500),
})

export const basemapArea = z
  .strictObject({
    id: f.id('底图'),
    bbox,
    minZoom: zoom('最小级别'),
    maxZoom: zoom('最大级别'),
  })
  .superRefine(zoomRange)

export type BasemapAddOnline = z.input<typeof basemapAddOnline>
export type BasemapArea = z.output<typeof basemapArea>
