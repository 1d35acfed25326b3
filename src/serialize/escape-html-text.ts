// Pure: plain text → HTML text that displays as the same characters.
import { escapeUTF8 } from 'entities';

export function escapeHtmlText(text: string): string {
  return escapeUTF8(text);
}
