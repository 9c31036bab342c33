/**
 * The structure plugin: reads the parts of an official document off the normalised lines and
 * builds the section tree:
 *
 *   cover notice (印发通知)  → a section of its own, role "notice" (notice.ts)
 *   title block             → masthead lines (masthead.ts)
 *   body                    → the section hierarchy (build-tree.ts)
 *   signature and date      → a section of its own, role "signature" (signature.ts)
 *   抄送 / …印发 (版记)      → at the very end, role "signature" headed 版记 (signature.ts)
 *   attachments (附件1 …)    → a section each, role "attachment" (attachments.ts); but when the
 *                             notice publishes the plan as its only body ("附件" then the plan's
 *                             title, nothing between the notice and it), that attachment is the
 *                             plan: its title goes to the masthead and its text is the body
 *
 * Every line lands in exactly one part, so no text is lost (the "附件" label over a published plan
 * is reported with its words, as a removal is); anchors are given last. The result
 * goes to file.data for the steps after it.
 */
import type { VFile } from 'vfile';
import { report } from '../messages.ts';
import type { LineNode, LinesRoot, MastheadLine, Section } from '../types.ts';
import { assignAnchors } from './anchors.ts';
import { splitAttachments, type Attachment } from './attachments.ts';
import { buildTree, paragraph } from './build-tree.ts';
import { takeContents } from './contents.ts';
import { takeMasthead } from './masthead.ts';
import { takeNotice, type NoticeInfo } from './notice.ts';
import { takeColophon, takeSignature } from './signature.ts';
import { jurisdictionOf } from '../text/place-names.ts';

export function structure() {
  return (tree: LinesRoot, file: VFile) => {
    const { notice, rest } = takeNotice(tree.children, file);
    const { masthead, body } = takeMasthead(rest, file, notice?.info.enclosed);
    const { main: printed, colophon } = takeColophon(body);
    const { main, attachments } = splitAttachments(takeContents(printed, file));
    let { main: content, signature } = takeSignature(main);
    // Signed at the very end, after the attachment ("附件 … 评分细则 …" then "宁远县生态环境保护委员会"
    // / "2023年12月20日"), when the body has no signature of its own: the document's signature.
    const last = attachments.at(-1);
    let signedLast = false;
    if (!signature.length && !notice && last) {
      const tail = takeSignature(last.body);
      // Only a body of the document's own place signs it ("宁远县生态环境保护委员会" for "宁远县…办法");
      // an enclosed document's signer ("某某省生态环境厅") or a task's lead unit does not.
      const place = jurisdictionOf(masthead.find((m) => m.role === 'title')?.text ?? null, null)?.name;
      // And only right under the attachment's table (a score sheet, a task list): an enclosed
      // notice or report signs itself.
      if (tail.signature.length > 1 && place && tail.main.at(-1)?.data?.table && tail.signature.some((l) => l.value.includes(place))) {
        last.body = tail.main;
        signature = tail.signature;
        signedLast = true;
      }
    }
    const plan = content.length === 0 && signature.length === 0 ? publishedPlan(attachments, notice?.info.enclosed) : undefined;
    if (plan) {
      attachments.shift();
      if (!masthead.some((m) => m.role === 'title')) masthead.push({ role: 'title', text: plan.title, line: plan.head.at(-1)?.position.start.line ?? 0 });
      const label = plan.head.filter((l) => l.value !== plan.title).map((l) => l.value).join(' ');
      report(file, 'plan-as-attachment', plan.head[0]?.position, { label: plan.label, title: plan.title }, label || undefined);
    }
    if (content.length === 0 && attachments.length === 0 && !plan) report(file, 'empty-document', undefined);
    const sections: Section[] = [];
    if (notice) sections.push(partSection('notice', null, '印发通知', notice.lines));
    sections.push(...buildTree(plan ? plan.body : content, file));
    // In the order printed: the signature after the attachments where it stands there.
    if (signature.length && !signedLast) sections.push(partSection('signature', null, '落款', signature));
    for (const a of attachments) sections.push(attachmentSection(a, file));
    if (signature.length && signedLast) sections.push(partSection('signature', null, '落款', signature));
    if (colophon.length) sections.push(partSection('signature', null, '版记', colophon));
    assignAnchors(sections);
    file.data.masthead = masthead;
    file.data.sections = sections;
    if (notice) file.data.notice = notice.info;
    if (signature.length) file.data.signature = signature.map((l) => l.value);
  };
}

/** A part whose lines are kept as printed, a paragraph each: the notice, the signature. */
function partSection(role: 'notice' | 'signature', number: string | null, heading: string, lines: LineNode[]): Section {
  return {
    id: '', number, heading, level: 1, themes: [], children: [], role, line: lines[0]?.position.start.line,
    blocks: lines.map((l) => ({ id: '', themes: [], responsible: [], ...paragraph(l), lead: null })),
  };
}

/**
 * The attachment that is the plan the cover notice publishes: the first, with the enclosed title
 * ("附件" / "沅溪市深入打好污染防治攻坚战实施方案" under "…关于印发《沅溪市深入打好污染防治攻坚战实施方案》
 * 的通知"), and no text of the plan before it.
 */
function publishedPlan(attachments: Attachment[], enclosed: string | undefined): Attachment | undefined {
  const first = attachments[0];
  if (!first || !enclosed) return undefined;
  const bare = (t: string) => t.replace(/[\s《》“”"]/g, '');
  return bare(first.title) === bare(enclosed) ? first : undefined;
}

function attachmentSection(a: Attachment, file: VFile): Section {
  const inner = buildTree(a.body, file);
  const shift = (s: Section) => {
    s.level += 1;
    s.children.forEach(shift);
  };
  inner.forEach(shift);
  // Text before the attachment's first heading (its table, its paragraphs) is the attachment's own.
  const preamble = inner[0]?.number === null && !inner[0]?.heading ? inner.shift() : undefined;
  // A label line that is more than the label ("附件：X" above X) is kept as a paragraph.
  const headText = a.head.filter((l) => l.value !== a.title && l.value.replace(/[:：]$/, '') !== a.label);
  return {
    id: '', number: a.label, heading: a.title, level: 1, themes: [], role: 'attachment',
    line: a.head[0]?.position.start.line,
    blocks: [...headText.map((l) => ({ id: '', themes: [], responsible: [], ...paragraph(l) })), ...(preamble?.blocks ?? [])],
    children: [...(preamble?.children ?? []), ...inner],
  };
}

declare module 'vfile' {
  interface DataMap {
    masthead: MastheadLine[];
    sections: Section[];
    notice: NoticeInfo;
    signature: string[];
  }
}
