/**
 * The SLA clocks of a ticket (docs/service.md), pure: due times from the clock columns, breaches at
 * an instant, and what a status change does to the clock columns.
 *
 * - First response: due `firstResponseMinutes` business minutes after `createdAt`; the first public
 *   reply stops it (`firstRespondedAt`), and so does solving.
 * - Resolution: due `resolutionMinutes + pausedBusinessMinutes` business minutes after `createdAt`.
 *   `pending` pauses it (`pausedAt`); `solved` and `closed` stop it (`solvedAt`). Leaving a pause, or
 *   reopening a solved ticket, adds the business minutes it stood still to `pausedBusinessMinutes`,
 *   so the due time moves by exactly that much.
 */
import {
  addBusinessMinutes,
  businessMinutesBetween,
  type BusinessCalendar,
} from '../calendar/calendar.contract.js';

export const TICKET_STATUSES = ['open', 'pending', 'on_hold', 'solved', 'closed'] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

/** The columns the clocks are computed from. */
export type ClockState = {
  status: TicketStatus;
  createdAt: Date;
  pausedBusinessMinutes: number;
  pausedAt: Date | null;
  solvedAt: Date | null;
  firstRespondedAt: Date | null;
};

export type DueTimes = { firstResponseDueAt: Date | null; resolutionDueAt: Date | null };

/** The targets of the ticket's priority under its policy. */
export type ClockTargets = { firstResponseMinutes: number; resolutionMinutes: number };

/** The due times of a ticket; null when it has no policy, or the calendar has no such time ahead. */
export function dueTimesOf(
  calendar: BusinessCalendar | undefined,
  targets: ClockTargets | undefined,
  state: Pick<ClockState, 'createdAt' | 'pausedBusinessMinutes'>,
): DueTimes {
  if (!calendar || !targets) return { firstResponseDueAt: null, resolutionDueAt: null };
  return {
    firstResponseDueAt: addBusinessMinutes(calendar, state.createdAt, targets.firstResponseMinutes) ?? null,
    resolutionDueAt:
      addBusinessMinutes(
        calendar,
        state.createdAt,
        targets.resolutionMinutes + state.pausedBusinessMinutes,
      ) ?? null,
  };
}

/** Whether each clock is past its due time at `now`: a stopped or paused clock is judged when it stopped. */
export function breachesAt(
  state: ClockState & DueTimes,
  now: Date,
): { firstResponse: boolean; resolution: boolean } {
  const late = (due: Date | null, at: Date) => due !== null && at.getTime() > due.getTime();
  return {
    firstResponse: late(state.firstResponseDueAt, state.firstRespondedAt ?? state.solvedAt ?? now),
    resolution: late(state.resolutionDueAt, state.solvedAt ?? state.pausedAt ?? now),
  };
}

/** Which kind of stop a status is: a pause, a stop by solving, or none (the clock runs). */
const stopOf = (status: TicketStatus): 'pause' | 'solve' | undefined =>
  status === 'pending' ? 'pause' : status === 'solved' || status === 'closed' ? 'solve' : undefined;

/**
 * The clock columns after the status changes to `to` at `at`, the resolution being due at
 * `resolutionDueAt`. Without a calendar the stops are still recorded but no business minutes are
 * counted; a stop that began once the clock had run out counts none either.
 */
export function moveClock(
  calendar: BusinessCalendar | undefined,
  state: ClockState & Pick<DueTimes, 'resolutionDueAt'>,
  to: TicketStatus,
  at: Date,
): ClockState {
  const { resolutionDueAt, ...clock } = state;
  const from = stopOf(state.status);
  const next = stopOf(to);
  if (from !== undefined && from === next) return { ...clock, status: to };
  let paused = state.pausedBusinessMinutes;
  const stoppedSince = state.pausedAt ?? state.solvedAt;
  // A stop after the clock ran out does not give the time back: the ticket stays breached.
  const ranOut = resolutionDueAt !== null && stoppedSince !== null && stoppedSince >= resolutionDueAt;
  if (stoppedSince && calendar && !ranOut) paused += businessMinutesBetween(calendar, stoppedSince, at);
  return {
    ...clock,
    status: to,
    pausedBusinessMinutes: paused,
    pausedAt: next === 'pause' ? at : null,
    solvedAt: next === 'solve' ? at : null,
  };
}
