// The worker pool's task registry: name → pure function over one batch. Inputs and outputs must
// survive structured cloning (plain objects, arrays, strings, numbers, typed arrays), and a task
// must not depend on where it runs: the pool runs small jobs in-process and large ones in workers.
// To add a task: write the pure function beside its feature and list it here.
import { closePairs } from '../clusters/edit-distance';
import { metaphoneKeys, ngramKeys } from '../clusters/key-tasks';
import { nfkcValues, phoneValues, titleCaseValues } from '../clean/value-tasks';
import { applyOperatorValues } from '../pii/operators/apply';
import { scanValues } from '../pii/dataset/task';
import { scanCells } from '../pii/scan';

export const TASKS = {
  'cluster.ngramKeys': ngramKeys,
  'cluster.metaphoneKeys': metaphoneKeys,
  'cluster.closePairs': closePairs,
  'clean.nfkc': nfkcValues,
  'clean.titleCase': titleCaseValues,
  'clean.phone': phoneValues,
  'pii.applyOperator': applyOperatorValues,
  'pii.scanCells': scanCells,
  'pii.scanValues': scanValues,
} as const;

export type TaskName = keyof typeof TASKS;
export type TaskInput<K extends TaskName> = Parameters<(typeof TASKS)[K]>[0];
export type TaskOutput<K extends TaskName> = ReturnType<(typeof TASKS)[K]>;

/** What crosses to a worker: the task's name and its input. */
export interface TaskMessage {
  task: string;
  input: unknown;
}

export function isTaskName(name: string): name is TaskName {
  return Object.hasOwn(TASKS, name);
}

/** Runs one task by name (in a worker, or in-process). */
export function runTask(msg: TaskMessage): unknown {
  if (!isTaskName(msg.task)) throw new Error(`unknown worker task "${msg.task}" (known: ${Object.keys(TASKS).join(', ')})`);
  const fn = TASKS[msg.task] as (input: unknown) => unknown;
  return fn(msg.input);
}
