import { useTranslation } from 'react-i18next'
import type { TargetRow } from '../../../../../../shared/stats'
import type { Language } from '../../../../i18n'
import { formatRate } from '../../../../lib/format'
import { basisIn } from '../../basis'
import { formatTargetValue } from './format'
import './i18n'

/** Completion as a bar: full at 100%, marked when exceeded, with the rate written beside it. */
export function CompletionBar({ completion }: { completion: number }) {
  const { t } = useTranslation('statsTargets')
  const over = completion > 1
  return (
    <div className={`completion${over ? ' completion--over' : ''}`} title={over ? t('exceeded') : undefined}>
      <div className="completion__track" aria-hidden="true">
        <div className="completion__fill" style={{ width: `${Math.min(completion, 1) * 100}%` }} />
      </div>
      <span className="completion__text">{formatRate(completion)}</span>
    </div>
  )
}

interface Props {
  targets: TargetRow[]
  selectedId: string | null
  onSelect: (target: TargetRow) => void
  onEdit: (target: TargetRow) => void
  onDelete: (target: TargetRow) => void
}

/** A year's targets: target, achieved, completion and how achieved is counted. */
export function TargetList({ targets, selectedId, onSelect, onEdit, onDelete }: Props) {
  const { t, i18n } = useTranslation('statsTargets')
  const lang = i18n.language as Language
  return (
    <table className="table targets-table">
      <thead>
        <tr>
          <th>{t('columns.name')}</th>
          <th className="num">{t('columns.target')}</th>
          <th className="num">{t('columns.achieved')}</th>
          <th className="targets-table__completion">{t('columns.completion')}</th>
          <th />
        </tr>
      </thead>
      <tbody>
        {targets.map((target) => (
          <tr key={target.id} className={target.id === selectedId ? 'is-selected' : undefined} data-target={target.name}>
            <td>
              <div className="targets-table__name">
                {target.name} <span className="badge">{target.computed ? t('computed') : t('entered')}</span>
              </div>
              <div className="targets-table__basis">{t('basis', { basis: basisIn(lang, target.basis, t(`basisText.${target.kind}`)) })}</div>
            </td>
            <td className="num">{formatTargetValue(target.targetValue, target.unit, lang)}</td>
            <td className="num">{formatTargetValue(target.achieved, target.unit, lang)}</td>
            <td>
              <CompletionBar completion={target.completion} />
            </td>
            <td className="targets-table__actions">
              <button type="button" aria-pressed={target.id === selectedId} onClick={() => onSelect(target)}>
                {t('actions.progress')}
              </button>
              <button type="button" onClick={() => onEdit(target)}>
                {t('actions.edit')}
              </button>
              <button type="button" className="danger" onClick={() => onDelete(target)}>
                {t('actions.delete')}
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
