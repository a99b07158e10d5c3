/**
 * The statement that generates customers on the database side (see customers-data.ts): every choice
 * is 16 bits of one of a row's `hashint4extended` hashes, so a seed gives the same rows on every engine.
 */
import {
  AGENCY_LEVELS,
  BUSINESS_SIZES,
  CONSUMER_MOTIVES,
  PROCUREMENT_MODES,
} from '../src/modules/crm/customer/customer.contract.js';
import { COMPANY_SUFFIXES, WORDS } from './customers-words.js';

const quote = (text: string): string => `'${text.replaceAll("'", "''")}'`;
const arrayOf = (items: readonly string[]): string => `(array[${items.map(quote).join(', ')}])`;
/** The element of `items` chosen by the uniform `u` in [0, 1). */
const pick = (items: readonly string[], u: string): string =>
  `${arrayOf(items)}[1 + floor(${u} * ${items.length})::int]`;
/** The k-th uniform in [0, 1) of a row: 16 bits of one of its 64-bit hashes (h0..h6, 4 per hash). */
const u = (k: number): string => `(((h${Math.floor(k / 4)} >> ${(k % 4) * 16}) & 65535)::float8 / 65536)`;
const HASHES = 8;

const MOBILE_SQL = `${arrayOf(WORDS.mobilePrefixes)}[1 + (i % ${WORDS.mobilePrefixes.length})] || lpad((((i / ${WORDS.mobilePrefixes.length})::bigint * 48271 + 12345) % 100000000)::text, 8, '0')`;

/** Per row: its hashes, then every pseudo-random choice made from them. */
function choicesSql(owners: number): string {
  const suffixes = COMPANY_SUFFIXES.map(([suffix]) => suffix);
  const columns = Array.from({ length: HASHES }, (_, k) => `hashint4extended(i, $4::bigint + ${k}) as h${k}`);
  const hashes = `
    select i, ${columns.join(', ')}
    from generate_series($2::int, $3::int) as g(i)
    offset 0`;
  return `
    select i, lpad(to_hex(h${HASHES - 1}), 16, '0') as id_bits,
      case when ${u(0)} < 0.5 then 'business' when ${u(0)} < 0.85 then 'consumer' else 'government' end as kind,
      ${pick(WORDS.cities, u(1))} as city,
      ${pick(WORDS.brands, u(2))} as brand,
      floor(${u(3)} * ${WORDS.industries.length})::int as industry_at,
      floor(${u(4)} * ${suffixes.length})::int as suffix_at,
      ${pick(WORDS.departments, u(5))} as department,
      ${pick(WORDS.surnames, u(6))} || ${pick(WORDS.givenNames, u(7))} as person,
      case when ${u(8)} < 0.10 then 'A' when ${u(8)} < 0.30 then 'B' when ${u(8)} < 0.60 then 'C'
        when ${u(8)} < 0.75 then 'D' end as intent_tier,
      case when ${u(9)} < 0.95 then ($5::uuid[])[1 + floor(${u(10)} * ${owners})::int] end as owner_user_id,
      case when ${u(9)} >= 0.95 then $6::uuid end as pool_id,
      case when ${u(11)} >= 0.10 then $7::timestamptz - ${u(12)} * interval '120 days' end as last_follow_up_at,
      $7::timestamptz - interval '120 days' - ${u(13)} * interval '600 days' as created_at,
      case when ${u(14)} < 0.9 then ${MOBILE_SQL} end as mobile,
      ${u(15)} as phone_style,
      ${u(16)} as email_u,
      ${pick(WORDS.emailDomains, u(17))} as domain,
      case when ${u(18)} < 0.05 then 'svip' when ${u(18)} < 0.20 then 'vip' else 'standard' end as value_tier,
      case when ${u(19)} < 0.10 then 'A' when ${u(19)} < 0.20 then 'B' when ${u(19)} < 0.30 then 'C' end
        as satisfaction_tier,
      case when ${u(20)} < 0.15 then 'confirmed' when ${u(20)} < 0.25 then 'over_budget'
        when ${u(20)} < 0.30 then 'none' else 'unknown' end as budget,
      case when ${u(21)} < 0.30 then 'recorded' when ${u(21)} < 0.45 then 'latent'
        when ${u(21)} < 0.50 then 'none' else 'unknown' end as need,
      ${pick(WORDS.sources, u(22))} as source,
      case when ${u(23)} < 0.2 then array['重点'] when ${u(23)} < 0.3 then array['展会', '2024']
        else '{}'::text[] end as tags,
      ${u(24)} as attribute_u
    from (${hashes}) as hashed
    offset 0`;
}

