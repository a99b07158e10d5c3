/**
 * Every interface text in both languages. Common texts live in `en.json` / `zh-CN.json`; each
 * feature keeps its own pair under `parts/`, with one top-level key, so features can grow apart.
 */
import en from './en.json';
import backupsEn from './parts/backups.en.json';
import backupsZh from './parts/backups.zh-CN.json';
import auditEn from './parts/audit.en.json';
import auditZh from './parts/audit.zh-CN.json';
import committeeEn from './parts/committee.en.json';
import committeeZh from './parts/committee.zh-CN.json';
import duplicatesEn from './parts/duplicates.en.json';
import duplicatesZh from './parts/duplicates.zh-CN.json';
import importEn from './parts/import.en.json';
import importZh from './parts/import.zh-CN.json';
import invitationsEn from './parts/invitations.en.json';
import invitationsZh from './parts/invitations.zh-CN.json';
import jobsEn from './parts/jobs.en.json';
import jobsZh from './parts/jobs.zh-CN.json';
import leadsEn from './parts/leads.en.json';
import lifecycleEn from './parts/lifecycle.en.json';
import lifecycleZh from './parts/lifecycle.zh-CN.json';
import leadsZh from './parts/leads.zh-CN.json';
import peopleEn from './parts/people.en.json';
import peopleZh from './parts/people.zh-CN.json';
import poolsEn from './parts/pools.en.json';
import poolsZh from './parts/pools.zh-CN.json';
import privacyEn from './parts/privacy.en.json';
import privacyZh from './parts/privacy.zh-CN.json';
import salesEn from './parts/sales.en.json';
import salesDefaultsEn from './parts/sales-defaults.en.json';
import salesDefaultsZh from './parts/sales-defaults.zh-CN.json';
import salesReportsEn from './parts/sales-reports.en.json';
import salesReportsZh from './parts/sales-reports.zh-CN.json';
import salesZh from './parts/sales.zh-CN.json';
import searchEn from './parts/search.en.json';
import searchZh from './parts/search.zh-CN.json';
import sourcesEn from './parts/sources.en.json';
import sourcesZh from './parts/sources.zh-CN.json';
import tiersEn from './parts/tiers.en.json';
import tiersZh from './parts/tiers.zh-CN.json';
import touchpointsEn from './parts/touchpoints.en.json';
import touchpointsZh from './parts/touchpoints.zh-CN.json';
import warehouseEn from './parts/warehouse.en.json';
import warehouseZh from './parts/warehouse.zh-CN.json';
import wavesEn from './parts/waves.en.json';
import wavesZh from './parts/waves.zh-CN.json';
import zhCN from './zh-CN.json';

/** The English texts, the shape every `t('...')` key is checked against. */
export const englishTexts = {
  ...en,
  ...backupsEn,
  ...auditEn,
  ...committeeEn,
  ...duplicatesEn,
  ...importEn,
  ...invitationsEn,
  ...jobsEn,
  ...leadsEn,
  ...lifecycleEn,
  ...peopleEn,
  ...poolsEn,
  ...privacyEn,
  ...salesEn,
  ...salesDefaultsEn,
  ...salesReportsEn,
  ...sourcesEn,
  ...tiersEn,
  ...touchpointsEn,
  ...warehouseEn,
  ...wavesEn,
  ...searchEn,
};

/** The Chinese texts; a test checks they have exactly the English keys. */
export const chineseTexts = {
  ...zhCN,
  ...auditZh,
  ...committeeZh,
  ...duplicatesZh,
  ...importZh,
  ...invitationsZh,
  ...jobsZh,
  ...backupsZh,
  ...leadsZh,
  ...lifecycleZh,
  ...peopleZh,
  ...poolsZh,
  ...privacyZh,
  ...salesZh,
  ...salesDefaultsZh,
  ...salesReportsZh,
  ...sourcesZh,
  ...tiersZh,
  ...touchpointsZh,
  ...warehouseZh,
  ...wavesZh,
  ...searchZh,
};
