/**
 * Does a question look personal? A phone checks before sending, and the server checks
 * again to mark the question for the facilitator. It looks for details that could identify
 * someone (a phone number, an email or street address, a school or a person's name) and for
 * first-person disclosure ("my daughter", "happened to me", "mi hija", "me pasó"), in English
 * and Spanish. It is a nudge, never a block: the person may edit, or send anyway.
 * Pure, with no imports: the phone bundle includes it.
 */

export type PersonalDetail = 'phone' | 'email' | 'address' | 'school' | 'name' | 'disclosure';

const RELATIVES_EN =
  'daughter|son|child|children|kid|kids|niece|nephew|granddaughter|grandson|stepdaughter|stepson|sister|brother|cousin|boyfriend|girlfriend|husband|wife|partner|uncle|aunt|neighbou?r|student|coach|teacher|pastor|family';
const RELATIVES_ES =
  'hija|hijo|hijas|hijos|niña|niño|niñas|niños|sobrina|sobrino|nieta|nieto|hijastra|hijastro|hermana|hermano|prima|primo|novia|novio|esposa|esposo|pareja|t[ií]a|t[ií]o|vecina|vecino|alumna|alumno|estudiante|entrenador|entrenadora|maestra|maestro|pastor|familia';

/** Word edges that know accented letters (`\\b` does not, and Safari 14 has no lookbehind). */
const START = '(?:^|[^\\p{L}\\d])';
const END = '(?![\\p{L}\\d])';

const CHECKS: readonly [PersonalDetail, RegExp][] = [
  ['email', /[^\s@]+@[^\s@]+\.[a-z]{2,}/i],
  // Seven or more digits in a row, allowing the usual separators: (831) 555-0100, 555 0100.
  ['phone', /(?:\d[\s().-]*){7,}/],
  [
    'address',
    /\b\d{1,6}\s+(?:[\p{L}.'-]+\s+){1,4}(?:street|st|avenue|ave|road|rd|drive|dr|lane|ln|boulevard|blvd|way|court|ct|place|pl|circle)\b|\b(?:calle|avenida|avda|camino|callej[oó]n)\s+[\p{L}\s]{2,30}\d{1,6}\b/iu,
  ],
  ['school', /\b\p{Lu}[\p{L}'-]+(?:\s+\p{Lu}[\p{L}'-]+)*\s+(?:Elementary|Middle|High|Academy|School)\b|\b(?:escuela|primaria|secundaria|preparatoria|colegio)\s+\p{Lu}/u],
  // A name after "named" or a relation: "my niece Ana", "se llama Luis", "her coach, Mr. Diaz".
  ['name', /\b(?:named|called|se llama|llamad[oa])\s+\p{Lu}|\b(?:mr|mrs|ms|miss|sr|sra|srta)\.?\s+\p{Lu}/iu],
  [
    'disclosure',
    new RegExp(
      START +
        '(?:' +
        [
          `my\\s+(?:\\w+\\s+)?(?:${RELATIVES_EN})`,
          '(?:happened|happening)\\s+to\\s+(?:me|us)',
          "i\\s+(?:was|am|have been|got|'m)\\s+(?:being\\s+)?(?:abused|raped|molested|trafficked|exploited|touched|groomed|assaulted|blackmailed|threatened)",
          'when\\s+i\\s+was\\s+(?:a\\s+)?(?:kid|child|girl|boy|little|young|teen|teenager|\\d{1,2})',
          '(?:someone|somebody|he|she|they)\\s+(?:is|was|keeps?)\\s+(?:hurting|abusing|touching|threatening|blackmailing)\\s+me',
          `mis?\\s+(?:${RELATIVES_ES})`,
          'me\\s+(?:pas[oó]|pasa|pasaron|hicieron|hizo|abus[oó]|abusaron|viol[oó]|violaron|toc[oó]|tocaron|amenaza|amenazan|amenaz[oó])',
          'a\\s+m[ií]\\s+me',
          'cuando\\s+(?:yo\\s+)?era\\s+(?:una?\\s+)?(?:niñ[ao]|chic[ao]|pequeñ[ao]|joven|menor|adolescente)',
          '(?:fui|soy)\\s+v[ií]ctima',
        ].join('|') +
        ')' +
        END,
      'iu',
    ),
  ],
];

/** The kinds of personal detail found in `text`, in a fixed order; empty when none. */
export function personalDetails(text: string): PersonalDetail[] {
  return CHECKS.filter(([, pattern]) => pattern.test(text)).map(([kind]) => kind);
}
