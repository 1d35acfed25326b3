// Pure: a label's values → the same values with their numbers written in the language's chosen digits, plural forms still chosen by the numbers.

const formats = new Map<string, Intl.NumberFormat>();

function numberFormatOf(lang: string, numberingSystem: string): Intl.NumberFormat {
  const key = `${lang}\u0000${numberingSystem}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(lang, { numberingSystem, useGrouping: false });
    formats.set(key, format);
  }
  return format;
}

/**
 * The options a label is translated with. Without a numbering system they are the values as
 * given. With one, i18next still picks the plural form from `count` (a number), while the text
 * put in at `{{count}}` and every other number comes from `replace`, formatted in those digits
 * ("٣ دقائق" for `ar` with `arab`).
 */
export function withDisplayedNumbers(values: Record<string, unknown>, lang: string, numberingSystem: string | undefined): Record<string, unknown> {
  if (numberingSystem === undefined || !Object.values(values).some((value) => typeof value === 'number')) return values;
  const format = numberFormatOf(lang, numberingSystem);
  const replace = Object.fromEntries(Object.entries(values).map(([name, value]) => [name, typeof value === 'number' ? format.format(value) : value]));
  return { ...values, replace };
}
