import type { IndustrySection } from '../../../../shared/domain'
import type { TenantCreate } from '../../../../shared/schemas/tenants'
import type { Tenant } from '../../../../shared/types'
import { numberText, parseNumber, textOrNull } from '../../lib/form'

// Annual tax is typed in 万元, the unit people quote it in, and stored in yuan.
const WAN = 10_000

export interface TenantFormState {
  name: string
  creditCode: string
  industry: IndustrySection | ''
  aboveScale: boolean
  registeredInDistrict: boolean
  annualTaxWan: string
  staff: string
  contactName: string
  contactPhone: string
  notes: string
}

export function tenantFormOf(t?: Tenant): TenantFormState {
  return {
    name: t?.name ?? '',
    creditCode: t?.creditCode ?? '',
    industry: t?.industry ?? '',
    aboveScale: t?.aboveScale ?? false,
    registeredInDistrict: t?.registeredInDistrict ?? false,
    annualTaxWan: numberText(t?.annualTax, WAN),
    staff: numberText(t?.staff),
    contactName: t?.contactName ?? '',
    contactPhone: t?.contactPhone ?? '',
    notes: t?.notes ?? '',
  }
}

export function tenantInputOf(s: TenantFormState): TenantCreate {
  const tax = parseNumber(s.annualTaxWan)
  return {
    name: s.name,
    creditCode: textOrNull(s.creditCode),
    industry: s.industry || null,
    aboveScale: s.aboveScale,
    registeredInDistrict: s.registeredInDistrict,
    // Text that is not a number goes through unchanged so the server names the field.
    annualTax: typeof tax === 'number' ? Math.round(tax * WAN * 100) / 100 : tax,
    staff: parseNumber(s.staff),
    contactName: textOrNull(s.contactName),
    contactPhone: textOrNull(s.contactPhone),
    notes: textOrNull(s.notes),
  }
}
