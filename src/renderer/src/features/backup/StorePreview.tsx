import { useTranslation } from 'react-i18next'
import type { StoreFileCheck, StoreFileSummary } from '../../../../shared/backup'
import type { ApiCallError } from '../../api/client'
import { countsPhrase, localTime, megabytes, type Lang } from './backupText'

/** What a backup holds, or why it cannot be restored, in sentences. */
export function StorePreview({ check, error, pending }: { check: StoreFileCheck | undefined; error: ApiCallError | null; pending: boolean }) {
  const { t } = useTranslation('backup')
  if (pending) return <div className="backup-preview backup-preview--checking" role="status">{t('preview.checking')}</div>
  if (error) return <div className="error-box" role="alert" data-backup-refusal>{error.message}</div>
  if (!check) return null
  if (!check.ok) return <Refusal problem={check.problem} message={check.message} />
  return <SummaryText summary={check.summary} />
}

export function Refusal({ problem, message }: { problem: string; message: string }) {
  const { t } = useTranslation('backup')
  return (
    <div className="error-box backup-refusal" role="alert" data-backup-refusal={problem}>
      <div>
        <strong>{t(`problems.${problem}`)}</strong>
        {message && <div>{message}</div>}
      </div>
    </div>
  )
}

export function SummaryText({ summary }: { summary: StoreFileSummary }) {
  const { t, i18n } = useTranslation('backup')
  const lang: Lang = i18n.language === 'en' ? 'en' : 'zh'
  const counts = countsPhrase(summary.counts, (key, count) => t(`preview.counts.${key}`, { count }), lang)
  return (
    <div className="backup-preview" data-backup-preview>
      <p>{t('preview.holds', { counts })}</p>
      <p className="field__hint">
        {summary.newestChange
          ? t('preview.newest', { when: localTime(summary.newestChange.at), who: summary.newestChange.actor })
          : t('preview.neverChanged')}
        {' · '}
        {t('preview.size', { size: megabytes(summary.bytes) })}
      </p>
    </div>
  )
}
