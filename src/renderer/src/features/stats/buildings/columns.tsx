import type { MouseEvent } from 'react'
import { Link } from 'react-router'
import type { RollupLevel, RollupRow } from '../../../../../shared/stats'
import type { ChartColumn } from '../../../components/charts/ChartPanel'
import { formatValue } from '../../../components/charts/options'
import type { Language } from '../../../i18n'
import { HandbookLink } from '../../sheets/SheetLinks'

// The rollup table's columns: every figure of RollupRow, raw for the clipboard, 万/m²/% on screen.

type Translate = (key: string) => string

// A link inside a clickable row goes where it says, without also drilling down.
const stop = (event: MouseEvent) => event.stopPropagation()

/** `names`: the first column's heading and each row's name in the reader's language (rowNames.ts). */
export function rollupColumns(by: RollupLevel, lang: Language, t: Translate, tb: Translate, names: { group: string; name: (row: RollupRow) => string }): Array<ChartColumn<RollupRow>> {
  const figure = (key: keyof RollupRow & string, kind: Parameters<typeof formatValue>[1]): ChartColumn<RollupRow> => ({
    key,
    label: t(`figures.${key}`),
    value: (row) => row[key] as number | null,
    format: (row) => (kind === 'money' && key === 'taxPerLeasedM2' ? perM2(row.taxPerLeasedM2, lang) : formatValue(row[key] as number | null, kind, lang)),
    numeric: true,
    ...(kind === 'rate' ? { rate: true } : {}),
  })
  // A row that is one building (or one floor of it) has no count of buildings to show.
  const oneBuilding = by === 'building' || by === 'floor'
  return [
    { key: 'name', label: names.group, value: names.name },
    ...(oneBuilding ? [] : [figure('buildings', 'count')]),
    figure('leasableArea', 'area'),
    figure('vacantArea', 'area'),
    figure('vacancyRate', 'rate'),
    figure('occupancyRate', 'rate'),
    figure('tenants', 'count'),
    figure('aboveScaleTenants', 'count'),
    figure('registeredTenants', 'count'),
    figure('annualTax', 'money'),
    figure('taxPerLeasedM2', 'money'),
    figure('comingFree12m', 'area'),
    ...(by === 'district' || by === 'building' ? [linkColumn(by, tb)] : []),
  ]
}

const perM2 = (value: number | null, lang: Language) => (value == null ? '—' : `${formatValue(value, 'money', lang)}/m²`)

function linkColumn(by: 'district' | 'building', tb: Translate): ChartColumn<RollupRow> {
  return {
    key: 'link',
    label: '',
    value: () => null,
    copy: false,
    format: (row) =>
      row.key === null ? null
      : by === 'district' ? <span onClick={stop}><HandbookLink scope={{ kind: 'district', districtCode: row.key }} className="link-button" /></span>
      : <Link className="link-button" to={`/buildings/${row.key}`} onClick={stop}>{tb('openBuilding')}</Link>,
  }
}
