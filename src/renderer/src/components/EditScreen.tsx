import type { UseMutationResult, UseQueryResult } from '@tanstack/react-query'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import type { ApiCallError } from '../api/client'
import { ErrorMessage, Loading, PageHeader } from './Page'
import { useToast } from './Toast'

// The edit screen every record shares (clusters, parcels, parks, visits): load the row, show its
// form filled in, save, say so and go back to the row's page. Each feature gives its form and
// where its pages live; the shape is written once.

/** What every feature's form takes besides its starting values. */
export interface FormHandlers<I> {
  pending: boolean
  error: unknown
  onSubmit: (input: I) => void
  onCancel: () => void
}

export interface EditScreenProps<R extends { id: string }, U extends { id: string }> {
  id: string
  /** The row, loaded by the feature's query hook. */
  row: UseQueryResult<R, ApiCallError>
  /** The feature's update mutation: the form's values and the id. */
  update: UseMutationResult<unknown, ApiCallError, U>
  /** The i18n namespace whose `form.editTitle` heads the page. */
  namespace: string
  subtitle: (row: R) => string
  /** The row's page, where saving and cancelling go back to. */
  pageOf: (id: string) => string
  /** The form, given the row and the handlers; a form that takes the create input fits (every field of it is an update field). */
  form: (row: R, handlers: FormHandlers<Omit<U, 'id'>>) => ReactNode
}

export function EditScreen<R extends { id: string }, U extends { id: string }>({ id, row, update, namespace, subtitle, pageOf, form }: EditScreenProps<R, U>) {
  const { t } = useTranslation(namespace)
  const navigate = useNavigate()
  const toast = useToast()
  if (row.isPending) return <Loading />
  if (row.error) return <ErrorMessage error={row.error} onRetry={() => void row.refetch()} />
  const back = () => void navigate(pageOf(id))
  return (
    <div>
      <PageHeader title={t('form.editTitle')} subtitle={subtitle(row.data)} />
      {form(row.data, {
        pending: update.isPending,
        error: update.error,
        onSubmit: (input) =>
          update.mutate({ ...input, id } as U, {
            onSuccess: () => {
              toast(t('common:state.saved'))
              back()
            },
          }),
        onCancel: back,
      })}
    </div>
  )
}
