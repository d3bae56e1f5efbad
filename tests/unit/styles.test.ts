import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BELOW_TABLET, BREAKPOINTS } from '@/styles/breakpoints';

/*
 * The design tokens are the only source of colour: src/styles/tokens.css holds every colour
 * value; every other stylesheet names a token. And the breakpoints in the CSS, in tokens.css and
 * in TypeScript are the same three.
 */

const SRC = join(__dirname, '../../src');
const TOKENS = 'styles/tokens.css';

function sources(ending: string, dir = SRC): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(ending, path);
    return entry.name.endsWith(ending) ? [relative(SRC, path)] : [];
  });
}
const stylesheets = () => sources('.css');

const read = (file: string) => readFileSync(join(SRC, file), 'utf8');

// CSS's named colours (CSS Color 4), and its system colours.
const NAMED = `aliceblue antiquewhite aqua aquamarine azure beige bisque black blanchedalmond blue
  blueviolet brown burlywood cadetblue chartreuse chocolate coral cornflowerblue cornsilk crimson
  cyan darkblue darkcyan darkgoldenrod darkgray darkgreen darkgrey darkkhaki darkmagenta
  darkolivegreen darkorange darkorchid darkred darksalmon darkseagreen darkslateblue darkslategray
  darkslategrey darkturquoise darkviolet deeppink deepskyblue dimgray dimgrey dodgerblue firebrick
  floralwhite forestgreen fuchsia gainsboro ghostwhite gold goldenrod gray green greenyellow grey
  honeydew hotpink indianred indigo ivory khaki lavender lavenderblush lawngreen lemonchiffon
  lightblue lightcoral lightcyan lightgoldenrodyellow lightgray lightgreen lightgrey lightpink
  lightsalmon lightseagreen lightskyblue lightslategray lightslategrey lightsteelblue lightyellow
  lime limegreen linen magenta maroon mediumaquamarine mediumblue mediumorchid mediumpurple
  mediumseagreen mediumslateblue mediumspringgreen mediumturquoise mediumvioletred midnightblue
  mintcream mistyrose moccasin navajowhite navy oldlace olive olivedrab orange orangered orchid
  palegoldenrod palegreen paleturquoise palevioletred papayawhip peachpuff peru pink plum
  powderblue purple rebeccapurple red rosybrown royalblue saddlebrown salmon sandybrown seagreen
  seashell sienna silver skyblue slateblue slategray slategrey snow springgreen steelblue tan teal
  thistle tomato turquoise violet wheat white whitesmoke yellow yellowgreen
  canvas canvastext linktext visitedtext activetext buttonface buttontext buttonborder field
  fieldtext highlight highlighttext selecteditem selecteditemtext mark marktext graytext
  accentcolor accentcolortext`
  .split(/\s+/)
  .filter(Boolean);
const NAMED_RE = new RegExp(`(?<![\\w-])(${NAMED.join('|')})(?![\\w-])`, 'i');
const FUNCTION_RE = /(?<![\w-])(rgba?|hsla?|hwb|lab|lch|oklab|oklch|color)\(/i;
const HEX_RE = /#[0-9a-f]{3,8}(?![\w-])/i;

/** Every raw colour in the declarations of a stylesheet, with its line. */
function rawColours(css: string): string[] {
  const found: string[] = [];
  // Comments and strings say things ("white on black"); they are not colours.
  const text = css
    .replace(/\/\*[\s\S]*?\*\//g, (c) => c.replace(/[^\n]/g, ' '))
    .replace(/'[^'\n]*'|"[^"\n]*"/g, "''");
  text.split('\n').forEach((line, index) => {
    const colon = line.indexOf(':');
    // A declaration's value: after its colon, on a line that opens no block (not a selector).
    if (colon === -1 || line.includes('{')) return;
    const value = line.slice(colon + 1);
    for (const re of [HEX_RE, FUNCTION_RE, NAMED_RE]) {
      const match = re.exec(value);
      if (match) found.push(`${index + 1}: ${match[0]}`);
    }
  });
  return found;
}

describe('design tokens', () => {
  const files = stylesheets();

  it('finds the stylesheets, tokens first among them', () => {
    expect(files).toContain(TOKENS);
    expect(files.length).toBeGreaterThan(10);
  });

  it('has no raw colour outside tokens.css', () => {
    const offenders = files
      .filter((file) => file !== TOKENS)
      .flatMap((file) => rawColours(read(file)).map((hit) => `${file}:${hit}`));
    expect(offenders).toEqual([]);
  });

  it('the check fires on a raw colour of each kind, and not on words in comments or strings', () => {
    const css = `
/* white on black */
.a { color: #fff; }
.b {
  background: rgb(0 0 0 / 25%);
  border-color: Tomato;
  content: 'red';
  white-space: nowrap;
  color: var(--text);
  background: transparent;
  border-color: currentColor;
}`;
    expect(rawColours(css)).toEqual(['5: rgb(', '6: Tomato']);
    expect(rawColours('.a {\n  color: #fff;\n}')).toEqual(['2: #fff']);
  });

  it('uses only the named breakpoints, the same in the CSS, tokens.css and TypeScript', () => {
    const widths = new Set(
      files.flatMap((file) =>
        [...read(file).matchAll(/@media[^{]*?\((?:max|min)-width:\s*([\d.]+rem)\)/g)].map(
          (m) => m[1],
        ),
      ),
    );
    expect([...widths].sort()).toEqual(Object.values(BREAKPOINTS).sort());
    const tokens = read(TOKENS);
    for (const [name, value] of Object.entries(BREAKPOINTS)) {
      expect(tokens).toContain(`--breakpoint-${name}: ${value};`);
    }
    expect(BELOW_TABLET).toBe('(max-width: 48rem)');
  });

  it('gives every margin, padding and gap in rem a token, and every token used exists', () => {
    const raw = files
      .filter((file) => file !== TOKENS)
      .flatMap((file) =>
        [...read(file).matchAll(/^\s*(?:margin|padding|gap|row-gap|column-gap)[a-z-]*:([^;]*);/gm)]
          .map((m) => m[1]!)
          .filter((value) => /\d\s*rem/.test(value))
          .map((value) => `${file}:${value}`),
      );
    expect(raw).toEqual([]);
    const tokens = read(TOKENS);
    const used = new Set(
      files.flatMap((file) => [...read(file).matchAll(/var\((--[\w-]+)/g)].map((m) => m[1]!)),
    );
    // Properties a component sets for itself (--ros-more-width; --at from a style attribute)
    // are declared where they are used.
    const inline = sources('.tsx').flatMap((file) =>
      [...read(file).matchAll(/['"](--[\w-]+)['"]/g)].map((m) => m[1]!),
    );
    const declared = new Set([
      ...inline,
      ...files.flatMap((file) => [...read(file).matchAll(/(--[\w-]+):/g)].map((m) => m[1]!)),
    ]);
    expect([...used].filter((name) => !declared.has(name))).toEqual([]);
    expect(tokens).toContain('--space-100: 1rem;');
  });

  it('gives every radius a token', () => {
    const radii = files
      .filter((file) => file !== TOKENS)
      .flatMap((file) =>
        [...read(file).matchAll(/border(?:-[a-z-]+)?-radius:\s*([^;]+);/g)].map((m) => m[1]!),
      )
      .filter((value) => !/^(var\(--radius[\w-]*\)|inherit|0|50%)$/.test(value));
    expect(radii).toEqual([]);
  });
});
