import { useTranslation } from 'react-i18next'
import { Link, useNavigate, useParams } from 'react-router'
import { DemoBadge, ErrorMessage, Facts, Loading, PageHeader } from '../../components/Page'
import type { Language } from '../../i18n'
import { formatArea, formatCount, formatRate } from '../../lib/format'
import { DeleteControl } from '../parcels/DeleteControl'
import { HandbookLink } from '../sheets/SheetLinks'
import { useDeleteCluster, useRestoreCluster } from './mutations'
import { useCluster, useClusterBuildings } from './queries'

export function ClusterDetailScreen() {
  const { id = '' } = useParams()
  const { t } = useTranslation('clusters')
  const navigate = useNavigate()
  const cluster = useCluster(id)
  const remove = useDeleteCluster()
  const restore = useRestoreCluster()
  if (cluster.isPending) return <Loading />
  if (cluster.error) return <ErrorMessage error={cluster.error} onRetry={() => void cluster.refetch()} />
  const c = cluster.data
  return (
    <div className="detail">
      <PageHeader
        title={<>{c.name} <DemoBadge show={c.isDemo} /></>}
        subtitle={c.districtName}
        actions={
          c.deletedAt ? undefined : (
            <>
              <HandbookLink scope={{ kind: 'cluster', clusterId: c.id }} />
              <button type="button" onClick={() => void navigate(`/clusters/${c.id}/edit`)}>{t('common:actions.edit')}</button>
              <DeleteControl
                name={c.name}
                remove={() => remove.mutateAsync({ id: c.id })}
                restore={() => restore.mutateAsync({ id: c.id })}
                afterDelete="/clusters"
                afterRestore={`/clusters/${c.id}`}
              />
            </>
          )
        }
      />
      {c.deletedAt && <div className="error-box">{t('detail.deleted')}</div>}
      <section className="panel">
        <h2>{t('detail.facts')}</h2>
        <Facts items={[[t('fields.districtCode'), c.districtName], [t('columns.buildings'), formatCount(c.buildingCount)]]} />
        {c.description && <p className="notes">{c.description}</p>}
      </section>
      <ClusterBuildings clusterId={c.id} />
    </div>
  )
}

function ClusterBuildings({ clusterId }: { clusterId: string }) {
  const { t, i18n } = useTranslation('clusters')
  const lang = i18n.language as Language
  const buildings = useClusterBuildings(clusterId)
  if (buildings.isPending) return <Loading />
  if (buildings.error) return <ErrorMessage error={buildings.error} onRetry={() => void buildings.refetch()} />
  const rows = buildings.data
  const leasable = rows.reduce((sum, b) => sum + b.leasableArea, 0)
  const vacant = rows.reduce((sum, b) => sum + b.vacantArea, 0)
  return (
    <section className="panel">
      <h2>{t('detail.buildings')}</h2>
      {rows.length === 0 ? <p className="muted">{t('detail.noBuildings')}</p> : (
        <table className="table">
          <thead>
            <tr>
              <th>{t('detail.columns.name')}</th>
              <th>{t('detail.columns.grade')}</th>
              <th className="num">{t('detail.columns.leasable')}</th>
              <th className="num">{t('detail.columns.vacant')}</th>
              <th className="num">{t('detail.columns.vacancyRate')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((b) => (
              <tr key={b.id} data-testid="cluster-building-row">
                <td><Link to={`/buildings/${b.id}`}>{b.name}</Link></td>
                <td>{b.grade ? t(`common:vocab.grade.${b.grade}`) : '—'}</td>
                <td className="num">{formatArea(b.leasableArea, lang)}</td>
                <td className="num">{formatArea(b.vacantArea, lang)}</td>
                <td className="num">{formatRate(b.vacancyRate)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th>{t('detail.total')}</th>
              <th />
              <th className="num">{formatArea(leasable, lang)}</th>
              <th className="num">{formatArea(vacant, lang)}</th>
              <th className="num">{formatRate(leasable > 0 ? vacant / leasable : null)}</th>
            </tr>
          </tfoot>
        </table>
      )}
    </section>
  )
}
