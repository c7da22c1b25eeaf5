import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { formatWhen, groupChanges, groupDetails, groupHeadline, type ChangeGroup } from '../../../../shared/changeText'
import type { ChangeEntry } from '../../../../shared/history'

/** The pages a row of each kind has, for a link from its history line. */
const PAGES: Record<string, string> = {
  buildings: '/buildings', parcels: '/parcels', parks: '/parks', tenants: '/tenants', clusters: '/clusters', visits: '/visits',
}

/** Changes as people read them: one line per write of one row (its fields beneath), newest first. */
export function ChangeList({ entries, showActor = true }: { entries: ChangeEntry[]; showActor?: boolean }) {
  const { t } = useTranslation('history')
  const groups = groupChanges(entries)
  return (
    <table className="table change-table">
      <thead>
        <tr>
          <th className="nowrap">{t('columns.at')}</th>
          {showActor && <th className="nowrap">{t('columns.actor')}</th>}
          <th>{t('columns.change')}</th>
        </tr>
      </thead>
      <tbody>
        {groups.map((g) => (
          <tr key={g.key} data-testid="change-row" className={`change-row change-row--${g.op}`}>
            <td className="nowrap">{formatWhen(g.at)}</td>
            {showActor && <td className="nowrap change-row__actor">{g.actor}</td>}
            <td>
              <Headline group={g} />
              <Details lines={groupDetails(g)} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

function Headline({ group }: { group: ChangeGroup }) {
  const page = PAGES[group.tableName]
  const text = groupHeadline(group)
  // The row's page, when it has one and is still there to see.
  if (page && group.rowLabel && group.op !== 'delete') {
    return <div className="change-row__headline"><Link to={`${page}/${group.rowId}`}>{text}</Link></div>
  }
  return <div className="change-row__headline">{text}</div>
}

const SHOWN_DETAILS = 5

/** A new row's fields can be many: the first few, then how many more (all of them on request). */
function Details({ lines }: { lines: string[] }) {
  const { t } = useTranslation('history')
  const [all, setAll] = useState(false)
  if (lines.length === 0) return null
  const shown = all || lines.length <= SHOWN_DETAILS + 1 ? lines : lines.slice(0, SHOWN_DETAILS)
  return (
    <ul className="change-row__details">
      {shown.map((line, i) => <li key={i}>{line}</li>)}
      {shown.length < lines.length && (
        <li>
          <button type="button" className="link-button" onClick={() => setAll(true)}>{t('moreFields', { count: lines.length - shown.length })}</button>
        </li>
      )}
    </ul>
  )
}
