/**
 * The participation-channel vocabulary (content/channel-kinds.yaml), read and compiled once:
 * every rule's patterns become RegExps, with the "…" shorthand ("up to 15 characters inside the
 * same clause") expanded. A file that does not validate raises ChannelVocabularyError, whose
 * message names the file, the field, the value and the fix in Chinese.
 */
import { contentUrl } from '../content-path.ts';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import {
  channelVocabularySchema, describeIssues, expandPattern,
  type ChannelKindInfo, type ChannelRule,
} from '../../schemas/channels.ts';
import type { ChannelKind } from '../types.ts';

export const VOCABULARY_URL = contentUrl('channel-kinds.yaml');

export interface CompiledRule {
  id: string;
  kind: ChannelKind;
  label: string;
  value: string | null;
  valueFrom: 'phone' | 'web' | null;
  patterns: RegExp[];
  unless: RegExp[];
  yieldsTo: string[];
  source: ChannelRule;
}

export interface Vocabulary {
  kinds: Record<ChannelKind, ChannelKindInfo>;
  rules: CompiledRule[];
}

export class ChannelVocabularyError extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(problems.join('\n'));
    this.name = 'ChannelVocabularyError';
    this.problems = problems;
  }
}

/** Validate and compile the text of a vocabulary file; `file` is the name shown in messages. */
export function parseVocabulary(text: string, file: string): Vocabulary {
  let data: unknown;
  try {
    data = parse(text);
  } catch (error) {
    throw new ChannelVocabularyError([`${file}：YAML 语法错误（${(error as Error).message.split('\n')[0]}）。检查缩进和冒号后的空格。`]);
  }
  const result = channelVocabularySchema.safeParse(data);
  if (!result.success) throw new ChannelVocabularyError(describeIssues(file, data, result.error));
  return {
    kinds: result.data.kinds as Record<ChannelKind, ChannelKindInfo>,
    rules: result.data.entries.map((rule) => ({
      id: rule.id,
      kind: rule.kind,
      label: rule.label,
      value: rule.value ?? null,
      valueFrom: rule.valueFrom ?? null,
      patterns: rule.patterns.map((p) => new RegExp(expandPattern(p), 'g')),
      unless: (rule.unless ?? []).map((p) => new RegExp(expandPattern(p))),
      yieldsTo: rule.yieldsTo ?? [],
      source: rule,
    })),
  };
}

let cached: Vocabulary | null = null;

/** The project's vocabulary, read once per process. */
export function loadVocabulary(): Vocabulary {
  if (!cached) {
    const path = fileURLToPath(VOCABULARY_URL);
    cached = parseVocabulary(readFileSync(path, 'utf8'), 'content/channel-kinds.yaml');
  }
  return cached;
}
