import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { formatBytes } from '../../../../shared/format'
import type { SyncPeer } from '../../../../shared/sync'
import { Dialog } from '../../components/Dialog'
import { useExportPackage, useSavePackage } from './mutations'

const ALL = ''

/**
 * 导出修改给同事…: a colleague (only what they lack) or 全部修改; the package is made, then saved
 * at once like other exports (a download, or Electron's save dialog), its size and count shown.
 */
export function ExportPackageDialog({ peers, initialPeer, onClose }: { peers: SyncPeer[]; initialPeer: string | null; onClose: () => void }) {
  const { t } = useTranslation('sync')
  const colleagues = peers.filter((p) => p.kind === 'device')
  const [peer, setPeer] = useState(initialPeer ?? ALL)
  const make = useExportPackage()
  const save = useSavePackage()
  const file = make.data
  // Saved once, as soon as it is made; 再次保存 is there for a cancelled save dialog.
  const saveFile = save.mutate
  useEffect(() => {
    if (file) saveFile({ assetPath: file.assetPath, fileName: file.fileName })
  }, [file, saveFile])
  return (
    <Dialog title={t('export.title')} onClose={onClose}>
      <div className="sync-export">
        <label className="field">
          <span>{t('export.to')}</span>
          <select name="peer" value={peer} disabled={make.isPending} onChange={(e) => (setPeer(e.target.value), make.reset(), save.reset())}>
            <option value={ALL}>{t('export.all')}</option>
            {colleagues.map((p) => (
              <option key={p.id} value={p.id}>{p.name}</option>
            ))}
          </select>
          <span className="field__hint">{peer === ALL ? t('export.allHint') : t('export.peerHint')}</span>
        </label>
        {make.isPending && (
          <div className="progress" role="progressbar" aria-busy="true" aria-label={t('export.busy')}>
            <div className="progress__bar progress__bar--busy" />
            <span>{t('export.busy')}</span>
          </div>
        )}
        {file && (
          <p role="status" data-sync-package={file.fileName}>
            {t('export.done', { name: file.fileName, ops: file.ops, blobs: file.blobs, size: formatBytes(file.size) })}
            {save.data && ` · ${save.data.saved ? t('export.saved') : t('export.notSaved')}`}
          </p>
        )}
        {make.error && <div className="form-error" role="alert">{make.error.message}</div>}
        {save.error && <div className="form-error" role="alert">{save.error.message}</div>}
        <div className="modal__actions">
          {!file && (
            <button type="button" className="primary" disabled={make.isPending} onClick={() => make.mutate(peer === ALL ? {} : { peer })}>
              {make.isPending ? t('export.busy') : t('export.start')}
            </button>
          )}
          {file && (
            <button type="button" disabled={save.isPending} onClick={() => save.mutate({ assetPath: file.assetPath, fileName: file.fileName })}>
              {t('export.saveAgain')}
            </button>
          )}
          <button type="button" onClick={onClose}>
            {t('export.close')}
          </button>
        </div>
      </div>
    </Dialog>
  )
}
