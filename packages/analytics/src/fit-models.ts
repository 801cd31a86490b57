/**
 * Fitting both customer-base models at once: what the analytics plugin and the fit worker run.
 */
import { fitBgNbd, type BgNbdFit, type BgNbdFitOptions } from './bgnbd.js';
import { fitGammaGamma, type GammaGammaFit, type GammaGammaFitOptions } from './gamma-gamma.js';

/** A customer row both models read: a `CustomerSummary` fits. */
export interface ModelRow {
  frequency: number;
  recency: number;
  T: number;
  monetaryValue: number;
}

export interface FitModelsOptions {
  bgNbd?: BgNbdFitOptions;
  gammaGamma?: GammaGammaFitOptions;
}

export interface FittedModels {
  bgNbd: BgNbdFit;
  gammaGamma: GammaGammaFit;
}

/**
 * Fits BG/NBD on every row and Gamma-Gamma on the repeat buyers whose repeat spend is positive (free or
 * refunded repeat purchases carry no spend to model; they are left out of that fit only).
 */
export function fitModels(rows: readonly ModelRow[], options: FitModelsOptions = {}): FittedModels {
  const bgNbd = fitBgNbd(rows, options.bgNbd);
  const spenders = rows.filter((row) => row.frequency === 0 || row.monetaryValue > 0);
  const gammaGamma = fitGammaGamma(spenders.length ? spenders : rows, options.gammaGamma);
  return { bgNbd, gammaGamma };
}
