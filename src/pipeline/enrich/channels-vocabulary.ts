/**
 * The participation-channel vocabulary (content/channel-kinds.yaml), read and compiled once:
 * every rule's patterns become RegExps, with the "…" shorthand ("up to 15 characters inside the
 * same clause") expanded. A file that does not validate raises a DataFileError, whose problems
 * name the file, the line, the field, the value and the fix in Chinese.
 */
import { load } from '../../data/load.ts';
import { readYaml, validate } from '../../data/yaml.ts';
import {
  channelsDescribe, channelVocabularySchema, expandPattern,
  type ChannelKindInfo, type ChannelRule,
} from '../../schemas/channels.ts';
import type { ChannelKind } from '../types.ts';

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

/** Validate and compile the text of a vocabulary file; `file` is the name shown in messages. */
export function parseVocabulary(text: string, file: string): Vocabulary {
  const data = validate(channelVocabularySchema, readYaml(text, file, 'channel-kinds', '检查缩进和冒号后的空格。'), 'channel-kinds', channelsDescribe);
  return {
    kinds: data.kinds as Record<ChannelKind, ChannelKindInfo>,
    rules: data.entries.map((rule) => ({
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

/** The project's vocabulary, read once per process. */
export function loadVocabulary(): Vocabulary {
  return load('channel-kinds.yaml', '参与渠道词表', parseVocabulary);
}
