import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { DemoRowRef } from '../../../../shared/demo'
import { Dialog } from '../../components/Dialog'
import { useToast } from '../../components/Toast'
// The targets' field labels, for naming what a person changed in a demo target.
import '../stats/tabs/targets/i18n'
import { useRemoveDemoData } from './mutations'
import { useDemoRemovalPreview, useStoreInfo } from './queries'

// 移除演示数据: shown while the store holds demo rows. The rows a person edited are listed first,
// each kept unless unticked; the demo rows their own records use are always kept.

export function DemoSection() {
  const { t } = useTranslation('settings')
  const info = useStoreInfo()
  const [open, setOpen] = useState(false)
  if (!info.data?.hasDemoData) return null
  return (
    <section className="panel" id="demo">
      <h2>{t('demo.title')}</h2>
      <p className="field__hint">{t('demo.hint')}</p>
      <button type="button" className="danger" onClick={() => setOpen(true)}>{t('demo.remove')}</button>
      {open && <DemoRemovalDialog onClose={() => setOpen(false)} />}
    </section>
  )
}

const key = (r: DemoRowRef) => `${r.table}:${r.id}`

/** Where each table's field labels are (the features' own forms), so "改过" names fields as the forms do. */
const FIELD_LABELS: Record<DemoRowRef['table'], string> = {
  buildings: 'buildings:fields', spaces: 'buildings:spaces.fields', leases: 'buildings:leases.fields', tenants: 'tenants:fields',
  parcels: 'parcels:fields', parks: 'parks:fields', clusters: 'clusters:fields', subParks: 'parks:subPark', parkHosts: 'parks:host',
  targets: 'statsTargets:dialog', targetEntries: 'statsTargets:dialog',
}

function DemoRemovalDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation('settings')
  const toast = useToast()
  const preview = useDemoRemovalPreview()
  const remove = useRemoveDemoData()
  // Keys of edited rows the person unticked (to be removed with the rest).
  const [dropped, setDropped] = useState<ReadonlySet<string>>(new Set())
  const p = preview.data
  const toggle = (r: DemoRowRef) =>
    setDropped((old) => {
      const next = new Set(old)
      if (next.has(key(r))) next.delete(key(r))
      else next.add(key(r))
      return next
    })
  const confirm = () => {
    if (!p) return
    const keep = p.edited.filter((r) => !dropped.has(key(r))).map(({ table, id }) => ({ table, id }))
    remove.mutate({ keep, previewStamp: p.stamp }, {
      onSuccess: (result) => {
        toast(t('demo.done', { removed: result.removed, kept: result.kept }))
        onClose()
      },
    })
  }
  // A field without a label of its own (deletedAt: deleted and restored) keeps its name.
  const fieldNames = (r: DemoRowRef) => r.fields.map((f) => t(`${FIELD_LABELS[r.table]}.${f}`, { defaultValue: f === 'deletedAt' ? t('demo.deletedField') : f })).join('、')
  const row = (r: DemoRowRef) => `${t(`demo.tables.${r.table}`)} · ${r.label}`
  return (
    <Dialog title={t('demo.remove')} onClose={onClose} wide>
      {!p ? (
        <p>{preview.error ? preview.error.message : t('demo.loading')}</p>
      ) : (
        <>
          <p>{t('demo.summary', { count: p.total })}</p>
          {p.edited.length > 0 && (
            <fieldset className="demo-removal__list">
              <legend>{t('demo.edited')}</legend>
              {p.edited.map((r) => (
                <label key={key(r)} className="demo-removal__row">
                  <input type="checkbox" checked={!dropped.has(key(r))} onChange={() => toggle(r)} />
                  {t('demo.keep')} {row(r)} <span className="field__hint">{t('demo.changed', { fields: fieldNames(r) })}</span>
                </label>
              ))}
            </fieldset>
          )}
          {p.inUse.length > 0 && (
            <div className="demo-removal__list">
              <div>{t('demo.inUse')}</div>
              <ul>
                {p.inUse.map((r) => (
                  <li key={key(r)}>{row(r)} <span className="field__hint">{t('demo.usedBy', { what: r.fields.join('、') })}</span></li>
                ))}
              </ul>
            </div>
          )}
          {remove.error && <div className="form-error" role="alert">{remove.error.message}</div>}
        </>
      )}
      <div className="modal__actions">
        <button type="button" className="danger" disabled={!p || remove.isPending} onClick={confirm}>
          {remove.isPending ? t('demo.removing') : t('demo.confirm')}
        </button>
        <button type="button" onClick={onClose}>{t('common:actions.cancel')}</button>
      </div>
    </Dialog>
  )
}
