import { z } from 'zod';
import { isLocalDate, isMonth } from '../../domain/local-date';

/** Money is whole fen; a fraction read back means the row was damaged. */
export const fen = z.number().int();
export const basisPoints = z.number().int();
export const month = z.string().refine(isMonth, 'expected a month YYYY-MM');
export const localDate = z.string().refine(isLocalDate, 'expected a date YYYY-MM-DD');
