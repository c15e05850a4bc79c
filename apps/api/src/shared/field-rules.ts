import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsArray, IsObject, IsOptional, ValidateBy, ValidateIf, ValidateNested, type ValidationArguments } from 'class-validator';
import { MONEY_MAX_EUROS, moneyFault, moneyMessage } from '@carnet/domain';

/**
 * Validation rules shared by every DTO (ADR 0020): one definition of what an amount, a one-line
 * text and a list of objects are, instead of per-DTO hand code.
 */

/**
 * An amount in euros HT with at most two decimals, from 0 to one billion (integer cents inside,
 * see @carnet/domain money). `label` is the French name used in messages: « Le coût estimé ».
 */
export const MoneyField =
  (label: string, options: { description: string; example: number; required?: boolean; nullable?: boolean }) => (target: object, key: string) => {
    // No `multipleOf: 0.01`: generated clients and fuzzers would compute 57 × 0.01 = 0.5700000000000001.
    const doc = { description: `${options.description} (euros HT, deux décimales au plus)`, example: options.example, minimum: 0, maximum: MONEY_MAX_EUROS, ...(options.nullable ? { nullable: true } : {}) };
    // `type: 'number'` as text: with the class Number and `nullable`, the swagger module writes a $ref to « Object ».
    if (options.required) ApiProperty({ type: 'number', ...doc })(target, key);
    else ApiPropertyOptional({ type: 'number', ...doc })(target, key);
    if (!options.required) IsOptional()(target, key);
    if (options.nullable) ValidateIf((_o, v) => v !== null)(target, key);
    ValidateBy({
      name: 'isMoney',
      validator: {
        validate: (value: unknown) => moneyFault(value) === null,
        defaultMessage: (args?: ValidationArguments) => moneyMessage(label, moneyFault(args?.value) ?? 'not_a_number'),
      },
    })(target, key);
  };

/** What a one-line text may not hold, as the OpenAPI document says it: every C0 control (tab and line ends included), DEL, C1. */
export const SINGLE_LINE_CONTROLS = '\\u0000-\\u001F\\u007F-\\u009F';
export const SINGLE_LINE_PATTERN = `^[^${SINGLE_LINE_CONTROLS}]*$`;

/**
 * A text that holds on one line (titles, names): no line feed nor tab; the input gate already refused other controls.
 * The OpenAPI document gives it SINGLE_LINE_PATTERN (openapi-contract.ts converts the rule by its name).
 */
export const SingleLine = (label: string) =>
  ValidateBy({
    name: 'isSingleLine',
    validator: {
      validate: (value: unknown) => typeof value !== 'string' || !/[\n\r\t]/.test(value),
      defaultMessage: () => `${label} tient sur une seule ligne : retirez les retours à la ligne et les tabulations.`,
    },
  });

/**
 * A required text with something in it: a text of spaces only is refused as missing (« Le nom est obligatoire. »),
 * as an empty one is. The OpenAPI document says it with a pattern (openapi-contract.ts converts the rule by its name),
 * so that a client — or a fuzzer — does not take « » for a name.
 */
export const NotBlank = (label: string) =>
  ValidateBy({
    name: 'isNotBlank',
    validator: {
      validate: (value: unknown) => typeof value === 'string' && value.trim().length > 0,
      defaultMessage: () => `${label} est obligatoire.`,
    },
  });

/** What String.prototype.trim removes (ECMAScript's white space and line terminators), as a regular expression class's content. */
export const TRIMMED_CHARACTERS = '\\t\\n\\u000B\\f\\r \\u00A0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000\\uFEFF';

/** A list whose every item is an object validated by `type`: `[[]]`, `[1]` or `[null]` are refused item by item. */
export const ObjectList = (type: () => new () => object, message: string) => (target: object, key: string) => {
  IsArray({ message })(target, key);
  IsObject({ each: true, message: 'Chaque élément doit être un objet.' })(target, key);
  ValidateNested({ each: true })(target, key);
  Type(type)(target, key);
};
