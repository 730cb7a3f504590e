/**
 * Error catalogue of the domain model (codes prefixed `MODEL_`).
 */
import { defineError } from '../errors';

export const ModelErrors = {
  transitionRefused: defineError('MODEL_TRANSITION_REFUSED', 'input', (verb: string, state: string, why: string) => ({
    message: `Cannot ${verb} a proposal that is ${state}: ${why}.`,
    hint: 'Check the proposal state and your role.',
    details: { field: verb },
  })),
  versionNotFound: defineError(
    'MODEL_VERSION_NOT_FOUND',
    'missing',
    (wanted: string, where: string, known: string[]) => ({
      message: `There is no budget version "${wanted}" ${where}.`,
      hint: known.length
        ? `Versions there: ${known.slice(0, 8).join(', ')}${known.length > 8 ? ', …' : ''}.`
        : 'None is stored there yet: check the cost centre, or create one by applying a proposal.',
      details: { field: 'name_or_id' },
    }),
  ),
  versionNeedsName: defineError('MODEL_VERSION_NEEDS_NAME', 'input', () => ({
    message: 'name_or_id is empty.',
    hint: 'Give a version name such as "v2" or a version id (the Versions view lists both).',
    details: { field: 'name_or_id' },
  })),
  versionNeedsCostCentre: defineError('MODEL_VERSION_NEEDS_COST_CENTRE', 'input', (wanted: string) => ({
    message: `"${wanted}" is a version name, and names are looked up within one cost centre.`,
    hint: 'Give cost_centre (for example "CC1"), or the version\'s id instead of its name.',
    details: { field: 'cost_centre' },
  })),
  versionAmbiguous: defineError('MODEL_VERSION_AMBIGUOUS', 'input', (wanted: string, matches: string[]) => ({
    message: `"${wanted}" names ${matches.length} versions: ${matches.join(', ')}.`,
    hint: `Put the fiscal year and kind before the name ("${matches[0]}"), or give the version's id.`,
    details: { field: 'name_or_id' },
  })),
};
