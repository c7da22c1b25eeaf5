import { useEffect, useRef, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { Lease, Space } from '../../../../shared/types'
import { addDays } from '../../../../shared/tenancy'
import { NumberField, TextField } from '../../components/Field'
import { useToast } from '../../components/Toast'
import { useWarningConfirm, warningsOf } from '../../components/WarningConfirm'
import type { Language } from '../../i18n'
import { formatArea } from '../../lib/format'
import { numberText, parseNumber, textOrNull } from '../../lib/form'
import { Dialog, ErrorSummary, useFocusFirstError } from '../buildings/FormBits'
import { formErrorsOf } from '../buildings/formErrors'
import { type LeaseTerms, LeaseTermFields, leaseTermsInput } from '../buildings/LeaseTermFields'
import { useUpdateLease } from '../tenants/mutations'
import { localToday } from '../visits/dates'
import { leaseChain } from './leaseChain'
import { useEndLease, useRenewLease } from './mutations'
import './tenancy.css'

export type LeaseAction = 'edit' | 'renew' | 'end'

interface Props {
  lease: Lease
  /** The building's leases, for the renewal history. */
  leases: Lease[]
  spaces: Space[]
  action?: LeaseAction
  /** A field to put the cursor in on opening (the space dialog's "fill in the end date" link). */
  focus?: 'endDate'
  onClose: () => void
}

/** One lease: edit any field, renew it, or end it early; its renewals listed as history. */
export function LeaseEditDialog({ lease, leases, spaces, action: initial = 'edit', focus, onClose }: Props) {
  const { t } = useTranslation('tenancy')
  const [action, setAction] = useState<LeaseAction>(initial)
  const chain = leaseChain(lease, leases)
  return (
    <Dialog title={t('lease.editTitle', { tenant: lease.tenantName })} onClose={onClose} wide>
      <div className="lease-actions" role="tablist">
        {(['edit', 'renew', 'end'] as const).map((a) => (
          <button key={a} type="button" role="tab" aria-selected={a === action} className={a === action ? 'primary' : undefined} data-action={a} onClick={() => setAction(a)}>
            {t(`lease.${a}`)}
          </button>
        ))}
      </div>
      {chain.length > 1 && <LeaseHistory chain={chain} current={lease.id} />}
      {action === 'edit' && <EditForm lease={lease} spaces={spaces} focus={focus} onClose={onClose} />}
      {action === 'renew' && <RenewForm lease={lease} onClose={onClose} />}
      {action === 'end' && <EndForm lease={lease} onClose={onClose} />}
    </Dialog>
  )
}

function LeaseHistory({ chain, current }: { chain: Lease[]; current: string }) {
  const { t, i18n } = useTranslation('tenancy')
  const lang = i18n.language as Language
  const today = localToday()
  return (
    <>
      <h3>{t('lease.chain')}</h3>
      <ol className="lease-chain" data-testid="lease-chain">
        {chain.map((l, i) => (
          <li key={l.id} className={l.id === current ? 'is-current' : undefined} data-id={l.id}>
            <span>{l.startDate ?? '—'} ~ {l.endDate ?? t('lease.openEnd')}</span>
            <span>{formatArea(l.area, lang)}</span>
            <span className="muted">
              {l.id === current ? t('lease.current') : i < chain.length - 1 ? t('lease.renewed') : l.endDate && l.endDate < today ? t('lease.ended') : ''}
            </span>
          </li>
        ))}
      </ol>
    </>
  )
}

function Actions({ pending, onClose }: { pending: boolean; onClose: () => void }) {
  const { t } = useTranslation(['buildings', 'common'], { nsMode: 'fallback' })
  return (
    <div className="modal__actions">
      <button type="submit" className="primary" disabled={pending}>{pending ? t('actions.saving') : t('actions.save')}</button>
      <button type="button" onClick={onClose}>{t('actions.cancel')}</button>
    </div>
  )
}

function EditForm({ lease, spaces, focus, onClose }: { lease: Lease; spaces: Space[]; focus?: 'endDate'; onClose: () => void }) {
  const { t: tt } = useTranslation('tenancy')
  const toast = useToast()
  const update = useUpdateLease()
  const warn = useWarningConfirm()
  const [terms, setTerms] = useState<LeaseTerms>({
    spaceIds: lease.spaceIds, startDate: lease.startDate ?? '', endDate: lease.endDate ?? '', area: numberText(lease.area),
    rent: numberText(lease.rent), notes: lease.notes ?? '',
  })
  const errors = formErrorsOf(warningsOf(update.error) ? null : update.error)
  const e = errors.fields
  const formRef = useRef<HTMLFormElement>(null)
  useFocusFirstError(formRef, errors)
  useEffect(() => {
    if (focus) formRef.current?.querySelector<HTMLElement>(`[name="${focus}"]`)?.focus()
  }, [focus])
  const submit = (event: FormEvent) => {
    event.preventDefault()
    const input = { id: lease.id, ...leaseTermsInput(terms) }
    void warn
      .run((accept) => update.mutateAsync({ ...input, accept }))
      .then((saved) => {
        if (!saved) return
        toast(tt('lease.saved'))
        onClose()
      }, () => undefined)
  }

  return (
    <form ref={formRef} className="lease-form" onSubmit={submit} noValidate>
      <p className="muted">{tt('lease.tenant')}：{lease.tenantName}</p>
      <div className="form-grid form-grid--compact">
        <LeaseTermFields spaces={spaces} terms={terms} onChange={(patch) => setTerms((current) => ({ ...current, ...patch }))} errors={e} />
      </div>
      <ErrorSummary errors={errors} />
      <Actions pending={update.isPending} onClose={onClose} />
      {warn.dialog}
    </form>
  )
}

function RenewForm({ lease, onClose }: { lease: Lease; onClose: () => void }) {
  const { t } = useTranslation(['buildings', 'common'], { nsMode: 'fallback' })
  const { t: tt } = useTranslation('tenancy')
  const toast = useToast()
  const renew = useRenewLease()
  const warn = useWarningConfirm()
  const defaultStart = lease.endDate ? addDays(lease.endDate, 1) : ''
  const [startDate, setStartDate] = useState('')
  const [endDate, setEndDate] = useState('')
  const [area, setArea] = useState(numberText(lease.area))
  const [rent, setRent] = useState(numberText(lease.rent))
  const [notes, setNotes] = useState('')
  const errors = formErrorsOf(warningsOf(renew.error) ? null : renew.error)
  const e = errors.fields
  const formRef = useRef<HTMLFormElement>(null)
  useFocusFirstError(formRef, errors)

  const submit = (event: FormEvent) => {
    event.preventDefault()
    const input = {
      id: lease.id,
      startDate: textOrNull(startDate),
      endDate,
      area: parseNumber(area),
      rent: parseNumber(rent),
      notes: textOrNull(notes),
    }
    void warn
      .run((accept) => renew.mutateAsync({ ...input, accept }))
      .then((created) => {
        if (!created) return
        toast(tt('lease.renewedToast', { end: endDate }))
        onClose()
      }, () => undefined)
  }

  return (
    <form ref={formRef} className="lease-form" onSubmit={submit} noValidate data-testid="renew-form">
      <p className="muted">{tt('lease.renewHint', { start: defaultStart || '—' })}</p>
      <div className="form-grid form-grid--compact">
        <TextField label={tt('lease.renewStart')} name="renewStart" type="date" value={startDate} onChange={setStartDate} error={e.startDate} />
        <TextField label={tt('lease.renewEnd')} name="renewEnd" type="date" required value={endDate} onChange={setEndDate} error={e.endDate} />
        <NumberField label={t('leases.fields.area')} name="area" unit={t('units.m2')} value={area} onChange={setArea} error={e.area} />
        <NumberField label={t('leases.fields.rent')} name="rent" unit={t('units.rentDay')} value={rent} onChange={setRent} error={e.rent} />
        <div className="form-grid__wide">
          <TextField label={t('leases.fields.notes')} name="notes" multiline value={notes} onChange={setNotes} error={e.notes} />
        </div>
      </div>
      <ErrorSummary errors={errors} />
      <Actions pending={renew.isPending} onClose={onClose} />
      {warn.dialog}
    </form>
  )
}

function EndForm({ lease, onClose }: { lease: Lease; onClose: () => void }) {
  const { t: tt } = useTranslation('tenancy')
  const toast = useToast()
  const end = useEndLease()
  const [endDate, setEndDate] = useState(localToday)
  const errors = formErrorsOf(end.error)
  const formRef = useRef<HTMLFormElement>(null)
  useFocusFirstError(formRef, errors)

  const submit = (event: FormEvent) => {
    event.preventDefault()
    end.mutate({ id: lease.id, endDate }, {
      onSuccess: () => {
        toast(tt('lease.endedToast', { end: endDate }))
        onClose()
      },
    })
  }

  return (
    <form ref={formRef} className="lease-form" onSubmit={submit} noValidate data-testid="end-form">
      <p className="muted">{tt('lease.endHint', { end: lease.endDate ?? tt('lease.openEnd') })}</p>
      <div className="form-grid form-grid--compact">
        <TextField label={tt('lease.endDate')} name="leaseEndDate" type="date" required value={endDate} onChange={setEndDate} error={errors.fields.endDate} />
      </div>
      <ErrorSummary errors={errors} />
      <Actions pending={end.isPending} onClose={onClose} />
    </form>
  )
}
