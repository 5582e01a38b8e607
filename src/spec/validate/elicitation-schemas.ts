// Validators for the restricted JSON Schema subset an elicitation form may use (flat objects of
// primitives and enums); identical in 2025-11-25 and 2026-07-28.
import type * as T from '../types/index.js';
import {
  array,
  boolean,
  enumOf,
  integer,
  literal,
  number,
  object,
  optional,
  record,
  string,
  union,
} from './combinators.js';
import type { Validator } from './validator.js';

const labels = { title: optional(string), description: optional(string) };
const titledOption = object({ const: string, title: string });

export const StringSchema: Validator<T.StringSchema> = object({
  type: literal('string'),
  ...labels,
  minLength: optional(integer),
  maxLength: optional(integer),
  format: optional(enumOf('uri', 'email', 'date', 'date-time')),
  default: optional(string),
});

export const NumberSchema: Validator<T.NumberSchema> = object({
  type: enumOf('number', 'integer'),
  ...labels,
  minimum: optional(number),
  maximum: optional(number),
  default: optional(number),
});

export const BooleanSchema: Validator<T.BooleanSchema> = object({
  type: literal('boolean'),
  ...labels,
  default: optional(boolean),
});

export const UntitledSingleSelectEnumSchema: Validator<T.UntitledSingleSelectEnumSchema> = object({
  type: literal('string'),
  ...labels,
  enum: array(string),
  default: optional(string),
});

export const TitledSingleSelectEnumSchema: Validator<T.TitledSingleSelectEnumSchema> = object({
  type: literal('string'),
  ...labels,
  oneOf: array(titledOption),
  default: optional(string),
});

const multiSelect = {
  type: literal('array'),
  ...labels,
  minItems: optional(integer),
  maxItems: optional(integer),
  default: optional(array(string)),
};

export const UntitledMultiSelectEnumSchema: Validator<T.UntitledMultiSelectEnumSchema> = object({
  ...multiSelect,
  items: object({ type: literal('string'), enum: array(string) }),
});

export const TitledMultiSelectEnumSchema: Validator<T.TitledMultiSelectEnumSchema> = object({
  ...multiSelect,
  items: object({ anyOf: array(titledOption) }),
});

export const LegacyTitledEnumSchema: Validator<T.LegacyTitledEnumSchema> = object({
  type: literal('string'),
  ...labels,
  enum: array(string),
  enumNames: optional(array(string)),
  default: optional(string),
});

export const SingleSelectEnumSchema: Validator<T.SingleSelectEnumSchema> = union(
  UntitledSingleSelectEnumSchema,
  TitledSingleSelectEnumSchema,
);

export const MultiSelectEnumSchema: Validator<T.MultiSelectEnumSchema> = union(
  UntitledMultiSelectEnumSchema,
  TitledMultiSelectEnumSchema,
);

export const EnumSchema: Validator<T.EnumSchema> = union(
  SingleSelectEnumSchema,
  MultiSelectEnumSchema,
  LegacyTitledEnumSchema,
);

export const PrimitiveSchemaDefinition: Validator<T.PrimitiveSchemaDefinition> = union(
  StringSchema,
  NumberSchema,
  BooleanSchema,
  EnumSchema,
);

/** `requestedSchema` of a form-mode elicitation. */
export const ElicitationRequestedSchema: Validator<T.ElicitationRequestedSchema> = object({
  $schema: optional(string),
  type: literal('object'),
  properties: record(PrimitiveSchemaDefinition),
  required: optional(array(string)),
});

/**
 * What a user filled in: strings, numbers, booleans, or lists of strings (multi-select). Any
 * number, as the TypeScript schema says: a `NumberSchema` field of type `"number"` takes 2.5, though
 * the generated JSON Schema narrowed the value to an integer.
 */
export const ElicitationContent: Validator<T.ElicitationContent> = record(
  union(string, number, boolean, array(string)),
);
