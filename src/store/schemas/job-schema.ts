import { z } from 'zod';
import { JOB_KINDS, type Job } from '../../app/ports/jobs';
import { exactSchema } from './exact-schema';

/** A job as every store keeps it; lease and status live beside it. */
export const jobSchema = exactSchema<Job>()(
  z.object({
    id: z.string().min(1),
    kind: z.enum(JOB_KINDS),
    applicationId: z.string().nullable(),
    dueAt: z.string(),
    payload: z.record(z.string(), z.union([z.string(), z.number()])),
  }),
);
