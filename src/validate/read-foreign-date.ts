// Pure: a date as another generator's front matter writes it → an ISO 8601 date-time with its offset, or why not.
import type { MessageParams } from '../model/error-catalogue.js';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** `2024-01-02`, `2024-01-02T10:00`, `2024-01-02 10:00:00.5`, then an optional offset: `Z`, `+01:00`, ` -0600` (Jekyll). */
const NUMERIC = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?)?(?:\s*(Z|[+-]\d{2}:?\d{2}))?$/i;
/** `Jul 08 2022`, `July 8, 2022` (the Astro blog starter's `pubDate`). */
const MONTH_NAME = /^([A-Za-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})$/;

type Read = { readonly iso: string } | { readonly problem: MessageParams<'INVALID_DATE'> };

function pad(value: number, width = 2): string {
  return String(value).padStart(width, '0');
}

/** The offset from UTC, in minutes, that `zone` keeps at the instant `epochMs`. */
function zoneOffsetMinutes(zone: string, epochMs: number): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(new Date(epochMs));
  const part = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  const asUtc = Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'), part('second'));
  return Math.round((asUtc - Math.floor(epochMs / 1000) * 1000) / 60000);
}

function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const absolute = Math.abs(minutes);
  return `${sign}${pad(Math.floor(absolute / 60))}:${pad(absolute % 60)}`;
}

interface WallTime {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  readonly fraction: string;
}

function wallText(t: WallTime): string {
  return `${pad(t.year, 4)}-${pad(t.month)}-${pad(t.day)}T${pad(t.hour)}:${pad(t.minute)}:${pad(t.second)}${t.fraction}`;
}

/** The offset `zone` has at wall time `t` (a time skipped by a clock change takes the offset after it). */
function offsetInZone(t: WallTime, zone: string): number {
  const asUtc = Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute, t.second);
  const first = zoneOffsetMinutes(zone, asUtc);
  const second = zoneOffsetMinutes(zone, asUtc - first * 60000);
  return second === first ? first : zoneOffsetMinutes(zone, asUtc - second * 60000);
}

/**
 * The forms the generators' own starter content writes: ISO 8601 with `T` or a space, Jekyll's
 * `2015-11-17 16:16:01 -0600`, a date alone, and the Astro starter's `Jul 08 2022`. A date or time
 * without an offset means a wall-clock time: it is read in `timezone`, and is a problem without one
 * (never a guess). The result is checked as polyfeed's own dates are (days, hours and offsets that exist).
 */
export function readForeignDate(text: string, timezone: string | undefined): Read {
  const written = text.trim();
  let wall: WallTime;
  let offset: string | undefined;
  const numeric = NUMERIC.exec(written);
  const named = numeric ? undefined : MONTH_NAME.exec(written);
  if (numeric) {
    const [, y, mo, d, h, mi, s, fraction, zone] = numeric;
    wall = { year: Number(y), month: Number(mo), day: Number(d), hour: Number(h ?? 0), minute: Number(mi ?? 0), second: Number(s ?? 0), fraction: fraction ?? '' };
    if (h === undefined && zone !== undefined) return { problem: { kind: 'not-a-known-form', text: written } };
    if (zone !== undefined) offset = zone.toUpperCase() === 'Z' ? 'Z' : zone.includes(':') ? zone : `${zone.slice(0, 3)}:${zone.slice(3)}`;
  } else if (named) {
    const month = MONTHS.indexOf(named[1]!.slice(0, 3).toLowerCase()) + 1;
    if (month === 0) return { problem: { kind: 'not-a-known-form', text: written } };
    wall = { year: Number(named[3]), month, day: Number(named[2]), hour: 0, minute: 0, second: 0, fraction: '' };
  } else {
    return { problem: { kind: 'not-a-known-form', text: written } };
  }
  if (offset === undefined) {
    if (timezone === undefined) return { problem: { kind: 'needs-timezone', text: written } };
    if (wall.month < 1 || wall.month > 12 || wall.day < 1 || wall.day > 31 || wall.hour > 23 || wall.minute > 59 || wall.second > 59) return { iso: `${wallText(wall)}Z` };
    offset = formatOffset(offsetInZone(wall, timezone));
  }
  return { iso: `${wallText(wall)}${offset}` };
}
