import { useTranslation } from 'react-i18next'
import type { SyncPeer } from '../../../../shared/sync'
import { shortId, whenText } from './syncText'
import { useNow } from './useNow'

/** The colleagues this laptop exchanged packages with: when each way, and what still waits for them. */
export function PeersTable({ peers, onExport }: { peers: SyncPeer[]; onExport: (peer: SyncPeer) => void }) {
  const { t, i18n } = useTranslation('sync')
  const lang = i18n.language === 'en' ? 'en' : 'zh'
  const now = useNow()
  const colleagues = peers.filter((p) => p.kind === 'device')
  if (colleagues.length === 0) return <p className="sync-empty">{t('peers.empty')}</p>
  const when = (iso: string | null) => (iso ? whenText(iso, now, lang) : <span className="sync-muted">{t('peers.never')}</span>)
  return (
    <table className="table sync-peers">
      <thead>
        <tr>
          <th>{t('peers.columns.name')}</th>
          <th>{t('peers.columns.device')}</th>
          <th>{t('peers.columns.lastSent')}</th>
          <th>{t('peers.columns.lastReceived')}</th>
          <th className="num">{t('peers.columns.waiting')}</th>
          <th />
        </tr>
      </thead>
      <tbody>
        {colleagues.map((p) => (
          <tr key={p.id} data-sync-peer={p.id}>
            <td>{p.name}</td>
            <td><code>{shortId(p.id)}</code></td>
            <td>{when(p.lastSentAt)}</td>
            <td>{when(p.lastReceivedAt)}</td>
            <td className="num">{p.waiting.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-US')}</td>
            <td className="sync-peers__actions">
              <button type="button" className="link-button" onClick={() => onExport(p)}>
                {t('peers.exportTo')}
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
