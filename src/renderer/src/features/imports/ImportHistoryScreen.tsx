import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { EmptyState, ErrorMessage, Loading, PageHeader } from '../../components/Page'
import type { Language } from '../../i18n'
import { formatCount } from '../../lib/format'
import { formatWhen } from './batchDisplay'
import { useImportBatches } from './queries'
import { UndoImportButton } from './UndoImportButton'

/** Every import done in this data file, newest first, each standing one with its undo. */
export function ImportHistoryScreen() {
  const { t, i18n } = useTranslation('imports')
  const lang = i18n.language as Language
  const batches = useImportBatches()
  const rows = batches.data ?? []
  return (
    <div className="import-history">
      <PageHeader title={t('history.title')} actions={<Link to="/imports">{t('history.back')}</Link>} />
      {batches.isPending ? (
        <Loading />
      ) : batches.error ? (
        <ErrorMessage error={batches.error} onRetry={() => void batches.refetch()} />
      ) : rows.length === 0 ? (
        <EmptyState title={t('history.empty')} />
      ) : (
        <div className="import-history__scroll">
          <table className="table">
            <thead>
              <tr>
                <th>{t('history.columns.file')}</th>
                <th>{t('history.columns.kind')}</th>
                <th>{t('history.columns.at')}</th>
                <th>{t('history.columns.actor')}</th>
                <th className="num">{t('history.columns.created')}</th>
                <th className="num">{t('history.columns.updated')}</th>
                <th className="num">{t('history.columns.rejected')}</th>
                <th>{t('history.columns.state')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((b) => (
                <tr key={b.id} data-batch={b.id} className={b.undoneAt ? 'is-deleted' : undefined}>
                  <td className="import-history__file" title={b.fileName}>{b.fileName}</td>
                  <td>{t(`mapping.kinds.${b.kind}`)}</td>
                  <td className="nowrap">{formatWhen(b.at, lang)}</td>
                  <td>{b.actor || t('history.unknownActor')}</td>
                  <td className="num">{formatCount(b.created)}</td>
                  <td className="num">{formatCount(b.updated)}</td>
                  <td className="num">{formatCount(b.rejected)}</td>
                  <td>
                    {b.undoneAt ? (
                      <span className="muted">{t('history.undone', { at: formatWhen(b.undoneAt, lang) })}</span>
                    ) : (
                      <span className="import-history__state">
                        <span className="badge badge--vacant">{t('history.standing')}</span>
                        <UndoImportButton batch={b} label={t('history.undo')} className="link-button danger" />
                      </span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  )
}
