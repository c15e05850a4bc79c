import { Injectable, type ArgumentMetadata, type PipeTransform } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { isUtf8 } from 'node:buffer';
import { ProblemException } from './problem.js';

/**
 * The one gate every request body goes through before class-transformer and the DTOs see it
 * (ADR 0020): a body nested deeper than MAX_BODY_DEPTH, a key that would reach an object's
 * prototype, text with control characters or lone surrogates, and bytes that are not UTF-8 are
 * refused with a French 400 problem naming each field at fault. Text that passes is normalised to
 * NFC and its line ends to \n, so that « é » is one character whichever keyboard typed it.
 */

/** Deeper than any request of the API (the deepest, a publication's funding list, is 3). */
export const MAX_BODY_DEPTH = 16;

/** Keys that name an object's prototype machinery: refused like any unknown field. */
const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** C0 controls but tab, line feed and carriage return; DEL; C1 controls (a regular-expression class, escaped). */
export const CONTROL_CHARACTERS = '\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F';
const CONTROL = new RegExp(`[${CONTROL_CHARACTERS}]`);
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export interface FieldError {
  field: string;
  message: string;
}

const hex = (c: string) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/** What is wrong with one text, in French; null when it may be kept. */
export function textFault(text: string, field: string): string | null {
  const control = CONTROL.exec(text);
  if (control) return `Le champ « ${field} » contient un caractère de contrôle invisible (${hex(control[0])}) : retirez-le.`;
  if (LONE_SURROGATE.test(text)) return `Le champ « ${field} » contient un caractère invalide (moitié de caractère Unicode) : retapez le texte.`;
  return null;
}

/** Fields whose text is a secret: checked, but kept byte for byte. */
const SECRET_KEY = /password/i;

/**
 * NFC, line ends as \n. A few characters (85, such as U+0958 or U+FB1D) become two under NFC: a text holding them is
 * kept as typed rather than made longer, so that a text within a field's announced length stays within it.
 */
function normaliseText(text: string): string {
  const nfc = text.normalize('NFC');
  const kept = nfc !== text && codePoints(nfc) > codePoints(text) ? text : nfc;
  return kept.replace(/\r\n?/g, '\n');
}

function codePoints(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}

const tooDeep = () =>
  new ProblemException(400, 'too_deep', 'Requête trop imbriquée', `Le corps de la requête dépasse ${MAX_BODY_DEPTH} niveaux d’imbrication.`);

/**
 * Checks a parsed body and normalises its texts in place; throws a 400 problem listing every field
 * at fault. Walks with its own stack, never recursion: 100 000 nested arrays cost a loop, not a crash.
 */
export function guardBody(body: unknown, name = 'corps'): unknown {
  if (typeof body === 'string') {
    const fault = textFault(body, name);
    if (fault) throw invalidFields([{ field: name, message: fault }]);
    return normaliseText(body);
  }
  if (typeof body !== 'object' || body === null) return body;
  const errors: FieldError[] = [];
  const stack: Array<{ node: Record<string, unknown> | unknown[]; path: string; depth: number }> = [{ node: body as object as Record<string, unknown>, path: '', depth: 1 }];
  while (stack.length > 0) {
    const { node, path, depth } = stack.pop()!;
    if (depth > MAX_BODY_DEPTH) throw tooDeep();
    const keys = Array.isArray(node) ? node.map((_, i) => String(i)) : Object.keys(node);
    for (const key of keys) {
      const field = path ? `${path}.${key}` : key;
      if (!Array.isArray(node) && (PROTOTYPE_KEYS.has(key) || textFault(key, field) !== null)) {
        errors.push({ field, message: `Le champ « ${field} » n’est pas accepté.` });
        continue;
      }
      const value = (node as Record<string, unknown>)[key];
      if (typeof value === 'string') {
        const fault = textFault(value, field);
        if (fault) errors.push({ field, message: fault });
        // A password is compared with the hash made from what the person typed then: never rewritten.
        else if (!SECRET_KEY.test(key)) (node as Record<string, unknown>)[key] = normaliseText(value);
      } else if (typeof value === 'object' && value !== null) {
        stack.push({ node: value as Record<string, unknown>, path: field, depth: depth + 1 });
      }
    }
  }
  if (errors.length > 0) throw invalidFields(errors);
  return body;
}

function invalidFields(errors: FieldError[]): ProblemException {
  return new ProblemException(400, 'validation', 'Certains champs sont invalides', errors.map((e) => e.message).join(' '), errors);
}

/** Express middleware right after the JSON parser: every JSON endpoint, anonymous ones included, before any guard. */
export function jsonInputGuard(req: Request, _res: Response, next: NextFunction): void {
  try {
    if (req.body !== undefined) req.body = guardBody(req.body);
    next();
  } catch (error) {
    next(error);
  }
}

/** The JSON parser's `verify` hook: bytes that are not UTF-8 are refused instead of becoming U+FFFD. */
export function verifyUtf8(_req: unknown, _res: unknown, buffer: Buffer, encoding: string): void {
  if (encoding.toLowerCase().replace('-', '') !== 'utf8' || isUtf8(buffer)) return;
  throw Object.assign(new Error('The body is not valid UTF-8'), { status: 400, type: 'encoding.invalid_utf8' });
}

/**
 * The same gate for what does not come through the JSON parser (multipart fields of an upload,
 * query strings): a global pipe that runs before the validation pipe.
 */
@Injectable()
export class InputGuardPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    return metadata.type === 'body' || metadata.type === 'query' ? guardBody(value, metadata.data) : value;
  }
}
