import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { BackupStatus } from '../../../../shared/backup'
import { Facts } from '../../components/Page'
import { localTime, megabytes, relativeTime, type Lang } from './backupText'

/** Status at a glance: the last backup, the next one, the second folder, the last failure. */
export function BackupStatusFacts({ status, showFolder = true }: { status: BackupStatus; showFolder?: boolean }) {
  const { t, i18n } = useTranslation('backup')
  const lang: Lang = i18n.language === 'en' ? 'en' : 'zh'
  const now = Date.now()
  const last = status.lastBackup
  const next = status.nextDueAt
  const mirror = status.mirror
  const items: Array<[string, ReactNode]> = [
    [
      t('status.last'),
      last ? (
        <span data-backup-last>
          {localTime(last.createdAt)}
          <span className="backup-muted">{lang === 'zh' ? `（${relativeTime(last.createdAt, now, lang)}）` : ` (${relativeTime(last.createdAt, now, lang)})`}</span>
          <br />
          <span className="backup-muted">{`${megabytes(last.bytes)} · ${t(`reasons.${last.reason}`)} · ${t(`folders.${last.folder}`)}`}</span>
        </span>
      ) : (
        <span className="backup-warn" data-backup-last>{t('status.lastNone')}</span>
      ),
    ],
    [
      t('status.next'),
      next === null ? (
        <span className="backup-warn">{t('status.off')}</span>
      ) : Date.parse(next) <= now ? (
        t('status.overdue')
      ) : (
        lang === 'zh' ? `${localTime(next)}（${relativeTime(next, now, lang)}）` : `${localTime(next)} (${relativeTime(next, now, lang)})`
      ),
    ],
    [
      t('status.mirror'),
      mirror === null ? (
        t('status.mirrorNone')
      ) : (
        <span data-backup-mirror={mirror.ok ? 'ok' : 'unreachable'}>
          <code className="settings__path">{mirror.dir}</code>
          <br />
          <span className={mirror.ok ? 'backup-ok' : 'backup-warn'}>{mirror.ok ? t('status.mirrorOk') : mirror.message}</span>
        </span>
      ),
    ],
  ]
  if (showFolder) items.push([t('status.localFolder'), <code key="folder" className="settings__path">{status.folder}</code>])
  return (
    <>
      <Facts items={items} />
      {status.lastError && (
        <div className="error-box backup-last-error" role="alert" data-backup-last-error>
          {t('status.lastError', { message: status.lastError })}
        </div>
      )}
    </>
  )
}
