// How a building's vacancy is shown at a glance, on the map and later on printed sheets: five
// classes from nearly full (green) to mostly empty (red), grey when nothing is leasable. Class
// breaks follow how bureaus talk about buildings: under 5 % is "full", over 40 % a problem tower.

export interface VacancyClass {
  key: 'full' | 'low' | 'mid' | 'high' | 'veryHigh' | 'none'
  /** Lower bound, inclusive (0..1); null for "no figures". */
  from: number | null
  /** Upper bound, exclusive; null for the open top class. */
  to: number | null
  color: string
}

export const VACANCY_CLASSES: readonly VacancyClass[] = [
  { key: 'full', from: 0, to: 0.05, color: '#1a9850' },
  { key: 'low', from: 0.05, to: 0.15, color: '#91cf60' },
  { key: 'mid', from: 0.15, to: 0.25, color: '#f6c945' },
  { key: 'high', from: 0.25, to: 0.4, color: '#fc8d59' },
  { key: 'veryHigh', from: 0.4, to: null, color: '#d73027' },
  { key: 'none', from: null, to: null, color: '#9e9e9e' },
]

export function vacancyClass(rate: number | null): VacancyClass {
  if (rate == null || !Number.isFinite(rate)) return VACANCY_CLASSES[5]!
  return VACANCY_CLASSES.find((c) => c.from !== null && rate >= c.from && (c.to === null || rate < c.to)) ?? VACANCY_CLASSES[4]!
}

/** Marker radius in pixels, growing with the square root of leasable area (so area reads as area). */
export function markerRadius(leasableArea: number): number {
  if (!(leasableArea > 0)) return 5
  return Math.round(Math.min(16, Math.max(5, 3 + Math.sqrt(leasableArea) / 22)))
}
