import { describe, expect, it } from 'vitest';
import { CUSTOMER_CSV_FIELDS, inferKind, mapHeaders, recordFromRow } from './customer-columns.js';

describe('mapHeaders', () => {
  it('maps the headers of our own export, custom fields included', () => {
    const headers = [...CUSTOMER_CSV_FIELDS, 'custom.vipLevel', 'custom.合同编号'];
    const { mapping, unmapped, missingRequired } = mapHeaders(headers);
    expect(mapping).toEqual([
      ...CUSTOMER_CSV_FIELDS.map((field) => ({ field })),
      { custom: 'vipLevel' },
      { custom: '合同编号' },
    ]);
    expect(unmapped).toEqual([]);
    expect(missingRequired).toEqual([]);
  });

  it('ignores case, spaces, underscores, dashes and slashes', () => {
    const { mapping } = mapHeaders([
      'WeChat ID',
      'LAST_FOLLOW_UP_AT',
      'intent-tier',
      'External/Id',
      ' Name ',
    ]);
    expect(mapping).toEqual([
      { field: 'wechatId' },
      { field: 'lastFollowUpAt' },
      { field: 'intentTier' },
      { field: 'externalId' },
      { field: 'name' },
    ]);
  });

  it('maps the Chinese headers of our zh-CN export and Chinese CRMs', () => {
    const headers = [
      '客户名称',
      '客户类型',
      '手机号',
      '联系电话',
      '电子邮件',
      '微信号',
      '省份',
      '行业',
      '企业规模',
      '统一社会信用代码',
      '单位级别',
      '意向等级',
      '满意度等级',
      '会员等级',
      '归属人',
      '客户池',
      '客户来源',
      '标签',
      '外部ID',
      '最后跟进时间',
      '创建时间',
      '备注',
    ];
    const { mapping, unmapped, missingRequired } = mapHeaders(headers);
    expect(mapping.map((column) => (column && 'field' in column ? column.field : column))).toEqual([
      'name',
      'kind',
      'phone',
      'phone',
      'email',
      'wechatId',
      'region',
      'industry',
      'size',
      'uscc',
      'agencyLevel',
      'intentTier',
      'satisfactionTier',
      'valueTier',
      'owner',
      'pool',
      'source',
      'tags',
      'externalId',
      'lastFollowUpAt',
      'createdAt',
      null,
    ]);
    expect(unmapped).toEqual(['备注']);
    expect(missingRequired).toEqual([]);
  });

  it('maps a HubSpot contact export', () => {
    const headers =
      'Record ID,First Name,Last Name,Email,Phone Number,Mobile Phone Number,Contact owner,Company Name,Lifecycle Stage,Lead Status,Create Date,Last Activity Date'.split(
        ',',
      );
    const { mapping, unmapped, missingRequired } = mapHeaders(headers);
    expect(mapping).toEqual([
      { field: 'externalId' },
      { firstName: true },
      { lastName: true },
      { field: 'email' },
      { field: 'phone' },
      { field: 'phone' },
      { field: 'owner' },
      { companyName: true },
      null,
      null,
      { field: 'createdAt' },
      null,
    ]);
    expect(unmapped).toEqual(['Lifecycle Stage', 'Lead Status', 'Last Activity Date']);
    expect(missingRequired).toEqual([]);
  });

  it('maps a HubSpot company export', () => {
    const headers =
      'Record ID,Company name,Company Domain Name,Create Date,Company owner,Phone Number,Industry,City,State/Region,Last Activity Date'.split(
        ',',
      );
    const { mapping, unmapped, missingRequired } = mapHeaders(headers);
    expect(mapping).toEqual([
      { field: 'externalId' },
      { companyName: true },
      null,
      { field: 'createdAt' },
      { field: 'owner' },
      { field: 'phone' },
      { field: 'industry' },
      null,
      { field: 'region' },
      null,
    ]);
    expect(unmapped).toEqual(['Company Domain Name', 'City', 'Last Activity Date']);
    expect(missingRequired).toEqual([]);
  });

  it('maps a Salesforce account export', () => {
    const headers =
      'Account ID,Account Name,Type,Account Owner,Industry,Phone,Billing City,Billing State/Province,Website,Created Date'.split(
        ',',
      );
    const { mapping, unmapped } = mapHeaders(headers);
    expect(mapping).toEqual([
      { field: 'externalId' },
      { companyName: true },
      null,
      { field: 'owner' },
      { field: 'industry' },
      { field: 'phone' },
      null,
      { field: 'region' },
      null,
      { field: 'createdAt' },
    ]);
    expect(unmapped).toEqual(['Type', 'Billing City', 'Website']);
  });

  it('maps a Salesforce lead export', () => {
    const headers =
      'Lead ID,First Name,Last Name,Title,Company,Email,Phone,Mobile,Lead Source,Lead Status,Lead Owner,Industry,State/Province,Created Date'.split(
        ',',
      );
    const { mapping, unmapped, missingRequired } = mapHeaders(headers);
    expect(mapping).toEqual([
      { field: 'externalId' },
      { firstName: true },
      { lastName: true },
      null,
      { companyName: true },
      { field: 'email' },
      { field: 'phone' },
      { field: 'phone' },
      { field: 'source' },
      null,
      { field: 'owner' },
      { field: 'industry' },
      { field: 'region' },
      { field: 'createdAt' },
    ]);
    expect(unmapped).toEqual(['Title', 'Lead Status']);
    expect(missingRequired).toEqual([]);
  });

  it('leaves a company column out when a plain name column names the customer', () => {
    const { mapping, unmapped } = mapHeaders(['名称', 'Company Name']);
    expect(mapping).toEqual([{ field: 'name' }, null]);
    expect(unmapped).toEqual(['Company Name']);
  });

  it('applies overrides before recognition, matched like headers', () => {
    const headers = ['Lead Status', 'Lifecycle Stage', 'Phone Number', '备注', 'Company Name'];
    const { mapping, unmapped } = mapHeaders(headers, {
      'lead status': 'custom.leadStatus',
      'Lifecycle Stage': 'ignore',
      'Phone Number': 'ignore',
      备注: 'need',
      'Company Name': 'name',
    });
    expect(mapping).toEqual([{ custom: 'leadStatus' }, null, null, { field: 'need' }, { field: 'name' }]);
    expect(unmapped).toEqual([]);
  });

  it('reports name as missing when no column can supply one, and skips blank headers in unmapped', () => {
    const { missingRequired, unmapped } = mapHeaders(['Email', 'Phone', 'Notes', '']);
    expect(missingRequired).toEqual(['name']);
    expect(unmapped).toEqual(['Notes']);
    expect(mapHeaders(['Last Name']).missingRequired).toEqual([]);
    expect(mapHeaders(['Company']).missingRequired).toEqual([]);
    expect(mapHeaders(['name'], { name: 'ignore' }).missingRequired).toEqual(['name']);
  });
});

