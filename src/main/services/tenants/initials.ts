import { nameInitials } from '../../../shared/pinyinInitials'

/**
 * The row with its name's pinyin initials (tenants.name_initials, what the tenant picker finds
 * "zhkj" by), when the row sets a name. Every write of a tenant's name goes through this: the
 * service, the importer, the demo and generated datasets.
 */
export function withInitials<T extends Record<string, unknown>>(row: T): T & { nameInitials?: string } {
  return typeof row.name === 'string' ? { ...row, nameInitials: nameInitials(row.name) } : row
}
