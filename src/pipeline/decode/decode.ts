/**
 * Bytes → text. Plans arrive as UTF-8 (with or without BOM), UTF-16 from Word, or GB18030/GBK from
 * older Windows tools; the encoding is detected, never assumed. Decoding uses the platform's
 * WHATWG TextDecoder (Node ships full ICU, so gb18030 and big5 are built in, no library needed).
 * Legacy bytes often decode without error in both GB18030 and Big5, so the two readings are
 * compared by how much of each is common Simplified Chinese (statistical detectors such as
 * chardet pick Big5 for short GB texts, which is why none is used).
 */

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
  const readings = LEGACY.flatMap((label) => {
    try {
      const text = strict(label).decode(bytes);
      return [{ label, text, score: commonShare(text) }];
    } catch {
      return [];
    }
  }).sort((a, b) => b.score - a.score);
  const best = readings[0];
  if (best) return finish(best.text, best.label, file);
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
  // Han characters such as 一 (U+4E00) put a NUL in the other column now and then: compare ratios.
  if (oddNul > pairs * 0.2 && evenNul * 8 < oddNul) return 'utf-16le';
  if (evenNul > pairs * 0.2 && oddNul * 8 < evenNul) return 'utf-16be';
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

const LEGACY = ['gb18030', 'big5'];
/** The most frequent characters of Simplified Chinese prose and of plans in particular. */
const COMMON = new Set('的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严龙飞环境态护污染防攻坚推健完善控排');
const commonShare = (text: string) => {
  let n = 0;
  let total = 0;
  for (const ch of text) {
    if (ch.charCodeAt(0) < 0x80) continue;
    total++;
    if (COMMON.has(ch)) n++;
  }
  return total ? n / total : 0;
};
