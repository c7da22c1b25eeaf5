import { muToSquareMetres, squareMetresToMu } from '../../../../shared/domain'
import type { LandReadiness, LandUse, ParcelStatus } from '../../../../shared/domain'
import type { ParcelCreate } from '../../../../shared/schemas/parcels'
import type { Parcel } from '../../../../shared/types'
import { numberText, parseNumber, textOrNull } from '../../lib/form'
import { boundaryText, parseBoundaryText } from './boundaryText'
import { scaledNumber } from './units'

// The parcel form as typed (text in display units) and its translation to the API's units:
// area m² (typed in m² or 亩), ratios 0..1 (typed in %), reference price 元/亩 (typed in 万元/亩).

export type AreaUnit = 'm2' | 'mu'

export interface ParcelFormState {
  code: string
  name: string
  districtCode: string
  address: string
  lng: string
  lat: string
  boundary: string
  area: string
  areaUnit: AreaUnit
  /** The stored area and the 亩 text it was shown as: sent back unchanged while that text is, so
   * an edit elsewhere does not log a rounding change of the area. */
  areaLoaded: { text: string; m2: number } | null
  landUse: LandUse | ''
  plotRatioMin: string
  plotRatioMax: string
  buildingDensity: string
  greenRatio: string
  heightLimit: string
  readiness: LandReadiness | ''
  utilities: string
  status: ParcelStatus
  referencePrice: string
  targetIndustry: string
  contactName: string
  contactPhone: string
  notes: string
}

export const emptyParcelForm: ParcelFormState = {
  code: '', name: '', districtCode: '', address: '', lng: '', lat: '', boundary: '', area: '', areaUnit: 'mu', areaLoaded: null,
  landUse: '', plotRatioMin: '', plotRatioMax: '', buildingDensity: '', greenRatio: '', heightLimit: '',
  readiness: '', utilities: '', status: 'reserve', referencePrice: '', targetIndustry: '', contactName: '',
  contactPhone: '', notes: '',
}

const text = (v: string | null) => v ?? ''

/** An existing parcel in the form. Area is shown in 亩, the unit land is discussed in. */
export function parcelFormOf(p: Parcel): ParcelFormState {
  const areaText = p.area == null ? '' : squareMetresToMu(p.area).toFixed(2).replace(/\.?0+$/, '')
  return {
    code: p.code, name: p.name, districtCode: p.districtCode, address: text(p.address),
    lng: numberText(p.lng), lat: numberText(p.lat), boundary: boundaryText(p.boundary),
    area: areaText, areaUnit: 'mu', areaLoaded: p.area == null ? null : { text: areaText, m2: p.area },
    landUse: p.landUse, plotRatioMin: numberText(p.plotRatioMin), plotRatioMax: numberText(p.plotRatioMax),
    buildingDensity: numberText(p.buildingDensity, 0.01), greenRatio: numberText(p.greenRatio, 0.01),
    heightLimit: numberText(p.heightLimit), readiness: p.readiness ?? '', utilities: text(p.utilities), status: p.status,
    referencePrice: numberText(p.referencePrice, 10_000), targetIndustry: text(p.targetIndustry),
    contactName: text(p.contactName), contactPhone: text(p.contactPhone), notes: text(p.notes),
  }
}

/** The typed area in m², or null when empty or not a number. */
export function areaInSquareMetres(state: Pick<ParcelFormState, 'area' | 'areaUnit' | 'areaLoaded'>): number | null {
  if (state.areaLoaded && state.areaUnit === 'mu' && state.area === state.areaLoaded.text) return state.areaLoaded.m2
  const n = parseNumber(state.area)
  if (typeof n !== 'number') return null
  return state.areaUnit === 'mu' ? Math.round(muToSquareMetres(n) * 100) / 100 : n
}

export type LocalProblem = 'boundaryNotJson' | 'boundaryNotPolygon'

/**
 * The API input, and the problems that stop it being sent (field → i18n key of the message): only
 * an unreadable boundary, which would otherwise be sent as "no boundary". Everything else is left
 * to the server, which reports all problems at once.
 */
export function parcelInputOf(s: ParcelFormState): { input: ParcelCreate; problems: Partial<Record<string, LocalProblem>> } {
  const problems: Partial<Record<string, LocalProblem>> = {}
  const parsed = parseBoundaryText(s.boundary)
  if (!parsed.ok) problems.boundary = parsed.reason === 'json' ? 'boundaryNotJson' : 'boundaryNotPolygon'
  // Text that is not a number goes to the server as typed, so its message names the field.
  const area = areaInSquareMetres(s) ?? parseNumber(s.area)
  const input: ParcelCreate = {
    code: s.code,
    name: s.name,
    districtCode: s.districtCode,
    address: textOrNull(s.address),
    lng: parseNumber(s.lng),
    lat: parseNumber(s.lat),
    boundary: parsed.ok ? parsed.boundary : null,
    area,
    landUse: s.landUse as LandUse,
    plotRatioMin: parseNumber(s.plotRatioMin),
    plotRatioMax: parseNumber(s.plotRatioMax),
    buildingDensity: scaledNumber(s.buildingDensity, 0.01, 6),
    greenRatio: scaledNumber(s.greenRatio, 0.01, 6),
    heightLimit: parseNumber(s.heightLimit),
    readiness: s.readiness === '' ? null : s.readiness,
    utilities: textOrNull(s.utilities),
    status: s.status,
    referencePrice: scaledNumber(s.referencePrice, 10_000),
    targetIndustry: textOrNull(s.targetIndustry),
    contactName: textOrNull(s.contactName),
    contactPhone: textOrNull(s.contactPhone),
    notes: textOrNull(s.notes),
  }
  return { input, problems }
}
