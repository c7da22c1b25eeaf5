import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { ErrorMessage, Loading, PageHeader } from '../../components/Page'
import { sourceOf } from './backupText'
import { BackupNow } from './BackupNow'
import { BackupSettingsForm } from './BackupSettingsForm'
import { BackupStatusFacts } from './BackupStatusFacts'
import { BackupTable } from './BackupTable'
import { useBackupList, useBackupStatus } from './queries'
import { RestoreDialog, type RestoreTarget } from './RestoreDialog'
import { RestoreFromFile } from './RestoreFromFile'
import './backup.css'

/** 数据安全: the backups' status, 立即备份, their settings, the list and every way to restore. */
export function DataSafetyScreen() {
  const { t } = useTranslation('backup')
  const status = useBackupStatus()
  const list = useBackupList()
  // Held here, above the panels that reload after a restore, so the dialog outlives their refetch.
  const [target, setTarget] = useState<RestoreTarget | null>(null)
  const s = status.data
  return (
    <div className="backup-screen">
      <PageHeader title={t('title')} subtitle={t('subtitle')} actions={<Link to="/settings">{t('backToSettings')}</Link>} />
      {status.error && <ErrorMessage error={status.error} onRetry={() => void status.refetch()} />}
      <div className="backup-screen__top">
        <section className="panel" aria-labelledby="backup-status-title">
          <h2 id="backup-status-title">{t('status.title')}</h2>
          {s ? <BackupStatusFacts status={s} /> : !status.error && <Loading />}
        </section>
        <section className="panel" aria-labelledby="backup-now-title">
          <h2 id="backup-now-title">{t('now.title')}</h2>
          <BackupNow />
        </section>
      </div>
      <section className="panel" aria-labelledby="backup-list-title">
        <div className="backup-list__head">
          <h2 id="backup-list-title">{t('list.title')}</h2>
          <RestoreFromFile onUploaded={({ uploadId, fileName }) => setTarget({ source: { uploadId }, fileName })} />
        </div>
        <p className="field__hint">{t('list.hint')}</p>
        {list.error && <ErrorMessage error={list.error} onRetry={() => void list.refetch()} />}
        {list.data && list.data.length === 0 && <p className="backup-empty">{t('list.empty')}</p>}
        {list.data && list.data.length > 0 && <BackupTable entries={list.data} onRestore={(entry) => setTarget({ source: sourceOf(entry), entry })} />}
        {list.isPending && <Loading />}
      </section>
      {/* Last: set once, while the list is what a person comes back for. */}
      <section className="panel" aria-labelledby="backup-settings-title">
        <h2 id="backup-settings-title">{t('settings.title')}</h2>
        {s && <BackupSettingsForm key={JSON.stringify(s.settings)} saved={s.settings} />}
      </section>
      {target && <RestoreDialog target={target} folder={s?.folder} onClose={() => setTarget(null)} />}
    </div>
  )
}
