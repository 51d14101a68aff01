import type { BasisPoints } from './basis-points';
import type { Fen } from './money';

export const PRODUCT_STATUSES = ['pilot', 'trial', 'commercial', 'retired'] as const;
export type ProductStatus = (typeof PRODUCT_STATUSES)[number];

export const LINE_KINDS = ['tariff_discount', 'promo_subsidy', 'agent_commission'] as const;
export type LineKind = (typeof LINE_KINDS)[number];

/** One business as the product center keeps it: standard tariff, cost and market reference, per unit per month. */
export interface CatalogProduct {
  code: string;
  name: string;
  status: ProductStatus;
  standardPriceFen: Fen;
  unitCostFen: Fen;
  marketReferenceFen: Fen;
}

/** A standard marketing activity: what a branch may grant on its own, and which adjustments it defines. */
export interface Activity {
  code: string;
  branchMaxDiscountBp: BasisPoints;
  standardSubsidyBp: BasisPoints;
  standardCommissionBp: BasisPoints;
  allowedKinds: LineKind[];
  productCodes: string[];
}

/** A catalog's content before the store gives it a version. */
export interface CatalogContent {
  products: CatalogProduct[];
  activities: Activity[];
}

/** A catalog version as stored: imported monthly, never edited. */
export interface Catalog extends CatalogContent {
  version: number;
  importedAt: string;
  importedBy: string;
}

export function findProduct(catalog: CatalogContent, code: string): CatalogProduct | undefined {
  return catalog.products.find((p) => p.code === code);
}

export function findActivity(catalog: CatalogContent, code: string): Activity | undefined {
  return catalog.activities.find((a) => a.code === code);
}

/** A business may be offered while it is pilot, trial commercial or commercial. */
export const isIssued = (product: CatalogProduct): boolean => product.status !== 'retired';
