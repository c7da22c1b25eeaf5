import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import type { SyncStatus } from '../../../../shared/sync'
import { pendingRowText } from '../../../../shared/syncPendingText'
import { ErrorMessage, Facts, Loading, PageHeader } from '../../components/Page'
import { ExportPackageDialog } from './ExportPackageDialog'
import { ImportPackage } from './ImportPackage'
import { PeersTable } from './PeersTable'
import { useSyncStatus } from './queries'
import { ServerCard } from './ServerCard'
import { shortId } from './syncText'
import './sync.css'

/** 协作与同步: this device, the team server, the colleagues, and packages out and in. */
export function SyncScreen() {
  const { t } = useTranslation('sync')
  const status = useSyncStatus()
  // undefined: the dialog is closed; null: open on 全部修改; an id: open on that colleague.
  const [exportFor, setExportFor] = useState<string | null | undefined>(undefined)
  const s = status.data
  return (
    <div className="sync-screen">
      <PageHeader title={t('title')} subtitle={t('subtitle')} />
      {status.error && <ErrorMessage error={status.error} onRetry={() => void status.refetch()} />}
      {status.isPending && <Loading />}
      {s && (
        <>
          <div className="sync-screen__top">
            <DeviceCard status={s} />
            <ServerCard server={s.server} />
          </div>
          <section className="panel" aria-labelledby="sync-exchange-title">
            <h2 id="sync-exchange-title">{t('exchange.title')}</h2>
            <p className="field__hint">{t('exchange.hint')}</p>
            <div className="sync-exchange">
              <button type="button" onClick={() => setExportFor(null)}>
                {t('export.button')}
              </button>
              <ImportPackage />
            </div>
          </section>
          <section className="panel" aria-labelledby="sync-peers-title">
            <h2 id="sync-peers-title">{t('peers.title')}</h2>
            <p className="field__hint">{t('peers.hint')}</p>
            <PeersTable peers={s.peers} onExport={(p) => setExportFor(p.id)} />
          </section>
          {exportFor !== undefined && <ExportPackageDialog peers={s.peers} initialPeer={exportFor} onClose={() => setExportFor(undefined)} />}
        </>
      )}
    </div>
  )
}

function DeviceCard({ status }: { status: SyncStatus }) {
  const { t, i18n } = useTranslation('sync')
  const number = (n: number) => t('device.count', { n: n.toLocaleString(i18n.language === 'en' ? 'en-US' : 'zh-CN') })
  return (
    <section className="panel" aria-labelledby="sync-device-title" data-sync-device={status.deviceId}>
      <h2 id="sync-device-title">{t('device.title')}</h2>
      <Facts
        items={[
          [t('device.actor'), status.actor],
          [t('device.id'), <code key="id" title={status.deviceId}>{shortId(status.deviceId)}</code>],
          [t('device.ops'), number(status.ops)],
          [t('device.ownOps'), number(status.ownOps)],
          [
            t('device.conflicts'),
            status.openConflicts > 0 ? (
              <Link key="c" to="/sync/conflicts" className="sync-conflict-link">
                {status.openConflicts} · {t('device.review')}
              </Link>
            ) : (
              t('device.none')
            ),
          ],
          [t('device.pending'), status.pendingRows > 0 ? number(status.pendingRows) : t('device.none')],
        ]}
      />
      {status.pendingRows > 0 && (
        <div className="sync-pending" data-sync-pending-list>
          <p className="field__hint">{t('device.pendingHint')}</p>
          <ul>
            {status.pending.map((p) => (
              <li key={`${p.table}:${p.rowId}`}>{pendingRowText(p)}</li>
            ))}
            {status.pendingRows > status.pending.length && <li>{t('device.pendingMore', { count: status.pendingRows - status.pending.length })}</li>}
          </ul>
        </div>
      )}
    </section>
  )
}
