import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { useStatusFollowsWrites, useSyncStatus } from './queries'
import { agoText, pendingTitle, summarizeStatus } from './syncText'
import { useNow } from './useNow'
import './syncBar.css'

/**
 * The top bar's sync status, on every screen: the last exchange, changes waiting to go out, open
 * conflicts (red, to the review) and a server that is signed out or unreachable. Compact: one line.
 */
export function SyncStatusBar() {
  const { t, i18n } = useTranslation('sync')
  useStatusFollowsWrites()
  const status = useSyncStatus()
  const now = useNow()
  if (status.error) {
    return (
      <div className="sync-bar sync-bar--muted" data-sync-status="unavailable" title={status.error.message}>
        <Link to="/sync">{t('bar.unavailable')}</Link>
      </div>
    )
  }
  if (!status.data) return null
  const s = summarizeStatus(status.data)
  const lang = i18n.language === 'en' ? 'en' : 'zh'
  return (
    <div className="sync-bar" role="status" aria-label={t('bar.label')} data-sync-status={s.server} data-sync-conflicts={s.conflicts}>
      <Link to="/sync" className="sync-bar__main" title={s.serverError ?? undefined}>
        <span className={`sync-bar__dot sync-bar__dot--${s.server}`} aria-hidden="true" />
        <span data-sync-last>{s.lastAt ? t('bar.last', { when: agoText(s.lastAt, now, lang) }) : t('bar.never')}</span>
        {s.waiting !== null && s.waiting > 0 && (
          <span className="sync-bar__waiting" data-sync-waiting={s.waiting}>
            {t('bar.waiting', { count: s.waiting, n: s.waiting.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-US') })}
          </span>
        )}
        {status.data.pendingRows > 0 && (
          <span className="sync-bar__warn" data-sync-pending={status.data.pendingRows} title={pendingTitle(status.data.pendingRows, status.data.pending)}>
            {t('bar.pending', { count: status.data.pendingRows })}
          </span>
        )}
        {s.server === 'signedOut' && <span className="sync-bar__warn">{t('bar.signedOut')}</span>}
        {s.server === 'failing' && <span className="sync-bar__warn">{t('bar.failing')}</span>}
      </Link>
      {s.conflicts > 0 && (
        <Link to="/sync/conflicts" className="sync-bar__conflicts" data-sync-conflict-link>
          {t('bar.conflicts', { count: s.conflicts })}
        </Link>
      )}
    </div>
  )
}
