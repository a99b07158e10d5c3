/**
 * Realistic customers for the customers bench, generated on the database side in one
 * `insert ... select ... from generate_series` per chunk, so a million rows load at the engine's speed
 * and not at the speed of a client building parameters. Every pseudo-random choice is 16 bits of
 * `hashint4extended(row number, seed)`: the same seed gives the same rows on PGlite and on the server
 * (md5 would do too, but costs four times the whole insert on a slow machine).
 */
import type pg from 'pg';
import { seededRandom } from '../src/platform/random.js';
import {
  AGENCY_LEVELS,
  BUSINESS_SIZES,
  CONSUMER_MOTIVES,
  PROCUREMENT_MODES,
} from '../src/modules/crm/customer/customer.contract.js';
import { CUSTOMER_CSV_FIELDS } from '../src/modules/crm/import/customer-columns.js';
import { stringifyCsv } from '../src/modules/crm/import/csv-rows.js';
import { USCC_ALPHABET, usccCheckCharacter } from '../src/modules/crm/matching/uscc.js';
import { now } from './harness.js';

const words = (text: string): string[] => text.split(' ');

/** Words customer names and attributes are made of (ours, so they need no escaping beyond quotes). */
export const WORDS = {
  cities: words('上海 北京 深圳 杭州 成都 广州 南京 武汉 苏州 西安 重庆 天津 长沙 青岛 厦门 宁波'),
  brands: words('星辰 华信 东方 瑞丰 恒通 博远 金桥 天成 鼎盛 新源 中科 联创 宏达 盛世 永安 嘉禾'),
  industries: words('贸易 科技 制造 物流 餐饮 医疗器械 建材 电器 咨询 食品'),
  departments: words(
    '教育局 卫生健康委员会 交通运输局 财政局 人民医院 市场监督管理局 住房和城乡建设局 数据资源局',
  ),
  surnames: words('王 李 张 刘 陈 杨 黄 赵 吴 周 徐 孙 马 朱 胡 郭 何 林 罗 高'),
  givenNames: words(
    '伟 芳 娜 秀英 敏 静 丽 强 磊 军 洋 勇 艳 杰 娟 涛 明 超 秀兰 霞 平 刚 桂英 婷 浩然 子涵 欣怡 宇轩 思远 雨桐',
  ),
  emailDomains: words('qq.com 163.com 126.com gmail.com outlook.com sina.com'),
  sources: words('website exhibition referral cold_call wechat tender'),
  mobilePrefixes: words(
    '130 131 132 133 135 136 137 138 139 150 151 152 153 155 156 157 158 159 166 176 177 180 181 182 183 185 186 187 188 189 198 199',
  ),
};

/**
 * Legal forms a company name ends with, and what `companyNameKey` keeps of each: 集团 is a different
 * party from its operating company, so it stays in the key.
 */
export const COMPANY_SUFFIXES: readonly (readonly [suffix: string, keptInKey: string])[] = [
  ['有限公司', ''],
  ['有限公司', ''],
  ['有限公司', ''],
  ['股份有限公司', ''],
  ['有限责任公司', ''],
  ['集团有限公司', '集团'],
  ['公司', ''],
];

/** What to generate: `count` customers of one tenant, rows `firstIndex..firstIndex+count-1`. */
export type LoadSpec = {
  tenantId: string;
  /** Owners, chosen uniformly for the 95 % of customers that are owned. */
  ownerIds: readonly string[];
  /** The pool the other 5 % sit in. */
  poolId: string;
  count: number;
  /** Rows per statement. */
  chunk: number;
  /** Row numbers are unique per tenant; they make names, phones and emails unique. */
  firstIndex: number;
  /** Changes every pseudo-random choice. */
  seed: number;
  /** "Now" for follow-up and creation dates (the last 120 days, the two years before). */
  at: Date;
};

/**
 * Drops the secondary indexes of `customers` for a bulk load and returns the statements that build
 * them again exactly as migrated (a million inserts into a dozen live btrees take several times as
 * long as building the btrees afterwards). The primary key stays: it backs a constraint.
 */
export async function dropSecondaryIndexes(pool: pg.Pool): Promise<string[]> {
  const { rows } = await pool.query<{ name: string; definition: string }>(`
    select c.relname as name, pg_get_indexdef(i.indexrelid) as definition
    from pg_index i join pg_class c on c.oid = i.indexrelid
    where i.indrelid = 'customers'::regclass and not i.indisprimary
      and not exists (select 1 from pg_constraint k where k.conindid = i.indexrelid)`);
  for (const row of rows) await pool.query(`drop index "${row.name}"`);
  return rows.map((row) => row.definition);
}

