import { demoRemovalPreview } from '../../store/demoRows'
import type { FeatureHandlers } from '../context'
import { removeDemoData } from './remove'

// Taking the demo dataset out again (settings' 移除演示数据, the command line's demo --remove).

export const demoHandlers = {
  'demo.removalPreview': async (_input, { store }) => demoRemovalPreview(store.db),
  'demo.remove': async ({ keep, previewStamp }, ctx) => removeDemoData(ctx, keep, previewStamp),
} satisfies FeatureHandlers<'demo'>
