import { useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate, useSearchParams } from 'react-router'
import { decodeScope, parseSections, SHEET_SECTIONS, type SheetData, type SheetSection } from '../../../../shared/sheets'
import { ErrorMessage, Loading } from '../../components/Page'
import { usePrintToPdf } from './mutations'
import { useBasemapsNow, useBoundaryCities, useSheetData } from './queries'
import { Readiness, ReadinessContext } from './readiness'
import { SheetDocument } from './SheetDocument'
import { formatDateZh } from './sheetText'
import './sheet.css'

// The printable inventory sheet / handbook at #/sheet?scope=…: the document, and beside it (not
// printed) the person's choices — kind, title, sections — kept in the address so that the CLI and
// the print button print exactly what is on screen. `print=1` shows the document alone.
// When data, maps, tiles, photos and fonts have arrived and the pages are numbered, the page sets
// document.body.dataset.sheetReady = '1' and sheetReadyFor = the address it is ready for; whoever
// prints (the CLI, tests) waits for both.

/** Height of an A4 page's content box in CSS px: 297 mm less the @page margins in sheet.css. */
const PAGE_CONTENT_PX = ((297 - 14 - 16) * 96) / 25.4

/** Sections the side panel offers per kind of site; all are on unless the address says otherwise. */
const PANEL_SECTIONS: readonly SheetSection[] = SHEET_SECTIONS

export function SheetScreen() {
  const [params] = useSearchParams()
  // Another scope is another sheet: everything (basemap list included) is fetched afresh for it.
  return <SheetView key={`${params.get('scope')}|${params.get('handbook')}`} />
}

function SheetView() {
  const { t } = useTranslation('sheets')
  const navigate = useNavigate()
  const [params, setParams] = useSearchParams()
  const scopeText = params.get('scope')
  const scope = useMemo(() => decodeScope(scopeText), [scopeText])
  const handbook = params.get('handbook') === '1'
  const sectionsText = params.get('sections')
  const sections = useMemo(() => parseSections(sectionsText) ?? [...SHEET_SECTIONS], [sectionsText])
  const customTitle = params.get('title')?.trim() || null
  const printMode = params.get('print') === '1'

  // Sections and title are applied here, so changing them never fetches or redraws the maps.
  const sheet = useSheetData(scope ? { scope, handbook } : null)
  const basemaps = useBasemapsNow()
  const cities = useBoundaryCities()
  const basemap = basemaps.data?.basemaps.find((b) => b.id === basemaps.data?.activeId) ?? null
  const data: SheetData | undefined = useMemo(
    () => (sheet.data ? { ...sheet.data, sections, title: customTitle ?? sheet.data.title } : undefined),
    [sheet.data, sections, customTitle],
  )

  const readiness = useMemo(() => new Readiness(), [])
  const idle = useSyncExternalStore((l) => readiness.subscribe(l), () => readiness.idle)
  const [pages, setPages] = useState<Map<string, number> | null>(null)
  const [total, setTotal] = useState<number | null>(null)
  const docRef = useRef<HTMLDivElement>(null)
  const loaded = data !== undefined && !basemaps.isPending && !cities.isPending
  // Printed on the basemap active now: a cached list is fetched again before the sheet is ready.
  const prerequisites = loaded && !sheet.isFetching && !basemaps.isFetching

  useEffect(() => {
    document.body.classList.add('sheet-route')
    document.body.classList.toggle('sheet-print', printMode)
    return () => {
      document.body.classList.remove('sheet-route', 'sheet-print')
      delete document.body.dataset.sheetReady
      delete document.body.dataset.sheetReadyFor
    }
  }, [printMode])

  // Number the pages once everything on them has arrived; then say the sheet is ready.
  useEffect(() => {
    delete document.body.dataset.sheetReady
    setTotal(null)
    if (!prerequisites || !readiness.idle) return
    let cancelled = false
    void document.fonts.ready.then(() => {
      requestAnimationFrame(() => {
        if (cancelled || !docRef.current) return
        const measured = measurePages(docRef.current)
        setPages(measured.starts)
        setTotal(measured.total)
      })
    })
    return () => {
      cancelled = true
    }
  }, [prerequisites, idle, readiness, data])

  useEffect(() => {
    if (total === null) return
    // After the numbered contents are on screen.
    // Which address is ready too: after a change of address the old flag must not count.
    const frame = requestAnimationFrame(() => {
      document.body.dataset.sheetReadyFor = window.location.hash
      document.body.dataset.sheetReady = '1'
    })
    return () => cancelAnimationFrame(frame)
  }, [total, pages])

  const update = (change: (p: URLSearchParams) => void) => {
    const next = new URLSearchParams(params)
    change(next)
    setParams(next, { replace: true })
  }

  if (!scope) return <div className="sheet-screen"><div className="error-box">{t('panel.badScope')}</div></div>
  if (sheet.error) return <ErrorMessage error={sheet.error} onRetry={() => void sheet.refetch()} />
  if (!data || !loaded) return <Loading />

  return (
    <div className="sheet-screen">
      <PageFooter data={data} />
      {!printMode && (
        <SidePanel
          data={data}
          handbook={handbook}
          sections={sections}
          customTitle={customTitle}
          ready={total !== null}
          total={total}
          onHandbook={(on) => update((p) => (on ? p.set('handbook', '1') : p.delete('handbook')))}
          onSections={(next) => update((p) => (next.length === SHEET_SECTIONS.length ? p.delete('sections') : p.set('sections', next.join(','))))}
          onTitle={(title) => update((p) => (title && title !== sheet.data?.title ? p.set('title', title) : p.delete('title')))}
          onBack={() => void navigate(-1)}
        />
      )}
      <div className="sheet-screen__doc" ref={docRef}>
        {data.sites.length === 0 && <div className="sheet-screen__note">{t('panel.noSites')}</div>}
        <ReadinessContext.Provider value={readiness}>
          <SheetDocument data={data} basemap={basemap} cities={cities.data} pages={pages} />
        </ReadinessContext.Provider>
      </div>
    </div>
  )
}

