/** A tenant with the spec's Shanghai calendar and a policy, callers by API key, on a fake clock. */
import { makeApiKey, makeTenant } from '../../../../test/helpers/factories.js';
import type { createTestApp } from '../../../../test/helpers/server.js';
import type { Calendar } from '../calendar/calendar.contract.js';
import type { Policy } from '../sla/sla.contract.js';

type App = Awaited<ReturnType<typeof createTestApp>>;
type Method = 'GET' | 'POST' | 'PATCH' | 'PUT';

/** The calendar of `shared spec service-sla`: Monday's lunch break, three holidays, a make-up Saturday. */
export const SHANGHAI = {
  name: 'Shanghai office',
  timeZone: 'Asia/Shanghai',
  hours: {
    mon: [
      ['09:00', '12:00'],
      ['13:00', '18:00'],
    ],
    tue: [['09:00', '18:00']],
    wed: [['09:00', '18:00']],
    thu: [['09:00', '18:00']],
    fri: [['09:00', '18:00']],
  },
  holidays: ['2026-10-01', '2026-10-02', '2026-10-05'],
  workdays: [{ date: '2026-10-10', hours: [['09:00', '18:00']] }],
};

/** Targets: normal 120 / 360, high 30 / 240 business minutes. */
export const TARGETS = [
  { priority: 'normal', firstResponseMinutes: 120, resolutionMinutes: 360 },
  { priority: 'high', firstResponseMinutes: 30, resolutionMinutes: 240 },
];

/** A caller with a bearer key. */
export function caller(app: App, key: string) {
  return (method: Method, url: string, payload?: object) =>
    app.app.inject({
      method,
      url,
      headers: { authorization: `Bearer ${key}` },
      ...(payload ? { payload } : {}),
    });
}

/** A tenant with the Shanghai calendar and a default policy on it; an admin and an agent key. */
export async function serviceWorld(app: App, options: { isDefault?: boolean } = {}) {
  const db = app.database.db;
  const { tenant, admin } = await makeTenant(db);
  const asAdmin = caller(app, await makeApiKey(db, tenant.id, 'admin'));
  const asAgent = caller(app, await makeApiKey(db, tenant.id, 'service_agent'));
  const calendar = (await asAdmin('POST', '/api/service/calendars', SHANGHAI)).json<Calendar>();
  const policy = (
    await asAdmin('POST', '/api/service/sla-policies', {
      name: 'Standard',
      calendarId: calendar.id,
      targets: TARGETS,
      isDefault: options.isDefault ?? true,
    })
  ).json<Policy>();
  return { tenant, admin, asAdmin, asAgent, calendar, policy };
}
