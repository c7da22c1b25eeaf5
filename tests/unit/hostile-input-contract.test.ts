import { describe, expect, it } from 'vitest'
import type { z } from 'zod'
import { contract, METHOD_NAMES } from '../../src/shared/api'

// Every z.string() and z.number() reachable from the contract's input schemas, found by walking
// them: no string takes 10 MB or a control character, a bidi override or a lone surrogate; no
// number takes NaN, ±Infinity or a magnitude of 1e308. So a limit holds by the schema, not by luck.

interface Leaf {
  path: string
  schema: z.ZodType
  type: 'string' | 'number'
}

type Def = Record<string, unknown> & { type: string }
const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def

function leaves(schema: z.ZodType, path: string, out: Leaf[]): Leaf[] {
  const def = defOf(schema)
  switch (def.type) {
    case 'string':
      out.push({ path, schema, type: 'string' })
      break
    case 'number':
      out.push({ path, schema, type: 'number' })
      break
    case 'object':
      for (const [key, value] of Object.entries(def.shape as Record<string, z.ZodType>)) leaves(value, `${path}.${key}`, out)
      break
    case 'array':
      leaves(def.element as z.ZodType, `${path}[]`, out)
      break
    case 'tuple':
      ;(def.items as z.ZodType[]).forEach((item, i) => leaves(item, `${path}[${i}]`, out))
      if (def.rest) leaves(def.rest as z.ZodType, `${path}[…]`, out)
      break
    case 'union':
      ;(def.options as z.ZodType[]).forEach((option, i) => leaves(option, `${path}|${i}`, out))
      break
    case 'record':
      leaves(def.keyType as z.ZodType, `${path}{key}`, out)
      leaves(def.valueType as z.ZodType, `${path}{value}`, out)
      break
    case 'pipe':
      leaves(def.in as z.ZodType, path, out)
      break
    case 'optional':
    case 'nullable':
    case 'default':
    case 'readonly':
    case 'catch':
    case 'nonoptional':
      leaves(def.innerType as z.ZodType, path, out)
      break
    case 'boolean':
    case 'enum':
    case 'literal':
    case 'null':
    case 'undefined':
    case 'transform':
      break
    default:
      throw new Error(`${path}: a ${def.type} schema the walk does not know: teach it, or keep to the kinds above`)
  }
  return out
}

const all = METHOD_NAMES.flatMap((m) => leaves(contract[m].input, m, []))

const TEN_MB = 'x'.repeat(10 * 1024 * 1024)
// For each: the text a field of any kind (one line or many) must refuse.
const HOSTILE = ['a\u0000b', 'a\u0007b', 'a\u001Bb', 'a\u007Fb', 'a\u0085b', 'a\u202Eb', 'a\u2067b', 'a\uD800b', 'a\uDC00b']

describe('the contract walked: every string and number leaf is bounded', () => {
  it('finds the leaves (a walk that found nothing would prove nothing)', () => {
    expect(all.filter((l) => l.type === 'string').length).toBeGreaterThan(100)
    expect(all.filter((l) => l.type === 'number').length).toBeGreaterThan(50)
  })

  it('refuses a 10 MB string at every string leaf', () => {
    const taken = all.filter((l) => l.type === 'string' && l.schema.safeParse(TEN_MB).success).map((l) => l.path)
    expect(taken).toEqual([])
  })

  it('refuses control characters, bidi overrides and lone surrogates at every string leaf', () => {
    const taken = all.flatMap((l) => (l.type === 'string' ? HOSTILE.filter((h) => l.schema.safeParse(h).success).map((h) => `${l.path} ${JSON.stringify(h)}`) : []))
    expect(taken).toEqual([])
  })

  it('refuses NaN, ±Infinity and ±1e308 at every number leaf', () => {
    const taken = all.flatMap((l) =>
      l.type === 'number' ? [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 1e308, -1e308].filter((n) => l.schema.safeParse(n).success).map((n) => `${l.path} ${n}`) : [],
    )
    expect(taken).toEqual([])
  })
})
