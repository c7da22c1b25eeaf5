import { useEffect, useRef, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { useSearchParams } from 'react-router'
import { MAP_CRS } from '../../../../shared/schemas/basemaps'
import type { Basemap, MapCrs } from '../../../../shared/types'
import { ConfirmDialog } from '../../components/Dialog'
import { NumberField, SelectField, TextField } from '../../components/Field'
import { useWarningConfirm, warningsOf } from '../../components/WarningConfirm'
import { useToast } from '../../components/Toast'
import { parseNumber } from '../../lib/form'
import { formatBytes, formatCount } from '../../lib/format'
import { useAddOnlineBasemap, useImportBasemap, useRemoveBasemap, useSetActiveBasemap } from './mutations'
import { useBasemaps } from './queries'

/** Settings: the basemaps of this computer — switch, import a package, add an online source, remove. */
export function BasemapsSection() {
  const { t } = useTranslation('basemaps')
  const list = useBasemaps()
  const setActive = useSetActiveBasemap()
  const remove = useRemoveBasemap()
  const toast = useToast()
  const [removing, setRemoving] = useState<Basemap | null>(null)
  const activeId = list.data?.activeId ?? null
  // The map's basemap switch links here (?section=basemaps): come into view.
  const [params] = useSearchParams()
  const here = useRef<HTMLElement>(null)
  const linked = params.get('section') === 'basemaps'
  useEffect(() => {
    if (linked) here.current?.scrollIntoView({ block: 'start' })
  }, [linked])
  return (
    <section className="panel" aria-labelledby="basemaps-title" ref={here} data-section="basemaps">
      <h2 id="basemaps-title">{t('title')}</h2>
      <p className="field__hint">{t('hint')}</p>
      <div className="basemaps-ways" data-basemap-ways>
        <strong>{t('ways.title')}</strong>
        <ol>
          <li>{t('ways.package')}</li>
          <li>{t('ways.online')}</li>
          <li>{t('ways.area')}</li>
        </ol>
      </div>
      <table className="table basemaps-table">
        <thead>
          <tr>
            <th>{t('columns.name')}</th>
            <th>{t('columns.kind')}</th>
            <th>{t('columns.crs')}</th>
            <th>{t('columns.zoom')}</th>
            <th className="num">{t('columns.size')}</th>
            <th>{t('columns.active')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          <tr data-basemap="builtin">
            <td>{t('builtin')}<div className="field__hint">{t('builtinHint')}</div></td>
            <td>—</td>
            <td>{t('crsShort.wgs84')}</td>
            <td>—</td>
            <td className="num">—</td>
            <td>
              <ActiveButton active={activeId === null} onUse={() => setActive.mutate({ id: null })} />
            </td>
            <td />
          </tr>
          {(list.data?.basemaps ?? []).map((b) => (
            <tr key={b.id} data-basemap={b.id}>
              <td>{b.name}{b.attribution && <div className="field__hint">{b.attribution}</div>}</td>
              <td>{t(`kind.${b.kind}`)}{b.cachedTiles != null && <div className="field__hint">{t('cached', { tiles: formatCount(b.cachedTiles) })}</div>}</td>
              <td>{t(`crsShort.${b.crs}`)}</td>
              <td>{t('zoomRange', { min: b.minZoom, max: b.maxZoom })}</td>
              <td className="num">{formatBytes(b.sizeBytes)}</td>
              <td>
                <ActiveButton active={activeId === b.id} onUse={() => setActive.mutate({ id: b.id })} />
              </td>
              <td>
                <button type="button" className="danger" onClick={() => setRemoving(b)}>{t('remove')}</button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="basemaps-forms">
        <ImportForm />
        <OnlineForm />
      </div>
      {removing && (
        <ConfirmDialog
          title={t('removeTitle')}
          message={t('removeConfirm', { name: removing.name, size: formatBytes(removing.sizeBytes) })}
          confirmLabel={t('remove')}
          pending={remove.isPending}
          onCancel={() => setRemoving(null)}
          onConfirm={() =>
            remove.mutate(
              { id: removing.id },
              {
                onSuccess: () => {
                  toast(t('removed', { name: removing.name }))
                  setRemoving(null)
                },
              },
            )
          }
        />
      )}
    </section>
  )
}

function ActiveButton({ active, onUse }: { active: boolean; onUse: () => void }) {
  const { t } = useTranslation('basemaps')
  return active ? <span className="badge badge--vacant">{t('inUse')}</span> : <button type="button" onClick={onUse}>{t('use')}</button>
}

const crsOptions = (t: (k: string) => string) => MAP_CRS.map((c) => ({ value: c, label: t(`crs.${c}`) }))

function ImportForm() {
  const { t } = useTranslation('basemaps')
  const toast = useToast()
  const importer = useImportBasemap()
  const [file, setFile] = useState<File | null>(null)
  const [name, setName] = useState('')
  const [crs, setCrs] = useState<MapCrs>('wgs84')
  const [percent, setPercent] = useState<number | null>(null)
  const [inputKey, setInputKey] = useState(0)
  const submit = (e: FormEvent) => {
    e.preventDefault()
    if (!file) return
    setPercent(0)
    importer.mutate(
      { file, name, crs, onProgress: (sent, total) => setPercent(total > 0 ? Math.round((sent / total) * 100) : null) },
      {
        onSuccess: (b) => {
          toast(t('import.done', { name: b.name }))
          setFile(null)
          setName('')
          setInputKey((k) => k + 1)
        },
        onSettled: () => setPercent(null),
      },
    )
  }
  return (
    <form className="basemaps-form" onSubmit={submit} noValidate aria-labelledby="basemap-import-title">
      <h3 id="basemap-import-title">{t('import.title')}</h3>
      <div className="field">
        <span>{t('import.file')}</span>
        <div className="file-choice">
          {/* The native file button speaks the system's language; this one speaks the app's. */}
          <label className="button-like">
            {t('import.choose')}
            <input key={inputKey} type="file" name="basemapFile" accept=".mbtiles,.pmtiles" hidden onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
          </label>
          <span className="file-choice__name">{file ? `${file.name}（${formatBytes(file.size)}）` : t('import.noFile')}</span>
        </div>
      </div>
      <TextField label={t('import.name')} name="basemapName" value={name} onChange={setName} error={importer.error?.fieldErrors().name} />
      <SelectField label={t('import.crs')} name="basemapCrs" value={crs} options={crsOptions(t)} onChange={(v) => setCrs(v || 'wgs84')} />
      <div className="field__hint">{t('import.crsHint')}</div>
      {importer.isPending && (
        <div className="progress" role="progressbar" aria-valuenow={percent ?? undefined} aria-valuemin={0} aria-valuemax={100}>
          <div className="progress__bar" style={{ width: `${percent ?? 100}%` }} />
          <span>{percent !== null && percent < 100 ? t('import.progress', { percent }) : t('import.importing')}</span>
        </div>
      )}
      {importer.error && <div className="form-error" role="alert">{importer.error.message}</div>}
      <button type="submit" className="primary" disabled={!file || importer.isPending} title={file ? undefined : t('import.chooseFile')}>{t('import.submit')}</button>
    </form>
  )
}

function OnlineForm() {
  const { t } = useTranslation('basemaps')
  const toast = useToast()
  const add = useAddOnlineBasemap()
  const empty = { name: '', urlTemplate: '', crs: 'wgs84' as MapCrs, minZoom: '', maxZoom: '18', attribution: '' }
  const [s, setS] = useState(empty)
  const set = (key: keyof typeof s) => (value: string) => setS((prev) => ({ ...prev, [key]: value }))
  // An http:// source answers needs_confirmation: asked in the warning dialog, then sent again with accept.
  const warn = useWarningConfirm()
  const shownError = warningsOf(add.error) ? null : add.error
  const errors = shownError?.fieldErrors() ?? {}
  const submit = (e: FormEvent) => {
    e.preventDefault()
    const minZoom = parseNumber(s.minZoom)
    const input = {
      name: s.name,
      urlTemplate: s.urlTemplate,
      crs: s.crs,
      maxZoom: parseNumber(s.maxZoom) as number,
      ...(minZoom !== null ? { minZoom: minZoom as number } : {}),
      ...(s.attribution.trim() ? { attribution: s.attribution } : {}),
    }
    void warn
      .run((accept) => add.mutateAsync({ ...input, ...(accept ? { accept } : {}) }))
      .then((b) => {
        if (!b) return
        toast(t('online.added', { name: b.name }))
        setS(empty)
      }, () => undefined)
  }
  return (
    <form className="basemaps-form" onSubmit={submit} noValidate aria-labelledby="basemap-online-title">
      <h3 id="basemap-online-title">{t('online.title')}</h3>
      <TextField label={t('online.name')} name="onlineName" value={s.name} onChange={set('name')} required error={errors.name} />
      <TextField label={t('online.urlTemplate')} name="urlTemplate" value={s.urlTemplate} onChange={set('urlTemplate')} required error={errors.urlTemplate} hint={t('online.hint')} />
      <SelectField label={t('online.crs')} name="onlineCrs" value={s.crs} options={crsOptions(t)} onChange={(v) => set('crs')(v || 'wgs84')} />
      <div className="form-grid form-grid--tight">
        <NumberField label={t('online.minZoom')} name="minZoom" value={s.minZoom} onChange={set('minZoom')} error={errors.minZoom} />
        <NumberField label={t('online.maxZoom')} name="maxZoom" value={s.maxZoom} onChange={set('maxZoom')} required error={errors.maxZoom} />
      </div>
      <TextField label={t('online.attribution')} name="attribution" value={s.attribution} onChange={set('attribution')} error={errors.attribution} />
      {shownError && Object.keys(errors).length === 0 && <div className="form-error" role="alert">{shownError.message}</div>}
      <button type="submit" className="primary" disabled={add.isPending}>{t('online.submit')}</button>
      {warn.dialog}
    </form>
  )
}
