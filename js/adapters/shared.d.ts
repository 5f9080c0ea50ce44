// What the form-library adapters share: the entry point they work over, options, the schema.
import type { Template, ValidateOptions, ValidationReport, Finding } from '../index.js';

/** An entry point of supervision-rules, initialised: the core, /widget or /authoring. */
export interface EntryPoint {
  template(policyId: string, templateId: string): Template;
  validate(policyId: string, templateId: string, record: Record<string, unknown>,
    options?: ValidateOptions): ValidationReport;
}
/** validate()'s options; `mode` also sets the required marks. */
export type AdapterOptions = ValidateOptions;
/** A record's JSON Schema, draft-07, as the adapters give it to a form library. */
export interface Draft07Schema {
  $schema: 'http://json-schema.org/draft-07/schema#';
  title: string; type: 'object'; required: string[];
  properties: Record<string, {
    title: string; description?: string; type: 'string' | 'number' | 'array';
    format?: 'date'; pattern?: string; minimum?: number; maximum?: number;
    oneOf?: { const: string; title: string }[];
    items?: { type: 'object'; properties: Record<string, object>; required: string[] };
  }>;
}
export const CELLS: Record<'actions' | 'children',
  { id: string; label: string; type: string; required: boolean }[]>;
export function modeOf(options?: AdapterOptions): 'draft' | 'final';
export function isRequired(field: { required: boolean | 'final' }, mode: 'draft' | 'final'): boolean;
export function fieldsOf(sr: EntryPoint, policyId: string, templateId: string):
  { template: Template; fields: Template['sections'][number]['fields'] };
export function recordSchema(sr: EntryPoint, policyId: string, templateId: string,
  mode: 'draft' | 'final'): Draft07Schema;
/** `actions[0].who` → ['actions', '0', 'who']. */
export function segments(finding: Pick<Finding, 'path'>): string[];
/** `actions[0].who` → '/actions/0/who'. */
export function pointerOf(finding: Pick<Finding, 'path'>): string;
export function check(sr: EntryPoint, policyId: string, templateId: string,
  record: Record<string, unknown> | null | undefined, options?: AdapterOptions): ValidationReport;
