import { expect, it } from 'vitest'
import { METHOD_NAMES } from '../../src/shared/api'
import { METHOD_KINDS, methodKind } from '../../src/shared/methodKinds'

it('files every contract method, and nothing else, as a read or a write', () => {
  expect(Object.keys(METHOD_KINDS).sort()).toEqual([...METHOD_NAMES].sort())
  for (const kind of Object.values(METHOD_KINDS)) expect(['read', 'write', 'exclusive']).toContain(kind)
})

it('never files a method that changes something as a read', () => {
  const changing = /\.(create|update|delete|restore|set\w*|import|add\w*|remove|run|undo|start|finishOnboarding|download\w*|cancel)$/
  const misfiled = METHOD_NAMES.filter((name) => changing.test(name) && METHOD_KINDS[name] === 'read')
  expect(misfiled).toEqual([])
})

it('sends a name outside the contract to the writer, whose dispatcher refuses it', () => {
  expect(methodKind('buildings.list')).toBe('read')
  expect(methodKind('buildings.update')).toBe('write')
  expect(methodKind('no.such')).toBe('write')
  expect(methodKind('__proto__')).toBe('write')
})
