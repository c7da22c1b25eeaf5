import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { formatWhen } from '../../../../shared/changeText'
import type { SyncConflict, SyncResolveInput } from '../../../../shared/sync'
import { EmptyState, ErrorMessage, Loading, PageHeader } from '../../components/Page'
import { useToast } from '../../components/Toast'
import { useResolveConflict } from './mutations'
import { useSyncConflicts } from './queries'
import { choiceLabelOf, choicesShown, conflictFieldLabel, conflictValueText, groupByRow, ROW_PAGES, shortId, tableName, type ConflictRow } from './syncText'
import './sync.css'

const keyOf = (c: Pick<SyncConflict, 'table' | 'rowId' | 'field'>) => `${c.table}/${c.rowId}/${c.field}`
/** A row may hold two conflicts on one field (a field's values, and a duplicate on it): a pick belongs to the one offering that choice. */
const picks = (c: SyncConflict, on: Pick<SyncConflict, 'table' | 'rowId' | 'field'> & { choice: string }) =>
  keyOf(on) === keyOf(c) && c.values.some((v) => v.choice === on.choice)

/** 冲突处理: every open conflict, grouped by row; one button per value a person may keep. */
export function ConflictsScreen() {
  const { t } = useTranslation('sync')
  const conflicts = useSyncConflicts()
  const resolve = useResolveConflict()
  const toast = useToast()
  const rows = conflicts.data ? groupByRow(conflicts.data) : []
  const choose = (input: SyncResolveInput) => resolve.mutate(input, { onSuccess: () => toast(t('conflicts.resolved')) })
  return (
    <div className="sync-screen sync-conflicts">
      <PageHeader
        title={t('conflicts.title')}
        subtitle={conflicts.data && conflicts.data.length > 0 ? t('conflicts.count', { count: conflicts.data.length, rows: rows.length }) : undefined}
        actions={<Link to="/sync">{t('conflicts.back')}</Link>}
      />
      {conflicts.error && <ErrorMessage error={conflicts.error} onRetry={() => void conflicts.refetch()} />}
      {conflicts.isPending && <Loading />}
      {conflicts.data && conflicts.data.length === 0 && (
        <div data-conflicts-empty>
          <EmptyState title={t('conflicts.empty')} body={t('conflicts.emptyHint')} />
        </div>
      )}
      {conflicts.data && conflicts.data.length > 0 && <p className="field__hint sync-conflicts__intro">{t('conflicts.subtitle')}</p>}
      {rows.map((row) => (
        <RowConflicts key={row.key} row={row} onChoose={choose} pending={resolve.isPending ? resolve.variables : undefined} failed={resolve.error ? { on: resolve.variables, message: resolve.error.message } : undefined} />
      ))}
    </div>
  )
}

interface RowProps {
  row: ConflictRow
  onChoose: (input: SyncResolveInput) => void
  pending: SyncResolveInput | undefined
  failed: { on: SyncResolveInput | undefined; message: string } | undefined
}

function RowConflicts({ row, onChoose, pending, failed }: RowProps) {
  const { t } = useTranslation('sync')
  const page = ROW_PAGES[row.table]
  return (
    <section className="panel sync-row" data-conflict-row={row.key}>
      <header className="sync-row__head">
        <span className="badge">{tableName(row.table)}</span>
        <h2>{row.name}</h2>
        {page && <Link to={page(row.rowId)}>{t('conflicts.open')}</Link>}
      </header>
      {row.conflicts.map((c) => (
        <ConflictItem
          key={`${keyOf(c)}/${c.kind}`}
          conflict={c}
          onChoose={onChoose}
          pending={pending && picks(c, pending) ? pending.choice : null}
          busy={pending !== undefined}
          error={failed && failed.on && picks(c, failed.on) ? failed.message : null}
        />
      ))}
    </section>
  )
}

interface ItemProps {
  conflict: SyncConflict
  onChoose: (input: SyncResolveInput) => void
  pending: string | null
  busy: boolean
  error: string | null
}

function ConflictItem({ conflict: c, onChoose, pending, busy, error }: ItemProps) {
  const { t } = useTranslation('sync')
  const buttons = choicesShown(c)
  const label = conflictFieldLabel(c)
  return (
    <div className="sync-conflict" data-conflict={keyOf(c)} data-conflict-kind={c.kind}>
      <div className="sync-conflict__field">
        <strong>{label ?? t('conflicts.deleteField')}</strong>
        {c.kind !== 'field' && <span className={`badge sync-kind sync-kind--${c.kind}`}>{t(`conflicts.kinds.${c.kind}`)}</span>}
      </div>
      {c.note && <p className="sync-conflict__note">{c.note}</p>}
      <ul className="sync-values">
        {c.values.map((v, i) => {
          const choice = choiceLabelOf(c, v)
          const text = conflictValueText(c, v)
          return (
            <li key={`${v.choice}/${v.hlc}/${i}`} className={`sync-value${v.shown ? ' sync-value--shown' : ''}`} data-conflict-value={v.choice} data-shown={v.shown}>
              <div className="sync-value__text">
                {text ?? <span className="sync-warn">{t('conflicts.deleted')}</span>}
                {v.shown && <span className="badge sync-value__shown">{t('conflicts.shown')}</span>}
              </div>
              <div className="sync-value__who">
                {t('conflicts.by', { actor: v.actor || '—', when: formatWhen(v.at) })}
                {v.device && <span className="sync-muted" title={v.device}> · {t('conflicts.device', { device: shortId(v.device) })}</span>}
              </div>
              {choice && buttons.has(i) && (
                <button type="button" disabled={busy} aria-busy={pending === v.choice} onClick={() => onChoose({ table: c.table, rowId: c.rowId, field: c.field, choice: v.choice })}>
                  {pending === v.choice ? t('conflicts.saving') : t(`conflicts.${choice}`)}
                </button>
              )}
            </li>
          )
        })}
      </ul>
      {error && <div className="form-error" role="alert">{error}</div>}
    </div>
  )
}