/** Where each block starts, counting pages the way print will: every block starts a page. */
function measurePages(doc: HTMLElement): { starts: Map<string, number>; total: number } {
  const starts = new Map<string, number>()
  let page = 1
  for (const block of doc.querySelectorAll<HTMLElement>('.sheet-page')) {
    const style = getComputedStyle(block)
    const content = block.scrollHeight - parseFloat(style.paddingTop) - parseFloat(style.paddingBottom)
    starts.set(block.dataset.block ?? '', page)
    page += Math.max(1, Math.ceil((content - 2) / PAGE_CONTENT_PX))
  }
  return { starts, total: page - 1 }
}

const cssString = (text: string) => `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/[\r\n]+/g, ' ')}"`

/** The running footer of printed pages: title and date left, page number right (none on the cover). */
function PageFooter({ data }: { data: SheetData }) {
  const left = `${data.title} · ${formatDateZh(data.generatedAt.slice(0, 10))}`
  const css = `@page { @bottom-left { content: ${cssString(left)}; } @bottom-right { content: counter(page) " / " counter(pages); } }
${data.sections.includes('cover') ? '@page :first { @bottom-left { content: none; } @bottom-right { content: none; } }' : ''}`
  return <style>{css}</style>
}

interface PanelProps {
  data: SheetData
  handbook: boolean
  sections: readonly SheetSection[]
  customTitle: string | null
  ready: boolean
  total: number | null
  onHandbook: (on: boolean) => void
  onSections: (sections: SheetSection[]) => void
  onTitle: (title: string) => void
  onBack: () => void
}

function SidePanel({ data, handbook, sections, customTitle, ready, total, onHandbook, onSections, onTitle, onBack }: PanelProps) {
  const { t } = useTranslation('sheets')
  const print = usePrintToPdf()
  const [title, setTitle] = useState(customTitle ?? data.title)
  const fileName = `${data.title} ${formatDateZh(data.generatedAt.slice(0, 10))}`
  return (
    <aside className="sheet-panel" aria-label={t('panel.title')}>
      <div className="sheet-panel__top">
        <button type="button" className="link-button" onClick={onBack}>← {t('panel.back')}</button>
        <h2>{t('panel.title')}</h2>
      </div>
      <fieldset className="sheet-panel__group">
        <legend>{t('panel.kind')}</legend>
        <label><input type="radio" name="sheetKind" checked={!handbook} onChange={() => onHandbook(false)} /> {t('panel.sheet')}</label>
        <label><input type="radio" name="sheetKind" checked={handbook} onChange={() => onHandbook(true)} /> {t('panel.handbook')}</label>
      </fieldset>
      <label className="sheet-panel__title">
        {t('panel.docTitle')}
        <input
          name="sheetTitle"
          value={title}
          maxLength={100}
          onChange={(e) => setTitle(e.target.value)}
          onBlur={() => onTitle(title.trim())}
          onKeyDown={(e) => e.key === 'Enter' && onTitle(title.trim())}
        />
      </label>
      <fieldset className="sheet-panel__group">
        <legend>{t('panel.sections')}</legend>
        {PANEL_SECTIONS.map((s) => (
          <label key={s}>
            <input
              type="checkbox"
              name={`section.${s}`}
              checked={sections.includes(s)}
              onChange={(e) => onSections(e.target.checked ? SHEET_SECTIONS.filter((x) => x === s || sections.includes(x)) : sections.filter((x) => x !== s))}
            />
            {' '}{t(`sections.${s}`)}
          </label>
        ))}
      </fieldset>
      <p className="field__hint">{t('panel.contactHint')}</p>
      <div className="sheet-panel__actions">
        <button type="button" className="primary" disabled={!ready || print.isPending} onClick={() => print.mutate(fileName)}>
          {print.isPending ? t('panel.printing') : t('panel.print')}
        </button>
        <div className="sheet-panel__status" role="status">
          {ready ? t('panel.ready', { pages: total ?? 0, sites: data.sites.length }) : t('panel.preparing')}
        </div>
        {print.data?.filePath && <div className="sheet-panel__status">{t('panel.saved', { path: print.data.filePath })}</div>}
        {print.error && <div className="form-error" role="alert">{print.error.message}</div>}
      </div>
    </aside>
  )
}
