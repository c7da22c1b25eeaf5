import { DomainError } from '../../../shared/result'
import { findDistrict, listDistricts } from '../../store/districts'
import { insertRow, write } from '../../store/writer'
import type { FeatureHandlers } from '../context'

export const districtHandlers = {
  'districts.list': async (_input, { store }) => listDistricts(store.db),

  'districts.create': async (input, { store, author }) =>
    write(store.db, author, async (w) => {
      // The code is the primary key, so even a deleted district keeps its code taken.
      const existing = await findDistrict(w.trx, input.code)
      if (existing) {
        const state = existing.deletedAt === null ? '' : '，已删除'
        throw new DomainError('conflict', `行政区划代码：已存在（${existing.name}${state}）`, 'code')
      }
      return { code: await insertRow(w, 'districts', input) }
    }),
} satisfies FeatureHandlers<'districts'>
