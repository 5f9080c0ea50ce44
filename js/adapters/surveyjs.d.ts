// supervision-rules/surveyjs: a template as SurveyJS survey JSON and a validation hook
// (see surveyjs.js).
import type { ValidationReport } from '../index.js';
import type { EntryPoint, AdapterOptions } from './shared.js';
export type { EntryPoint, AdapterOptions } from './shared.js';

/** The part of SurveyJS's SurveyModel the hook uses. */
export interface SurveyLike {
  data: Record<string, unknown>;
  onValidateQuestion: { add(handler: (sender: any, options: any) => void): void;
    remove(handler: (sender: any, options: any) => void): void };
}
export interface SurveyJsAdapter {
  /** Survey JSON: `new Model(json)`. */
  json: { title: string; pages: { name: string; elements: object[] }[]; [key: string]: unknown };
  /** Puts validate()'s findings on the survey's questions, cells and tables; returns a detach function. */
  attach(survey: SurveyLike): () => void;
  /** validate()'s report on survey data. */
  validate(data: Record<string, unknown> | undefined): ValidationReport;
}
/** `sr`: the entry point the page loaded and initialised; `options`: validate()'s. */
export function surveyJs(sr: EntryPoint, policyId: string, templateId: string,
  options?: AdapterOptions): SurveyJsAdapter;