/** The chosen values with the name, the name's match key and the email made of them. */
function nameSql(choices: string): string {
  const suffixes = COMPANY_SUFFIXES.map(([suffix]) => suffix);
  const kept = COMPANY_SUFFIXES.map(([, keep]) => keep);
  return `
    select c.*,
      case kind
        when 'business' then city || brand || i || ${arrayOf(WORDS.industries)}[1 + industry_at]
          || ${arrayOf(suffixes)}[1 + suffix_at]
        when 'government' then city || '市' || department || '（' || i || '）'
        else person end as name,
      case kind
        when 'business' then city || brand || i || ${arrayOf(WORDS.industries)}[1 + industry_at]
          || ${arrayOf(kept)}[1 + suffix_at]
        when 'government' then city || '市' || department || i end as name_key,
      case when kind = 'consumer' and email_u < 0.5 then 'user' || i || '@' || domain
        when kind = 'business' and email_u < 0.4 then 'Sales' || i || '@' || brand_mail || '.cn' end as email
    from (select *, 'corp' || (i % 997) as brand_mail from (${choices}) as chosen offset 0) as c`;
}

/**
 * The generating statement. Parameters: $1 tenant, $2..$3 row numbers, $4 seed, $5 owners, $6 pool,
 * $7 now. Each layer is fenced with `offset 0` so the planner does not inline (and recompute) the
 * hashes and choices into every expression that reads them.
 */
export function insertSql(owners: number): string {
  const named = nameSql(choicesSql(owners));
  return `
    insert into customers (tenant_id, id, kind, name, phone, email, region, industry, size, agency_level,
      procurement_mode, motive, intent_tier, satisfaction_tier, value_tier, budget, need, owner_user_id,
      pool_id, received_at, last_follow_up_at, source, tags, phone_key, email_key, name_key, created_at,
      updated_at)
    select $1::uuid,
      -- UUIDv7 of the creation time, as newId() makes them: the newest-first list sorts by id.
      (lpad(to_hex((extract(epoch from created_at) * 1000)::bigint), 12, '0') || '7' || substr(id_bits, 1, 3)
        || '8' || substr(id_bits, 4, 13) || lpad(to_hex(i & 255), 2, '0'))::uuid,
      kind, name,
      case when mobile is null then null
        when phone_style < 0.4 then mobile
        when phone_style < 0.7 then substr(mobile, 1, 3) || ' ' || substr(mobile, 4, 4) || ' ' || substr(mobile, 8)
        when phone_style < 0.9 then substr(mobile, 1, 3) || '-' || substr(mobile, 4, 4) || '-' || substr(mobile, 8)
        else '+86 ' || mobile end,
      email, city,
      case kind when 'business' then ${arrayOf(WORDS.industries)}[1 + industry_at] when 'government' then '政府' end,
      case when kind = 'business' then ${pick(BUSINESS_SIZES, 'attribute_u')} end,
      case when kind = 'government' then ${pick(AGENCY_LEVELS, 'attribute_u')} end,
      case when kind = 'government' then ${pick(PROCUREMENT_MODES, 'email_u')} end,
      case when kind = 'consumer' then ${pick(CONSUMER_MOTIVES, 'attribute_u')} end,
      intent_tier, satisfaction_tier, value_tier, budget, need, owner_user_id, pool_id,
      case when owner_user_id is not null then created_at end,
      last_follow_up_at, source, tags,
      case when mobile is not null then '+86' || mobile end,
      lower(email), name_key, created_at, coalesce(last_follow_up_at, created_at)
    from (${named}) as rows`;
}
