import { useTranslation } from 'react-i18next'
import type { TargetMonth, TargetRow } from '../../../../../../shared/stats'
import { ChartPanel, type ChartColumn } from '../../../../components/charts/ChartPanel'
import type { Language } from '../../../../i18n'
import { formatRate } from '../../../../lib/format'
import { formatPlain, formatTargetValue } from './format'
import { MonthEntries } from './MonthEntries'
import { progressOption } from './progressOption'
import './i18n'

/** One target's year month by month: the entry row (entered kinds), the chart and its table. */
export function TargetProgress({ target }: { target: TargetRow }) {
  const { t, i18n } = useTranslation('statsTargets')
  const lang = i18n.language as Language
  const monthName = (n: number) => t('months.month', { n })
  const value = (n: number) => formatTargetValue(n, target.unit, lang)
  const columns: Array<ChartColumn<TargetMonth>> = [
    { key: 'month', label: t('chart.month'), value: (m) => m.month },
    { key: 'value', label: t('chart.monthly'), value: (m) => m.value, format: (m) => value(m.value), numeric: true },
    { key: 'cumulative', label: t('chart.cumulative'), value: (m) => m.cumulative, format: (m) => value(m.cumulative), numeric: true },
    { key: 'completion', label: t('columns.completion'), value: (m) => m.cumulative / target.targetValue, format: (m) => formatRate(m.cumulative / target.targetValue), numeric: true, rate: true },
  ]
  const option = progressOption(target, {
    month: monthName,
    cumulative: t('chart.cumulative'),
    monthly: t('chart.monthly'),
    target: t('chart.target'),
    value: (n) => formatPlain(n, target.unit, lang),
  })
  return (
    <div className="target-progress">
      {!target.computed && <MonthEntries key={target.id} target={target} />}
      <ChartPanel
        title={t('months.title', { name: target.name })}
        option={option}
        rows={target.months}
        columns={columns}
        fileName={t('chart.fileName', { name: target.name, year: target.year })}
        rowKey={(m) => m.month}
        chartHeight={260}
      />
    </div>
  )
}
