/**
 * Bytes → text. Plans arrive as UTF-8 (with or without BOM), UTF-16 from Word, or GB18030/GBK from
 * older Windows tools; the encoding is detected, never assumed. Decoding uses the platform's
 * WHATWG TextDecoder (Node ships full ICU, so gb18030 and big5 are built in); `chardet` is used
 * only to rank candidates when the bytes are neither valid UTF-8 nor UTF-16, because it is a
 * maintained statistical detector and guessing between GB18030 and Big5 by hand is error-prone.
 */
import chardet from 'chardet';

export class PlanInputError extends Error {
  readonly file: string;
  constructor(file: string, reason: string) {
    super(`${file}：${reason}`);
    this.name = 'PlanInputError';
    this.file = file;
  }
}

export interface Decoded {
  text: string;
  encoding: string;
}

const strict = (label: string) => new TextDecoder(label, { fatal: true, ignoreBOM: false });

/** Decode the bytes of a plan file. Throws PlanInputError for empty or binary input. */
export function decodeBytes(bytes: Uint8Array, file: string): Decoded {
  if (bytes.length === 0) throw new PlanInputError(file, '文件是空的。请放入规划全文后再试。');

  const bom = detectBom(bytes);
  if (bom) return finish(strict(bom).decode(bytes), bom, file);

  const utf16 = sniffUtf16(bytes);
  if (utf16) return finish(decodeOr(bytes, utf16, file), utf16, file);

  if (looksBinary(bytes)) {
    throw new PlanInputError(file, '这不是文本文件（含有二进制内容）。请先把 Word/PDF 另存为 .txt 纯文本。');
  }
  try {
    return finish(strict('utf-8').decode(bytes), 'utf-8', file);
  } catch {
    // Not UTF-8: rank the legacy encodings a Chinese plan can come in.
  }
  const ranked = chardet.analyse(bytes).map((m) => m.name.toLowerCase());
  const candidates = [...new Set([...ranked.filter(isChineseEncoding), 'gb18030', 'big5'])];
  for (const label of candidates) {
    const name = label === 'gbk' || label === 'gb2312' ? 'gb18030' : label;
    try {
      return finish(strict(name).decode(bytes), name, file);
    } catch {
      // try the next candidate
    }
  }
  throw new PlanInputError(file, '无法识别文件编码（不是 UTF-8、UTF-16 或 GB18030）。请另存为 UTF-8 编码的文本。');
}

function finish(text: string, encoding: string, file: string): Decoded {
  const clean = text.replace(/^\ufeff/, '').replace(/\r\n?/g, '\n');
  if (clean.trim() === '') throw new PlanInputError(file, '文件只有空白，没有正文。请放入规划全文后再试。');
  return { text: clean, encoding };
}

function decodeOr(bytes: Uint8Array, label: string, file: string): string {
  try {
    return strict(label).decode(bytes);
  } catch {
    throw new PlanInputError(file, `文件像是 ${label} 编码，但内容有损坏，无法解码。请重新导出为 UTF-8 文本。`);
  }
}

function detectBom(b: Uint8Array): string | null {
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return 'utf-8';
  if (b[0] === 0xff && b[1] === 0xfe) return 'utf-16le';
  if (b[0] === 0xfe && b[1] === 0xff) return 'utf-16be';
  return null;
}

/** UTF-16 without BOM: ASCII characters leave a NUL in every other byte. */
function sniffUtf16(b: Uint8Array): string | null {
  const n = Math.min(b.length - (b.length % 2), 4096);
  if (n < 4) return null;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (b[i] === 0) evenNul++;
    if (b[i + 1] === 0) oddNul++;
  }
  const pairs = n / 2;
  if (oddNul > pairs * 0.2 && evenNul < pairs * 0.02) return 'utf-16le';
  if (evenNul > pairs * 0.2 && oddNul < pairs * 0.02) return 'utf-16be';
  return null;
}

/** NUL bytes, or many control characters, mean the file is not text. */
function looksBinary(b: Uint8Array): boolean {
  const n = Math.min(b.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const c = b[i] ?? 0;
    if (c === 0) return true;
    if (c < 9 || (c > 13 && c < 32)) control++;
  }
  return control > n * 0.05;
}

const isChineseEncoding = (name: string) => /gb|big5|utf-8/.test(name);
