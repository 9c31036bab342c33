/**
 * The plan page's one script, bundled by Astro into a file of its own (astro.config.mjs keeps
 * scripts out of the HTML), so that it is fetched once and cached for every plan page rather than
 * repeated in each. A module script runs after the page is parsed; without it the page reads the
 * same, with its section links and block ids.
 */
import { enhanceCitations } from './cite.ts';
import { markSearchArrival } from './search-arrival.ts';

enhanceCitations();
markSearchArrival();
