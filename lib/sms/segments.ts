// How a text travels as SMS (pure): GSM 03.38 7-bit when every character is in its alphabet, otherwise UCS-2;
// longer texts are split into concatenated parts that carry a 6-byte UDH (3GPP TS 23.040), so each part holds less.

export type SmsEncoding = "gsm7" | "ucs2";

const GSM_BASIC =
  "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
// Characters of the extension table: each takes two septets (escape + character).
const GSM_EXTENDED = "^{}\\[~]|€\f";

const BASIC = new Set(GSM_BASIC);
const EXTENDED = new Set(GSM_EXTENDED);

/** Single-part capacity and per-part capacity of a concatenated message, in septets (gsm7) or UTF-16 units (ucs2). */
export const CAPACITY = { gsm7: { single: 160, part: 153 }, ucs2: { single: 70, part: 67 } } as const;
/** At most this many parts (the reference number allows 255; operators and costs do not). */
export const MAX_SEGMENTS = 10;

export function detectEncoding(text: string): SmsEncoding {
  for (const character of text) if (!BASIC.has(character) && !EXTENDED.has(character)) return "ucs2";
  return "gsm7";
}

/** Length in the encoding's units: septets for gsm7 (extension characters count 2), UTF-16 code units for ucs2. */
function unitsOf(character: string, encoding: SmsEncoding) {
  if (encoding === "ucs2") return character.length;
  return EXTENDED.has(character) ? 2 : 1;
}

export type SmsLayout = { encoding: SmsEncoding; segments: number; units: number; parts: string[] };

/**
 * Splits a text into the parts it would be sent as. A character (or an escape pair, or a surrogate pair) is never cut
 * in two, so a part may hold one unit less than its capacity.
 */
export function layoutSms(text: string): SmsLayout {
  const encoding = detectEncoding(text);
  const characters = Array.from(text);
  const units = characters.reduce((sum, character) => sum + unitsOf(character, encoding), 0);
  if (units <= CAPACITY[encoding].single) return { encoding, segments: text ? 1 : 0, units, parts: text ? [text] : [] };
  const parts: string[] = [];
  let current = "";
  let used = 0;
  for (const character of characters) {
    const size = unitsOf(character, encoding);
    if (used + size > CAPACITY[encoding].part) {
      parts.push(current);
      current = "";
      used = 0;
    }
    current += character;
    used += size;
  }
  if (current) parts.push(current);
  return { encoding, segments: parts.length, units, parts };
}

/** The concatenation header of part `sequence` (1-based) of `total`: IEI 0x00, 8-bit reference. */
export function concatenationUdh(reference: number, total: number, sequence: number): Buffer {
  return Buffer.from([0x05, 0x00, 0x03, reference & 0xff, total, sequence]);
}

/** UCS-2 big-endian bytes of a text (SMPP data_coding 0x08). */
export function ucs2Bytes(text: string): Buffer {
  return Buffer.from(text, "utf16le").swap16();
}

/** Digits of a mobile number as sent to the SMSC (leading + kept off, spaces and dashes removed). */
export function normaliseMsisdn(phone: string): string {
  return phone.replace(/[^0-9+]/g, "").replace(/^\+/, "");
}

/**
 * Whether a phone number can receive SMS: a mainland-China mobile number (1[3-9]x, 11 digits, optionally +86/0086),
 * or an international number in E.164 form (+ and 8–15 digits). Landlines (area code + number) cannot.
 */
export function isMobileNumber(phone: string): boolean {
  const compact = phone.replace(/[\s()-]/g, "");
  const china = /^(?:\+86|0086|86)?(1[3-9]\d{9})$/.exec(compact);
  if (china) return true;
  if (/^\+86/.test(compact) || /^0\d/.test(compact) || !compact.startsWith("+")) return false;
  return /^\+[1-9]\d{7,14}$/.test(compact);
}
