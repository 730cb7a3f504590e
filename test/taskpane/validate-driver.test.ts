/**
 * The driver form reads a typed parameter by the drivers table's one parameter rule (src/sheets): the
 * same text gives the same parameter in a cell of the table and in the form.
 */
import { checkDriver } from '../../taskpane/drivers/validate-driver';
import { tryParseNumber } from '../../src/format';

describe('checkDriver parameters', () => {
  it('reads lists with ; , | or spaces for the discrete family, and one value as a list of one', () => {
    const check = checkDriver(
      {
        name: 'capex',
        distribution: 'discrete',
        params: { values: '0, 250000 | 1000000', probabilities: '0.6 0.3 0.1' },
      },
      [],
    );
    expect(check.errors).toEqual({});
    expect(check.params).toEqual({ values: [0, 250000, 1000000], probabilities: [0.6, 0.3, 0.1] });
    const one = checkDriver(
      { name: 'fixed', distribution: 'discrete', params: { values: '5', probabilities: '1' } },
      [],
    );
    expect(one.errors).toEqual({});
    expect(one.distribution?.quantile(0.5)).toBe(5);
  });

  it('refuses text and a list where one number is needed, next to the parameter', () => {
    const check = checkDriver({ name: 'price', distribution: 'normal', params: { mean: '1,300', sd: 'ten' } }, []);
    expect(check.errors).toEqual({
      mean: 'parameter "mean" takes one number; write it without thousands separators.',
      sd: 'parameter "sd" must be a number.',
    });
    expect(check.distribution).toBeNull();
  });
});

describe('checkDriver with the pane’s locale parser', () => {
  const reader = (locale: string) => (text: string) => {
    const parsed = tryParseNumber(text, { locale, field: 'Parameter' });
    return parsed.ok ? parsed.value : null;
  };

  it('reads one number as finance writes it in the user’s locale', () => {
    const us = checkDriver(
      { name: 'cost', distribution: 'normal', params: { mean: '1,300', sd: '12.5' } },
      [],
      reader('en-US'),
    );
    expect(us.errors).toEqual({});
    expect(us.params).toEqual({ mean: 1300, sd: 12.5 });
    const de = checkDriver(
      { name: 'cost', distribution: 'uniform', params: { min: '1.200,50', max: '2.000' } },
      [],
      reader('de-DE'),
    );
    expect(de.errors).toEqual({});
    expect(de.params).toEqual({ min: 1200.5, max: 2000 });
  });

  it('keeps the sheet rule for lists and still refuses text', () => {
    const check = checkDriver(
      { name: 'capex', distribution: 'discrete', params: { values: '0, 250000', probabilities: '0.6 0.4' } },
      [],
      reader('en-US'),
    );
    expect(check.params).toEqual({ values: [0, 250000], probabilities: [0.6, 0.4] });
    const text = checkDriver(
      { name: 'p', distribution: 'normal', params: { mean: 'ten', sd: '1' } },
      [],
      reader('en-US'),
    );
    expect(text.errors.mean).toBe('parameter "mean" must be a number.');
  });
});
