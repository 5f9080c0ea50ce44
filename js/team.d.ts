// supervision-rules/team: the team view's logic, over an entry point the caller loaded.
import type { Worker, Team, Schedule } from '../supervision_rules.js';

export type Kind = 'sessions' | 'caseload' | 'duties' | 'actions';
export interface Field { key: string; label: string; required: boolean; aliases: string[] }
export const FIELDS: Record<Kind, Field[]>;
export type Mapping = Record<string, string>;
export interface Row { line: number; cells: string[] }
export interface RowError { file: string; line: number | undefined; reason: string }
export function guessMapping(kind: Kind, headers: string[]): Mapping;
export function unmapped(kind: Kind, mapping: Mapping): string[];
/** dd/mm/yyyy (or - . separators, 2-digit years, an Excel time after it) or yyyy-mm-dd → YYYY-MM-DD, else null. */
export function parseDay(text: string): string | null;
/** CSV (through the papaparse passed) or JSON text → rows with their line, or why not. */
export function parseText(text: string, Papa: { parse: Function }, options?: { chunkSize?: number; pause?: () => unknown }):
  Promise<{ headers: string[]; rows: Row[]; error?: undefined } | { error: string }>;
export function readRows(kind: Kind, file: string, headers: string[], rows: Row[], mapping: Mapping,
  roles: { id: string; label: string }[]): { records: object[]; errors: RowError[] };
export interface Service { workers: (Worker & { team: string })[]; teams: Team[]; actions: object[]; errors: RowError[] }
export function buildService(records: Partial<Record<Kind, object[]>>, caseloadLines?: number[]): Service;
/** An entry point of supervision-rules, loaded: the core or the widget. */
export interface EntryPoint {
  scheduleMany(policyId: string, workers: Worker[], options: object): Schedule[];
  scheduleTeam(policyId: string, team: Team, options: object): Schedule;
}
export function scheduleService(sr: EntryPoint, policyId: string, service: Service,
  options: { asOf: string; dueSoonDays?: number; chunk?: number; onProgress?: (done: number, total: number) => void }):
  Promise<{ schedules: Schedule[]; teams: { team: string; schedule: Schedule }[] }>;
export type Status = 'overdue' | 'due-soon' | 'ok';
export interface ViewRows {
  workers: { id: string; team: string; role: string; status: Status; due: string; what: string; index: number }[];
  children: { id: string; worker: string; team: string; role: string; discussed: string; status: Status; due: string }[];
  duties: { team: string; kind: string; subject: string; due: string; status: Status; source: string; reason: string }[];
  /** Breaches repeated period after period (docs/finding-codes.md, Runs), the longest first. */
  runs: RunRow[];
}
/** One run of breaches: for whom, under which rule, how many in a row, first and last dates. */
export interface RunRow {
  subject: 'worker' | 'child' | 'team'; id: string; worker: string; team: string; rule: string; code: string;
  count: number; first: string; last: string; source: string;
}
export function runRows(service: Pick<Service, 'workers'>, result: Awaited<ReturnType<typeof scheduleService>>): RunRow[];
/** The runs as CSV text: subject,id,worker,team,rule,code,times,first,last (cells defused as overdueCsv's). */
export function runsCsv(runs: RunRow[]): string;
export function viewRows(service: Service, result: Awaited<ReturnType<typeof scheduleService>>): ViewRows;
export function counts(rows: { status: Status }[]): { overdue: number; dueSoon: number; ok: number };
export function byUrgency(a: { status: Status; due: string; id: string }, b: { status: Status; due: string; id: string }): number;
export function monthEnds(asOf: string): string[];
export function complianceByWorker(sr: EntryPoint, policyId: string, service: Service, asOf: string,
  options?: { chunk?: number; onProgress?: (done: number, total: number) => void }): Promise<{ ends: string[]; table: (boolean | null)[][] }>;
export function complianceSeries(c: { ends: string[]; table: (boolean | null)[][] }, keep: (index: number) => boolean):
  { month: string; end: string; workers: number; supervised: number; percent: number }[];
export function openActions<A extends { done: boolean; due: string }>(actions: A[], asOf: string): (A & { overdue: boolean })[];
export function overdueCsv(rows: Pick<ViewRows, 'workers' | 'children' | 'duties'>): string;
export function groupActions<A extends { worker: string; child?: string; due: string; overdue: boolean }>(actions: A[], by?: 'worker' | 'child'):
  { key: string; actions: A[]; overdue: number }[];
