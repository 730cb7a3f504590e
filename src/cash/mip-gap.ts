/**
 * MIPs stop once the plan is provably within 0.005% of the optimum (GLPK's relative gap): a tenth of a
 * second to a few tenths on the 52×6 and 78×6 lot-sized bench plans, against seconds to minutes for a
 * proof of exact optimality. Pass `mipGap: 0` for the exact optimum.
 */
export const DEFAULT_MIP_GAP = 5e-5;
