/*
 * The guide's language, guessed from its letters: a hint (front matter, the page's `lang`, the
 * user's choice) wins; else the script tells (Cyrillic with ө/ү/ң is Kyrgyz, Arabic letters are
 * Arabic or Persian…), and for Latin text a few very common words tell the languages apart.
 * Half-translated guides keep English lines, so translated words count more than English ones.
 */

const RTL_LANGUAGES = new Set(['ar', 'he', 'fa', 'ur', 'yi', 'ps', 'dv', 'ckb', 'sd', 'ug']);

export function directionOf(lang: string | null): 'ltr' | 'rtl' {
  if (!lang) return 'ltr';
  return RTL_LANGUAGES.has(lang.toLowerCase().split('-')[0] ?? '') ? 'rtl' : 'ltr';
}

/** A BCP 47 tag as written in a hint, or null when it is not one. */
export function normalizeLanguageTag(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const tag = value.trim().replace(/_/g, '-');
  if (!/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(tag)) return null;
  try {
    const [canonical] = Intl.getCanonicalLocales(tag);
    if (!canonical) return null;
    // "no" (Norwegian) is written in Bokmål far more often than in Nynorsk.
    return canonical.toLowerCase() === 'no' ? 'nb' : canonical;
  } catch {
    return null;
  }
}

const SCRIPTS: [RegExp, string][] = [
  [/[\u0590-\u05FF]/g, 'he'],
  [/[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF]/g, 'ar'],
  [/[\u0400-\u04FF]/g, 'cyrl'],
  [/[\u0370-\u03FF]/g, 'el'],
  [/[\u3040-\u30FF]/g, 'ja'],
  [/[\uAC00-\uD7AF]/g, 'ko'],
  [/[\u4E00-\u9FFF]/g, 'zh'],
  [/[\u0E00-\u0E7F]/g, 'th'],
  [/[\u0900-\u097F]/g, 'hi'],
  [/[\u0530-\u058F]/g, 'hy'],
  [/[\u10A0-\u10FF]/g, 'ka'],
];

const count = (text: string, pattern: RegExp) => text.match(pattern)?.length ?? 0;

/** Words frequent in one Latin-script language and rare in the others. */
const LATIN_WORDS: Record<string, string[]> = {
  nn: [
    'ikkje',
    'eg',
    'korleis',
    'kva',
    'ein',
    'ei',
    'nokre',
    'dei',
    'frå',
    'skulen',
    'gjekk',
    'elevar',
    'lærarar',
    'å',
    'og',
  ],
  nb: [
    'ikke',
    'jeg',
    'hvordan',
    'hva',
    'en',
    'noen',
    'de',
    'fra',
    'skolen',
    'elever',
    'lærere',
    'å',
    'og',
    'hvorfor',
    'være',
  ],
  da: ['ikke', 'hvordan', 'nogle', 'af', 'skolen', 'elever', 'at', 'og', 'være'],
  sv: ['inte', 'hur', 'och', 'att', 'det', 'som', 'för', 'är', 'skolan', 'elever'],
  de: ['und', 'der', 'die', 'das', 'nicht', 'mit', 'für', 'ist', 'schule', 'eine'],
  fr: ['et', 'le', 'la', 'les', 'des', 'pour', 'est', 'une', 'avec', 'école', 'vous'],
  es: ['y', 'el', 'los', 'las', 'para', 'una', 'con', 'escuela', 'es', 'del'],
  pt: ['e', 'os', 'as', 'para', 'uma', 'com', 'escola', 'não', 'é', 'do'],
  it: ['e', 'il', 'gli', 'per', 'una', 'con', 'scuola', 'non', 'è', 'della'],
  nl: ['en', 'het', 'de', 'een', 'voor', 'met', 'niet', 'school', 'van', 'zijn'],
  tr: ['ve', 'bir', 'için', 'bu', 'ile', 'okul', 'öğrenciler', 'değil', 'olarak'],
  pl: ['i', 'w', 'nie', 'się', 'na', 'dla', 'jest', 'szkoła', 'uczniowie'],
  en: ['the', 'and', 'of', 'to', 'your', 'with', 'for', 'is', 'school', 'students'],
};

function latinLanguage(text: string): string {
  const words = text.toLowerCase().match(/\p{L}+/gu) ?? [];
  const frequency = new Map<string, number>();
  for (const word of words) frequency.set(word, (frequency.get(word) ?? 0) + 1);
  let best = 'en';
  let bestScore = 0;
  for (const [lang, list] of Object.entries(LATIN_WORDS)) {
    let score = list.reduce((sum, word) => sum + (frequency.get(word) ?? 0), 0);
    // Untranslated English lines are common in guides: English must win clearly.
    if (lang === 'en') score /= 4;
    if (score > bestScore) [best, bestScore] = [lang, score];
  }
  // Nynorsk and Bokmål share most words: the words only one of them has decide.
  if (best === 'nn' || best === 'nb' || best === 'da') {
    const only = (lang: 'nn' | 'nb', other: 'nn' | 'nb') =>
      (Object.hasOwn(LATIN_WORDS, lang) ? LATIN_WORDS[lang]! : [])
        .filter(
          (word) => !(Object.hasOwn(LATIN_WORDS, other) ? LATIN_WORDS[other]! : []).includes(word),
        )
        .reduce((sum, word) => sum + (frequency.get(word) ?? 0), 0);
    const nn = only('nn', 'nb');
    const nb = only('nb', 'nn');
    if (nn > 0 || nb > 0) best = nn > nb ? 'nn' : 'nb';
  }
  return best;
}

export function detectLanguage(text: string): string | null {
  const sample = text.length > 200_000 ? text.slice(0, 200_000) : text;
  const letters = count(sample, /\p{L}/gu);
  if (letters === 0) return null;
  for (const [pattern, script] of SCRIPTS) {
    const share = count(sample, pattern) / letters;
    if (share < 0.08) continue;
    if (script === 'ar') return count(sample, /[پچژگ]/g) > 2 ? 'fa' : 'ar';
    if (script === 'cyrl') {
      if (count(sample, /[өүң]/gi) > 0) return count(sample, /[әғқұһі]/gi) > 2 ? 'kk' : 'ky';
      if (count(sample, /[іїєґ]/gi) > 2) return 'uk';
      return 'ru';
    }
    if (script === 'zh' && count(sample, /[\u3040-\u30FF]/g) > 0) return 'ja';
    return script;
  }
  return latinLanguage(sample);
}
