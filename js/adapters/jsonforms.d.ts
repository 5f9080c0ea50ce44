// supervision-rules/jsonforms: a template as JSON Forms props (see jsonforms.js).
import type { ValidationReport } from '../index.js';
import type { EntryPoint, AdapterOptions, Draft07Schema } from './shared.js';
export type { EntryPoint, AdapterOptions, Draft07Schema } from './shared.js';

/** An Ajv-shaped error, as JSON Forms' `additionalErrors` takes it. */
export interface FindingError {
  instancePath: string; message: string; schemaPath: string; keyword: 'supervision-rules';
  params: { code: string; severity: 'error' | 'warning'; source: string };
}
export interface UiGroup { type: 'Group'; label: string; elements: { type: 'Control'; scope: string; options?: object }[] }
/** Props for `<JsonForms>` (add `data`, `renderers`, `cells`, `additionalErrors`, `onChange`). */
export interface JsonFormsProps {
  schema: Draft07Schema;
  uischema: { type: 'VerticalLayout'; elements: UiGroup[] };
  validationMode: 'ValidateAndHide';
}
export interface JsonFormsAdapter {
  props: JsonFormsProps;
  /** validate()'s findings on `data` (warnings' messages start "Warning: "). */
  errors(data: Record<string, unknown> | undefined): FindingError[];
  /** validate()'s report on `data`. */
  validate(data: Record<string, unknown> | undefined): ValidationReport;
}
/** `sr`: the entry point the page loaded and initialised; `options`: validate()'s. */
export function jsonForms(sr: EntryPoint, policyId: string, templateId: string,
  options?: AdapterOptions): JsonFormsAdapter;
