// Pure: an Accept-Encoding header → the content coding to send (brotli, gzip or none), by the client's q-values.

/** The codings served: brotli, gzip, or the bytes as they are. */
export type ContentCoding = 'br' | 'gzip' | 'identity';

/** Preferred in this order when the client weighs them the same: brotli is the smaller. */
const PREFERENCE: readonly ContentCoding[] = ['br', 'gzip', 'identity'];

/** Each coding the header names with its weight (`x-gzip` is gzip); undefined weights are malformed and left out. */
function parseAcceptEncoding(header: string): Map<string, number> {
  const weights = new Map<string, number>();
  for (const part of header.split(',')) {
    const [name, ...parameters] = part.split(';').map((piece) => piece.trim());
    if (!name) continue;
    let weight = 1;
    for (const parameter of parameters) {
      const match = /^q\s*=\s*([01](?:\.\d{0,3})?)$/i.exec(parameter);
      if (match) weight = Math.min(1, Number(match[1]));
      else if (/^q\s*=/i.test(parameter)) weight = Number.NaN;
    }
    if (Number.isNaN(weight)) continue;
    const coding = name.toLowerCase() === 'x-gzip' ? 'gzip' : name.toLowerCase();
    // The same coding named twice: the higher weight stands.
    weights.set(coding, Math.max(weight, weights.get(coding) ?? 0));
  }
  return weights;
}

/**
 * The coding to send, by RFC 9110, section 12.5.3: no header takes no coding; a coding the header
 * does not name takes the weight of `*` when present (else it is not acceptable), except the
 * identity, acceptable unless refused with `identity;q=0` or `*;q=0` (but lighter than any coding
 * named). The heaviest acceptable one wins, brotli before gzip before identity on a tie. When the client refuses every coding, the
 * bytes are sent as they are: a response it can read is better than a 406.
 */
export function negotiateEncoding(header: string | undefined, compressible: boolean): ContentCoding {
  if (header === undefined || !compressible) return 'identity';
  const weights = parseAcceptEncoding(header);
  const star = weights.get('*');
  // The identity the header leaves unnamed is acceptable, but any coding the client names is preferred to it.
  const weightOf = (coding: ContentCoding): number => weights.get(coding) ?? star ?? (coding === 'identity' ? Number.MIN_VALUE : 0);
  let best: ContentCoding = 'identity';
  let bestWeight = 0;
  for (const coding of PREFERENCE) {
    const weight = weightOf(coding);
    if (weight > bestWeight) {
      best = coding;
      bestWeight = weight;
    }
  }
  return best;
}
