import { z } from 'zod';
import { planText } from '../messages/plans.js';

// The YAML plan file format. Documented in docs/plan-format.md; every shipped plan in plans/ follows it.
// Objects are strict: plans are edited by hand, so a misspelt field must be an error, not silently dropped.

const slug = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'chỉ gồm chữ thường không dấu, số và dấu gạch ngang');
const isoDatePattern = /^\d{4}-\d{2}-\d{2}$/;
const isoDate = z
  .string()
  .regex(isoDatePattern, 'ngày phải có dạng YYYY-MM-DD')
  .refine((value) => !isoDatePattern.test(value) || isCalendarDate(value), planText.invalidDate);

function isCalendarDate(value: string): boolean {
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

export const networkLevels = ['province', 'district', 'commune'] as const;
export const agencyKinds = [
  'so',
  'ban',
  'nganh',
  'ubnd',
  'bao-chi',
  'cong-chuc',
  'doan-the',
  'trung-uong',
  'khac',
] as const;
export const frequencies = ['monthly', 'quarterly', 'half-year', 'yearly', 'once'] as const;
export const questionTypes = ['text', 'number', 'choice', 'yesno', 'tasks'] as const;

export const networkSchema = z.strictObject({
  id: slug,
  name: z.string().min(1),
  level: z.enum(networkLevels),
  parent: slug.optional(),
  active: z.boolean().default(true),
  note: z.string().optional(),
});

export const documentSchema = z.strictObject({
  id: slug,
  number: z.string().min(1),
  date: isoDate.optional(),
  issuer: z.string().min(1),
  subject: z.string().min(1),
  // Where the text comes from when it is not the document itself (e.g. a news article's address).
  source: z.string().min(1).optional(),
});

export const successorSchema = z.strictObject({
  agency: slug.optional(),
  name: z.string().min(1),
  since: isoDate.optional(),
  note: z.string().min(1),
});

export const agencySchema = z.strictObject({
  id: slug,
  name: z.string().min(1),
  short: z.string().min(1).optional(),
  aliases: z.array(z.string().min(1)).default([]),
  kind: z.enum(agencyKinds),
  successor: successorSchema.optional(),
  active: z.boolean().default(true),
});

const assignees = z.union([z.literal('all'), z.array(slug).min(1)]);

export const taskSchema = z.strictObject({
  id: slug,
  document: slug,
  section: z.string().min(1),
  agencies: assignees,
  role: z.enum(['lead', 'coordinate']).default('lead'),
  text: z.string().min(1),
  deadline: isoDate.optional(),
  recurrence: z.string().optional(),
});

export const deadlineSchema = z.strictObject({
  // Day of month (and month, for yearly duties) of the last day to submit; `date` for one-off duties.
  day: z.number().int().min(1).max(31).optional(),
  month: z.number().int().min(1).max(12).optional(),
  // For monthly/quarterly/half-year duties: the month offset after the cut-off month (0 = same month).
  monthsAfterCutoff: z.number().int().min(0).max(3).optional(),
  date: isoDate.optional(),
  wording: z.string().min(1),
});

export const dutySchema = z.strictObject({
  id: slug,
  title: z.string().min(1),
  kind: z.enum(['dinh-ky', 'chuyen-de', 'dot-xuat']).default('dinh-ky'),
  reporters: assignees,
  receiver: z.string().min(1),
  receiverAgency: slug.optional(),
  frequency: z.enum(frequencies),
  cutoff: z.enum(['nd09', 'calendar']).default('nd09'),
  deadline: deadlineSchema,
  template: slug,
  reminders: z.array(z.number().int().min(-60).max(60)).optional(),
  note: z.string().optional(),
});

export const questionSchema = z.strictObject({
  id: slug,
  type: z.enum(questionTypes),
  section: z.enum(['I', 'II', 'III', 'IV', 'V', 'PL']).optional(),
  prompt: z.string().min(1),
  hint: z.string().optional(),
  optional: z.boolean().default(false),
  options: z.array(z.string().min(1)).optional(),
  // Activity type ids whose logged figures in the period prefill a number question: the sum of their
  // quantities (an activity without one counts 1), or with `prefillOf: participants` the attendees stated.
  prefill: z.array(slug).optional(),
  prefillOf: z.enum(['quantity', 'participants']).optional(),
  // Answers to this question are difficulties or proposals, listed in leaders' views.
  marks: z.enum(['difficulty', 'proposal']).optional(),
});

export const templateSchema = z.strictObject({
  id: slug,
  title: z.string().min(1),
  questions: z.array(questionSchema).min(1),
});

export const activityTypeSchema = z.strictObject({
  id: slug,
  name: z.string().min(1),
  keywords: z.array(z.string().min(1)).min(1),
});

export const planSchema = z.strictObject({
  network: networkSchema,
  documents: z.array(documentSchema).min(1),
  agencies: z.array(agencySchema).min(1),
  tasks: z.array(taskSchema).min(1),
  duties: z.array(dutySchema).default([]),
  templates: z.array(templateSchema).default([]),
  activityTypes: z.array(activityTypeSchema).optional(),
});

export type Plan = z.infer<typeof planSchema>;
export type PlanAgency = z.infer<typeof agencySchema>;
export type PlanTask = z.infer<typeof taskSchema>;
export type PlanDuty = z.infer<typeof dutySchema>;
export type PlanTemplate = z.infer<typeof templateSchema>;
export type PlanQuestion = z.infer<typeof questionSchema>;
export type ActivityType = z.infer<typeof activityTypeSchema>;
export type Frequency = (typeof frequencies)[number];
