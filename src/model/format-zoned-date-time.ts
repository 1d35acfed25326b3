// Pure: an instant and an IANA time zone → ISO 8601 date-time text with that zone's offset then, as front matter takes it.

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      timeZoneName: 'longOffset',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/**
 * `2026-03-14T09:30:00+01:00` in `timeZone` (the wall-clock time and offset there at `epochMs`),
 * or `2026-03-14T08:30:00Z` without a time zone. Whole seconds. Throws a RangeError for a time
 * zone Intl does not know.
 */
export function formatZonedDateTime(epochMs: number, timeZone?: string): string {
  const whole = Math.floor(epochMs / 1000) * 1000;
  if (timeZone === undefined) return new Date(whole).toISOString().replace('.000Z', 'Z');
  const parts = Object.fromEntries(formatterFor(timeZone).formatToParts(new Date(whole)).map((part) => [part.type, part.value]));
  // "GMT+01:00", or "GMT" alone where the offset is zero.
  const offset = parts.timeZoneName === 'GMT' ? '+00:00' : parts.timeZoneName!.slice('GMT'.length);
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}${offset}`;
}
