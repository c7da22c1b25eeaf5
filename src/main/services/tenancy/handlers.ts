import type { FeatureHandlers } from '../context'
import { figuresAsOf } from './asOf'

export const tenancyHandlers = {
  'tenancy.asOf': async (input, { store }) => figuresAsOf(store.db, input),
} satisfies FeatureHandlers<'tenancy'>
