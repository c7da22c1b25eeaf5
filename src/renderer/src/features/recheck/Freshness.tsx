import { useTranslation } from 'react-i18next'
import { checkOf, checkParts, freshnessWords, isStale } from '../../../../shared/freshness'
import type { VerificationMark } from '../../../../shared/schemas/verification'
import { useToast } from '../../components/Toast'
import { useMarkVerified } from './mutations'
import { useStaleDays, useToday } from './queries'

// How old a figure is, shown beside it: "12 天前核实", "已 4 个月未核实" (stale, shaded),
// "未核实，录入于 2026-03-02". Every screen that shows a figure uses these.

export function useFreshness() {
  const { i18n } = useTranslation()
  const staleDays = useStaleDays()
  const today = useToday()
  const lang = i18n.language === 'en' ? 'en' : 'zh'
  return {
    staleDays,
    today,
    stale: (check: string | null | undefined) => isStale(check, today, staleDays),
    words: (check: string) => freshnessWords(check, today, staleDays, lang),
  }
}

/** A record's age as words; shaded when stale. The day itself is in the tooltip. */
export function FreshnessTag({ check, compact }: { check: string; compact?: boolean }) {
  const f = useFreshness()
  const stale = f.stale(check)
  const { on } = checkParts(check)
  return (
    <span
      className={`freshness${stale ? ' freshness--stale' : ''}${compact ? ' freshness--compact' : ''}`}
      data-stale={stale ? '1' : '0'}
      data-check={check}
      title={on}
    >
      {f.words(check)}
    </span>
  )
}

/** One click: the record (and, for a building or floor, its spaces) verified today. */
export function VerifyButton({ target, label, className }: { target: VerificationMark; label: string; className?: string }) {
  const { t } = useTranslation('recheck')
  const toast = useToast()
  const mark = useMarkVerified()
  return (
    <button
      type="button"
      className={className}
      disabled={mark.isPending}
      title={t('freshness.hint')}
      data-verify={target.kind}
      onClick={() =>
        mark.mutate(target, {
          onSuccess: (r) => toast(t('freshness.verifiedToast', { day: r.verifiedAt })),
          onError: (e) => toast(e.message),
        })
      }
    >
      {mark.isPending ? t('freshness.verifying') : label}
    </button>
  )
}

/**
 * The line under a building's or parcel's title: its own verified date, for a building also the
 * oldest of its spaces when that is older, and the one-click verify.
 */
export function VerifyBar(props:
  | { kind: 'building'; id: string; verifiedAt: string | null; createdAt: string; check: string }
  | { kind: 'parcel'; id: string; verifiedAt: string | null; createdAt: string; check: string }) {
  const { t } = useTranslation('recheck')
  const own = checkOf(props.verifiedAt, props.createdAt)
  const f = useFreshness()
  const stale = f.stale(props.check)
  return (
    <div className={`verify-bar${stale ? ' verify-bar--stale' : ''}`} data-testid="verify-bar" data-stale={stale ? '1' : '0'}>
      {props.kind === 'building' && <span className="verify-bar__label">{t('freshness.building')}</span>}
      <FreshnessTag check={own} />
      {props.kind === 'building' && props.check < own && (
        <>
          <span className="verify-bar__label">{t('freshness.oldest')}</span>
          <FreshnessTag check={props.check} />
        </>
      )}
      <VerifyButton
        target={{ kind: props.kind, id: props.id }}
        label={props.kind === 'building' ? t('freshness.verifyBuilding') : t('freshness.verifyParcel')}
        className="primary"
      />
    </div>
  )
}
