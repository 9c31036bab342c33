/**
 * Enrich step `channels` (issue 8): the ways a citizen can report, ask and take part that the plan
 * promises, each with a verbatim quote and its clause, into file.data.channels.
 *
 * Every block of the plan (not of the cover notice, section.role === 'notice') is cut into
 * sentences; the rules of content/channel-kinds.yaml are matched against each sentence. One
 * channel is kept per distinct (kind, value) per block: when a block names the same kind twice
 * ("完善环境信息公开制度……健全生态环境新闻发布机制"), the labels are joined and the quote spans
 * both sentences if that stays short, otherwise the first sentence is quoted.
 *
 * A vocabulary file that does not validate is reported as a warning on the plan (with the file,
 * field and fix) and no channels are extracted: the plan is still published.
 */
import type { VFile } from 'vfile';
import { report } from '../messages.ts';
import { shortHash } from '../text/cjk.ts';
import type { Channel, Section } from '../types.ts';
import { matchSentence } from './channels-match.ts';
import { quoteSpan, sentenceSpans, type Span } from './channels-sentences.ts';
import { loadVocabulary, type Vocabulary } from './channels-vocabulary.ts';
import { uniqueIds } from '../text/unique-ids.ts';
import { DataFileError, formatProblem } from '../../data/problem.ts';

/** A merged quote longer than this falls back to the first sentence alone. */
const MAX_MERGED_QUOTE = 160;

export function channels() {
  return (_tree: unknown, file: VFile) => {
    let vocabulary: Vocabulary;
    try {
      vocabulary = loadVocabulary();
    } catch (error) {
      if (!(error instanceof DataFileError)) throw error;
      report(file, 'channels-vocabulary', undefined, { problems: error.problems.map(formatProblem).join(' ') });
      file.data.channels = [];
      return;
    }
    file.data.channels = extractChannels(file.data.sections ?? [], vocabulary);
  };
}

interface Draft {
  channel: Channel;
  labels: string[];
  span: Span;
  first: Span;
  /** Offset of the match that found it, to keep reading order inside one sentence. */
  at: number;
}

/** The channels of a section tree, in document order. */
export function extractChannels(sections: Section[], vocabulary: Vocabulary): Channel[] {
  const out: Channel[] = [];
  const unique = uniqueIds();
  const walk = (list: Section[]) => {
    for (const section of list) {
      if (section.role === 'notice') continue;
      for (const block of section.blocks) {
        const drafts = new Map<string, Draft>();
        const text = block.text;
        for (const sentence of sentenceSpans(text)) {
          for (const find of matchSentence(text.slice(sentence.start, sentence.end), vocabulary)) {
            const key = `${find.kind}|${find.value ?? ''}`;
            const span = quoteSpan(text, sentence, sentence.start + find.start, sentence.start + find.end);
            const draft = drafts.get(key);
            if (!draft) {
              const id = unique(`ch-${shortHash(`${block.id}|${key}`)}`);
              drafts.set(key, {
                channel: {
                  id, kind: find.kind, label: find.label, value: find.value,
                  quote: text.slice(span.start, span.end), sectionId: section.id, blockId: block.id,
                  entry: find.rule.id, terms: [...find.terms],
                },
                labels: [find.label], span, first: span, at: sentence.start + find.start,
              });
              continue;
            }
            if (!draft.labels.includes(find.label)) draft.labels.push(find.label);
            for (const t of find.terms) if (!draft.channel.terms!.includes(t)) draft.channel.terms!.push(t);
            const merged = { start: Math.min(draft.span.start, span.start), end: Math.max(draft.span.end, span.end) };
            draft.span = merged.end - merged.start <= MAX_MERGED_QUOTE ? merged : draft.first;
          }
        }
        // In reading order: a channel named earlier in the block comes first.
        const ordered = [...drafts.values()].sort((a, b) => a.first.start - b.first.start || a.at - b.at);
        for (const draft of ordered) {
          draft.channel.label = draft.labels.join('、');
          draft.channel.quote = text.slice(draft.span.start, draft.span.end);
          out.push(draft.channel);
        }
      }
      walk(section.children);
    }
  };
  walk(sections);
  return out;
}
