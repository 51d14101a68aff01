import type { BasisPoints } from './basis-points';
import type { Month } from './local-date';
import type { Fen } from './money';

export interface TariffLine {
  product: string;
  quantity: number;
  proposedUnitPriceFen: Fen;
}

/** What an account manager asks for: the application form's content. */
export interface ApplicationInput {
  unit: string;
  applicant: string;
  customer: { name: string; groupId: string };
  activity: string;
  preConsultationRef: string | null;
  startMonth: Month;
  termMonths: number;
  agentChannel: boolean;
  /** Which agent, by name or code, when the plan goes through an agent channel (absent in older records). */
  agentName?: string | null;
  tariffLines: TariffLine[];
  subsidyFen: Fen;
  commissionBp: BasisPoints;
  expected: { revenueFen: Fen; subscribers: number };
  justification: string;
}
