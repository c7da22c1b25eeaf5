import type { FeatureHandlers } from '../context'

const building = (): never => {
  throw new Error('targets: being built (issue 11)')
}

export const targetHandlers = {
  'targets.list': async () => building(),
  'targets.create': async () => building(),
  'targets.update': async () => building(),
  'targets.delete': async () => building(),
  'targets.restore': async () => building(),
  'targets.setEntry': async () => building(),
} satisfies FeatureHandlers<'targets'>
