// What the form-library adapters share: the entry point they work over, options, the schema.
import type { Template, ValidateOptions, ValidationReport, RecordSchema, JsonSchemaOptions } from '../index.js';

/** An entry point of supervision-rules, initialised: the core, /widget or /authoring. */
export interface EntryPoint {
  template(policyId: string, templateId: string): Template;
  validate(policyId: string, templateId: string, record: Record<string, unknown>,
    options?: ValidateOptions): ValidationReport;
  jsonSchema(policyId: string, templateId: string, options?: JsonSchemaOptions): RecordSchema;
}
/** validate()'s options; `mode` also sets the required marks. */
export type AdapterOptions = ValidateOptions;
/** A record's JSON Schema, draft-07: the core's `jsonSchema(p, t, {draft: 'draft-07', mode})`. */
export type Draft07Schema = RecordSchema;
export const CELLS: Record<'actions' | 'children',
  { id: string; label: string; type: string; required: boolean }[]>;
export function modeOf(options?: AdapterOptions): 'draft' | 'final';
export function isRequired(field: { required: boolean | 'final' }, mode: 'draft' | 'final'): boolean;
export function fieldsOf(sr: EntryPoint, policyId: string, templateId: string):
  { template: Template; fields: Template['sections'][number]['fields'] };
export function recordSchema(sr: EntryPoint, policyId: string, templateId: string,
  mode: 'draft' | 'final'): Draft07Schema;
/** '/actions/0/who' → ['actions', '0', 'who']. */
export function segments(finding: { pointer: string }): string[];
/** The finding's JSON Pointer, '/actions/0/who'. */
export function pointerOf(finding: { pointer: string }): string;
export function check(sr: EntryPoint, policyId: string, templateId: string,
  record: Record<string, unknown> | null | undefined, options?: AdapterOptions): ValidationReport;
