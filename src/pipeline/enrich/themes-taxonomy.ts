/**
 * Loading content/themes.yaml (staff edit it) into what the `themes` step needs: the themes in
 * order, one matcher for the vocabulary, one for heading words, one for procedural headings.
 * A file that does not validate stops with a DataFileError naming the file, the line, the field,
 * the value and the fix: a broken taxonomy must not publish a site whose theme pages are silently empty.
 */
import { load } from '../../data/load.ts';
import { readYaml, validate } from '../../data/yaml.ts';
import { themesDescribe, themesFileSchema, type ThemesFile } from '../../schemas/themes.ts';
import { TermMatcher, type WordSense } from './themes-match.ts';

export interface Taxonomy {
  /** The validated file, as written (names, descriptions for the site). */
  file: ThemesFile;
  /** Theme ids in the file's order: every `themes` array is sorted by it. */
  order: string[];
  battles: Set<string>;
  /** Points a block needs for each theme (before the long-text step). */
  threshold: Map<string, number>;
  vocabulary: TermMatcher;
  headings: TermMatcher;
  procedural: TermMatcher;
  /** Words of the topics next to each theme (content/themes.yaml `neighbours`), by theme id. */
  neighbours: TermMatcher;
}

/** Parse and validate the text of a themes file; `name` is how problems refer to it (a DataFileError lists them with their lines). */
export function parseThemes(text: string, name: string): Taxonomy {
  return compile(validate(themesFileSchema, readYaml(text, name, 'themes'), 'themes', themesDescribe));
}

function compile(file: ThemesFile): Taxonomy {
  const ignore: WordSense[] = file.ignore.map((word) => ({ word, themes: [] }));
  const vocabulary: WordSense[] = [];
  const headings: WordSense[] = [];
  const neighbours: WordSense[] = [];
  for (const theme of file.themes) {
    for (const word of theme.neighbours) neighbours.push({ word, themes: [{ theme: theme.id, weight: 1 }] });
    for (const { term, weight } of theme.terms) vocabulary.push({ word: term, themes: [{ theme: theme.id, weight }] });
    for (const word of theme.headings) headings.push({ word, themes: [{ theme: theme.id, weight: 1 }] });
  }
  return {
    file,
    order: file.themes.map((t) => t.id),
    battles: new Set(file.themes.filter((t) => t.battle).map((t) => t.id)),
    threshold: new Map(file.themes.map((t) => [t.id, t.threshold ?? file.scoring.threshold])),
    vocabulary: new TermMatcher([...ignore, ...vocabulary]),
    headings: new TermMatcher([...ignore, ...headings]),
    procedural: new TermMatcher(file.procedural.map((word) => ({ word, themes: [{ theme: 'procedural', weight: 1 }] }))),
    neighbours: new TermMatcher(neighbours),
  };
}

/** The project's taxonomy (content/themes.yaml), read once per process. */
export function loadThemes(): Taxonomy {
  return load('themes.yaml', '主题词表', parseThemes);
}
