/**
 * Control characters a terminal acts on (C0 but tab, DEL, C1 such as the one-byte CSI \u009b) and bidirectional
 * overrides that reorder what is shown (Unicode TR36 §2.2; "Trojan Source", CVE-2021-42574).
 */
// eslint-disable-next-line no-control-regex
const UNPRINTABLE = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * Text from a store or a file made safe to print on a terminal: every control character becomes "�", so a label
 * cannot clear the screen, set the window title, ring the bell or hide text with a carriage return.
 * @example printable('evil\u001b[2J') // 'evil�[2J'
 */
export function printable(text: string): string {
  return text.replace(UNPRINTABLE, '\ufffd');
}
