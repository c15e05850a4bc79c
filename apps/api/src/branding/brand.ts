import { existsSync, readFileSync } from 'node:fs';
import { extname, resolve } from 'node:path';

/*
 * The identity a Département gives the app and the portal without code (issue #16): its name, its logo and
 * its main colour, read from SITE_NAME, LOGO_FILE and BRAND_COLOR. The colour is used as text and links on
 * white and under white text (header, buttons): it must reach the WCAG AA ratio of 4.5:1 against white, or
 * the server refuses to start.
 */

export interface Brand {
  siteName: string;
  /** The main colour, `#rrggbb`. */
  color: string;
  /** Darker (hover) and very light (soft backgrounds) shades of the main colour. */
  colorDark: string;
  colorSoft: string;
  /** The logo's bytes and type, served at LOGO_PATH (a default mark drawn in the main colour when LOGO_FILE is unset). */
  logo: { bytes: Buffer; mediaType: 'image/svg+xml' | 'image/png' };
}

export const DEFAULT_SITE_NAME = 'Carnet de projets — Val-d’Oise';
export const DEFAULT_BRAND_COLOR = '#1f4e79';
/** WCAG 2.1 AA for normal text. */
export const MIN_CONTRAST = 4.5;
export const LOGO_PATH = '/marque/logo';
export const FAVICON_PATH = '/marque/favicon.svg';

type Rgb = [number, number, number];

function parseHex(color: string): Rgb | null {
  const m = /^#?([0-9a-f]{6}|[0-9a-f]{3})$/i.exec(color.trim());
  if (!m) return null;
  const hex = m[1]!.length === 3 ? [...m[1]!].map((c) => c + c).join('') : m[1]!;
  return [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16)) as Rgb;
}

const toHex = (rgb: Rgb) => `#${rgb.map((v) => Math.round(Math.max(0, Math.min(255, v))).toString(16).padStart(2, '0')).join('')}`;
const mix = (a: Rgb, b: Rgb, t: number): Rgb => a.map((v, i) => v + (b[i]! - v) * t) as Rgb;

/** Relative luminance (WCAG 2.1). */
function luminance([r, g, b]: Rgb): number {
  const lin = (v: number) => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/** The WCAG contrast ratio of two colours (1 to 21). */
export function contrastRatio(a: string, b: string): number {
  const [la, lb] = [luminance(parseHex(a)!), luminance(parseHex(b)!)].sort((x, y) => y - x);
  return (la! + 0.05) / (lb! + 0.05);
}

/** A mark drawn in the main colour: a notebook with a check, readable at 16 px. */
export function defaultLogoSvg(color: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64" width="64" height="64"><rect width="64" height="64" rx="12" fill="${color}"/><rect x="16" y="12" width="32" height="40" rx="4" fill="#fff"/><rect x="16" y="12" width="6" height="40" fill="${color}" opacity=".35"/><path d="M27 33l5 5 9-11" fill="none" stroke="${color}" stroke-width="4.5" stroke-linecap="round" stroke-linejoin="round"/></svg>`;
}

/** Reads and checks the identity settings; throws an error that says what to change. */
export function loadBrand(env: NodeJS.ProcessEnv, defaultSiteName = DEFAULT_SITE_NAME): Brand {
  const siteName = env.SITE_NAME?.trim() || defaultSiteName;
  const colorText = env.BRAND_COLOR?.trim() || DEFAULT_BRAND_COLOR;
  const rgb = parseHex(colorText);
  if (!rgb) throw new Error(`BRAND_COLOR doit être une couleur hexadécimale comme #1f4e79 ; reçu « ${colorText} ».`);
  const color = toHex(rgb);
  const ratio = contrastRatio(color, '#ffffff');
  if (ratio < MIN_CONTRAST) {
    throw new Error(
      `BRAND_COLOR ${color} n’est pas assez contrastée avec le blanc : ${ratio.toFixed(2)}:1, il faut au moins ${MIN_CONTRAST}:1 (WCAG AA) ` +
        `pour les liens, les boutons et l’en-tête. Choisissez une teinte plus foncée (par exemple ${toHex(mix(rgb, [0, 0, 0], 0.35))}).`,
    );
  }
  let logo: Brand['logo'] = { bytes: Buffer.from(defaultLogoSvg(color)), mediaType: 'image/svg+xml' };
  if (env.LOGO_FILE?.trim()) {
    const path = resolve(env.LOGO_FILE.trim());
    const type = extname(path).toLowerCase();
    if (type !== '.svg' && type !== '.png') throw new Error(`LOGO_FILE doit être un fichier .svg ou .png ; reçu « ${path} ».`);
    if (!existsSync(path)) throw new Error(`LOGO_FILE introuvable : « ${path} ».`);
    const bytes = readFileSync(path);
    const isPng = bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    if (type === '.png' && !isPng) throw new Error(`LOGO_FILE « ${path} » n’est pas une image PNG.`);
    if (type === '.svg' && !/<svg[\s>]/i.test(bytes.toString('utf8', 0, Math.min(bytes.length, 4096)))) throw new Error(`LOGO_FILE « ${path} » n’est pas une image SVG.`);
    logo = { bytes, mediaType: type === '.svg' ? 'image/svg+xml' : 'image/png' };
  }
  return { siteName, color, colorDark: toHex(mix(rgb, [0, 0, 0], 0.28)), colorSoft: toHex(mix(rgb, [255, 255, 255], 0.88)), logo };
}

/** The favicon: the default mark in the main colour (an SVG favicon; browsers scale it). */
export const faviconSvg = (brand: Brand): string => defaultLogoSvg(brand.color);

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/**
 * The web app's index.html with the identity: its title, the colours as CSS variables (before the first
 * paint), the favicon, and the site name in a meta tag the header reads.
 */
export function brandIndexHtml(index: string, brand: Brand): string {
  const style = `<style id="brand">:root{--color-primary:${brand.color};--color-primary-dark:${brand.colorDark};--color-primary-soft:${brand.colorSoft}}</style>`;
  return index
    .replace(/<title>[^<]*<\/title>/, `<title>${escapeHtml(brand.siteName)}</title>`)
    .replace(/<link rel="icon"[^>]*>/, `<link rel="icon" type="image/svg+xml" href="${FAVICON_PATH}" />`)
    .replace('</head>', `<meta name="carnet-site-name" content="${escapeHtml(brand.siteName)}" />\n    ${style}\n  </head>`);
}
