import { Fragment, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { BackupEntry } from '../../../../shared/backup'
import { entryKey, localTime, megabytes, newestFirst, sourceOf } from './backupText'
import { SaveAsButton } from './BackupNow'
import { useBackupPreview } from './queries'
import { StorePreview } from './StorePreview'

/**
 * The backups of both folders, newest first: when (local time), why, where, how big; each with
 * 预览 (shown under its row), 恢复… and 另存为….
 */
export function BackupTable({ entries, onRestore, canSave = true }: { entries: readonly BackupEntry[]; onRestore: (entry: BackupEntry) => void; canSave?: boolean }) {
  const { t } = useTranslation('backup')
  const [previewed, setPreviewed] = useState<ReadonlySet<string>>(new Set())
  const toggle = (key: string) =>
    setPreviewed((prev) => {
      const next = new Set(prev)
      if (next.has(key)) next.delete(key)
      else next.add(key)
      return next
    })
  return (
    <table className="table backup-table">
      <thead>
        <tr>
          <th>{t('list.columns.when')}</th>
          <th>{t('list.columns.reason')}</th>
          <th>{t('list.columns.folder')}</th>
          <th className="num">{t('list.columns.size')}</th>
          <th />
        </tr>
      </thead>
      <tbody>
        {newestFirst(entries).map((e) => {
          const key = entryKey(e)
          const open = previewed.has(key)
          return (
            <Fragment key={key}>
              <tr data-backup-row={e.id} data-folder={e.folder}>
                <td className="backup-table__when">{localTime(e.createdAt)}</td>
                <td><span className={`badge backup-reason backup-reason--${e.reason}`}>{t(`reasons.${e.reason}`)}</span></td>
                <td>{t(`folders.${e.folder}`)}</td>
                <td className="num">{megabytes(e.bytes)}</td>
                <td className="backup-table__actions">
                  <button type="button" className="link-button" aria-expanded={open} onClick={() => toggle(key)}>{t('list.preview')}</button>
                  <button type="button" className="link-button" onClick={() => onRestore(e)}>{t('list.restore')}</button>
                  {canSave && <SaveAsButton entry={e} small />}
                </td>
              </tr>
              {open && (
                <tr className="backup-table__preview">
                  <td colSpan={5}>
                    <EntryPreview entry={e} />
                  </td>
                </tr>
              )}
            </Fragment>
          )
        })}
      </tbody>
    </table>
  )
}

function EntryPreview({ entry }: { entry: BackupEntry }) {
  const preview = useBackupPreview(sourceOf(entry))
  return <StorePreview check={preview.data} error={preview.error} pending={preview.isPending} />
}
