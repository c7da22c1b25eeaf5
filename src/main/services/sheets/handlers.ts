import type { FeatureHandlers } from '../context'
import { assembleSheet } from './assemble'

export const sheetHandlers = {
  // Everything the printable sheet shows, in one answer (services/sheets/assemble.ts).
  'sheets.data': async (input, ctx) => assembleSheet(ctx, input),
} satisfies FeatureHandlers<'sheets'>
