/**
 * Normalisers for the customer fields `customer-values.ts` leaves to the import: closed sets with the
 * Chinese words our zh-CN interface and Chinese CRMs use, value tiers from the tenant's list, and
 * custom fields by their definition.
 */
import {
  BUDGET_STATES,
  BUSINESS_SIZES,
  CONSUMER_MOTIVES,
  DEAL_STATES,
  NEED_STATES,
  PROCUREMENT_MODES,
  SERVICE_PERSONAS,
} from '../customer/customer.contract.js';
import type { CrmSettings, CustomFieldDef } from '../settings/crm-settings.contract.js';
import { booleanValue, dateValue, enumValue, type ValueResult } from './customer-values.js';

/** Business size, also as 微型 / 小型 / 中型 / 大型 / 集团. */
export const sizeValue = enumValue(BUSINESS_SIZES, {
  微型: 'micro',
  小型: 'small',
  中型: 'medium',
  大型: 'large',
  集团: 'enterprise',
  特大型: 'enterprise',
});

/** Government procurement mode, also as 单一来源 / 公开招标. */
export const procurementModeValue = enumValue(PROCUREMENT_MODES, {
  单一来源: 'single_source',
  单一来源采购: 'single_source',
  公开招标: 'public_tender',
  招标: 'public_tender',
});

/** Consumer motive, also as 理性 / 感性 / 习惯 / 促销. */
export const motiveValue = enumValue(CONSUMER_MOTIVES, {
  理性: 'rational',
  理性型: 'rational',
  感性: 'emotional',
  感性型: 'emotional',
  情感型: 'emotional',
  习惯: 'habitual',
  习惯型: 'habitual',
  促销: 'deal_driven',
  优惠型: 'deal_driven',
  价格敏感: 'deal_driven',
});

/** Service persona by its code. */
export const personaValue = enumValue(SERVICE_PERSONAS);

/** Budget state, also as 未知 / 已确认 / 超预算 / 无. */
export const budgetValue = enumValue(BUDGET_STATES, {
  未知: 'unknown',
  已确认: 'confirmed',
  超预算: 'over_budget',
  无: 'none',
});

/** Need state, also as 未知 / 已记录 / 潜在 / 无. */
export const needValue = enumValue(NEED_STATES, {
  未知: 'unknown',
  已记录: 'recorded',
  潜在: 'latent',
  无: 'none',
});

/** Deal state, also as 无 / 进行中 / 赢单 / 输单. */
export const dealStateValue = enumValue(DEAL_STATES, {
  无: 'none',
  进行中: 'open',
  赢单: 'won',
  输单: 'lost',
});

/** A value tier by its code or its label in the tenant's list (`VIP` and `vip` both read as `vip`). */
export function valueTierValue(settings: CrmSettings): (raw: string) => ValueResult<string> {
  const lookup = new Map<string, string>();
  for (const tier of settings.valueTiers) {
    lookup.set(tier.label.trim().toLowerCase(), tier.code);
    lookup.set(tier.code, tier.code);
  }
  return (raw) => {
    const code = lookup.get(raw.trim().toLowerCase());
    if (code !== undefined) return { ok: true, value: code };
    const codes = settings.valueTiers.map((tier) => tier.code).join(', ');
    return { ok: false, message: `"${raw}" is not one of this tenant's value tiers (${codes})` };
  };
}

const DAY = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/;

/** A custom field's cell as the type its definition says. */
export function customFieldValue(def: CustomFieldDef, raw: string): ValueResult<string | number | boolean> {
  switch (def.type) {
    case 'text':
      return { ok: true, value: raw };
    case 'number': {
      const value = Number(raw.replace(/[,，\s]/g, ''));
      return Number.isFinite(value)
        ? { ok: true, value }
        : { ok: false, message: `"${raw}" is not a number` };
    }
    case 'boolean':
      return booleanValue(raw);
    case 'date': {
      const day = DAY.exec(raw);
      if (day && dateValue(raw).ok) {
        return { ok: true, value: `${day[1]}-${day[2]!.padStart(2, '0')}-${day[3]!.padStart(2, '0')}` };
      }
      return { ok: false, message: `"${raw}" is not a date; use YYYY-MM-DD` };
    }
    case 'select': {
      const option = def.options?.find((o) => o.toLowerCase() === raw.toLowerCase());
      return option !== undefined
        ? { ok: true, value: option }
        : { ok: false, message: `"${raw}" is not one of ${def.options?.join(', ') ?? 'the options'}` };
    }
  }
}