describe('recordFromRow', () => {
  const { mapping } = mapHeaders([
    'First Name',
    'Last Name',
    'Company',
    'Phone',
    'Mobile',
    'Tags',
    'custom.level',
  ]);

  it('builds a business named after the company, keeping the person as contact', () => {
    const record = recordFromRow(mapping, [
      'Wei',
      'Zhang',
      ' Acme Ltd ',
      '',
      '+86 139 0000 0000',
      'a;b',
      'gold',
    ]);
    expect(record).toEqual({
      name: 'Acme Ltd',
      nameSource: 'company',
      contactName: 'Wei Zhang',
      phone: '+86 139 0000 0000',
      tags: 'a;b',
      custom: { level: 'gold' },
    });
    expect(inferKind(record)).toBe('business');
  });

  it('builds a consumer from the person when there is no company', () => {
    const record = recordFromRow(mapping, ['Wei', 'Zhang', '', '010-1234', '139']);
    expect(record).toEqual({ name: 'Wei Zhang', nameSource: 'person', phone: '010-1234', custom: {} });
    expect(inferKind(record)).toBe('consumer');
  });

  it('writes Chinese names family name first without a space', () => {
    expect(recordFromRow(mapping, ['小明', '王']).name).toBe('王小明');
    expect(recordFromRow(mapping, ['欧阳', '娜娜']).name).toBe('娜娜欧阳');
    expect(recordFromRow(mapping, ['Emma', '陈']).name).toBe('Emma 陈');
    expect(recordFromRow(mapping, ['', '王']).name).toBe('王');
    expect(recordFromRow(mapping, ['Emma']).name).toBe('Emma');
  });

  it('leaves empty cells and missing trailing cells out', () => {
    expect(recordFromRow(mapping, ['', '  ', ''])).toEqual({ custom: {} });
  });

  it('undoes the formula guard of our own export', () => {
    const { mapping: own } = mapHeaders(['name', 'need']);
    expect(recordFromRow(own, ["'=Acme", "'+buy now"])).toEqual({
      name: '=Acme',
      need: '+buy now',
      nameSource: 'name',
      custom: {},
    });
  });

  it('takes no kind hint when the row has a kind or a plain name', () => {
    const { mapping: withKind } = mapHeaders(['kind', 'Company Name']);
    expect(inferKind(recordFromRow(withKind, ['government', 'Chengdu Health Commission']))).toBeUndefined();
    const { mapping: plain } = mapHeaders(['name']);
    expect(inferKind(recordFromRow(plain, ['Acme']))).toBeUndefined();
  });
});