/** Loads the customers of `spec` chunk by chunk; returns the milliseconds the inserts took. */
export async function loadCustomers(
  pool: pg.Pool,
  spec: LoadSpec,
  onChunk?: (loaded: number, ms: number) => void,
): Promise<number> {
  const text = insertSql(spec.ownerIds.length);
  const started = now();
  for (let loaded = 0; loaded < spec.count; loaded += spec.chunk) {
    const first = spec.firstIndex + loaded;
    const last = Math.min(spec.firstIndex + spec.count, first + spec.chunk) - 1;
    await pool.query(text, [spec.tenantId, first, last, spec.seed, spec.ownerIds, spec.poolId, spec.at]);
    onChunk?.(last - spec.firstIndex + 1, now() - started);
  }
  return now() - started;
}

const quote = (text: string): string => `'${text.replaceAll("'", "''")}'`;
const arrayOf = (items: readonly string[]): string => `(array[${items.map(quote).join(', ')}])`;
/** The element of `items` chosen by the uniform `u` in [0, 1). */
const pick = (items: readonly string[], u: string): string =>
  `${arrayOf(items)}[1 + floor(${u} * ${items.length})::int]`;
/** The k-th uniform in [0, 1) of a row: 16 bits of one of its 64-bit hashes (h0..h6, 4 per hash). */
const u = (k: number): string => `(((h${Math.floor(k / 4)} >> ${(k % 4) * 16}) & 65535)::float8 / 65536)`;
const HASHES = 8;

/** The mobile number of row `i` (11 digits): prefix by `i`, the rest a bijection of `i`, so never repeated. */
export function mobileDigits(i: number): string {
  const prefixes = WORDS.mobilePrefixes;
  const rest = (BigInt(Math.floor(i / prefixes.length)) * 48271n + 12345n) % 100000000n;
  return `${prefixes[i % prefixes.length]}${rest.toString().padStart(8, '0')}`;
}

const MOBILE_SQL = `${arrayOf(WORDS.mobilePrefixes)}[1 + (i % ${WORDS.mobilePrefixes.length})] || lpad((((i / ${WORDS.mobilePrefixes.length})::bigint * 48271 + 12345) % 100000000)::text, 8, '0')`;

/**
 * The generating statement. Parameters: $1 tenant, $2..$3 row numbers, $4 seed, $5 owners, $6 pool,
 * $7 now. Each layer is fenced with `offset 0` so the planner does not inline (and recompute) the
 * hashes and choices into every expression that reads them.
 */
