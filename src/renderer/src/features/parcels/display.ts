// Small display rules of parcel figures that lib/format.ts has no need for elsewhere.

const plain = (n: number) => String(Number(n.toFixed(2)))

/** 容积率 "1.5–3.0", "≥ 1.5", "≤ 3", or "—". */
export function plotRatioText(min: number | null, max: number | null): string {
  if (min == null && max == null) return '—'
  if (min != null && max != null) return min === max ? plain(min) : `${plain(min)}–${plain(max)}`
  return min != null ? `≥ ${plain(min)}` : `≤ ${plain(max!)}`
}
