import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate } from 'react-router'
import type { Language } from '../../../../i18n'
import { RANKINGS, type Ranking, type RankingRow, type StatsScope } from '../../../../../../shared/stats'
import { ChartPanel, type ChartColumn } from '../../../../components/charts/ChartPanel'
import { EmptyState, ErrorMessage, Loading } from '../../../../components/Page'
import { formatArea, formatMoney, formatMu, formatRate } from '../../../../lib/format'
import { useRanking } from '../../queries'
import { highestTag, rankingOption } from './shape'

const LIMITS = [10, 20, 50] as const

/** 千万元楼/亿元楼 are buildings' tags: a park's row shows none (the server gives parks none either; kept as a guard). */
const buildingTag = (r: RankingRow) => (r.kind === 'building' ? highestTag(r.tags) : null)

const pageOf = (r: RankingRow) => (r.kind === 'park' ? `/parks/${r.id}` : `/buildings/${r.id}`)

/** A ranking picked from the five, its first bars as a chart and every row in the table. */
export function RankingPanel({ by, limit, scope, onChange, aside }: {
  by: Ranking
  limit: number
  scope: StatsScope | undefined
  onChange: (next: { by?: Ranking; limit?: number }) => void
  /** More controls for the same line (the follow-the-map switch). */
  aside?: ReactNode
}) {
  const { t, i18n } = useTranslation('statsRankings')
  const lang = i18n.language as Language
  const navigate = useNavigate()
  const ranking = useRanking({ by, limit, scope })
  // Only an answer for this ranking: its values are formatted as this ranking's figure.
  const data = ranking.data?.by === by ? ranking.data : undefined

  const perMu = (v: number | null) => (v == null ? '—' : `${formatMoney(v, lang)}${t('perMu')}`)
  const formatValue = (v: number) =>
    by === 'tax' ? formatMoney(v, lang) : by === 'vacancy' ? formatRate(v) : by === 'taxPerMu' ? perMu(v) : formatArea(v, lang)

  const controls = (
    <div className="toolbar stats-toolbar">
      <span className="segmented" role="group" aria-label={t('rankBy')}>
        {RANKINGS.map((r) => (
          <button key={r} type="button" aria-pressed={r === by} onClick={() => onChange({ by: r })}>{t(`rankings.${r}`)}</button>
        ))}
      </span>
      <label>
        {t('limit')}
        <select name="rankingLimit" value={limit} onChange={(e) => onChange({ limit: Number(e.target.value) })}>
          {LIMITS.map((n) => <option key={n} value={n}>{t('limitOption', { n })}</option>)}
        </select>
      </label>
      {data && by === 'tax' && (
        <span className="tag-counts" title={t('tagRule')} data-testid="tag-counts">
          {t('tagCounts', { qianwan: data.tagCounts.qianwan, yiyuan: data.tagCounts.yiyuan })}
        </span>
      )}
      {aside}
    </div>
  )
  if (ranking.error) return <>{controls}<ErrorMessage error={ranking.error} onRetry={() => void ranking.refetch()} /></>
  if (!data) return <>{controls}<Loading /></>
  const rows = data.rows
  if (rows.length === 0) return <>{controls}<EmptyState title={by === 'taxPerMu' ? t('emptyTaxPerMu') : t('emptyRanking')} /></>

  const columns: Array<ChartColumn<RankingRow>> = [
    { key: 'rank', label: t('columns.rank'), numeric: true, value: (r) => r.rank },
    { key: 'name', label: t('columns.name'), value: (r) => r.name, format: (r) => <Link to={pageOf(r)} onClick={(e) => e.stopPropagation()}>{r.name}</Link> },
    ...(by === 'taxPerMu' ? [{ key: 'kind', label: t('columns.kind'), value: (r: RankingRow) => t(`kinds.${r.kind}`) }] : []),
    { key: 'district', label: t('columns.district'), value: (r) => r.districtName },
    { key: 'value', label: t(`rankings.${by}`), numeric: true, rate: by === 'vacancy', value: (r) => r.value, format: (r) => <b>{formatValue(r.value)}</b> },
    {
      key: 'tags', label: t('columns.tags'), value: (r) => { const tag = buildingTag(r); return tag ? t(`tags.${tag}`) : '' },
      format: (r) => { const tag = buildingTag(r); return tag ? <span className={`badge badge--${tag}`}>{t(`tags.${tag}`)}</span> : null },
    },
    ...(by === 'tax' ? [] : [{ key: 'annualTax', label: t('columns.annualTax'), numeric: true, value: (r: RankingRow) => r.annualTax, format: (r: RankingRow) => formatMoney(r.annualTax, lang) }]),
    ...(by === 'taxPerMu'
      ? [
          { key: 'landArea', label: t('columns.landArea'), numeric: true, value: (r: RankingRow) => r.landArea, format: (r: RankingRow) => formatMu(r.landArea, lang) },
        ]
      : [
          { key: 'leasableArea', label: t('columns.leasableArea'), numeric: true, value: (r: RankingRow) => r.leasableArea, format: (r: RankingRow) => formatArea(r.leasableArea, lang) },
          ...(by === 'vacantArea' ? [] : [{ key: 'vacantArea', label: t('columns.vacantArea'), numeric: true, value: (r: RankingRow) => r.vacantArea, format: (r: RankingRow) => formatArea(r.vacantArea, lang) }]),
          ...(by === 'vacancy' ? [] : [{ key: 'vacancyRate', label: t('columns.vacancyRate'), numeric: true, rate: true, value: (r: RankingRow) => r.vacancyRate, format: (r: RankingRow) => formatRate(r.vacancyRate) }]),
          ...(by === 'comingFree' ? [] : [{ key: 'comingFree12m', label: t('columns.comingFree12m'), numeric: true, value: (r: RankingRow) => r.comingFree12m, format: (r: RankingRow) => formatArea(r.comingFree12m, lang) }]),
        ]),
  ]
  const title = by === 'taxPerMu' ? t('rankingTitleParks') : t('rankingTitle', { by: t(`rankings.${by}`) })
  return (
    <>
      {controls}
      <ChartPanel<RankingRow>
        title={title}
        fileName={title}
        option={rankingOption(by, rows, t(`rankings.${by}`), lang)}
        rows={rows}
        rowKey={(r) => `${r.kind}:${r.id}`}
        onRowClick={(r) => void navigate(pageOf(r))}
        columns={columns}
      />
      <p className="stats-note">{t('tagRule')}</p>
    </>
  )
}
