import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { BackupNow } from './BackupNow'
import { BackupStatusFacts } from './BackupStatusFacts'
import { useBackupStatus } from './queries'
import './backup.css'

/** The settings screen's 数据安全: the status at a glance, 立即备份, and the way to the full screen. */
export function BackupSection() {
  const { t } = useTranslation('backup')
  const status = useBackupStatus()
  return (
    <section className="panel backup-section" aria-labelledby="backup-section-title" data-section="backup">
      <div className="backup-list__head">
        <h2 id="backup-section-title">{t('title')}</h2>
        <Link to="/settings/data-safety" className="button-like">{t('section.manage')}</Link>
      </div>
      <p className="field__hint">{t('section.hint')}</p>
      {status.data && <BackupStatusFacts status={status.data} showFolder={false} />}
      {status.error && <div className="form-error" role="alert">{status.error.message}</div>}
      <BackupNow />
    </section>
  )
}
