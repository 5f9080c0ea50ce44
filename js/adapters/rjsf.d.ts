// supervision-rules/rjsf: a template as react-jsonschema-form props (see rjsf.js).
import type { ValidationReport } from '../index.js';
import type { EntryPoint, AdapterOptions, Draft07Schema } from './shared.js';
export type { EntryPoint, AdapterOptions, Draft07Schema } from './shared.js';

/** RJSF's ErrorSchema: `{actions: {0: {who: {__errors: ['…']}}}}`. */
export interface ErrorSchema { __errors?: string[]; [key: string]: ErrorSchema | string[] | undefined }
/** Props for RJSF's `<Form>` (add `validator`, `formData`, `extraErrors`, `onChange`…). */
export interface RjsfProps {
  schema: Draft07Schema;
  uiSchema: Record<string, unknown>;
  noHtml5Validate: true;
  experimental_defaultFormStateBehavior: { constAsDefaults: 'never' };
  customValidate<E>(formData: Record<string, unknown> | undefined, errors: E): E;
  transformErrors<E extends { property?: string }>(errors: E[]): E[];
}
export interface RjsfAdapter {
  props: RjsfProps;
  /** validate()'s warnings on `formData`, for `extraErrors` (shown, not blocking submit). */
  warnings(formData: Record<string, unknown> | undefined): ErrorSchema;
  /** validate()'s report on `formData`. */
  validate(formData: Record<string, unknown> | undefined): ValidationReport;
}
/** `sr`: the entry point the page loaded and initialised; `options`: validate()'s. */
export function rjsf(sr: EntryPoint, policyId: string, templateId: string,
  options?: AdapterOptions): RjsfAdapter;