function insertSql(owners: number): string {
  const suffixes = COMPANY_SUFFIXES.map(([suffix]) => suffix);
  const kept = COMPANY_SUFFIXES.map(([, keep]) => keep);
  const columns = Array.from({ length: HASHES }, (_, k) => `hashint4extended(i, $4::bigint + ${k}) as h${k}`);
  const hashes = `
    select i, ${columns.join(', ')}
    from generate_series($2::int, $3::int) as g(i)
    offset 0`;
  const choices = `
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
  const named = `
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

/**
 * What the file refers to in the import tenant: existing customers its duplicate rows repeat, the
 * members its owner column names (by email, as our export writes them) and the pool the rest go to.
 */
export type ImportTargets = {
  phoneKeys: readonly string[];
  businessNameKeys: readonly string[];
  ownerEmails: readonly string[];
  poolName: string;
};

/** A CSV in our export's columns and what importing it should report. */
export type ImportFile = { bytes: Buffer; rows: number; duplicates: number; invalid: number };

/**
 * A CSV of `rows` new customers in the columns of our own export (`CUSTOMER_CSV_FIELDS`), where every
 * 20th row repeats an existing customer (half by phone written another way, half by company name with
 * another legal form) and every 100th row is invalid in one of six ways. New rows use row numbers
 * from `firstIndex`, which must lie beyond the existing customers' so they match nothing.
 */
export function buildImportCsv(rows: number, firstIndex: number, targets: ImportTargets): ImportFile {
  const random = seededRandom(42);
  const choose = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const records: Record<string, string>[] = [];
  let duplicates = 0;
  let invalid = 0;
  for (let n = 0; n < rows; n++) {
    const i = firstIndex + n;
    const kind = random() < 0.5 ? 'business' : random() < 0.7 ? 'consumer' : 'government';
    const city = choose(WORDS.cities);
    const digits = mobileDigits(i);
    const record: Record<string, string> = {
      kind,
      name:
        kind === 'business'
          ? `${city}${choose(WORDS.brands)}${i}${choose(WORDS.industries)}${choose(COMPANY_SUFFIXES)[0]}`
          : kind === 'government'
            ? `${city}市${choose(WORDS.departments)}（${i}）`
            : `${choose(WORDS.surnames)}${choose(WORDS.givenNames)}`,
      phone: random() < 0.9 ? formatMobile(digits, random()) : '',
      email: kind === 'consumer' && random() < 0.5 ? `user${i}@${choose(WORDS.emailDomains)}` : '',
      wechatId: kind === 'consumer' && random() < 0.3 ? `wx_${i}` : '',
      region: city,
      industry: kind === 'consumer' ? '' : kind === 'business' ? choose(WORDS.industries) : '政府',
      size: kind === 'business' ? choose(BUSINESS_SIZES) : '',
      uscc: kind === 'business' && random() < 0.3 ? uscc(i) : '',
      agencyLevel: kind === 'government' ? choose(AGENCY_LEVELS) : '',
      procurementMode: kind === 'government' ? choose(PROCUREMENT_MODES) : '',
      motive: kind === 'consumer' ? choose(CONSUMER_MOTIVES) : '',
      intentTier: choose(['A', 'B', 'B', 'C', 'C', 'C', 'D', '', '']),
      ...(random() < 0.8 ? { owner: choose(targets.ownerEmails) } : { pool: targets.poolName }),
      valueTier: choose(['standard', 'standard', 'standard', 'vip', 'svip']),
      source: choose(WORDS.sources),
      tags: random() < 0.3 ? '展会;2024' : '',
      externalId: `OLD-${i}`,
      budget: choose(['unknown', 'confirmed', 'over_budget']),
      need: choose(['unknown', 'recorded', 'latent']),
      lastFollowUpAt:
        random() < 0.9
          ? `2025-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')} 10:30`
          : '',
      createdAt: `2024-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`,
    };
    if (n % 100 === 50) {
      spoil(record, (invalid++ % 6) as 0 | 1 | 2 | 3 | 4 | 5, i);
    } else if (n % 20 === 5) {
      repeatExisting(record, duplicates++, targets, random());
    }
    records.push(record);
  }
  const text = stringifyCsv(
    [...CUSTOMER_CSV_FIELDS],
    records.map((record) => CUSTOMER_CSV_FIELDS.map((field) => record[field] ?? '')),
  );
  return { bytes: Buffer.from(text, 'utf8'), rows, duplicates, invalid };
}

/** Makes a row a duplicate of an existing customer: by phone (another spelling) or by company name. */
function repeatExisting(record: Record<string, string>, n: number, sources: ImportTargets, u: number): void {
  if (n % 2 === 0) {
    const phoneKey = sources.phoneKeys[(n / 2) % sources.phoneKeys.length]!;
    record.phone = formatMobile(phoneKey.slice('+86'.length), u);
    return;
  }
  const nameKey = sources.businessNameKeys[((n - 1) / 2) % sources.businessNameKeys.length]!;
  Object.assign(record, {
    kind: 'business',
    name: `${nameKey}股份有限公司`,
    uscc: '',
    industry: '贸易',
    size: 'small',
  });
  Object.assign(record, { agencyLevel: '', procurementMode: '', motive: '', wechatId: '', email: '' });
}

/** Makes a row invalid in the `way`-th of six ways a hand-edited file goes wrong. */
function spoil(record: Record<string, string>, way: 0 | 1 | 2 | 3 | 4 | 5, i: number): void {
  const good = uscc(i);
  const spoiled = {
    0: {
      kind: 'business',
      uscc: good.slice(0, -1) + (good.endsWith('0') ? '1' : '0'),
      agencyLevel: '',
      procurementMode: '',
      motive: '',
    },
    1: { kind: 'alien' },
    2: { intentTier: 'E' },
    3: { email: 'not-an-email' },
    4: { name: '' },
    5: { lastFollowUpAt: '2025-02-30' },
  }[way];
  Object.assign(record, spoiled);
}

/** A valid unified social credit code for row `i` (enterprise, Shanghai, organisation code from `i`). */
function uscc(i: number): string {
  const code = i.toString(31).toUpperCase().padStart(9, '0');
  const body = `91310000${[...code].map((c) => USCC_ALPHABET[parseInt(c, 31)]).join('')}`;
  return body + usccCheckCharacter(body);
}

/** The ways people write a mobile number, chosen by `u` in [0, 1). */
function formatMobile(digits: string, u: number): string {
  if (u < 0.4) return digits;
  if (u < 0.7) return `${digits.slice(0, 3)} ${digits.slice(3, 7)} ${digits.slice(7)}`;
  if (u < 0.9) return `${digits.slice(0, 3)}-${digits.slice(3, 7)}-${digits.slice(7)}`;
  return `+86 ${digits}`;
}
